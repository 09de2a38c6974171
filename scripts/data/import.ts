// `npm run import -- <file.xlsx|file.csv> --to local|<spreadsheetId>`: validates every row with the Form's rules, writes the valid ones in batches, reports the rest.
import { createHash, createHmac } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_GENESIS_HASH, buildAuditRow } from '../../src/core/audit-chain';
import { toSafeCell } from '../../src/core/sanitize';
import { STATUS, STATUS_LABELS } from '../../src/core/workflow-types';
import { MissingCredentialsError } from '../google/auth';
import { openTarget, parseArgs, UsageError, witaTimestamp } from './cli-support';
import { FIELD_LABELS, type ImportField, mapColumns, readMappingFile } from './column-mapping';
import {
  addApplication,
  checkRows,
  type ExistingKeys,
  type ImportRecord,
  type RowOutcome,
  recordKey,
} from './import-rows';
import {
  AUDIT_COLUMNS,
  headerIndex,
  ISSUED_COLUMNS,
  missingHeaders,
  REGISTER_COLUMNS,
  RESTRICTED_COLUMNS,
  RESTRICTED_SHEET,
  rowForHeader,
  SHEET_NAMES,
} from './register-layout';
import { readSource } from './source-reader';
import type { DataTarget, Grid } from './targets';

/** The audit event of an imported application. Open: not yet in AUDIT_EVENTS (src/core/messages/workflow.ts). */
export const IMPORT_AUDIT_EVENT = 'Data diimpor';

/** Prefix of the reference numbers given to imported rows that have none. */
export const IMPORT_REFERENCE_PREFIX = 'TTE-IMPOR-';

export interface ImportOptions {
  file: string;
  mapping?: Record<string, ImportField>;
  sheet?: string;
  allowedEmailDomains: string[];
  /** Who the audit rows name as the actor. */
  actor: string;
  now: Date;
  /** Overrides the target's HMAC secret (for a live spreadsheet, whose Script Properties the tool cannot read). */
  hmacSecret?: string;
  progress: (line: string) => void;
}

export interface ImportSummary {
  rows: number;
  written: number;
  skipped: number;
  refused: number;
  ignoredColumns: string[];
  outcomes: RowOutcome[];
  /** True when no HMAC secret was available and "Kunci NIK" was left empty. */
  nikKeyMissing: boolean;
}

function text(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

/** SHA-256 as the signed bytes Utilities.computeDigest returns, for the audit chain. */
function sha256Signed(value: string): number[] {
  return Array.from(createHash('sha256').update(value, 'utf8').digest(), (byte) => (byte > 127 ? byte - 256 : byte));
}

/**
 * The NIK key: hex HMAC-SHA256 of the 16 digits with the program's secret. Open: the program's own derivation is not
 * written yet (ApplicantFields.nikKey says "HMAC of the NIK (hex)"); this must match it.
 */
export function nikKeyOf(nik: string, secret: string): string {
  return createHmac('sha256', secret).update(nik, 'utf8').digest('hex');
}

function requireSheet(grid: Grid | null, sheet: string, required: readonly string[]): Grid {
  if (!grid || grid.length === 0) {
    throw new UsageError(
      `Sheet "${sheet}" tidak ada atau belum berjudul kolom. Jalankan menu Siapkan/perbaiki sistem dahulu.`,
    );
  }
  const missing = missingHeaders(grid[0] ?? [], required);
  if (missing.length > 0) {
    throw new UsageError(
      `Kolom ${missing.map((name) => `"${name}"`).join(', ')} tidak ditemukan di sheet "${sheet}". Tidak ada yang diimpor.`,
    );
  }
  return grid;
}

/** Reads what the target already holds, for idempotency and the duplicate checks. */
function existingKeys(
  register: Grid,
  restricted: Grid,
): { keys: ExistingKeys; restrictedRefs: Set<string>; maxImported: number } {
  const rIndex = headerIndex(restricted[0] ?? []);
  const nikByReference = new Map<string, string>();
  const restrictedRefs = new Set<string>();
  for (const row of restricted.slice(1)) {
    const reference = text(row[rIndex.get(RESTRICTED_COLUMNS.reference) ?? -1]).trim();
    if (!reference) continue;
    restrictedRefs.add(reference);
    nikByReference.set(reference, text(row[rIndex.get(RESTRICTED_COLUMNS.nik) ?? -1]).trim());
  }
  const index = headerIndex(register[0] ?? []);
  const cell = (row: Grid[number], header: string) => text(row[index.get(header) ?? -1]).trim();
  const keys: ExistingKeys = { keys: new Map(), references: new Set(), serials: new Map(), applications: new Map() };
  let maxImported = 0;
  for (const reference of [...restrictedRefs]) maxImported = Math.max(maxImported, importedNumber(reference));
  for (const row of register.slice(1)) {
    const reference = cell(row, REGISTER_COLUMNS.reference);
    if (!reference) continue;
    maxImported = Math.max(maxImported, importedNumber(reference));
    const service = cell(row, REGISTER_COLUMNS.service);
    const serial = cell(row, REGISTER_COLUMNS.serial);
    keys.references.add(reference);
    if (serial) keys.serials.set(serial, reference);
    const nik = nikByReference.get(reference);
    if (nik) {
      keys.keys.set(recordKey(nik, service, serial), reference);
      addApplication(keys, { nik, service, status: cell(row, REGISTER_COLUMNS.status) });
    }
  }
  return { keys, restrictedRefs, maxImported };
}

function importedNumber(reference: string): number {
  return reference.startsWith(IMPORT_REFERENCE_PREFIX)
    ? Number(reference.slice(IMPORT_REFERENCE_PREFIX.length)) || 0
    : 0;
}

/**
 * Imports one file into the target. The file is refused whole (UsageError, nothing written) when a required column
 * is missing or the target is not set up; otherwise each row is written, skipped (already there) or refused.
 * Write order: restricted NIKs, register, issued certificates, audit; then commit. Re-running adds nothing twice.
 */
export async function runImport(options: ImportOptions, target: DataTarget): Promise<ImportSummary> {
  const source = await readSource(options.file, options.sheet);
  const map = mapColumns(source.header, options.mapping);
  if (map.missing.length > 0) {
    throw new UsageError(
      `Kolom wajib tidak ditemukan di berkas: ${map.missing.map((field) => `"${FIELD_LABELS[field]}"`).join(', ')}. ` +
        `Judul kolom yang ada: ${source.header
          .filter(Boolean)
          .map((h) => `"${h}"`)
          .join(', ')}. ` +
        'Ganti judul kolom, atau buat berkas pemetaan JSON dan berikan dengan --map. Tidak ada yang diimpor.',
    );
  }
  const register = requireSheet(
    await target.read('register', SHEET_NAMES.register),
    SHEET_NAMES.register,
    Object.values(REGISTER_COLUMNS),
  );
  const restricted = requireSheet(
    await target.read('restricted', RESTRICTED_SHEET),
    RESTRICTED_SHEET,
    Object.values(RESTRICTED_COLUMNS),
  );
  const audit = requireSheet(await target.read('register', SHEET_NAMES.audit), SHEET_NAMES.audit, AUDIT_COLUMNS);
  const issued = await target.read('register', SHEET_NAMES.issued);
  const issuedHeader =
    issued && issued.length > 0 && missingHeaders(issued[0] ?? [], Object.values(ISSUED_COLUMNS)).length === 0
      ? issued[0]
      : null;

  const { keys, restrictedRefs, maxImported } = existingKeys(register, restricted);
  options.progress(`Memeriksa ${source.rows.length} baris dari ${basename(options.file)}...`);
  const { accepted, outcomes } = checkRows(source.rows, {
    map,
    existing: keys,
    allowedEmailDomains: options.allowedEmailDomains,
    now: options.now,
  });
  let next = maxImported;
  for (const record of accepted) {
    if (!record.reference) record.reference = `${IMPORT_REFERENCE_PREFIX}${String(++next).padStart(6, '0')}`;
  }

  const secret = options.hmacSecret ?? target.hmacSecret();
  const stamp = witaTimestamp(options.now);
  const submitted = stamp.slice(0, 16);
  const source_ = `Impor: ${basename(options.file)}`;
  const registerRows = accepted.map((record) => registerRow(register[0] ?? [], record, secret, submitted, source_));
  const restrictedRows = accepted
    .filter((record) => !restrictedRefs.has(record.reference))
    .map((record) =>
      rowForHeader(restricted[0] ?? [], {
        [RESTRICTED_COLUMNS.reference]: record.reference,
        [RESTRICTED_COLUMNS.nik]: record.nik,
      }),
    );
  const issuedRows = issuedHeader
    ? accepted
        .filter((record) => record.status === STATUS.SERTIFIKAT_TERBIT)
        .map((record) => issuedRow(issuedHeader, record))
    : [];
  const auditIndex = headerIndex(audit[0] ?? []);
  const lastAudit = audit.length > 1 ? audit[audit.length - 1] : undefined;
  let prevHash = lastAudit ? text(lastAudit[auditIndex.get('Hash') ?? -1]) || AUDIT_GENESIS_HASH : AUDIT_GENESIS_HASH;
  const auditRows = accepted.map((record) => {
    const fields = [
      stamp,
      record.reference,
      IMPORT_AUDIT_EVENT,
      options.actor,
      'ADMIN',
      '',
      STATUS_LABELS[record.status],
      `Diimpor dari ${basename(options.file)} baris ${record.line}`,
    ];
    const row = buildAuditRow(prevHash, fields, sha256Signed);
    prevHash = row[row.length - 1] as string;
    const byHeader: Record<string, string> = {};
    AUDIT_COLUMNS.forEach((header, i) => {
      byHeader[header] = row[i] ?? '';
    });
    return rowForHeader(audit[0] ?? [], byHeader);
  });

  if (accepted.length > 0) {
    options.progress(`Menulis ${accepted.length} baris ke ${target.label}...`);
    await target.append('restricted', RESTRICTED_SHEET, restrictedRows);
    await target.append('register', SHEET_NAMES.register, registerRows);
    if (issuedRows.length > 0) await target.append('register', SHEET_NAMES.issued, issuedRows);
    await target.append('register', SHEET_NAMES.audit, auditRows);
    await target.commit();
  }
  return {
    rows: source.rows.length,
    written: accepted.length,
    skipped: outcomes.filter((outcome) => outcome.result === 'DILEWATI').length,
    refused: outcomes.filter((outcome) => outcome.result === 'DITOLAK').length,
    ignoredColumns: map.ignored,
    outcomes,
    nikKeyMissing: accepted.length > 0 && !secret,
  };
}

function registerRow(
  header: Grid[number],
  record: ImportRecord,
  secret: string | null,
  submitted: string,
  source: string,
): string[] {
  const c = REGISTER_COLUMNS;
  const values: Record<string, string> = {
    [c.reference]: record.reference,
    [c.status]: record.status,
    [c.submittedAt]: record.submittedAt || submitted,
    [c.name]: record.name,
    [c.nikMasked]: record.nikMasked,
    [c.nikKey]: secret ? nikKeyOf(record.nik, secret) : '',
    [c.nip]: record.nip,
    [c.employmentStatus]: record.employmentStatus,
    [c.position]: record.position,
    [c.unit]: record.unit,
    [c.email]: record.email,
    [c.phone]: record.phone,
    [c.service]: record.service,
    [c.serial]: record.serial,
    [c.issuedAt]: record.issuedAt,
    [c.validUntil]: record.validUntil,
    [c.source]: source,
  };
  return rowForHeader(header, values).map(toSafeCell);
}

function issuedRow(header: Grid[number], record: ImportRecord): string[] {
  const c = ISSUED_COLUMNS;
  return rowForHeader(header, {
    [c.reference]: record.reference,
    [c.name]: record.name,
    [c.nikMasked]: record.nikMasked,
    [c.nip]: record.nip,
    [c.position]: record.position,
    [c.unit]: record.unit,
    [c.email]: record.email,
    [c.service]: record.service,
    [c.serial]: record.serial,
    [c.issuedAt]: record.issuedAt,
    [c.validUntil]: record.validUntil,
  }).map(toSafeCell);
}

/**
 * The report of every row not written, as CSV (UTF-8 with BOM, ';' as Indonesian Excel expects). Every cell goes
 * through toSafeCell so a hostile value quoted back cannot run as a formula; only the masked NIK appears.
 */
export function formatReport(outcomes: RowOutcome[]): string {
  const quote = (value: string) => `"${toSafeCell(value).replace(/"/g, '""')}"`;
  const lines = [['Baris', 'Hasil', 'Nomor Permohonan', 'Nama', 'NIK Tersamar', 'Alasan']];
  for (const outcome of outcomes) {
    lines.push([
      String(outcome.line),
      outcome.result === 'DITOLAK' ? 'Ditolak' : 'Dilewati',
      outcome.reference,
      outcome.name,
      outcome.nikMasked,
      outcome.reasons.join(' | '),
    ]);
  }
  return `\uFEFF${lines.map((line) => line.map(quote).join(';')).join('\r\n')}\r\n`;
}

/** The default report path: beside the imported file, named after it. */
export function defaultReportPath(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}.laporan-impor.csv`);
}

const USAGE = `Pemakaian: npm run import -- <berkas.xlsx|berkas.csv> --to local|<spreadsheetId> [opsi]
  --to local          tulis ke state simulator (.local/simulator.sqlite; hentikan npm start dahulu)
  --to <ID>           tulis ke spreadsheet register asli (Sheets API)
  --restricted <ID>   ID spreadsheet Data Terbatas (wajib untuk --to <ID>)
  --state <berkas>    berkas state simulator lain
  --map <berkas.json> pemetaan judul kolom: { "judul di berkas": "kolom register" }
  --sheet <nama>      sheet yang dibaca dari .xlsx (bawaan: "Register Permohonan" atau sheet pertama)
  --report <berkas>   laporan baris yang ditolak/dilewati (bawaan: <berkas>.laporan-impor.csv)
  --email-domain <d>  domain email yang diizinkan (boleh berulang; bawaan: semua .go.id)
  --credentials <f>   klien OAuth desktop (bawaan credentials.json); atau GOOGLE_APPLICATION_CREDENTIALS
  --token <f>         token OAuth (bawaan token.json)
Kode keluar: 0 semua baris ditulis atau sudah ada, 1 ada baris ditolak (lihat laporan), 2 tidak ada yang diimpor.`;

/** The CLI. Returns the exit code. */
export async function main(argv: string[], root: string, log: (line: string) => void = console.log): Promise<number> {
  let target: DataTarget | null = null;
  try {
    const args = parseArgs(
      argv,
      {
        values: [
          '--to',
          '--restricted',
          '--state',
          '--map',
          '--sheet',
          '--report',
          '--credentials',
          '--token',
          '--actor',
        ],
        switches: ['--help'],
        repeatable: ['--email-domain'],
      },
      USAGE,
    );
    if (args.switches.has('--help')) {
      log(USAGE);
      return 0;
    }
    const file = args.positional[0];
    const to = args.values['--to'];
    if (!file || !to || args.positional.length > 1) throw new UsageError(USAGE);
    const absolute = resolve(file);
    target = await openTarget({
      where: to,
      root,
      readOnly: false,
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
      log,
      ...(args.values['--restricted'] ? { restrictedId: args.values['--restricted'] } : {}),
      ...(args.values['--state'] ? { stateFile: args.values['--state'] } : {}),
      ...(args.values['--credentials'] ? { clientFile: args.values['--credentials'] } : {}),
      ...(args.values['--token'] ? { tokenFile: args.values['--token'] } : {}),
    });
    const summary = await runImport(
      {
        file: absolute,
        ...(args.values['--map'] ? { mapping: readMappingFile(args.values['--map']) } : {}),
        ...(args.values['--sheet'] ? { sheet: args.values['--sheet'] } : {}),
        allowedEmailDomains: args.lists['--email-domain'] ?? [],
        actor: args.values['--actor'] ?? 'impor-data',
        now: new Date(),
        ...(process.env.IMPOR_HMAC_SECRET ? { hmacSecret: process.env.IMPOR_HMAC_SECRET } : {}),
        progress: log,
      },
      target,
    );
    log(
      `Selesai: ${summary.rows} baris dibaca, ${summary.written} ditulis, ${summary.skipped} dilewati (sudah ada), ${summary.refused} ditolak.`,
    );
    if (summary.ignoredColumns.length > 0) log(`Kolom yang tidak diimpor: ${summary.ignoredColumns.join(', ')}.`);
    if (summary.nikKeyMissing) {
      log(
        'Perhatian: "Kunci NIK" dikosongkan karena rahasia HMAC tidak tersedia (set IMPOR_HMAC_SECRET untuk spreadsheet asli).',
      );
    }
    if (summary.outcomes.length > 0) {
      const reportPath = args.values['--report'] ?? defaultReportPath(absolute);
      writeFileSync(reportPath, formatReport(summary.outcomes));
      chmodSync(reportPath, 0o600);
      log(`Laporan baris yang tidak ditulis: ${reportPath}`);
    }
    return summary.refused > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof MissingCredentialsError) {
      log(`Impor dibatalkan: ${error.message}`);
      return 2;
    }
    log(`Impor gagal: ${error instanceof Error ? error.message : String(error)}`);
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
