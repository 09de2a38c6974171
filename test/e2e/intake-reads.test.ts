// Intake reads a Form response once: FormApp calls per submit are exact, and one register search serves both duplicate checks.
import { describe, expect, it } from 'vitest';
import type { Emulator, ExecutionResult } from '../../emulator';
import { answers, registerRows, setUp } from './harness';

function formCalls(execution: ExecutionResult | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(execution?.calls ?? {}).filter(([name]) => name.startsWith('FormApp.')));
}

/** How many questions the stored response answers (the item responses getItemResponses returns). */
function answeredItems(emu: Emulator, responseId: string): number {
  const response = Object.values(emu.state.forms)
    .flatMap((form) => form.responses)
    .find((r) => r.id === responseId);
  if (!response) throw new Error(`no response ${responseId}`);
  return response.items.length;
}

/** One getItemResponses, then per answered question its item, the item's title and the answer: nothing read twice. */
function readOnce(questions: number, extra: Record<string, number>): Record<string, number> {
  return {
    'FormApp.FormResponse.getItemResponses': 1,
    'FormApp.ItemResponse.getItem': questions,
    'FormApp.Item.getTitle': questions,
    'FormApp.ItemResponse.getResponse': questions,
    'FormApp.FormResponse.getId': 1,
    'FormApp.FormResponse.getTimestamp': 1,
    ...extra,
  };
}

describe('a Form response is read once', () => {
  it('a new submission: each answered question costs three FormApp calls, once; the edit link is read once', () => {
    const emu = setUp();
    const submitted = emu.submitForm(answers());
    const execution = submitted.executions[0];
    expect(execution?.status, execution?.error ?? '').toBe('COMPLETED');
    const questions = answeredItems(emu, submitted.responseId);
    expect(questions).toBe(12);
    expect(formCalls(execution)).toEqual(readOnce(questions, { 'FormApp.FormResponse.getEditResponseUrl': 1 }));
    expect(registerRows(emu)).toHaveLength(1);
  });

  it('one more answered question costs exactly three more calls', () => {
    const emu = setUp();
    const submitted = emu.submitForm(
      answers({
        filesDelivery: 'Saya mengunggah berkas (tautan Google Drive)',
        filesLink: 'https://drive.google.com/drive/folders/abc123',
      }),
    );
    const questions = answeredItems(emu, submitted.responseId);
    expect(questions).toBe(13);
    const calls = formCalls(submitted.executions[0]);
    expect(calls).toEqual(readOnce(questions, { 'FormApp.FormResponse.getEditResponseUrl': 1 }));
    expect(Object.values(calls).reduce((n, c) => n + c, 0)).toBe(3 * 13 + 4);
  });

  it('an edit and a repeated delivery read the response once each; the edit link only for the mail that carries it', () => {
    const emu = setUp();
    const submitted = emu.submitForm(answers({ name: 'Dr. Budi Santoso' }));
    emu.advanceClock(10);
    emu.faults.duplicateFormSubmit();
    const edited = emu.editResponse(submitted.responseId, answers());
    expect(edited.executions).toHaveLength(2);
    const questions = answeredItems(emu, submitted.responseId);
    const [applied, repeated] = edited.executions;
    // The corrected application's receipt mail carries the edit link (kept in no sheet): read from the response once.
    expect(formCalls(applied)).toEqual(readOnce(questions, { 'FormApp.FormResponse.getEditResponseUrl': 1 }));
    expect(formCalls(repeated)).toEqual(readOnce(questions, {}));
    expect(registerRows(emu).map((r) => r.Status)).toEqual(['Menunggu verifikasi email']);
  });

  it('the register is searched once for the response ID and the NIK key together', () => {
    const emu = setUp();
    emu.submitForm(answers());
    emu.advanceClock(1);
    const second = emu.submitForm(answers()).executions[0];
    expect(second?.calls['SpreadsheetApp.Sheet.createTextFinder']).toBe(1);
    expect(second?.calls['SpreadsheetApp.TextFinder.useRegularExpression']).toBe(1);
    expect(registerRows(emu).map((r) => r.Status)).toEqual([
      'Menunggu verifikasi email',
      'Data tidak valid, menunggu perbaikan',
    ]);
  });

  it('an edit that corrects the NIK finds its application by response ID; a cell elsewhere holding that ID is ignored', () => {
    const emu = setUp();
    const other = answers({ nik: '7101201508850003', email: 'andi.pratama@bolmongkab.go.id', name: 'Andi Pratama' });
    emu.submitForm(other);
    emu.advanceClock(1);
    const submitted = emu.submitForm(answers({ nik: '7101209908850001' }));
    expect(registerRows(emu).map((r) => r.Status)).toEqual([
      'Menunggu verifikasi email',
      'Data tidak valid, menunggu perbaikan',
    ]);
    // A staff member pastes the applicant's response ID into a note on the other application's row.
    const sheet = Object.values(emu.state.spreadsheets)
      .flatMap((ss) => ss.sheets)
      .find((sh) => sh.name === 'Register Permohonan');
    const note = (sheet?.values[0] ?? []).map(String).indexOf('Catatan pemeriksaan data');
    const otherRow = sheet?.values[1];
    if (!otherRow || note < 0) throw new Error('no register row or note column');
    otherRow[note] = submitted.responseId;
    emu.advanceClock(10);
    emu.faults.duplicateFormSubmit();
    emu.editResponse(submitted.responseId, answers({ nik: '7101201508850001' }));
    const rows = registerRows(emu);
    expect(rows.map((r) => [r['Nomor permohonan'], r.Status])).toEqual([
      ['TTE-2026-0001', 'Menunggu verifikasi email'],
      ['TTE-2026-0002', 'Menunggu verifikasi email'],
    ]);
  });
});

describe('the intake sweep reads only the responses it has to process', () => {
  const person = (i: number, name = `Pemohon ${'ABC'[i]}`) =>
    answers({ nik: `71012015088500${10 + i}`, email: `pemohon.${i}@bolmongkab.go.id`, name });

  it('a processed response costs its ID and time; a missed submission and a missed edit are read and processed once', () => {
    const emu = setUp();
    // The clock moves without running the time-driven triggers, so the sweep below is the first to run.
    const minute = () => {
      emu.state.now += 60_000;
    };
    const first = emu.submitForm(person(0, 'Dr. Pemohon A'));
    minute();
    emu.faults.lockTimeout();
    const missed = emu.submitForm(person(1));
    expect(missed.executions[0]?.status).toBe('FAILED');
    minute();
    emu.submitForm(person(2));
    minute();
    emu.faults.lockTimeout();
    expect(emu.editResponse(first.responseId, person(0)).executions[0]?.status).toBe('FAILED');
    expect(registerRows(emu).map((r) => r.Status)).toEqual([
      'Data tidak valid, menunggu perbaikan',
      'Menunggu verifikasi email',
    ]);

    const sweep = emu.run('flushOutbox_', [], { kind: 'TIME_DRIVEN' });
    expect(sweep.status, sweep.error ?? '').toBe('COMPLETED');
    const questions = answeredItems(emu, missed.responseId);
    expect(answeredItems(emu, first.responseId)).toBe(questions);
    expect(formCalls(sweep)).toEqual({
      'FormApp.FormApp.openById': 1,
      'FormApp.Form.getResponses': 1,
      'FormApp.FormResponse.getId': 3,
      'FormApp.FormResponse.getTimestamp': 3,
      'FormApp.FormResponse.getItemResponses': 2,
      'FormApp.ItemResponse.getItem': 2 * questions,
      'FormApp.Item.getTitle': 2 * questions,
      'FormApp.ItemResponse.getResponse': 2 * questions,
      // The missed submission's and the missed edit's receipt mails each carry the edit link.
      'FormApp.FormResponse.getEditResponseUrl': 2,
    });
    expect(registerRows(emu).map((r) => [r['Nomor permohonan'], r.Status])).toEqual([
      ['TTE-2026-0001', 'Menunggu verifikasi email'],
      ['TTE-2026-0002', 'Menunggu verifikasi email'],
      ['TTE-2026-0003', 'Menunggu verifikasi email'],
    ]);

    const again = emu.run('flushOutbox_', [], { kind: 'TIME_DRIVEN' });
    expect(formCalls(again)).toEqual({
      'FormApp.FormApp.openById': 1,
      'FormApp.Form.getResponses': 1,
      'FormApp.FormResponse.getId': 3,
      'FormApp.FormResponse.getTimestamp': 3,
    });
    expect(registerRows(emu)).toHaveLength(3);
  });
});
