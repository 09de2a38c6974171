// Appends events to Jejak Audit, each row hash-chained to the one before; rows are never rewritten.
import {
  AUDIT_COLUMNS,
  AUDIT_FIELD_COUNT,
  AUDIT_GENESIS_HASH,
  buildAuditRow,
  chainRow,
  type Digest,
  sha256Digest,
  verifyChain,
} from '../core/audit-chain';
import { SHEET_NAMES, SHELL_MESSAGES } from '../core/messages/shell';
import { clip, toSafeCell } from '../core/sanitize';
import { type ColumnSpec, numberFormatFor, SheetTable } from './sheet-table';

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

/**
 * SHA-256 in the shape audit-chain expects: computed in JavaScript (bit for bit what Utilities.computeDigest gave, so
 * existing chains still verify), because one service call per row made checking a long log cost minutes.
 */
export const sha256: Digest = sha256Digest;

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
 * Script cache entry "<row>:<hash>:<prepared>": the log's last row, its hash, and the last row known to exist with
 * text formats in the log's columns. A hint that saves reading the header, the last row number and the grid size on
 * every append, never trusted without the check in appendAtTail. In the cache rather than Script Properties: a hint
 * may vanish (expiry, eviction: the next append takes the full path and saves it again), and no snapshot of the
 * program's settings changes because a row was logged.
 */
const TAIL_KEY = 'AUDIT_TAIL';
/** The longest a script cache entry lives (6 hours): a quiet night costs one full append the next morning. */
const TAIL_SECONDS = 21_600;
/** Rows beyond an append that get the text format (and exist in the grid) at once, so most appends set no format. */
const PREPARE_ROWS = 500;
const COLUMN_COUNT = AUDIT_COLUMNS.length;
const LAST_LETTER = String.fromCharCode(64 + COLUMN_COUNT);

interface Tail {
  row: number;
  hash: string;
  prepared: number;
}

type Cache = GoogleAppsScript.Cache.Cache;

function readTail(cache: Cache): Tail | null {
  const [row = '', hash = '', prepared = ''] = (cache.get(TAIL_KEY) ?? '').split(':');
  const tail = { row: Number(row), hash, prepared: Number(prepared) };
  if (!Number.isInteger(tail.row) || tail.row < 2 || !Number.isInteger(tail.prepared)) return null;
  return /^[0-9a-f]{64}$/.test(hash) ? tail : null;
}

/**
 * Saves the tail after the rows are written. A failure here is only logged: a stale tail fails the next append's
 * check and that append takes the full path, so the event that already wrote its rows is not undone for a hint.
 */
function saveTail(cache: Cache, tail: Tail | null): void {
  try {
    if (tail) cache.put(TAIL_KEY, `${tail.row}:${tail.hash}:${tail.prepared}`, TAIL_SECONDS);
    else cache.remove(TAIL_KEY);
  } catch (error) {
    console.log(error instanceof Error ? error.message : String(error));
  }
}

/** The entries as sheet rows in AUDIT_COLUMNS order, chained from `prev`; user text made safe and clipped. */
function chainEntries(prev: string, entries: AuditEntry[]): string[][] {
  let last = prev;
  return entries.map((entry) => {
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
    const row = buildAuditRow(last, fields, sha256);
    last = row[row.length - 1] as string;
    return row;
  });
}

/**
 * The cheap append: one read of the saved tail row and the rows to be written, one write. Used only when the read
 * proves the hint right: the tail row still carries the saved hash, its hash recomputes from its own cells in
 * AUDIT_COLUMNS order (so the columns are where this path writes them), and every row to be written is empty (no
 * row is ever overwritten). Returns false, having written nothing, when the hint is missing or wrong; a failing
 * write throws as any write does.
 */
function appendAtTail(range: (a1: string) => GoogleAppsScript.Spreadsheet.Range, entries: AuditEntry[]): boolean {
  const cache = CacheService.getScriptCache();
  const tail = readTail(cache);
  if (!tail || tail.row + entries.length > tail.prepared) return false;
  let values: unknown[][];
  try {
    values = range(`A${tail.row}:${LAST_LETTER}${tail.row + entries.length}`).getValues();
  } catch {
    return false;
  }
  const cells = (values[0] ?? []).map((cell) => (typeof cell === 'string' ? cell : null));
  const fields = cells.slice(0, AUDIT_FIELD_COUNT);
  const prevHash = cells[AUDIT_FIELD_COUNT];
  if (cells[AUDIT_FIELD_COUNT + 1] !== tail.hash || fields.some((cell) => cell === null) || !prevHash) return false;
  if (chainRow(prevHash, fields as string[], sha256) !== tail.hash) return false;
  if (values.slice(1).some((row) => row.some((cell) => cell !== ''))) return false;
  const rows = chainEntries(tail.hash, entries);
  const end = tail.row + rows.length;
  range(`A${tail.row + 1}:${LAST_LETTER}${end}`).setValues(rows);
  saveTail(cache, { row: end, hash: rows[rows.length - 1]?.[COLUMN_COUNT - 1] ?? '', prepared: tail.prepared });
  return true;
}

/**
 * The full append, for a missing or wrong tail hint: header-mapped (moved columns are followed), after the last row
 * the sheet reports, chained to its hash. Rows past the append get their text formats in the same call, so the next
 * appends can take appendAtTail; the tail is saved only when the columns are in AUDIT_COLUMNS order, the order that
 * path writes.
 */
function appendAfterLastRow(audit: SheetTable, entries: AuditEntry[]): void {
  const sheet = audit.sheet;
  const last = sheet.getLastRow();
  const prev = (last >= 2 ? String(audit.readRow(last)[HASH] ?? '') : '') || AUDIT_GENESIS_HASH;
  const rows = chainEntries(prev, entries);
  const first = last + 1;
  const end = last + rows.length;
  const inOrder = AUDIT_COLUMNS.every((header, index) => audit.headers[index] === header);
  const prepared = inOrder ? end + PREPARE_ROWS : end;
  const maxRows = sheet.getMaxRows();
  if (prepared > maxRows) sheet.insertRowsAfter(maxRows, prepared - maxRows);
  const index = audit.index();
  const order = audit.headers.map((header) => index.get(header));
  const formats = audit.headers.map((header) =>
    (AUDIT_COLUMNS as readonly string[]).includes(header) ? numberFormatFor('text') : '',
  );
  sheet
    .getRange(first, 1, prepared - first + 1, audit.width)
    .setNumberFormats(Array.from({ length: prepared - first + 1 }, () => formats));
  const byHeader = (row: string[]) =>
    audit.headers.map((header, column) => {
      const at = (AUDIT_COLUMNS as readonly string[]).indexOf(header);
      return at >= 0 && order[column] === column ? (row[at] ?? '') : '';
    });
  sheet.getRange(first, 1, rows.length, audit.width).setValues(rows.map(byHeader));
  saveTail(
    CacheService.getScriptCache(),
    inOrder ? { row: end, hash: rows[rows.length - 1]?.[COLUMN_COUNT - 1] ?? '', prepared } : null,
  );
}

/**
 * Appends the entries in one write, chained to the last row's hash. The caller holds the script lock, so no other
 * append can slip between reading that hash and writing. Text from users passes toSafeCell (no formula) and is
 * clipped to a cell. Takes the saved tail when it checks out (appendAtTail), else the full path.
 */
export function appendAudit(audit: SheetTable, entries: AuditEntry[]): void {
  if (entries.length === 0) return;
  if (appendAtTail((a1) => audit.sheet.getRange(a1), entries)) return;
  appendAfterLastRow(audit, entries);
}

/**
 * appendAudit without opening the log first: the cheap path addresses Jejak Audit through the spreadsheet, so an
 * event whose tail hint checks out reads no header, no last row and no grid size; only the full path opens the log.
 */
export function appendAuditTo(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, entries: AuditEntry[]): void {
  if (entries.length === 0) return;
  if (appendAtTail((a1) => spreadsheet.getRange(`'${SHEET_NAMES.audit}'!${a1}`), entries)) return;
  appendAfterLastRow(openAudit(spreadsheet), entries);
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
