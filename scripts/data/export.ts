// `npm run export -- --from local|<spreadsheetId> --out backup.xlsx [--with-nik]`: register, certificates, audit log and settings in one workbook.
import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { fromSafeCell } from '../../src/core/sanitize';
import { MissingCredentialsError } from '../google/auth';
import { openTarget, parseArgs, UsageError, witaTimestamp } from './cli-support';
import {
  BACKUP_SHEETS,
  headerIndex,
  REGISTER_HEADERS,
  RESTRICTED_HEADERS,
  RESTRICTED_SHEET,
  SHEET_NAMES,
} from './register-layout';
import type { CellValue, DataTarget, Grid } from './targets';

/** The column a --with-nik backup adds to the register sheet, filled from the restricted store only. */
export const FULL_NIK_HEADER = RESTRICTED_HEADERS.nik;

/** The sheet describing the backup: where from, when, whether it holds full NIKs. */
export const INFO_SHEET = 'Info Cadangan';

export interface ExportOptions {
  out: string;
  withNik: boolean;
  now: Date;
}

export interface ExportSummary {
  sheets: { name: string; rows: number }[];
  missing: string[];
  withNik: boolean;
}

/** Adds the full NIK beside each register row, looked up by reference number in the restricted store. */
function joinNik(register: Grid, restricted: Grid): Grid {
  const rIndex = headerIndex(restricted[0] ?? []);
  const refColumn = rIndex.get(RESTRICTED_HEADERS.applicationId);
  const nikColumn = rIndex.get(RESTRICTED_HEADERS.nik);
  if (refColumn === undefined || nikColumn === undefined) {
    throw new UsageError(
      `Sheet "${RESTRICTED_SHEET}" tidak berisi kolom "${RESTRICTED_HEADERS.applicationId}" dan "${RESTRICTED_HEADERS.nik}".`,
    );
  }
  const nikByReference = new Map<string, string>();
  for (const row of restricted.slice(1)) {
    nikByReference.set(String(row[refColumn] ?? '').trim(), fromSafeCell(String(row[nikColumn] ?? '')));
  }
  const index = headerIndex(register[0] ?? []);
  const reference = index.get(REGISTER_HEADERS.reference) ?? -1;
  return register.map((row, i) =>
    i === 0 ? [...row, FULL_NIK_HEADER] : [...row, nikByReference.get(String(row[reference] ?? '').trim()) ?? ''],
  );
}

/** Drops any column headed "NIK" from a sheet of the shared register: the full NIK comes only from the restricted store. */
function withoutFullNik(grid: Grid): Grid {
  const drop = (grid[0] ?? [])
    .map((cell, column) => (String(cell).trim() === FULL_NIK_HEADER ? column : -1))
    .filter((c) => c >= 0);
  if (drop.length === 0) return grid;
  return grid.map((row) => row.filter((_, column) => !drop.includes(column)));
}

/**
 * Excel cells hold wall-clock date-times without a zone: a date-time is written as its WITA reading (the office's
 * time, what the sheet shows), so the backup reads the same as the spreadsheet and re-imports unchanged.
 */
function wallClock(value: CellValue): CellValue {
  return value instanceof Date ? new Date(value.getTime() + 8 * 3_600_000) : value;
}

/**
 * Reads the backup sheets from the target and writes them as one workbook. Values are written as typed cells (text
 * stays text: exceljs never turns a string into a formula). With withNik the file is created readable by its owner only.
 */
export async function runExport(options: ExportOptions, target: DataTarget): Promise<ExportSummary> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = options.now;
  const summary: ExportSummary = { sheets: [], missing: [], withNik: options.withNik };
  const info = workbook.addWorksheet(INFO_SHEET);
  for (const name of BACKUP_SHEETS) {
    let grid = await target.read('register', name);
    if (!grid) {
      summary.missing.push(name);
      continue;
    }
    grid = withoutFullNik(grid);
    if (name === SHEET_NAMES.register && options.withNik) {
      const restricted = await target.read('restricted', RESTRICTED_SHEET);
      if (!restricted)
        throw new UsageError(`Sheet "${RESTRICTED_SHEET}" tidak ditemukan; NIK lengkap tidak dapat disertakan.`);
      grid = joinNik(grid, restricted);
    }
    const sheet = workbook.addWorksheet(name);
    for (const row of grid) sheet.addRow(row.map(wallClock));
    if (grid.length > 0) {
      sheet.getRow(1).font = { bold: true };
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
    }
    summary.sheets.push({ name, rows: Math.max(0, grid.length - 1) });
  }
  info.addRows([
    ['Sumber', target.label],
    ['Dibuat', witaTimestamp(options.now)],
    ['NIK lengkap', options.withNik ? 'Ya (dari Data Terbatas) - simpan berkas ini di tempat terbatas' : 'Tidak'],
    ...summary.sheets.map((sheet) => [`Baris ${sheet.name}`, sheet.rows]),
  ]);
  await workbook.xlsx.writeFile(options.out);
  if (options.withNik) chmodSync(options.out, 0o600);
  return summary;
}

const USAGE = `Pemakaian: npm run export -- --from local|<spreadsheetId> --out cadangan.xlsx [--with-nik] [opsi]
  --from local        baca state simulator (.local/simulator.sqlite)
  --from <ID>         baca spreadsheet register asli (Sheets API, hanya baca)
  --out <berkas>      berkas .xlsx yang dibuat
  --with-nik          sertakan NIK lengkap (hanya dari Data Terbatas; perlu --restricted untuk spreadsheet asli)
  --restricted <ID>   ID spreadsheet Data Terbatas
  --state <berkas>    berkas state simulator lain
  --credentials <f>   klien OAuth desktop (bawaan credentials.json); atau GOOGLE_APPLICATION_CREDENTIALS
  --token <f>         token OAuth (bawaan token.json)`;

/** The CLI. Returns the exit code: 0 written, 2 nothing written. */
export async function main(argv: string[], root: string, log: (line: string) => void = console.log): Promise<number> {
  let target: DataTarget | null = null;
  try {
    const args = parseArgs(
      argv,
      {
        values: ['--from', '--out', '--restricted', '--state', '--credentials', '--token'],
        switches: ['--with-nik', '--help'],
      },
      USAGE,
    );
    if (args.switches.has('--help')) {
      log(USAGE);
      return 0;
    }
    const from = args.values['--from'];
    const out = args.values['--out'];
    if (!from || !out || args.positional.length > 0) throw new UsageError(USAGE);
    if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError('--out harus berakhiran .xlsx.');
    if (from !== 'local' && args.switches.has('--with-nik') && !args.values['--restricted']) {
      throw new UsageError(
        'NIK lengkap hanya diambil dari Data Terbatas: berikan --restricted <ID spreadsheet Data Terbatas>.',
      );
    }
    target = await openTarget({
      where: from,
      root,
      readOnly: true,
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
      log,
      ...(args.values['--restricted'] ? { restrictedId: args.values['--restricted'] } : {}),
      ...(args.values['--state'] ? { stateFile: args.values['--state'] } : {}),
      ...(args.values['--credentials'] ? { clientFile: args.values['--credentials'] } : {}),
      ...(args.values['--token'] ? { tokenFile: args.values['--token'] } : {}),
    });
    const summary = await runExport(
      { out: resolve(out), withNik: args.switches.has('--with-nik'), now: new Date() },
      target,
    );
    for (const sheet of summary.sheets) log(`  ${sheet.name}: ${sheet.rows} baris`);
    if (summary.missing.length > 0) log(`Sheet tidak ditemukan (dilewati): ${summary.missing.join(', ')}.`);
    log(
      `Cadangan ditulis: ${resolve(out)}${summary.withNik ? ' (berisi NIK lengkap: simpan di tempat terbatas)' : ''}`,
    );
    return 0;
  } catch (error) {
    const prefix =
      error instanceof UsageError || error instanceof MissingCredentialsError ? 'Ekspor dibatalkan' : 'Ekspor gagal';
    log(`${prefix}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    target?.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2), fileURLToPath(new URL('../..', import.meta.url))).then((code) => {
    process.exitCode = code;
  });
}
