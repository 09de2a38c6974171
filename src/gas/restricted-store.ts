// Data Terbatas: the separate spreadsheet that alone holds the full NIK and the files link, keyed by application.
import { SHEET_NAMES, SHELL_MESSAGES } from '../core/messages/shell';
import { fromSafeCell, toSafeCell } from '../core/sanitize';
import { type ColumnSpec, SheetTable } from './sheet-table';

const H = SHELL_MESSAGES.restrictedHeaders;

/** The columns of Data Terbatas; every text column is '@' so a NIK never turns into a number. */
export const RESTRICTED_COLUMNS: readonly ColumnSpec[] = [
  { header: H.applicationId, kind: 'text' },
  { header: H.nik, kind: 'text' },
  { header: H.filesLink, kind: 'text' },
  { header: H.recordedAt, kind: 'date' },
  { header: H.updatedAt, kind: 'date' },
];

/** Header texts of Data Terbatas, for callers reading a row. */
export const RESTRICTED_FIELDS = H;

export interface RestrictedRecord {
  applicationId: string;
  nik: string;
  filesLink: string;
}

/** Opens Data Terbatas by name (its header in one range); the Sheet itself is fetched only to append or delete. */
export function openRestricted(spreadsheetId: string): SheetTable {
  return SheetTable.openByName(SpreadsheetApp.openById(spreadsheetId), SHEET_NAMES.restricted, RESTRICTED_COLUMNS);
}

/**
 * Writes (or rewrites, after a correction) the full NIK and files link of one application: found by TextFinder on
 * the application column, so the cost does not grow with the store. Returns the files link the row held before ('' for
 * a new row), so a correction that replaced an uploaded scan can trash the old one.
 */
export function upsertRestricted(store: SheetTable, record: RestrictedRecord, now: Date): string {
  const values = {
    [H.applicationId]: record.applicationId,
    [H.nik]: toSafeCell(record.nik),
    [H.filesLink]: toSafeCell(record.filesLink),
    [H.updatedAt]: now,
  };
  const row = store.findRow(H.applicationId, record.applicationId);
  if (row === null) {
    store.appendRows([{ ...values, [H.recordedAt]: now }]);
    return '';
  }
  const before = store.readRow(row);
  store.updateRow(row, before, values);
  return fromSafeCell(String(before[H.filesLink] ?? ''));
}

/** The restricted row of one application (header -> text), or null; only the owner-run web app reads it. */
export function readRestricted(spreadsheetId: string, applicationId: string): Record<string, string> | null {
  const store = openRestricted(spreadsheetId);
  const row = store.findRow(H.applicationId, applicationId);
  if (row === null) return null;
  const record = store.readRow(row);
  const out: Record<string, string> = {};
  for (const spec of RESTRICTED_COLUMNS) out[spec.header] = fromSafeCell(String(record[spec.header] ?? ''));
  return out;
}
