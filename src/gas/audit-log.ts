// Appends events to Jejak Audit, each row hash-chained to the one before; rows are never rewritten.
import {
  AUDIT_COLUMNS,
  AUDIT_FIELD_COUNT,
  AUDIT_GENESIS_HASH,
  buildAuditRow,
  chainRow,
  type Digest,
  verifyChain,
} from '../core/audit-chain';
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

/**
 * Reads the whole log once and checks the chain (menu "Periksa jejak audit"). A full check on purpose: the person
 * who asks wants the whole answer now; the hourly job is the one that resumes (checkAuditSegment).
 */
export function checkAudit(audit: SheetTable): { ok: true; rows: number } | { ok: false; row: number; reason: string } {
  const values = audit.sheet
    .getDataRange()
    .getValues()
    .map((cells) => cells.map((cell) => String(cell)));
  const result = verifyChain(values, sha256);
  if (result.ok) return { ok: true, rows: Math.max(values.length - 1, 0) };
  return { ok: false, row: result.firstBrokenRow + 1, reason: result.reason };
}

/** Where a resumable check stands: the next sheet row to verify and the hash the row before it must have carried. */
export interface AuditCursor {
  row: number;
  prevHash: string;
}

/** The start of a pass: row 2 (the first data row) chained to the genesis hash. */
export const AUDIT_START: AuditCursor = { row: 2, prevHash: AUDIT_GENESIS_HASH };

/**
 * Verifies at most `maxRows` rows from the cursor, in one read, so a log too long for one execution is checked over
 * several. Returns the cursor after the last row found whole and whether that was the log's last row, or the first
 * broken sheet row. The same serialisation and column lookup by header as checkAudit.
 */
export function checkAuditSegment(
  audit: SheetTable,
  from: AuditCursor,
  maxRows: number,
): { ok: true; next: AuditCursor; checked: number; done: boolean } | { ok: false; row: number; reason: string } {
  const last = audit.sheet.getLastRow();
  const count = Math.min(maxRows, last - from.row + 1);
  if (count <= 0) return { ok: true, next: from, checked: 0, done: true };
  const index = audit.index();
  const order = AUDIT_COLUMNS.map((header) => index.get(header) ?? -1);
  const values = audit.sheet.getRange(from.row, 1, count, audit.width).getValues();
  let prev = from.prevHash;
  for (let i = 0; i < values.length; i++) {
    const row = from.row + i;
    const raw = values[i] ?? [];
    if (order.some((column) => column < 0 || raw[column] === undefined))
      return { ok: false, row, reason: 'MALFORMED_ROW' };
    const text = order.map((column) => String(raw[column]));
    const prevHash = text[AUDIT_FIELD_COUNT] ?? '';
    const hash = text[AUDIT_FIELD_COUNT + 1] ?? '';
    if (prevHash !== prev) return { ok: false, row, reason: 'PREV_HASH_MISMATCH' };
    if (chainRow(prevHash, text.slice(0, AUDIT_FIELD_COUNT), sha256) !== hash) {
      return { ok: false, row, reason: 'HASH_MISMATCH' };
    }
    prev = hash;
  }
  const next = { row: from.row + count, prevHash: prev };
  return { ok: true, next, checked: count, done: next.row > last };
}
