// The Kotak Keluar append through the saved tail (issue 5): no last-row lookup when the hint checks out, never trusted when it does not.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator';
import { act, answers, KABID, KADIS, setScriptCache, sheetState, verifiedWorld } from './harness';

const TAIL = 'OUTBOX_TAIL';

interface Tail {
  row: number;
  id: string;
  prepared: number;
  headers: string[];
  saved: number;
}

function hint(emu: Emulator): Tail | null {
  const value = emu.state.cache.script?.[TAIL]?.value;
  return value ? (JSON.parse(value) as Tail) : null;
}

/** Kotak Keluar as header -> display value. */
function outbox(emu: Emulator): Record<string, string>[] {
  const [header = [], ...rows] = emu.sheetDisplayValues('Kotak Keluar');
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

/** A distinct valid applicant (unique NIK and address), so each submit is a new application with its mails. */
function filler(i: number): Record<string, string | string[]> {
  const serial = String(100 + i).padStart(4, '0');
  return answers({ nik: `710120150885${serial}`, name: 'Andi Pratama', email: `andi.${i}@bolmongkab.go.id` });
}

/** Rows with content (an empty row in the middle would be a gap). */
const filled = (emu: Emulator) => outbox(emu).filter((row) => Object.values(row).some((cell) => cell !== ''));

const dispose = (emu: Emulator) => act(emu, KADIS, { action: 'DISPOSE', toEmail: '', instruction: 'Proses' });

describe('Kotak Keluar append through the saved tail', () => {
  it('asks no last row, sets no format and writes no hint when the tail checks out; the full path saves it again', () => {
    const warm = verifiedWorld();
    const cold = verifiedWorld();
    setScriptCache(cold, TAIL, null);
    const warmCalls = dispose(warm).result.execution?.calls ?? {};
    const coldCalls = dispose(cold).result.execution?.calls ?? {};
    expect(warmCalls['SpreadsheetApp.Sheet.getLastRow'] ?? 0).toBe(0);
    expect(warmCalls['SpreadsheetApp.Range.setNumberFormats'] ?? 0).toBe(0);
    expect(coldCalls['SpreadsheetApp.Sheet.getLastRow']).toBe(1);
    expect(warmCalls['CacheService.Cache.put']).toBe((coldCalls['CacheService.Cache.put'] ?? 0) - 1);
    for (const emu of [warm, cold]) {
      const saved = hint(emu);
      const rows = filled(emu);
      expect(outbox(emu)).toHaveLength(rows.length);
      expect(saved?.id).toBe(rows[(saved?.row ?? 0) - 2]?.['ID Surel']);
      expect(saved?.prepared).toBeGreaterThan(rows.length + 1);
    }
    expect(hint(cold)?.row).toBe(filled(cold).length + 1);
  });

  it('the anchor moves once the appends after it fill half its window, and never leaves a gap', () => {
    const emu = verifiedWorld();
    const start = hint(emu)?.row ?? 0;
    const puts: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const submit = emu.submitForm(filler(i)).executions[0];
      puts.push(submit?.calls['CacheService.Cache.put'] ?? 0);
      const saved = hint(emu);
      const rows = filled(emu);
      expect(outbox(emu)).toHaveLength(rows.length);
      expect(saved?.id).toBe(rows[(saved?.row ?? 0) - 2]?.['ID Surel']);
      expect(rows.length + 1 - (saved?.row ?? 0)).toBeLessThan(20);
    }
    expect(hint(emu)?.row).toBeGreaterThan(start);
    // Most submits wrote no outbox hint: fewer puts than submits beyond the audit's one each.
    expect(puts.filter((n) => n > Math.min(...puts)).length).toBeLessThan(puts.length / 2);
  });

  it('a hint half-way through its life is saved again by the next append, so a quiet outbox keeps it', () => {
    const emu = verifiedWorld();
    const saved = hint(emu);
    if (!saved) throw new Error('no tail saved');
    setScriptCache(emu, TAIL, JSON.stringify({ ...saved, saved: emu.now().getTime() - 4 * 3600_000 }));
    const calls = dispose(emu).result.execution?.calls ?? {};
    expect(calls['SpreadsheetApp.Sheet.getLastRow'] ?? 0).toBe(0);
    expect(hint(emu)?.saved).toBeGreaterThan(emu.now().getTime() - 3600_000);
    expect(hint(emu)?.row).toBe(filled(emu).length + 1);
  });

  it('a wrong tail (wrong ID, past the end, other header, garbage) is not trusted: nothing overwritten, no gap', () => {
    // ids: the mail IDs in sheet order (row 2 first); an older anchor is still right (the window finds the end).
    const cases: [string, (t: Tail, ids: string[]) => Tail | string, boolean][] = [
      ['older anchor', (t, ids) => ({ ...t, row: ids.length, id: ids.at(-2) ?? '' }), false],
      ['wrong ID', (t) => ({ ...t, id: 'M-00000000-0000-0000-0000-000000000000' }), true],
      ['past the end', (t, ids) => ({ ...t, row: ids.length + 6, id: ids.at(-1) ?? '' }), true],
      ['other header', (t) => ({ ...t, headers: [...t.headers].reverse() }), true],
      ['garbage', () => 'x', true],
    ];
    for (const [name, wrong, full] of cases) {
      const emu = verifiedWorld();
      const before = filled(emu);
      const saved = hint(emu);
      if (!saved) throw new Error('no tail saved');
      const stale = wrong(
        saved,
        before.map((row) => row['ID Surel'] ?? ''),
      );
      setScriptCache(emu, TAIL, typeof stale === 'string' ? stale : JSON.stringify(stale));
      const calls = dispose(emu).result.execution?.calls ?? {};
      expect(calls['SpreadsheetApp.Sheet.getLastRow'] ?? 0, name).toBe(full ? 1 : 0);
      const after = filled(emu);
      expect(outbox(emu), name).toHaveLength(after.length);
      expect(after.slice(0, before.length), name).toEqual(before);
      expect(
        after.slice(before.length).map((row) => row.Kepada),
        name,
      ).toEqual([KABID]);
    }
  });

  it('columns moved by staff after the tail was saved: the row lands under the right headers, formatted again', () => {
    const emu = verifiedWorld();
    const sheet = sheetState(emu, 'Kotak Keluar');
    const header = (sheet.values[0] ?? []).map(String);
    const to = header.indexOf('Kepada');
    const subject = header.indexOf('Subjek');
    for (const row of sheet.values) {
      const recipient = row[to] ?? '';
      row[to] = row[subject] ?? '';
      row[subject] = recipient;
    }
    const calls = dispose(emu).result.execution?.calls ?? {};
    expect(calls['SpreadsheetApp.Sheet.getLastRow']).toBe(1);
    const last = filled(emu).at(-1);
    expect(last?.Kepada).toBe(KABID);
    expect(last?.Subjek).toContain('[Perlu disposisi]');
  });
});
