// Faults: mail quota exhausted mid-run, a service throwing between the register write and the audit append, a lock
// timeout, a trigger deleted by hand, staff inserting/moving/renaming columns, a second account's form trigger.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator';
import {
  APPLICANT,
  act,
  answers,
  auditRows,
  KABID,
  KADIS,
  lastMailTo,
  mailsTo,
  OWNER,
  post,
  registerRows,
  setUp,
  tokenOf,
  webLinks,
} from '../e2e/harness';
import { atKadis, knownNiks, outboxRows, recipients, snapshot, tally, track } from './support';

const QUOTA_ERROR = 'Service invoked too many times for one day: email.';

/** The audit chain is whole and the register agrees with the log (every status is its last audited one). */
function consistent(emu: Emulator): void {
  const check = emu.run('verifyAuditLog_');
  expect(check.value, JSON.stringify(check.value)).toMatchObject({ ok: true });
  const audits = auditRows(emu);
  for (const row of registerRows(emu)) {
    const last = audits.filter((a) => a['Nomor Permohonan'] === row['Nomor permohonan'] && a['Status Sesudah']).at(-1);
    expect(last?.['Status Sesudah'], row['Nomor permohonan']).toBe(row.Status);
  }
}

/** Every Kotak Keluar row marked sent was delivered exactly as many times as it was queued. */
function sentOnce(emu: Emulator): void {
  const queued = new Map<string, number>();
  for (const row of outboxRows(emu))
    queued.set(
      `${recipients(row.Kepada ?? '')}|${row.Subjek}`,
      (queued.get(`${recipients(row.Kepada ?? '')}|${row.Subjek}`) ?? 0) + 1,
    );
  const delivered = new Map<string, number>();
  for (const mail of emu.outbox())
    delivered.set(
      `${recipients(mail.to)}|${mail.subject}`,
      (delivered.get(`${recipients(mail.to)}|${mail.subject}`) ?? 0) + 1,
    );
  for (const [key, count] of delivered) expect(count, key).toBeLessThanOrEqual(queued.get(key) ?? 0);
}

function sheetOf(emu: Emulator, name: string) {
  const ss = emu.state.spreadsheets[emu.state.scriptProperties.SPREADSHEET_ID ?? ''];
  const sheet = ss?.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Staff, in the spreadsheet UI: inserts an empty column before `at` (0-based), shifting every cell right. */
function insertColumn(emu: Emulator, name: string, at: number, header: string): void {
  const sheet = sheetOf(emu, name);
  for (const grid of [sheet.values, sheet.formulas, sheet.numberFormats] as unknown[][][]) {
    grid.forEach((row, index) => {
      while (row.length < at) row.push('');
      row.splice(at, 0, index === 0 && grid === sheet.values ? header : '');
    });
  }
  sheet.maxColumns += 1;
}

/** Staff drags the column at `from` to position `to` (0-based), in every row. */
function moveColumn(emu: Emulator, name: string, from: number, to: number): void {
  const sheet = sheetOf(emu, name);
  const width = sheet.values[0]?.length ?? 0;
  for (const grid of [sheet.values, sheet.formulas, sheet.numberFormats] as unknown[][][]) {
    for (const row of grid) {
      while (row.length < width) row.push('');
      const [cell] = row.splice(from, 1);
      row.splice(to, 0, cell ?? '');
    }
  }
}

describe('faults: mail quota', () => {
  it('exhausted before a decision: mail waits in Kotak Keluar, is sent after the reset, once, none lost', () => {
    const emu = atKadis();
    emu.faults.exhaustMailQuota();
    tally.faultsInjected += 1;
    const sent = emu.outbox().length;
    act(emu, KADIS, { action: 'DISPOSE', toEmail: '', instruction: 'Proses' });
    expect(registerRows(emu)[0]?.Status).toBe('Didisposisikan ke Kabid Persandian');
    expect(emu.outbox().length).toBe(sent);
    const waiting = outboxRows(emu).filter((row) => row.Status === 'Menunggu');
    expect(waiting.length).toBeGreaterThan(0);
    // The outbox trigger keeps trying every 15 minutes; nothing goes before the quota resets.
    emu.advanceClock(60);
    expect(emu.outbox().length).toBe(sent);
    emu.advanceClock(24 * 60);
    expect(outboxRows(emu).filter((row) => row.Status !== 'Terkirim')).toEqual([]);
    const disposition = () => mailsTo(emu, KABID).filter((mail) => mail.subject.includes('[Perlu disposisi]'));
    expect(disposition()).toHaveLength(1);
    emu.run('flushOutbox_');
    expect(disposition()).toHaveLength(1);
    sentOnce(emu);
    tally.faultsRecovered += 1;
  });

  it('exhausted in the middle of a run (second send refused): the rest waits and goes once later', () => {
    const emu = atKadis();
    emu.faults.exhaustMailQuota();
    for (let i = 0; i < 3; i += 1)
      emu.submitForm(answers({ nik: `71012015088591${10 + i}`, email: `pemohon${i}@bolmongkab.go.id` }));
    for (let i = 0; i < 3; i += 1) knownNiks.add(`71012015088591${10 + i}`);
    const waiting = outboxRows(emu).filter((row) => row.Status === 'Menunggu').length;
    const sentBefore = outboxRows(emu).filter((row) => row.Status === 'Terkirim').length;
    expect(waiting).toBeGreaterThanOrEqual(3);
    emu.state.now += 25 * 3600_000;
    emu.faults.throwOn('MailApp.MailApp.sendEmail', { after: 1, message: QUOTA_ERROR });
    tally.faultsInjected += 1;
    const run = emu.run('flushOutbox_', [], { kind: 'TIME_DRIVEN' });
    expect(run.status, run.error ?? '').toBe('COMPLETED');
    const after = outboxRows(emu);
    expect(after.filter((row) => row.Status === 'Terkirim').length).toBe(sentBefore + 1);
    expect(after.filter((row) => row.Status === 'Menunggu').length).toBe(waiting - 1);
    emu.state.now += 25 * 3600_000;
    emu.run('flushOutbox_', [], { kind: 'TIME_DRIVEN' });
    expect(outboxRows(emu).filter((row) => row.Status !== 'Terkirim')).toEqual([]);
    for (let i = 0; i < 3; i += 1) expect(mailsTo(emu, `pemohon${i}@bolmongkab.go.id`)).toHaveLength(1);
    sentOnce(emu);
    tally.faultsRecovered += 1;
  });
});

describe('faults: a service throwing mid-decision', () => {
  it('between the register write and the audit append: the write is undone, the same link works again', () => {
    const emu = atKadis();
    const link = webLinks(lastMailTo(emu, KADIS))[0] ?? '';
    const before = snapshot(emu);
    // The decision's first setValues is the register row; the second is the audit append.
    emu.faults.throwOn('SpreadsheetApp.Range.setValues', { after: 1 });
    tally.faultsInjected += 1;
    const failed = post(emu, tokenOf(link), { action: 'DISPOSE', toEmail: '', instruction: 'Proses' }, KADIS);
    expect(failed.title).toBe('Terjadi kesalahan sistem');
    expect(registerRows(emu)[0]?.Status).toBe('Menunggu disposisi Kepala Dinas');
    expect(JSON.parse(snapshot(emu)).register).toEqual(JSON.parse(before).register);
    expect(mailsTo(emu, KABID)).toHaveLength(0);
    // Retried with the same link: one transition, one audit row, one mail to the Kabid.
    const retried = post(emu, tokenOf(link), { action: 'DISPOSE', toEmail: '', instruction: 'Proses' }, KADIS);
    expect(retried.title).toBe('Tercatat');
    expect(auditRows(emu).filter((row) => row.Peristiwa === 'Disposisi')).toHaveLength(1);
    expect(mailsTo(emu, KABID)).toHaveLength(1);
    consistent(emu);
    tally.faultsRecovered += 1;
  });

  it('at every service call of a decision, in turn: never a half-done change; the retry completes it once', () => {
    for (const method of [
      'SpreadsheetApp.Range.setValues',
      'SpreadsheetApp.Range.setNumberFormats',
      'SpreadsheetApp.flush',
    ]) {
      for (let after = 0; after < 4; after += 1) {
        const emu = atKadis();
        const link = webLinks(lastMailTo(emu, KADIS))[0] ?? '';
        emu.faults.throwOn(method, { after });
        tally.faultsInjected += 1;
        post(emu, tokenOf(link), { action: 'DISPOSE', toEmail: '', instruction: 'Proses' }, KADIS);
        emu.faults.clear();
        emu.run('runIntegrityCheck_', [], { kind: 'TIME_DRIVEN' });
        const status = registerRows(emu)[0]?.Status;
        if (status === 'Menunggu disposisi Kepala Dinas') {
          const retried = post(emu, tokenOf(link), { action: 'DISPOSE', toEmail: '', instruction: 'Proses' }, KADIS);
          expect(retried.title, `${method} after ${after}`).toBe('Tercatat');
        }
        expect(registerRows(emu)[0]?.Status, `${method} after ${after}`).toBe('Didisposisikan ke Kabid Persandian');
        // Mail queued before the fault goes with the outbox trigger's next run.
        emu.advanceClock(16);
        expect(mailsTo(emu, KABID).length, `${method} after ${after}: the Kabid's mail`).toBeGreaterThanOrEqual(1);
        consistent(emu);
        tally.faultsRecovered += 1;
      }
    }
  });
});

describe('faults: a service throwing mid-intake', () => {
  for (const after of [0, 1, 2, 3]) {
    it(`a form submit whose write number ${after + 1} fails: the application is still recorded once and answered`, () => {
      const emu = track(setUp());
      knownNiks.add('7101201508850001');
      emu.faults.throwOn('SpreadsheetApp.Range.setValues', { after });
      tally.faultsInjected += 1;
      emu.submitForm(answers());
      emu.faults.clear();
      // The retry job (every 15 minutes) sweeps the Form for responses the register does not hold at their time.
      emu.advanceClock(16);
      expect(registerRows(emu)).toHaveLength(1);
      const status = registerRows(emu)[0]?.Status;
      expect(status).toBe('Menunggu verifikasi email');
      expect(mailsTo(emu, APPLICANT).length, 'the applicant is answered').toBeGreaterThanOrEqual(1);
      const link = webLinks(lastMailTo(emu, APPLICANT))[0] ?? '';
      expect(post(emu, tokenOf(link), { action: 'VERIFY_EMAIL' }, APPLICANT).title).toBe('Tercatat');
      consistent(emu);
      tally.faultsRecovered += 1;
    });
  }
});

describe('faults: lock timeout', () => {
  it('a decision that cannot get the lock changes nothing, says the system is busy, and can be retried', () => {
    const emu = atKadis();
    const link = webLinks(lastMailTo(emu, KADIS))[0] ?? '';
    const before = snapshot(emu);
    emu.faults.lockTimeout();
    tally.faultsInjected += 1;
    const busy = post(emu, tokenOf(link), { action: 'DISPOSE', toEmail: '', instruction: 'Proses' }, KADIS);
    expect(busy.title).toBe('Sistem sedang sibuk');
    expect(snapshot(emu)).toBe(before);
    const retried = post(emu, tokenOf(link), { action: 'DISPOSE', toEmail: '', instruction: 'Proses' }, KADIS);
    expect(retried.title).toBe('Tercatat');
    consistent(emu);
    tally.faultsRecovered += 1;
  });

  it('a form submit that cannot get the lock is picked up by the retry job: still one application', () => {
    const emu = track(setUp());
    knownNiks.add('7101201508850001');
    emu.faults.lockTimeout();
    tally.faultsInjected += 1;
    const submitted = emu.submitForm(answers());
    expect(submitted.executions[0]?.status).toBe('FAILED');
    expect(registerRows(emu)).toHaveLength(0);
    emu.run('flushOutbox_', [], { kind: 'TIME_DRIVEN' });
    expect(registerRows(emu)).toHaveLength(1);
    expect(mailsTo(emu, APPLICANT)).toHaveLength(1);
    emu.run('flushOutbox_', [], { kind: 'TIME_DRIVEN' });
    expect(registerRows(emu)).toHaveLength(1);
    consistent(emu);
    tally.faultsRecovered += 1;
  });
});

describe('faults: triggers', () => {
  it('the form trigger deleted by hand: the missed response is processed and the trigger reinstalled', () => {
    const emu = track(setUp());
    knownNiks.add('7101201508850001');
    emu.state.triggers = emu.state.triggers.filter((t) => t.handlerFunction !== 'handleFormSubmit_');
    tally.faultsInjected += 1;
    emu.submitForm(answers());
    expect(registerRows(emu)).toHaveLength(0);
    emu.advanceClock(60);
    expect(emu.state.triggers.filter((t) => t.handlerFunction === 'handleFormSubmit_')).toHaveLength(1);
    expect(registerRows(emu)).toHaveLength(1);
    expect(mailsTo(emu, APPLICANT)).toHaveLength(1);
    consistent(emu);
    tally.faultsRecovered += 1;
  });

  it('a time-driven trigger deleted by hand: setup detects and repairs it', () => {
    const emu = track(setUp());
    emu.state.triggers = emu.state.triggers.filter((t) => t.handlerFunction !== 'runSlaCheck_');
    tally.faultsInjected += 1;
    const repaired = emu.runMenuItem('Siapkan/perbaiki sistem', OWNER);
    expect(repaired.ui.alerts[0]?.prompt).toContain('runSlaCheck_');
    expect(emu.state.triggers.filter((t) => t.handlerFunction === 'runSlaCheck_')).toHaveLength(1);
    tally.faultsRecovered += 1;
  });

  it('a duplicate form trigger installed by a second account: one application, one mail', () => {
    const emu = track(setUp());
    knownNiks.add('7101201508850001');
    const original = emu.state.triggers.find((t) => t.handlerFunction === 'handleFormSubmit_');
    if (!original) throw new Error('no form trigger');
    emu.state.triggers.push({ ...original, uid: `${original.uid}9`, owner: KADIS });
    emu.faults.duplicateFormSubmit();
    tally.faultsInjected += 1;
    const submitted = emu.submitForm(answers());
    expect(submitted.executions.length).toBeGreaterThanOrEqual(2);
    expect(registerRows(emu)).toHaveLength(1);
    expect(mailsTo(emu, APPLICANT)).toHaveLength(1);
    // The extra deliveries are recognised as the same response, silently: nothing "ignored" to explain.
    expect(auditRows(emu).map((row) => row.Peristiwa)).not.toContain('Diabaikan');
    consistent(emu);
    tally.faultsRecovered += 1;
  });
});

describe('faults: staff edit the register columns', () => {
  it('an inserted column and a moved column are followed; the staff column keeps its notes', () => {
    const emu = atKadis();
    insertColumn(emu, 'Register Permohonan', 2, 'Catatan staf');
    sheetOf(emu, 'Register Permohonan').values[1]?.splice(2, 1, 'jangan dihapus');
    moveColumn(emu, 'Register Permohonan', 1, 8);
    tally.faultsInjected += 1;
    act(emu, KADIS, { action: 'DISPOSE', toEmail: '', instruction: 'Proses' });
    const row = registerRows(emu)[0];
    expect(row?.Status).toBe('Didisposisikan ke Kabid Persandian');
    expect(row?.['Catatan staf']).toBe('jangan dihapus');
    expect(mailsTo(emu, KABID)).toHaveLength(1);
    consistent(emu);
    tally.faultsRecovered += 1;
  });

  it('a renamed column stops the event with a clear message before anything is written', () => {
    const emu = atKadis();
    const header = sheetOf(emu, 'Register Permohonan').values[0];
    const index = header?.indexOf('Versi') ?? -1;
    if (!header || index < 0) throw new Error('no Versi column');
    header[index] = 'Versi (lama)';
    tally.faultsInjected += 1;
    const link = webLinks(lastMailTo(emu, KADIS))[0] ?? '';
    const before = snapshot(emu);
    const audits = auditRows(emu).length;
    const page = post(emu, tokenOf(link), { action: 'DISPOSE', toEmail: '', instruction: 'Proses' }, KADIS);
    expect(page.execution?.logs.join('\n') ?? '').toContain('Versi');
    expect(snapshot(emu)).toBe(before);
    expect(auditRows(emu).length).toBe(audits);
    // A submit meets the same stop; after staff put the name back, the hourly check processes the response.
    emu.submitForm(answers({ nik: '7101201508850002', email: 'ani@bolmongkab.go.id' }));
    knownNiks.add('7101201508850002');
    expect(registerRows(emu)).toHaveLength(1);
    header[index] = 'Versi';
    emu.run('flushOutbox_', [], { kind: 'TIME_DRIVEN' });
    expect(registerRows(emu)).toHaveLength(2);
    const retried = post(emu, tokenOf(link), { action: 'DISPOSE', toEmail: '', instruction: 'Proses' }, KADIS);
    expect(retried.title).toBe('Tercatat');
    consistent(emu);
    tally.faultsRecovered += 1;
  });
});
