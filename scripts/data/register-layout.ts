// The columns the import writes and the export reads, found by header text: register, issued certificates, audit log, restricted NIK store.
import { AUDIT_COLUMNS } from '../../src/core/audit-chain';
import { SHEET_NAMES } from '../../src/core/messages/shell';

/**
 * Register columns the import fills. Open: src/core/register-schema.ts (the program's own header list) has not landed
 * yet; these headers follow the glossary and the audit log's "Nomor Permohonan". When the schema lands, this list must
 * be replaced by its headers (the import and export only ever look columns up by header text).
 */
export const REGISTER_COLUMNS = {
  reference: 'Nomor Permohonan',
  status: 'Status',
  submittedAt: 'Waktu Pengajuan',
  name: 'Nama',
  nikMasked: 'NIK Tersamar',
  nikKey: 'Kunci NIK',
  nip: 'NIP / NI PPPK',
  employmentStatus: 'Status Kepegawaian',
  position: 'Jabatan',
  unit: 'Unit Kerja',
  email: 'Email Dinas',
  phone: 'Nomor Ponsel',
  service: 'Jenis Layanan',
  serial: 'Nomor Seri Sertifikat',
  issuedAt: 'Tanggal Terbit',
  validUntil: 'Berlaku Sampai',
  source: 'Sumber',
} as const;

export type RegisterField = keyof typeof REGISTER_COLUMNS;

/** Sertifikat Terbit columns (CertificateRecord in src/core/workflow-types.ts). */
export const ISSUED_COLUMNS = {
  reference: 'Nomor Permohonan',
  name: 'Nama',
  nikMasked: 'NIK Tersamar',
  nip: 'NIP / NI PPPK',
  position: 'Jabatan',
  unit: 'Unit Kerja',
  email: 'Email Dinas',
  service: 'Jenis Layanan',
  serial: 'Nomor Seri Sertifikat',
  issuedAt: 'Tanggal Terbit',
  validUntil: 'Berlaku Sampai',
} as const;

/** The restricted store (Data Terbatas): the only place the full NIK lives, keyed by reference number. */
export const RESTRICTED_COLUMNS = {
  reference: 'Nomor Permohonan',
  nik: 'NIK',
} as const;

export { AUDIT_COLUMNS, SHEET_NAMES };

/** The sheet of the restricted spreadsheet that holds the NIKs. */
export const RESTRICTED_SHEET = SHEET_NAMES.restricted;

/** The sheets a backup holds, in workbook order. */
export const BACKUP_SHEETS = [
  SHEET_NAMES.register,
  SHEET_NAMES.issued,
  SHEET_NAMES.audit,
  SHEET_NAMES.settings,
] as const;

/** Header text -> 0-based column index of a header row (trimmed; first occurrence wins). */
export function headerIndex(header: readonly unknown[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((cell, column) => {
    const text = String(cell ?? '').trim();
    if (text !== '' && !index.has(text)) index.set(text, column);
  });
  return index;
}

/** Which of the required headers a header row lacks. */
export function missingHeaders(header: readonly unknown[], required: readonly string[]): string[] {
  const index = headerIndex(header);
  return required.filter((name) => !index.has(name));
}

/** Builds a row in the order of an existing header row from values keyed by header text ('' elsewhere). */
export function rowForHeader(header: readonly unknown[], values: Record<string, string>): string[] {
  return header.map((cell) => values[String(cell ?? '').trim()] ?? '');
}
