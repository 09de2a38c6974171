// The sheets import writes and export reads, by header text: the program's own register schema, Data Terbatas and Jejak Audit.
import { AUDIT_COLUMNS } from '../../src/core/audit-chain';
import { SHEET_NAMES, SHELL_MESSAGES } from '../../src/core/messages/shell';
import { certificateColumns, headersOf, ID_HEADER, registerColumns } from '../../src/core/register-schema';
import { SEED_SOP } from '../../src/core/sop';
import type { CellValue } from './targets';

/**
 * The SOP the register's step columns follow. Only the derived "Tahap N" columns depend on it and the import never
 * requires them, so a register set up with an edited SOP still imports.
 */
export const LAYOUT_SOP = SEED_SOP;

/** Register Permohonan's columns (src/core/register-schema.ts), built once. */
export const REGISTER_SCHEMA = registerColumns(LAYOUT_SOP);
/** The register columns a sheet must have for an import (all but the derived, display-only ones). */
export const REGISTER_REQUIRED = REGISTER_SCHEMA.filter((column) => column.kind !== 'derived');
export const CERTIFICATE_SCHEMA = certificateColumns();

/** Register headers the tools read directly. */
export const REGISTER_HEADERS = {
  reference: ID_HEADER,
  statusCode: 'Kode status',
  service: 'Kode layanan',
  serial: 'Nomor seri sertifikat',
  nikKey: 'Kunci NIK',
  nikMasked: 'NIK (disamarkan)',
} as const;

/** Data Terbatas: the only place the full NIK lives, keyed by reference number (src/gas/restricted-store.ts). */
export const RESTRICTED_HEADERS = SHELL_MESSAGES.restrictedHeaders;
export const RESTRICTED_HEADER_LIST: string[] = Object.values(RESTRICTED_HEADERS);
export const RESTRICTED_SHEET = SHEET_NAMES.restricted;

export { AUDIT_COLUMNS, SHEET_NAMES };

/** Headers of a freshly set-up register, certificates sheet and audit log (for fixtures and checks). */
export const SETUP_HEADERS = {
  register: headersOf(REGISTER_SCHEMA),
  certificates: headersOf(CERTIFICATE_SCHEMA),
  audit: [...AUDIT_COLUMNS],
  restricted: RESTRICTED_HEADER_LIST,
};

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
export function rowForHeader(header: readonly unknown[], values: Record<string, CellValue>): CellValue[] {
  return header.map((cell) => values[String(cell ?? '').trim()] ?? '');
}
