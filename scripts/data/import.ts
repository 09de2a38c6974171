// `npm run import -- <file.xlsx|file.csv> --to local|<spreadsheetId>`: validates every row with the Form's rules, writes the valid ones in batches, reports the rest.
import { createHash, createHmac } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_GENESIS_HASH, buildAuditRow } from '../../src/core/audit-chain';
import { ROLE_LABELS } from '../../src/core/messages/workflow';
import { blankApplication, checkSchema, fromRow, toRow } from '../../src/core/register-schema';
import { clip, toSafeCell } from '../../src/core/sanitize';
import { sopStages } from '../../src/core/sop';
import { certificateOf } from '../../src/core/workflow';
import { type Application, STATUS, STATUS_LABELS } from '../../src/core/workflow-types';
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
  CERTIFICATE_SCHEMA,
  headerIndex,
  LAYOUT_SOP,
  missingHeaders,
  REGISTER_REQUIRED,
  REGISTER_SCHEMA,
  RESTRICTED_HEADER_LIST,
  RESTRICTED_HEADERS,
  RESTRICTED_SHEET,
  rowForHeader,
  SHEET_NAMES,
} from './register-layout';
import { readSource } from './source-reader';
import type { CellValue, DataTarget, Grid } from './targets';

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
 * The NIK key exactly as the program computes it (src/gas/links.ts nikKeyOf: HMAC-SHA256 of "nik:<digits>" with
 * the Script Properties secret, lower-case hex), so the Form's one-active-application check sees imported rows.
 */
export function nikKeyOf(nik: string, secret: string): string {
  return createHmac('sha256', secret).update(`nik:${nik}`, 'utf8').digest('hex');
}

/** The audit log's time text, as src/gas/audit-log.ts auditTime writes it. */
export function auditTime(at: Date): string {
  return `${witaTimestamp(at)} WITA`;
}

/** A WITA wall-clock 'yyyy-MM-dd[ HH:mm]' as an instant. */
function witaInstant(text: string): Date {
  const [date = '', time = '00:00'] = text.split(' ');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0) - 8 * 3_600_000);
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
    const reference = text(row[rIndex.get(RESTRICTED_HEADERS.applicationId) ?? -1]).trim();
    if (!reference) continue;
    restrictedRefs.add(reference);
    nikByReference.set(
      reference,
      text(row[rIndex.get(RESTRICTED_HEADERS.nik) ?? -1])
        .trim()
        .replace(/^'/, ''),
    );
  }
  const index = headerIndex(register[0] ?? []);
  const keys: ExistingKeys = { keys: new Map(), references: new Set(), serials: new Map(), applications: new Map() };
  let maxImported = 0;
  for (const reference of restrictedRefs) maxImported = Math.max(maxImported, importedNumber(reference));
  for (const row of register.slice(1)) {
    const app = fromRow(row, index, REGISTER_REQUIRED, blankApplication());
    const reference = app.id.trim();
    if (!reference) continue;
    maxImported = Math.max(maxImported, importedNumber(reference));
    keys.references.add(reference);
    if (app.bsre.serial) keys.serials.set(app.bsre.serial, reference);
    const nik = nikByReference.get(reference);
    if (nik) {
      keys.keys.set(recordKey(nik, app.applicant.service, app.bsre.serial), reference);
      addApplication(keys, { nik, service: app.applicant.service, status: app.status });
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
  const register = requireSheet(await target.read('register', SHEET_NAMES.register), SHEET_NAMES.register, []);
  const schema = checkSchema(SHEET_NAMES.register, register[0] ?? [], REGISTER_REQUIRED);
  if (!schema.ok) throw new UsageError(schema.message);
  const restricted = requireSheet(
    await target.read('restricted', RESTRICTED_SHEET),
    RESTRICTED_SHEET,
    RESTRICTED_HEADER_LIST,
  );
  const audit = requireSheet(await target.read('register', SHEET_NAMES.audit), SHEET_NAMES.audit, AUDIT_COLUMNS);
  const issued = await target.read('register', SHEET_NAMES.issued);
  const issuedHeader =
    issued && issued.length > 0 && checkSchema(SHEET_NAMES.issued, issued[0] ?? [], CERTIFICATE_SCHEMA).ok
      ? issued[0]
      : null;

  const { keys, restrictedRefs, maxImported } = existingKeys(register, restricted);
  options.progress(`Memeriksa ${source.rows.length} baris dari ${basename(options.file)}...`);
  const { accepted, outcomes } = checkRows(source.rows, {
    map,
    existing: keys,
    allowedEmailDomains: options.allowedEmailDomains,
    now: options.now,
    onProgress: (checked, total) => options.progress(`  diperiksa ${checked}/${total} baris`),
  });
  let next = maxImported;
  for (const record of accepted) {
    if (!record.reference) record.reference = `${IMPORT_REFERENCE_PREFIX}${String(++next).padStart(6, '0')}`;
  }

  const secret = options.hmacSecret ?? target.hmacSecret();
  const stamp = auditTime(options.now);
  const note = (record: ImportRecord) => `Diimpor dari ${basename(options.file)} baris ${record.line}`;
  const apps = accepted.map((record) => applicationOf(record, secret, options.now, options.actor, note(record)));
  const registerRows = apps.map((app) => toRow(app, register[0] ?? [], REGISTER_SCHEMA) as CellValue[]);
  const restrictedRows = accepted
    .filter((record) => !restrictedRefs.has(record.reference))
    .map((record) =>
      rowForHeader(restricted[0] ?? [], {
        [RESTRICTED_HEADERS.applicationId]: record.reference,
        [RESTRICTED_HEADERS.nik]: toSafeCell(record.nik),
        [RESTRICTED_HEADERS.filesLink]: '',
        [RESTRICTED_HEADERS.recordedAt]: options.now,
        [RESTRICTED_HEADERS.updatedAt]: options.now,
      }),
    );
  const issuedRows = issuedHeader
    ? apps
        .filter((app) => app.status === STATUS.SERTIFIKAT_TERBIT)
        .map((app) => toRow(certificateOf(app), issuedHeader, CERTIFICATE_SCHEMA) as CellValue[])
    : [];
  const auditIndex = headerIndex(audit[0] ?? []);
  const lastAudit = audit.length > 1 ? audit[audit.length - 1] : undefined;
  const hashHeader = AUDIT_COLUMNS[AUDIT_COLUMNS.length - 1] as string;
  let prevHash = (lastAudit && text(lastAudit[auditIndex.get(hashHeader) ?? -1])) || AUDIT_GENESIS_HASH;
  const auditRows = accepted.map((record) => {
    const fields = [
      stamp,
      record.reference,
      IMPORT_AUDIT_EVENT,
      options.actor,
      ROLE_LABELS.ADMIN,
      '',
      STATUS_LABELS[record.status],
      note(record),
    ].map((value) => toSafeCell(clip(value, 2000)));
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

/** The application record of an imported row: a finished application whose history says where it came from. */
function applicationOf(
  record: ImportRecord,
  secret: string | null,
  now: Date,
  actor: string,
  note: string,
): Application {
  const app = blankApplication();
  const stages = sopStages(LAYOUT_SOP);
  app.id = record.reference;
  app.version = 1;
  app.status = record.status;
  app.currentStep = record.status === STATUS.SERTIFIKAT_TERBIT ? (stages[stages.length - 1]?.no ?? 0) : 0;
  app.submittedAt = (record.submittedAt ? witaInstant(record.submittedAt) : now).toISOString();
  app.updatedAt = now.toISOString();
  app.applicant = {
    name: record.name,
    nikMasked: record.nikMasked,
    nikKey: secret ? nikKeyOf(record.nik, secret) : '',
    nip: record.nip,
    employmentStatus: record.employmentStatus,
    position: record.position,
    unit: record.unit,
    email: record.email,
    phone: record.phone,
    service: record.service,
    letterLink: '',
    ktpLink: '',
    bringsFiles: true,
    warnings: [],
  };
  app.bsre.serial = record.serial;
  app.bsre.issuedAt = record.issuedAt ? witaInstant(record.issuedAt).toISOString() : null;
  app.bsre.validUntil = record.validUntil;
  app.history = [
    { at: now.toISOString(), actor, role: 'ADMIN', action: 'SUBMIT', from: null, to: record.status, note },
  ];
  return app;
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
    if (to !== 'local' && !args.values['--restricted']) {
      throw new UsageError('Untuk spreadsheet asli, berikan juga --restricted <ID spreadsheet Data Terbatas>.');
    }
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
