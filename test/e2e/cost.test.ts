// Cost: an event reads and writes the register in the same number of batched calls whatever its size; selfTest.
import { describe, expect, it } from 'vitest';
import type { ExecutionResult } from '../../emulator';
import { APPLICANT, act, answers, KADIS, OWNER, registerRows, setUp, tokenOf, webLinks } from './harness';

function spreadsheetCalls(execution: ExecutionResult | null | undefined): Record<string, number> {
  return Object.fromEntries(
    Object.entries(execution?.calls ?? {}).filter(([name]) => name.startsWith('SpreadsheetApp.')),
  );
}

/** A distinct valid applicant (unique NIK, NIP and address) for filler applications. */
function filler(i: number): Record<string, string | string[]> {
  const serial = String(100 + i).padStart(4, '0');
  return answers({
    nik: `710120150885${serial}`,
    name: 'Andi Pratama',
    email: `andi.${i}@bolmongkab.go.id`,
  });
}

/**
 * A view opened by a mailed link (warm SOP cache): the register by ID, Pengaturan, the register's header, the hinted
 * row; one range and one getValues each, no search.
 */
const VIEW_CALLS = {
  'SpreadsheetApp.SpreadsheetApp.openById': 1,
  'SpreadsheetApp.Spreadsheet.getRange': 3,
  'SpreadsheetApp.Range.getValues': 3,
};

describe('cost per event', () => {
  it('submit, GET and decision cost the same SpreadsheetApp calls with 2 or 41 applications in the register', () => {
    const measure = (fillers: number) => {
      const emu = setUp();
      for (let i = 0; i < fillers; i += 1) emu.submitForm(filler(i));
      const submit = emu.submitForm(answers()).executions[0];
      act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
      const { page, result } = act(emu, KADIS, { action: 'DISPOSE', toEmail: '', instruction: 'x' });
      return {
        submit: spreadsheetCalls(submit),
        get: spreadsheetCalls(page.execution),
        decide: spreadsheetCalls(result.execution),
      };
    };
    // One filler in both, so the audit log is never empty (the very first audit row reads no previous hash).
    const small = measure(1);
    const large = measure(40);
    expect(large).toEqual(small);
    const total = (calls: Record<string, number>) => Object.values(calls).reduce((n, c) => n + c, 0);
    expect(small.get).toEqual(VIEW_CALLS);
    expect(total(small.submit)).toBeLessThanOrEqual(37);
    expect(total(small.decide)).toBeLessThanOrEqual(19);
  });

  it('the status page and the sidebar read Pengaturan, the register header and one row, nothing twice', () => {
    const emu = setUp();
    emu.submitForm(answers());
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    const status = emu
      .outbox()
      .flatMap((mail) => webLinks(mail))
      .map(tokenOf)
      .find((token) => JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()).act === 'STATUS');
    if (!status) throw new Error('no status link mailed');
    const page = emu.doGet({ query: { t: status }, user: APPLICANT });
    expect(page.title).not.toBe('Tautan tidak sah');
    expect(spreadsheetCalls(page.execution)).toEqual(VIEW_CALLS);
    const id = registerRows(emu)[0]?.['Nomor permohonan'] ?? '';
    emu.uiResponder = () => ({ button: 'OK', text: id });
    const sidebar = emu.run('openSidebar_', [], { user: KADIS, kind: 'MENU' });
    expect(sidebar.status, sidebar.error ?? '').toBe('COMPLETED');
    // The prompt (no selection in the emulator) asks for the number, so the row is found by TextFinder.
    expect(spreadsheetCalls(sidebar)).toEqual({
      'SpreadsheetApp.SpreadsheetApp.openById': 1,
      'SpreadsheetApp.Spreadsheet.getRange': 4,
      'SpreadsheetApp.Range.getValues': 3,
      'SpreadsheetApp.SpreadsheetApp.getUi': 1,
      'SpreadsheetApp.Ui.prompt': 1,
      'SpreadsheetApp.PromptResponse.getSelectedButton': 1,
      'SpreadsheetApp.PromptResponse.getResponseText': 1,
      'SpreadsheetApp.Range.createTextFinder': 1,
      'SpreadsheetApp.TextFinder.matchEntireCell': 1,
      'SpreadsheetApp.TextFinder.matchCase': 1,
      'SpreadsheetApp.TextFinder.findAll': 1,
      'SpreadsheetApp.Range.getRow': 1,
      'SpreadsheetApp.Ui.showSidebar': 1,
    });
    // The printed Surat Permohonan from Cek Status: one search; the print reads the row found at its row again.
    const code = /Kode akses Cek Status Permohonan: ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(emu.outbox()[0]?.body ?? '')?.[1];
    const surat = emu.doGet({ query: { cek: '1', ref: id, kode: code ?? '', cetak: 'surat' }, user: APPLICANT });
    expect(surat.content).toContain('SURAT PERMOHONAN');
    const printed = spreadsheetCalls(surat.execution);
    expect(printed['SpreadsheetApp.Range.createTextFinder']).toBe(1);
    expect(printed['SpreadsheetApp.Range.getRow']).toBe(1);
  });
});

describe('selfTest', () => {
  it('reports every step ok on a set-up deployment, without personal data', () => {
    const emu = setUp();
    emu.submitForm(answers());
    const result = emu.run('selfTest', [], { user: OWNER });
    expect(result.status, result.error ?? '').toBe('COMPLETED');
    const value = result.value as { ok: boolean; steps: { name: string; ok: boolean; detail: string }[] };
    expect(value.steps.filter((s) => !s.ok)).toEqual([]);
    expect(value.ok).toBe(true);
    expect(JSON.stringify(value)).not.toContain('7101201508850001');
  });

  it('names what is missing before setup', () => {
    const emu = setUp();
    emu.state.scriptProperties = {};
    const value = emu.run('selfTest', [], { user: OWNER }).value as { ok: boolean; steps: { ok: boolean }[] };
    expect(value.ok).toBe(false);
  });
});
