// The done-criterion: 10,000 generated rows imported into the local simulator state and exported back with nothing lost or changed; re-import adds nothing.

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExport } from '../../scripts/data/export';
import { runImport } from '../../scripts/data/import';
import { SHEET_NAMES } from '../../scripts/data/register-layout';
import { LocalTarget } from '../../scripts/data/targets';
import { verifyChain } from '../../src/core/audit-chain';
import { APPLICANT_HEADERS, applicantRow, readWorkbook, writeWorkbook } from './support/applicants';
import { loadState, saveState, setupState } from './support/local-state';

const ROWS = 10_000;
const NOW = new Date('2026-01-05T01:00:00Z');
let dir: string;
let stateFile: string;
let input: string;
const expected = Array.from({ length: ROWS }, (_, i) => applicantRow(i));

const progress: string[] = [];

function importInto(file: string) {
  const target = new LocalTarget(stateFile);
  return runImport(
    {
      file,
      allowedEmailDomains: ['bolmongkab.go.id'],
      actor: 'admin@bolmongkab.go.id',
      now: NOW,
      progress: (line) => progress.push(line),
    },
    target,
  ).finally(() => target.close());
}

function digest(text: string): number[] {
  return Array.from(createHash('sha256').update(text, 'utf8').digest(), (b) => (b > 127 ? b - 256 : b));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'round-trip-'));
  stateFile = join(dir, 'simulator.sqlite');
  input = join(dir, 'daftar-pemohon.xlsx');
  saveState(stateFile, setupState());
  await writeWorkbook(
    input,
    APPLICANT_HEADERS,
    expected.map((row) => APPLICANT_HEADERS.map((header) => row[header] ?? '')),
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('import/export round trip (10,000 rows, local)', { timeout: 240_000 }, () => {
  it('imports every row, and the backup with --with-nik holds exactly the same values', async () => {
    const summary = await importInto(input);
    expect({ written: summary.written, refused: summary.refused, skipped: summary.skipped }).toEqual({
      written: ROWS,
      refused: 0,
      skipped: 0,
    });
    expect(progress).toContain('  diperiksa 5000/10000 baris');

    const backup = join(dir, 'cadangan.xlsx');
    const target = new LocalTarget(stateFile);
    const exported = await runExport({ out: backup, withNik: true, now: NOW }, target);
    target.close();
    expect(exported.sheets.find((sheet) => sheet.name === SHEET_NAMES.register)?.rows).toBe(ROWS);

    const workbook = await readWorkbook(backup);
    const register = workbook.get(SHEET_NAMES.register)!;
    expect(register.rows).toHaveLength(ROWS);
    const column = new Map(register.header.map((header, i) => [header, i]));
    const changed: string[] = [];
    register.rows.forEach((row, i) => {
      for (const header of APPLICANT_HEADERS) {
        const got = row[column.get(header) ?? -1] ?? '';
        if (got !== expected[i]?.[header]) changed.push(`row ${i + 2} ${header}: ${expected[i]?.[header]} -> ${got}`);
      }
    });
    expect(changed.slice(0, 5)).toEqual([]);

    const issued = workbook.get(SHEET_NAMES.issued)!;
    expect(issued.rows).toHaveLength(ROWS / 2);
    const audit = workbook.get(SHEET_NAMES.audit)!;
    expect(audit.rows).toHaveLength(ROWS);
    expect(verifyChain([audit.header, ...audit.rows], digest)).toEqual({ ok: true });
    const settings = workbook.get(SHEET_NAMES.settings)!;
    expect(settings.rows).toEqual([['Domain email dinas', 'bolmongkab.go.id', '', '', '']]);
  });

  it('a backup without --with-nik carries no full NIK anywhere', async () => {
    const backup = join(dir, 'cadangan-tanpa-nik.xlsx');
    const target = new LocalTarget(stateFile);
    await runExport({ out: backup, withNik: false, now: NOW }, target);
    target.close();
    const register = (await readWorkbook(backup)).get(SHEET_NAMES.register)!;
    expect(register.header).not.toContain('NIK');
    const nik = expected[123]?.NIK ?? '';
    expect(register.rows.some((row) => row.includes(nik))).toBe(false);
    expect(register.rows[123]).toContain(`${nik.slice(0, 4)}********${nik.slice(12)}`);
  });

  it('running the import again, from the original or from the backup, adds nothing', async () => {
    const again = await importInto(input);
    expect({ written: again.written, skipped: again.skipped, refused: again.refused }).toEqual({
      written: 0,
      skipped: ROWS,
      refused: 0,
    });
    const fromBackup = await importInto(join(dir, 'cadangan.xlsx'));
    expect({ written: fromBackup.written, skipped: fromBackup.skipped }).toEqual({ written: 0, skipped: ROWS });
    const state = loadState(stateFile);
    const register = Object.values(state.spreadsheets)
      .flatMap((spreadsheet) => spreadsheet.sheets)
      .find((sheet) => sheet.name === SHEET_NAMES.register);
    expect(register?.values).toHaveLength(ROWS + 1);
  });
});
