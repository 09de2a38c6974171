// The register's and Sertifikat Terbit's columns: Indonesian headers, record <-> row by header name, schema check.
import { SCHEMA_MESSAGES, STEP_SUMMARY } from './messages/register';
import { clip, fromSafeCell, SHEETS_CELL_MAX_CHARS, toSafeCell } from './sanitize';
import { type SopDefinition, sopStages } from './sop';
import {
  type Application,
  type CertificateRecord,
  noBsreOutcome,
  STATUS,
  STATUS_LABELS,
  type Status,
  type StepTiming,
} from './workflow-types';

/** How a column's cells are written and read. */
export type ColumnKind = 'text' | 'number' | 'date' | 'json' | 'derived';

interface Column<T> {
  header: string;
  kind: ColumnKind;
  get: (record: T) => unknown;
  /** Absent for derived columns (display only; the record never reads them back). */
  set?: (record: T, value: unknown) => void;
}

/** Number format per kind: text columns are '@' so '0812…' and NIP digits stay text (Sheets parses them otherwise). */
export const KIND_FORMATS: Readonly<Record<ColumnKind, string>> = {
  text: '@',
  json: '@',
  derived: '@',
  number: '0',
  date: 'yyyy-mm-dd hh:mm',
};

/** The register's ID column: the shell finds rows with a TextFinder on it. */
export const ID_HEADER = 'Nomor permohonan';
export const RESPONSE_ID_HEADER = 'ID respons Form';

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return fromSafeCell(String(value));
}

function cellText(value: string): string {
  return toSafeCell(clip(value, SHEETS_CELL_MAX_CHARS));
}

function dateCell(iso: string | null): Date | string {
  return iso ? new Date(iso) : '';
}

function isoOf(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const s = text(value).trim();
  if (s === '') return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function jsonOf<T>(value: unknown, fallback: T): T {
  const s = text(value).trim();
  if (s === '') return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

const STATUS_BY_LABEL = new Map<string, Status>(
  (Object.keys(STATUS_LABELS) as Status[]).map((code) => [STATUS_LABELS[code], code]),
);

/** How a step shows in its register column: "Tepat waktu (5 menit)", "Terlambat (12 menit)", "Berjalan". */
export function stepSummary(timing: StepTiming | undefined): string {
  if (!timing) return '';
  const S = STEP_SUMMARY;
  if (timing.endedAt === null) return timing.pausedAt !== null ? S.paused : S.running;
  const minutes = S.minutes(timing.businessMinutes ?? 0);
  if (timing.onTime === null) return S.done(minutes);
  return timing.onTime ? S.onTime(minutes) : S.late(minutes);
}

function textCol(
  header: string,
  get: (a: Application) => string,
  set: (a: Application, v: string) => void,
): Column<Application> {
  return { header, kind: 'text', get: (a) => cellText(get(a)), set: (a, v) => set(a, text(v)) };
}

function dateCol(
  header: string,
  get: (a: Application) => string | null,
  set: (a: Application, v: string | null) => void,
): Column<Application> {
  return { header, kind: 'date', get: (a) => dateCell(get(a)), set: (a, v) => set(a, isoOf(v)) };
}

function jsonCol<K extends keyof Application>(header: string, key: K, fallback: Application[K]): Column<Application> {
  return {
    header,
    kind: 'json',
    get: (a) => clip(JSON.stringify(a[key]), SHEETS_CELL_MAX_CHARS),
    set: (a, v) => {
      a[key] = jsonOf(v, fallback);
    },
  };
}

/**
 * The Register Permohonan columns. The register never holds the full NIK or the KTP file (those live in Data
 * Terbatas); the applicant's KTP link is therefore not a column and reads back as ''.
 */
export function registerColumns(sop: SopDefinition): Column<Application>[] {
  const stepColumns: Column<Application>[] = sopStages(sop).map((stage) => ({
    header: `Tahap ${stage.no}`,
    kind: 'derived' as const,
    get: (a: Application) => stepSummary(a.steps[stage.no]),
  }));
  return [
    textCol(
      ID_HEADER,
      (a) => a.id,
      (a, v) => {
        a.id = v;
      },
    ),
    { header: 'Status', kind: 'derived', get: (a) => STATUS_LABELS[a.status] },
    textCol(
      'Kode status',
      (a) => a.status,
      (a, v) => {
        a.status = (v as Status) || STATUS.DATA_TIDAK_VALID;
      },
    ),
    {
      header: 'Versi',
      kind: 'number',
      get: (a) => a.version,
      set: (a, v) => {
        a.version = Number(v) || 0;
      },
    },
    {
      header: 'Tahap SOP',
      kind: 'number',
      get: (a) => a.currentStep,
      set: (a, v) => {
        a.currentStep = Number(v) || 0;
      },
    },
    textCol(
      'Penanggung jawab saat ini',
      (a) => a.assignee,
      (a, v) => {
        a.assignee = v;
      },
    ),
    dateCol(
      'Diajukan pada',
      (a) => a.submittedAt,
      (a, v) => {
        a.submittedAt = v ?? '';
      },
    ),
    dateCol(
      'Diperbarui pada',
      (a) => a.updatedAt,
      (a, v) => {
        a.updatedAt = v ?? '';
      },
    ),
    textCol(
      'Nama (sesuai KTP)',
      (a) => a.applicant.name,
      (a, v) => {
        a.applicant.name = v;
      },
    ),
    textCol(
      'NIK (disamarkan)',
      (a) => a.applicant.nikMasked,
      (a, v) => {
        a.applicant.nikMasked = v;
      },
    ),
    textCol(
      'Kunci NIK',
      (a) => a.applicant.nikKey,
      (a, v) => {
        a.applicant.nikKey = v;
      },
    ),
    textCol(
      'NIP / NI PPPK',
      (a) => a.applicant.nip,
      (a, v) => {
        a.applicant.nip = v;
      },
    ),
    textCol(
      'Status kepegawaian',
      (a) => a.applicant.employmentStatus,
      (a, v) => {
        a.applicant.employmentStatus = v === 'PPPK' ? 'PPPK' : 'PNS';
      },
    ),
    textCol(
      'Jabatan',
      (a) => a.applicant.position,
      (a, v) => {
        a.applicant.position = v;
      },
    ),
    textCol(
      'Unit kerja / OPD',
      (a) => a.applicant.unit,
      (a, v) => {
        a.applicant.unit = v;
      },
    ),
    textCol(
      'Email dinas',
      (a) => a.applicant.email,
      (a, v) => {
        a.applicant.email = v;
      },
    ),
    textCol(
      'Nomor ponsel (WhatsApp)',
      (a) => a.applicant.phone,
      (a, v) => {
        a.applicant.phone = v;
      },
    ),
    textCol(
      'Kode layanan',
      (a) => a.applicant.service,
      (a, v) => {
        a.applicant.service = (v || 'PENERBITAN_BARU') as Application['applicant']['service'];
      },
    ),
    textCol(
      'Tautan Surat Permohonan',
      (a) => a.applicant.letterLink,
      (a, v) => {
        a.applicant.letterLink = v;
      },
    ),
    textCol(
      'Berkas dibawa langsung',
      (a) => (a.applicant.bringsFiles ? 'Ya' : 'Tidak'),
      (a, v) => {
        a.applicant.bringsFiles = v === 'Ya';
      },
    ),
    jsonCol('Masalah data (JSON)', 'issues', []),
    {
      header: 'Catatan pemeriksaan data',
      kind: 'json',
      get: (a) => cellText(JSON.stringify(a.applicant.warnings)),
      set: (a, v) => {
        a.applicant.warnings = jsonOf(v, []);
      },
    },
    dateCol(
      'Email terverifikasi pada',
      (a) => a.emailVerifiedAt,
      (a, v) => {
        a.emailVerifiedAt = v;
      },
    ),
    textCol(
      'Dikembalikan dari',
      (a) => a.returnedFrom ?? '',
      (a, v) => {
        a.returnedFrom = v ? (v as Status) : null;
      },
    ),
    textCol(
      'Alasan pengembalian',
      (a) => a.returnReason,
      (a, v) => {
        a.returnReason = v;
      },
    ),
    textCol(
      'Alasan penolakan',
      (a) => a.rejectReason,
      (a, v) => {
        a.rejectReason = v;
      },
    ),
    ...stepColumns,
    jsonCol('Waktu tahap (JSON)', 'steps', {}),
    jsonCol('Disposisi (JSON)', 'dispositions', []),
    jsonCol('Pemeriksaan Sandiman (JSON)', 'checklist', {}),
    dateCol(
      'Diajukan ke BSrE pada',
      (a) => a.bsre.submittedAt,
      (a, v) => {
        a.bsre.submittedAt = v;
      },
    ),
    dateCol(
      'Akun BSrE dikirim pada',
      (a) => a.bsre.accountSentAt,
      (a, v) => {
        a.bsre.accountSentAt = v;
      },
    ),
    dateCol(
      'Terverifikasi BSrE pada',
      (a) => a.bsre.verifiedAt,
      (a, v) => {
        a.bsre.verifiedAt = v;
      },
    ),
    dateCol(
      'Passphrase diatur pada',
      (a) => a.bsre.passphraseSetAt,
      (a, v) => {
        a.bsre.passphraseSetAt = v;
      },
    ),
    dateCol(
      'Sertifikat terbit pada',
      (a) => a.bsre.issuedAt,
      (a, v) => {
        a.bsre.issuedAt = v;
      },
    ),
    textCol(
      'Nomor seri sertifikat',
      (a) => a.bsre.serial,
      (a, v) => {
        a.bsre.serial = v;
      },
    ),
    textCol(
      'Berlaku sampai',
      (a) => a.bsre.validUntil,
      (a, v) => {
        a.bsre.validUntil = dateOnly(v);
      },
    ),
    textCol(
      'Kode penolakan BSrE',
      (a) => a.bsre.rejectCode ?? '',
      (a, v) => {
        a.bsre.rejectCode = v ? (v as Application['bsre']['rejectCode']) : null;
      },
    ),
    textCol(
      'Keterangan penolakan BSrE',
      (a) => a.bsre.rejectText,
      (a, v) => {
        a.bsre.rejectText = v;
      },
    ),
    textCol(
      RESPONSE_ID_HEADER,
      (a) => a.responseId,
      (a, v) => {
        a.responseId = v;
      },
    ),
    jsonCol('Riwayat (JSON)', 'history', []),
  ];
}

/** A yyyy-MM-dd date from a cell that Sheets may have turned into a Date (taken in WITA, the office's day). */
function dateOnly(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The Sertifikat Terbit columns: the SOP's record of applicants whose certificate was issued. */
export function certificateColumns(): Column<CertificateRecord>[] {
  const t = (header: string, key: keyof CertificateRecord): Column<CertificateRecord> => ({
    header,
    kind: 'text',
    get: (c) => cellText(String(c[key])),
    set: (c, v) => {
      (c as unknown as Record<string, string>)[key] = text(v);
    },
  });
  return [
    t(ID_HEADER, 'applicationId'),
    t('Nama (sesuai KTP)', 'name'),
    t('NIK (disamarkan)', 'nikMasked'),
    t('NIP / NI PPPK', 'nip'),
    t('Jabatan', 'position'),
    t('Unit kerja / OPD', 'unit'),
    t('Email dinas', 'email'),
    t('Kode layanan', 'service'),
    t('Nomor seri sertifikat', 'serial'),
    {
      header: 'Terbit pada',
      kind: 'date',
      get: (c) => dateCell(c.issuedAt || null),
      set: (c, v) => {
        c.issuedAt = isoOf(v) ?? '';
      },
    },
    t('Berlaku sampai', 'validUntil'),
  ];
}

/** Headers in order, for setup (creating or repairing the sheet). */
export function headersOf<T>(columns: Column<T>[]): string[] {
  return columns.map((c) => c.header);
}

/** Header -> number format, so setup can set '@' on every text column. */
export function formatsOf<T>(columns: Column<T>[]): Record<string, string> {
  return Object.fromEntries(columns.map((c) => [c.header, KIND_FORMATS[c.kind]]));
}

export type SchemaCheck = { ok: true; index: Map<string, number> } | { ok: false; message: string };

/**
 * Checks a sheet's header row against the columns: every column present exactly once (staff may add their own
 * columns and move ours). The message names the missing and duplicated columns, in Indonesian.
 */
export function checkSchema<T>(sheetName: string, headers: unknown[], columns: Column<T>[]): SchemaCheck {
  const index = new Map<string, number>();
  const duplicated = new Set<string>();
  headers.forEach((h, i) => {
    const name = text(h).trim();
    if (name === '') return;
    if (index.has(name)) duplicated.add(name);
    else index.set(name, i);
  });
  const wanted = new Set(columns.map((c) => c.header));
  const missing = columns.map((c) => c.header).filter((h) => !index.has(h));
  const dup = [...duplicated].filter((h) => wanted.has(h));
  if (missing.length === 0 && dup.length === 0) return { ok: true, index };
  const parts: string[] = [];
  if (missing.length > 0) parts.push(SCHEMA_MESSAGES.missing(missing));
  if (dup.length > 0) parts.push(SCHEMA_MESSAGES.duplicated(dup));
  return { ok: false, message: SCHEMA_MESSAGES.mismatch(sheetName, parts) };
}

/**
 * Builds the row to write: our columns from the record, other (staff) columns kept from the existing row, so one
 * batched setValues writes the whole row without losing what staff typed beside it.
 */
export function toRow<T>(record: T, headers: unknown[], columns: Column<T>[], existing: unknown[] = []): unknown[] {
  const byHeader = new Map(columns.map((c) => [c.header, c]));
  return headers.map((h, i) => {
    const column = byHeader.get(text(h).trim());
    return column ? column.get(record) : (existing[i] ?? '');
  });
}

/** Reads a record back from a row by header name (derived columns are ignored). */
export function fromRow<T>(row: unknown[], index: Map<string, number>, columns: Column<T>[], blank: T): T {
  const record = JSON.parse(JSON.stringify(blank)) as T;
  for (const column of columns) {
    const i = index.get(column.header);
    if (i === undefined || !column.set) continue;
    column.set(record, row[i] ?? '');
  }
  return record;
}

/** A blank application to read a row into. */
export function blankApplication(): Application {
  return {
    id: '',
    responseId: '',
    editUrl: '',
    version: 0,
    status: STATUS.DATA_TIDAK_VALID,
    currentStep: 0,
    assignee: '',
    submittedAt: '',
    updatedAt: '',
    applicant: {
      name: '',
      nikMasked: '',
      nikKey: '',
      nip: '',
      employmentStatus: 'PNS',
      position: '',
      unit: '',
      email: '',
      phone: '',
      service: 'PENERBITAN_BARU',
      letterLink: '',
      ktpLink: '',
      bringsFiles: false,
      warnings: [],
    },
    issues: [],
    emailVerifiedAt: null,
    returnedFrom: null,
    returnReason: '',
    rejectReason: '',
    steps: {},
    dispositions: [],
    checklist: {},
    bsre: noBsreOutcome(),
    history: [],
  };
}

/** Convenience for the shell: application -> register row. */
export function applicationToRow(
  app: Application,
  headers: unknown[],
  sop: SopDefinition,
  existing?: unknown[],
): unknown[] {
  return toRow(app, headers, registerColumns(sop), existing);
}

/** Convenience for the shell: register row -> application. */
export function applicationFromRow(row: unknown[], index: Map<string, number>, sop: SopDefinition): Application {
  return fromRow(row, index, registerColumns(sop), blankApplication());
}

/** Status code from a label, for staff filters and imports (undefined when the label is not a status). */
export function statusFromLabel(label: string): Status | undefined {
  return STATUS_BY_LABEL.get(label.trim());
}
