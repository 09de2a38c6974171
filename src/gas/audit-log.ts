// Appends events to Jejak Audit, each row hash-chained to the one before; rows are never rewritten.
import { AUDIT_COLUMNS, AUDIT_GENESIS_HASH, buildAuditRow, type Digest, verifyChain } from '../core/audit-chain';
import { SHEET_NAMES, SHELL_MESSAGES } from '../core/messages/shell';
import { clip, toSafeCell } from '../core/sanitize';
import { type ColumnSpec, SheetTable } from './sheet-table';

/** Every audit column is text: the chain hashes exactly the strings the sheet gives back. */
export const AUDIT_SPECS: readonly ColumnSpec[] = AUDIT_COLUMNS.map((header) => ({ header, kind: 'text' as const }));

const HASH = AUDIT_COLUMNS[AUDIT_COLUMNS.length - 1] as string;

/** One event as people read it in the sheet (labels already in Indonesian). */
export interface AuditEntry {
  at: Date;
  applicationId: string;
  event: string;
  actor: string;
  role: string;
  before: string;
  after: string;
  note: string;
}

/** SHA-256 through Utilities, in the shape audit-chain expects. */
export const sha256: Digest = (text: string) =>
  Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8);

/** The time as the sheet shows it, WITA, written as text so the hash covers exactly what is read back. */
export function auditTime(at: Date): string {
  return Utilities.formatDate(at, 'Asia/Makassar', "yyyy-MM-dd HH:mm:ss 'WITA'");
}

export function openAudit(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SheetTable {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.audit);
  if (!sheet) throw new Error(SHELL_MESSAGES.sheetMissing(SHEET_NAMES.audit));
  return SheetTable.open(sheet, AUDIT_SPECS);
}

/**
 * Appends the entries in one write, chained to the last row's hash. The caller holds the script lock, so no other
 * append can slip between reading that hash and writing. Text from users passes toSafeCell (no formula) and is
 * clipped to a cell.
 */
export function appendAudit(audit: SheetTable, entries: AuditEntry[]): void {
  if (entries.length === 0) return;
  const last = audit.sheet.getLastRow();
  let prev = last >= 2 ? String(audit.readRow(last)[HASH] ?? '') : AUDIT_GENESIS_HASH;
  if (!prev) prev = AUDIT_GENESIS_HASH;
  const records = entries.map((entry) => {
    const fields = [
      auditTime(entry.at),
      entry.applicationId,
      entry.event,
      entry.actor,
      entry.role,
      entry.before,
      entry.after,
      entry.note,
    ].map((text) => toSafeCell(clip(text, 2000)));
    const row = buildAuditRow(prev, fields, sha256);
    prev = row[row.length - 1] as string;
    const record: Record<string, string> = {};
    AUDIT_COLUMNS.forEach((header, index) => {
      record[header] = row[index] as string;
    });
    return record;
  });
  audit.appendRows(records, last);
}

/** Reads the whole log once and checks the chain (menu "Periksa jejak audit"). */
export function checkAudit(audit: SheetTable): { ok: true; rows: number } | { ok: false; row: number; reason: string } {
  const values = audit.sheet
    .getDataRange()
    .getValues()
    .map((cells) => cells.map((cell) => String(cell)));
  const result = verifyChain(values, sha256);
  if (result.ok) return { ok: true, rows: Math.max(values.length - 1, 0) };
  return { ok: false, row: result.firstBrokenRow + 1, reason: result.reason };
}
