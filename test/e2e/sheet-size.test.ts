// The register spreadsheet's grid stays small: sheets the program makes or repairs keep only the columns they use.
import { describe, expect, it } from 'vitest';
import type { SheetState } from '../../emulator/state';
import { OWNER, setUp, sheetState } from './harness';

const TABLES = ['Register Permohonan', 'Sertifikat Terbit', 'Jejak Audit', 'Kotak Keluar'];

function headerWidth(sheet: SheetState): number {
  return (sheet.values[0] ?? []).filter((cell) => String(cell).trim() !== '').length;
}

describe('grid size', () => {
  it('a new register has no spare columns: Jejak Audit 10 and Kotak Keluar 14, not the 26 of a new sheet', () => {
    const emu = setUp();
    for (const name of TABLES) {
      const sheet = sheetState(emu, name);
      expect(sheet.maxColumns, name).toBe(headerWidth(sheet));
    }
    expect(sheetState(emu, 'Jejak Audit').maxColumns).toBe(10);
    expect(sheetState(emu, 'Kotak Keluar').maxColumns).toBe(14);
  });

  it('running setup again trims an older register, keeping a column staff added under a header of their own', () => {
    const emu = setUp();
    const outbox = sheetState(emu, 'Kotak Keluar');
    const audit = sheetState(emu, 'Jejak Audit');
    // A register made by an earlier version: 26 columns; staff put a note column at 16 (two blank columns before it).
    outbox.maxColumns = 26;
    audit.maxColumns = 26;
    const header = outbox.values[0] ?? [];
    header[15] = 'Catatan staf';
    for (let i = 0; i < 16; i++) header[i] ??= '';
    const result = emu.runMenuItem('Siapkan/perbaiki sistem', OWNER);
    expect(result.status, result.error ?? '').toBe('COMPLETED');
    expect(audit.maxColumns).toBe(10);
    expect(outbox.maxColumns).toBe(16);
    expect(String(sheetState(emu, 'Kotak Keluar').values[0]?.[15])).toBe('Catatan staf');
  });
});
