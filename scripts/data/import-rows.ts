// Turns each imported row into a register record: cell types checked, the Form's own rules applied (validateIntake), duplicates found.
import { maskNik, validateNik } from '../../src/core/identity';
import {
  CONSENT_CHOICE,
  FILES_DELIVERY_CHOICES,
  INTAKE_FORM,
  OFFICIAL_EMAIL_CHOICES,
  SERVICE_CHOICES,
} from '../../src/core/intake-form';
import { type ServiceType, validateIntake } from '../../src/core/intake-validation';
import { isActive } from '../../src/core/workflow';
import { STATUS, STATUS_LABELS, type Status } from '../../src/core/workflow-types';
import { type ColumnMap, FIELD_LABELS, type ImportField } from './column-mapping';
import type { RawCell } from './source-reader';

/** One row ready to write: normalised text per field, the full NIK kept apart for the restricted store. */
export interface ImportRecord {
  line: number;
  reference: string;
  status: Status;
  submittedAt: string;
  name: string;
  nik: string;
  nikMasked: string;
  nip: string;
  employmentStatus: 'PNS' | 'PPPK';
  position: string;
  unit: string;
  email: string;
  phone: string;
  service: ServiceType;
  serial: string;
  issuedAt: string;
  validUntil: string;
}

/** A row not written: refused (bad data) or skipped (already in the register), with every reason in Indonesian. */
export interface RowOutcome {
  line: number;
  result: 'DITOLAK' | 'DILEWATI';
  reference: string;
  name: string;
  nikMasked: string;
  reasons: string[];
}

/** What is already in the target, for idempotency: keys of existing rows and the references and serials in use. */
export interface ExistingKeys {
  keys: Map<string, string>;
  references: Set<string>;
  serials: Map<string, string>;
  /** Existing applications by NIK, for the Form's "one active application per NIK and service" rule. */
  applications: Map<string, { nik: string; service: string; status: string }[]>;
}

/** Records an application under its NIK for the duplicate-active rule. */
export function addApplication(
  existing: ExistingKeys,
  application: { nik: string; service: string; status: string },
): void {
  const list = existing.applications.get(application.nik);
  if (list) list.push(application);
  else existing.applications.set(application.nik, [application]);
}

/** The identity of an imported row: the same person, service and certificate serial is the same record. */
export function recordKey(nik: string, service: string, serial: string): string {
  return `${nik}|${service}|${serial}`;
}

const SERVICE_BY_TEXT = new Map<string, ServiceType>();
for (const [code, label] of Object.entries(SERVICE_CHOICES) as [ServiceType, string][]) {
  SERVICE_BY_TEXT.set(code.toLowerCase(), code);
  SERVICE_BY_TEXT.set(label.toLowerCase(), code);
}
const STATUS_BY_TEXT = new Map<string, Status>();
for (const [code, label] of Object.entries(STATUS_LABELS) as [Status, string][]) {
  STATUS_BY_TEXT.set(code.toLowerCase(), code);
  STATUS_BY_TEXT.set(label.toLowerCase(), code);
}
/**
 * Only finished applications are imported (the office's history). A running application needs its workflow started
 * properly (e-mail verification, dispositions, step clocks), so it is submitted again through the Form.
 */
export const IMPORTABLE_STATUSES: readonly Status[] = [STATUS.SERTIFIKAT_TERBIT, STATUS.DITOLAK];
const IMPORTABLE_TEXT =
  'Hanya riwayat yang dapat diimpor: status "Sertifikat terbit" (dengan nomor seri) atau "Ditolak". Permohonan yang masih berjalan diajukan ulang lewat Formulir agar alurnya dimulai dengan benar.';

const TITLE = new Map(INTAKE_FORM.questions.map((question) => [question.key, question.title]));

const DIGIT_FIELDS = new Set<ImportField>(['nik', 'nip', 'phone']);
const DATE_FIELDS = new Set<ImportField>(['issuedAt', 'validUntil', 'submittedAt']);
const CODE_FIELDS = new Set<ImportField>(['reference', 'serial']);

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Dates as the register writes them: yyyy-MM-dd, or yyyy-MM-dd HH:mm with a time. Accepts dd/mm/yyyy too. */
function normaliseDate(text: string): string | null {
  const trimmed = text.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?/.exec(trimmed);
  let parts: [number, number, number] | null = null;
  let time = '';
  if (match) {
    parts = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (match[4] !== undefined) time = ` ${pad(Number(match[4]))}:${match[5]}`;
  } else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
    if (match) parts = [Number(match[3]), Number(match[2]), Number(match[1])];
  }
  if (!parts || !isRealDate(...parts)) return null;
  return `${parts[0]}-${pad(parts[1])}-${pad(parts[2])}${time}`;
}

/**
 * Reads one cell as text with the type the field allows. Formulas and error cells are refused (never evaluated);
 * numbers too long for a double (an 18-digit NIP typed as a number) are refused because their last digits are gone.
 */
function cellText(field: ImportField, cell: RawCell | undefined): { text: string } | { error: string } {
  const label = FIELD_LABELS[field];
  if (cell === null || cell === undefined) return { text: '' };
  if (typeof cell === 'string') return { text: cell };
  if (cell instanceof Date) {
    if (!DATE_FIELDS.has(field)) return { error: `Kolom "${label}" berisi tanggal, padahal harus teks.` };
    const hasTime = cell.getUTCHours() !== 0 || cell.getUTCMinutes() !== 0;
    const date = `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
    return { text: hasTime ? `${date} ${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}` : date };
  }
  if (typeof cell === 'number') {
    if (DIGIT_FIELDS.has(field) || CODE_FIELDS.has(field)) {
      if (!Number.isSafeInteger(cell) || cell < 0) {
        return {
          error: `Kolom "${label}" tersimpan sebagai angka sehingga digit terakhirnya hilang. Format kolom itu sebagai Teks lalu ketik ulang nilainya.`,
        };
      }
      const digits = String(cell);
      return { text: field === 'phone' && digits.startsWith('8') ? `0${digits}` : digits };
    }
    return { error: `Kolom "${label}" berisi angka, padahal harus teks.` };
  }
  if (typeof cell === 'boolean') return { error: `Kolom "${label}" berisi nilai benar/salah, padahal harus teks.` };
  if ('formula' in cell)
    return { error: `Kolom "${label}" berisi rumus (formula); rumus tidak diimpor. Ganti dengan nilainya.` };
  return { error: `Kolom "${label}" berisi galat ${cell.error}.` };
}

/** A row's fields as text, or the type errors found. */
function readFields(
  map: ColumnMap,
  cells: RawCell[],
): { values: Partial<Record<ImportField, string>>; errors: string[] } {
  const values: Partial<Record<ImportField, string>> = {};
  const errors: string[] = [];
  for (const [field, column] of Object.entries(map.columns) as [ImportField, number][]) {
    const read = cellText(field, cells[column]);
    if ('error' in read) errors.push(read.error);
    else values[field] = read.text;
  }
  return { values, errors };
}

export interface RowCheckContext {
  map: ColumnMap;
  existing: ExistingKeys;
  allowedEmailDomains: string[];
  now: Date;
  /** Called every PROGRESS_EVERY rows with the count checked so far. */
  onProgress?: (checked: number, total: number) => void;
}

/** How often a long file reports progress. */
export const PROGRESS_EVERY = 1000;

/**
 * Checks every row in file order. Accepted rows are added to `existing` as they pass, so a duplicate inside the file
 * is refused against the row it repeats; a row already in the register is skipped (running twice adds nothing).
 */
export function checkRows(rows: { line: number; cells: RawCell[] }[], context: RowCheckContext) {
  const accepted: ImportRecord[] = [];
  const outcomes: RowOutcome[] = [];
  const { existing } = context;
  const seenInFile = new Map<string, number>();
  const referencesInFile = new Map<string, number>();
  const serialsInFile = new Map<string, number>();
  let seen = 0;
  for (const row of rows) {
    seen += 1;
    if (seen % PROGRESS_EVERY === 0) context.onProgress?.(seen, rows.length);
    const { values, errors } = readFields(context.map, row.cells);
    const text = (field: ImportField) => (values[field] ?? '').trim();
    const reasons = [...errors];
    const refuse = (nikMasked = '') =>
      outcomes.push({
        line: row.line,
        result: 'DITOLAK',
        reference: text('reference'),
        name: text('name'),
        nikMasked,
        reasons,
      });

    const serviceText = text('service');
    const service = SERVICE_BY_TEXT.get(serviceText.toLowerCase());
    const answers: Record<string, string | string[]> = {
      [TITLE.get('name')!]: values.name ?? '',
      [TITLE.get('nik')!]: values.nik ?? '',
      [TITLE.get('employmentStatus')!]: text('employmentStatus').toUpperCase(),
      [TITLE.get('nip')!]: values.nip ?? '',
      [TITLE.get('position')!]: values.position ?? '',
      [TITLE.get('unit')!]: values.unit ?? '',
      [TITLE.get('hasOfficialEmail')!]: OFFICIAL_EMAIL_CHOICES.YES,
      [TITLE.get('email')!]: values.email ?? '',
      [TITLE.get('phone')!]: values.phone ?? '',
      [TITLE.get('service')!]: service ? SERVICE_CHOICES[service] : serviceText,
      [TITLE.get('filesDelivery')!]: FILES_DELIVERY_CHOICES.BAWA_KE_DINAS,
      [TITLE.get('filesLink')!]: '',
      [TITLE.get('consent')!]: [CONSENT_CHOICE],
    };
    const nikChecked = validateNik(values.nik ?? '');
    const sameNik = nikChecked.ok ? (existing.applications.get(nikChecked.value) ?? []) : [];
    const checked = validateIntake(
      answers,
      { allowedEmailDomains: context.allowedEmailDomains },
      sameNik,
      (status) => isActive(status as Status),
      context.now,
    );
    if (!checked.ok) reasons.push(...checked.errors.map((issue) => issue.message));

    const statusText = text('status');
    const serial = text('serial');
    let status: Status | null = serial ? STATUS.SERTIFIKAT_TERBIT : null;
    if (statusText) {
      const found = STATUS_BY_TEXT.get(statusText.toLowerCase());
      if (found) status = found;
      else reasons.push(`Status "${statusText}" tidak dikenal.`);
    }
    if (status !== null && !IMPORTABLE_STATUSES.includes(status)) status = null;
    if (status === null && (!statusText || STATUS_BY_TEXT.has(statusText.toLowerCase()))) reasons.push(IMPORTABLE_TEXT);
    if (status === STATUS.SERTIFIKAT_TERBIT && !serial)
      reasons.push('Status "Sertifikat terbit" wajib disertai nomor seri sertifikat.');
    if (serial && status === STATUS.DITOLAK)
      reasons.push('Nomor seri sertifikat hanya boleh diisi untuk status "Sertifikat terbit".');
    if (serial && !/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/.test(serial))
      reasons.push('Nomor seri sertifikat hanya boleh berisi huruf, angka, titik, garis miring, dan tanda hubung.');
    const reference = text('reference');
    if (reference && !/^[A-Za-z0-9][A-Za-z0-9._/-]{0,59}$/.test(reference))
      reasons.push('Nomor permohonan hanya boleh berisi huruf, angka, titik, garis miring, dan tanda hubung.');
    const dates: Partial<Record<'issuedAt' | 'validUntil' | 'submittedAt', string>> = {};
    for (const field of ['issuedAt', 'validUntil', 'submittedAt'] as const) {
      const value = text(field);
      if (!value) continue;
      const date = normaliseDate(value);
      if (date) dates[field] = date;
      else reasons.push(`Kolom "${FIELD_LABELS[field]}" bukan tanggal yang sah (gunakan yyyy-mm-dd atau dd/mm/yyyy).`);
    }
    if (dates.issuedAt && dates.validUntil && dates.validUntil <= dates.issuedAt)
      reasons.push('"Berlaku Sampai" harus sesudah "Tanggal Terbit".');

    const known = checked.ok ? checked.applicant : checked.partial;
    const nikMasked = known.nik ? maskNik(known.nik) : '';
    const key = known.nik && known.service ? recordKey(known.nik, known.service, serial) : null;
    const existingReference = key === null ? undefined : existing.keys.get(key);
    if (existingReference !== undefined || (reference && existing.references.has(reference))) {
      outcomes.push({
        line: row.line,
        result: 'DILEWATI',
        reference: reference || existingReference || '',
        name: known.name ?? text('name'),
        nikMasked,
        reasons: [`Sudah ada di register (${existingReference || reference}); tidak ditulis ulang.`],
      });
      continue;
    }
    if (reasons.length > 0 || !checked.ok || key === null || status === null) {
      refuse(nikMasked);
      continue;
    }
    const applicant = checked.applicant;
    const duplicateOf = seenInFile.get(key);
    if (duplicateOf !== undefined) reasons.push(`Duplikat baris ${duplicateOf} (NIK, layanan, dan nomor seri sama).`);
    if (reference && referencesInFile.has(reference))
      reasons.push(`Nomor permohonan sama dengan baris ${referencesInFile.get(reference)}.`);
    if (serial && serialsInFile.has(serial))
      reasons.push(`Nomor seri sertifikat sama dengan baris ${serialsInFile.get(serial)}.`);
    if (serial && existing.serials.has(serial))
      reasons.push(`Nomor seri sertifikat sudah dipakai ${existing.serials.get(serial)} di register untuk orang lain.`);
    if (reasons.length > 0) {
      refuse(nikMasked);
      continue;
    }
    seenInFile.set(key, row.line);
    if (reference) referencesInFile.set(reference, row.line);
    if (serial) serialsInFile.set(serial, row.line);
    addApplication(existing, { nik: applicant.nik, service: applicant.service, status });
    accepted.push({
      line: row.line,
      reference,
      status,
      submittedAt: dates.submittedAt ?? '',
      name: applicant.name,
      nik: applicant.nik,
      nikMasked,
      nip: applicant.nip,
      employmentStatus: applicant.employmentStatus,
      position: applicant.position,
      unit: applicant.unit,
      email: applicant.email,
      phone: applicant.phone,
      service: applicant.service,
      serial,
      issuedAt: dates.issuedAt ?? '',
      validUntil: dates.validUntil ?? '',
    });
  }
  return { accepted, outcomes };
}
