// The audit append through the saved tail (issue 5): cheap when the hint checks out, never trusted when it does not.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator';
import {
  act,
  auditRows,
  KABID,
  KADIS,
  lastMailTo,
  post,
  setScriptCache,
  sheetState,
  tokenOf,
  verifiedWorld,
  webLinks,
} from './harness';

const TAIL = 'AUDIT_TAIL';

/** The tail hint as the script cache holds it ('' when absent). */
function hint(emu: Emulator): string {
  return emu.state.cache.script?.[TAIL]?.value ?? '';
}

function chainWhole(emu: Emulator): void {
  const check = emu.run('verifyAuditLog_');
  expect(check.value, JSON.stringify(check.value)).toMatchObject({ ok: true });
}

function spreadsheetCalls(calls: Record<string, number>): number {
  return Object.entries(calls)
    .filter(([name]) => name.startsWith('SpreadsheetApp.'))
    .reduce((sum, [, n]) => sum + n, 0);
}

function tail(emu: Emulator): { row: number; hash: string; prepared: number } {
  const [row = '', hash = '', prepared = ''] = hint(emu).split(':');
  return { row: Number(row), hash, prepared: Number(prepared) };
}

const dispose = (emu: Emulator) => act(emu, KADIS, { action: 'DISPOSE', toEmail: '', instruction: 'Proses' });
const forward = (emu: Emulator) => act(emu, KABID, { action: 'DISPOSE', toEmail: '', instruction: 'Lanjut' });

describe('audit append through the saved tail', () => {
  it('reads no header, last row or grid size when the tail checks out: 7+ fewer SpreadsheetApp calls', () => {
    const warm = verifiedWorld();
    const cold = verifiedWorld();
    setScriptCache(cold, TAIL, null);
    const warmCalls = dispose(warm).result.execution?.calls ?? {};
    const coldCalls = dispose(cold).result.execution?.calls ?? {};
    expect(spreadsheetCalls(coldCalls) - spreadsheetCalls(warmCalls)).toBeGreaterThanOrEqual(7);
    expect(warmCalls['SpreadsheetApp.Range.setNumberFormats'] ?? 0).toBeLessThan(
      coldCalls['SpreadsheetApp.Range.setNumberFormats'] ?? 0,
    );
    // The full path saves the tail again, so the cold world's next append is cheap too.
    expect(tail(cold).row).toBe(sheetState(cold, 'Jejak Audit').values.length);
    chainWhole(warm);
    chainWhole(cold);
  });

  it('the tail saved after the last append points at the last row and its hash', () => {
    const emu = verifiedWorld();
    dispose(emu);
    const sheet = sheetState(emu, 'Jejak Audit');
    const saved = tail(emu);
    expect(saved.row).toBe(sheet.values.length);
    expect(saved.hash).toBe(String(sheet.values[saved.row - 1]?.[9]));
    expect(saved.prepared).toBeGreaterThan(saved.row);
  });

  it('a tail not updated after its write (a fault between the two) chains after the real last row, overwriting nothing', () => {
    const emu = verifiedWorld();
    const before = hint(emu);
    dispose(emu);
    const rows = auditRows(emu).length;
    setScriptCache(emu, TAIL, before);
    forward(emu);
    expect(auditRows(emu).length).toBe(rows + 1);
    expect(auditRows(emu).filter((row) => row.Pelaku === KADIS)).toHaveLength(1);
    expect(tail(emu).row).toBe(sheetState(emu, 'Jejak Audit').values.length);
    chainWhole(emu);
  });

  it('a wrong tail (hash, row past the log, garbage) is not trusted: the append goes after the last row', () => {
    for (const wrong of [
      (t: ReturnType<typeof tail>) => `${t.row}:${'f'.repeat(64)}:${t.prepared}`,
      (t: ReturnType<typeof tail>) => `${t.row + 5}:${t.hash}:${t.prepared}`,
      (t: ReturnType<typeof tail>) => `${t.row - 1}:${t.hash}:${t.prepared}`,
      () => 'x:y:z',
    ]) {
      const emu = verifiedWorld();
      const rows = auditRows(emu).length;
      setScriptCache(emu, TAIL, wrong(tail(emu)));
      dispose(emu);
      expect(auditRows(emu).length).toBe(rows + 1);
      expect(sheetState(emu, 'Jejak Audit').values.length).toBe(rows + 2);
      chainWhole(emu);
    }
  });

  it('columns the owner moved in Jejak Audit are followed: the tail is refused and the row lands under its headers', () => {
    const emu = verifiedWorld();
    const sheet = sheetState(emu, 'Jejak Audit');
    // Swap Pelaku (column D) and Peran (column E) in every row, as a drag of the column would.
    for (const grid of [sheet.values, sheet.numberFormats] as unknown[][][])
      for (const row of grid) {
        const [pelaku, peran] = [row[3], row[4]];
        row[3] = peran;
        row[4] = pelaku;
      }
    dispose(emu);
    const last = auditRows(emu).at(-1);
    expect(last?.Pelaku).toBe(KADIS);
    expect(last?.Peran).toBe('Kepala Dinas');
    expect(hint(emu)).toBe('');
    chainWhole(emu);
  });

  it('failing to save the tail (cache put) does not fail the decision; the next append still chains', () => {
    const emu = verifiedWorld();
    const before = hint(emu);
    emu.faults.throwOn('CacheService.Cache.put', { after: 0 });
    const { result } = dispose(emu);
    expect(result.title).toBe('Tercatat');
    expect(hint(emu)).toBe(before);
    forward(emu);
    expect(tail(emu).row).toBe(sheetState(emu, 'Jejak Audit').values.length);
    expect(auditRows(emu).map((row) => row.Peristiwa)).toContain('Disposisi');
    chainWhole(emu);
  });

  it('a failing write through the tail writes nothing and moves no tail; the retry appends once', () => {
    const emu = verifiedWorld();
    const before = hint(emu);
    const rows = auditRows(emu).length;
    const link = webLinks(lastMailTo(emu, KADIS))[0] ?? '';
    // The decision's first setValues is the register row; the second is the audit append.
    emu.faults.throwOn('SpreadsheetApp.Range.setValues', { after: 1 });
    const failed = post(emu, tokenOf(link), { action: 'DISPOSE', toEmail: '', instruction: 'Proses' }, KADIS);
    expect(failed.title).toBe('Terjadi kesalahan sistem');
    expect(auditRows(emu).length).toBe(rows);
    expect(hint(emu)).toBe(before);
    emu.faults.clear();
    dispose(emu);
    expect(auditRows(emu).filter((row) => row.Peristiwa === 'Disposisi')).toHaveLength(1);
    chainWhole(emu);
  });

  it('past the prepared rows the full path grows the grid and formats the next block as text', () => {
    const emu = verifiedWorld();
    const t = tail(emu);
    setScriptCache(emu, TAIL, `${t.row}:${t.hash}:${t.row}`);
    const sheet = sheetState(emu, 'Jejak Audit');
    sheet.maxRows = sheet.values.length;
    dispose(emu);
    const after = tail(emu);
    expect(after.prepared).toBeGreaterThan(after.row + 100);
    expect(sheet.maxRows).toBeGreaterThanOrEqual(after.prepared);
    for (let row = after.row + 1; row <= after.prepared; row++)
      expect(sheet.numberFormats[row - 1]?.slice(0, 10)).toEqual(Array(10).fill('@'));
    // The next append goes through the tail again: same prepared block, one row further.
    forward(emu);
    expect(tail(emu)).toMatchObject({ row: after.row + 1, prepared: after.prepared });
    chainWhole(emu);
  });
});
