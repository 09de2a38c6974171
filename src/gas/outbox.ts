// The mail outbox (Kotak Keluar): every mail gets a row, sent within the daily quota; a waiting one is retried.
import { SHEET_NAMES, SHELL_MESSAGES } from '../core/messages/shell';
import { fromSafeCell, toSafeCell } from '../core/sanitize';
import { type Cell, type ColumnSpec, type RowRecord, SheetTable } from './sheet-table';

const H = SHELL_MESSAGES.outboxHeaders;

/** The Kotak Keluar columns. */
export const OUTBOX_COLUMNS: readonly ColumnSpec[] = [
  { header: H.id, kind: 'text' },
  { header: H.created, kind: 'date' },
  { header: H.applicationId, kind: 'text' },
  { header: H.kind, kind: 'text' },
  { header: H.to, kind: 'text' },
  { header: H.subject, kind: 'text' },
  { header: H.status, kind: 'text' },
  { header: H.attempts, kind: 'number' },
  { header: H.lastAttempt, kind: 'date' },
  { header: H.sentAt, kind: 'date' },
  { header: H.lastError, kind: 'text' },
  { header: H.key, kind: 'text' },
  { header: H.text, kind: 'text' },
  { header: H.html, kind: 'text' },
];

const STATUS = SHELL_MESSAGES.outboxStatus;

/** A mail to queue: what the templates produce, plus what it is about. */
export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The application it concerns ('' for none). */
  applicationId: string;
  /** What kind of mail (for the staff reading Kotak Keluar and for tests). */
  kind: string;
  /** A key that makes the mail unique (a reminder sent once); '' when the mail may repeat. */
  key?: string;
}

/** A cell holds at most 50,000 characters; a body longer than this would be cut, so it is refused up front. */
const MAX_CELL = 49_000;

/** Opens Kotak Keluar by name (its header in one range); the Sheet itself is fetched only when a row is appended. */
export function openOutbox(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SheetTable {
  return SheetTable.openByName(spreadsheet, SHEET_NAMES.outbox, OUTBOX_COLUMNS);
}

/** Refuses a mail whose body would not fit in a cell (it would be cut). */
function checkSize(mail: OutgoingMail): void {
  if (mail.html.length > MAX_CELL || mail.text.length > MAX_CELL) throw new Error(SHELL_MESSAGES.mailTooLarge);
}

/** The outbox row of a fresh mail, in the given status (a mail about to be sent now is written already claimed). */
function mailRecord(mail: OutgoingMail, now: Date, claimedAt: Date | null): RowRecord {
  checkSize(mail);
  return {
    [H.id]: `M-${Utilities.getUuid()}`,
    [H.created]: now,
    [H.applicationId]: mail.applicationId,
    [H.kind]: mail.kind,
    [H.to]: toSafeCell(mail.to),
    [H.subject]: toSafeCell(mail.subject),
    [H.status]: claimedAt ? STATUS.sending : STATUS.pending,
    [H.attempts]: claimedAt ? 1 : 0,
    [H.lastAttempt]: claimedAt ?? '',
    [H.sentAt]: '',
    [H.lastError]: '',
    [H.key]: toSafeCell(mail.key ?? ''),
    [H.text]: toSafeCell(mail.text),
    [H.html]: toSafeCell(mail.html),
  };
}

/**
 * Script cache entry (JSON): an anchor row of Kotak Keluar (a row written by the last append that saved it), the
 * mail ID written there, the last row already given the columns' number formats, and the header those formats were
 * set under. A hint that saves the last-row lookup (getLastRow) and the format call on most appends, never trusted
 * without the check in appendAtTail. In the cache: a hint may vanish (expiry, eviction), and the next append then
 * takes the full path and saves it again.
 */
const TAIL_KEY = 'OUTBOX_TAIL';
/** The longest a script cache entry lives (6 hours). */
const TAIL_SECONDS = 21_600;
/** Rows beyond a full-path append given the formats at once, so the appends after it set none. */
const PREPARE_ROWS = 200;
/**
 * Rows read from the anchor on to find the first empty one. The anchor moves (one cache write) only once the
 * appends after it have filled half of this window, so most appends write no hint at all.
 */
const WINDOW_ROWS = 40;
/** Half the hint's lifetime: an append after that saves it again even if the anchor has not moved far. */
const REFRESH_MS = (TAIL_SECONDS / 2) * 1000;

const now = (): number => Date.now();

interface Tail {
  row: number;
  id: string;
  prepared: number;
  headers: string[];
  /** When it was saved (ms): a hint older than REFRESH_MS is saved again, so a quiet outbox does not lose it. */
  saved: number;
}

type Cache = GoogleAppsScript.Cache.Cache;

function readTail(cache: Cache): Tail | null {
  try {
    const tail = JSON.parse(cache.get(TAIL_KEY) ?? 'null') as Partial<Tail> | null;
    if (!tail || !Number.isInteger(tail.row) || !Number.isInteger(tail.prepared)) return null;
    if (typeof tail.id !== 'string' || !tail.id.startsWith('M-') || !Array.isArray(tail.headers)) return null;
    if (typeof tail.saved !== 'number') return null;
    return (tail.row ?? 0) >= 2 ? (tail as Tail) : null;
  } catch {
    return null;
  }
}

/** Saves the tail after the rows are written; a failure is only logged (a stale hint fails the next check). */
function saveTail(cache: Cache, tail: Tail): void {
  try {
    cache.put(TAIL_KEY, JSON.stringify(tail), TAIL_SECONDS);
  } catch (error) {
    console.log(errorMessage(error));
  }
}

const isEmptyRow = (cells: unknown[]): boolean => cells.every((cell) => cell === '');

/**
 * The cheap append: one read of the anchor row and the rows after it (up to WINDOW_ROWS, within the prepared rows),
 * one write at the first empty row. Used only when the read proves the hint right: the anchor still holds the saved
 * mail ID (IDs are unique, so no row above it was deleted or moved), the rows after it are filled up to one empty
 * row and empty from there to the end of the window (so that is the log's end: no gap is left, no row overwritten),
 * the new rows fit in the window and were prepared with the formats, and the header is the one they were prepared
 * under. Returns null, having written nothing, when the hint is missing or wrong.
 */
function appendAtTail(outbox: SheetTable, tail: Tail | null, rows: Cell[][]): number | null {
  if (!tail || tail.headers.length !== outbox.headers.length) return null;
  if (tail.headers.some((header, index) => header !== outbox.headers[index])) return null;
  const window = Math.min(WINDOW_ROWS, tail.prepared - tail.row + 1);
  if (window < rows.length + 1) return null;
  let cells: unknown[][];
  try {
    cells = outbox.span(tail.row, window).getValues();
  } catch {
    return null;
  }
  if (cells[0]?.[outbox.column(H.id) - 1] !== tail.id) return null;
  const free = cells.findIndex((row, index) => index > 0 && isEmptyRow(row));
  if (free < 0 || free + rows.length > cells.length || !cells.slice(free).every(isEmptyRow)) return null;
  outbox.span(tail.row + free, rows.length).setValues(rows);
  return tail.row + free;
}

/**
 * The last row to prepare after a full-path append ending at `end`: PREPARE_ROWS more, within the grid. The grid is
 * grown only when the new rows themselves do not fit (then by PREPARE_ROWS more), so the calls do not depend on how
 * much room the sheet happens to have.
 */
function prepareRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, end: number): number {
  const maxRows = sheet.getMaxRows();
  if (end <= maxRows) return Math.min(end + PREPARE_ROWS, maxRows);
  sheet.insertRowsAfter(maxRows, end - maxRows + PREPARE_ROWS);
  return end + PREPARE_ROWS;
}

/**
 * Appends records after the outbox's last row in one write. Takes the saved tail when it checks out (appendAtTail);
 * else asks the last row, gives the new rows and PREPARE_ROWS more the columns' formats in one call, then writes.
 * The tail is saved after the full path, and after a cheap one once it has moved half a window past the anchor
 * or the hint is half-way through its life.
 * Returns the first new row.
 */
function appendMails(outbox: SheetTable, records: RowRecord[]): number {
  const rows = records.map((record) => outbox.valuesOf(record));
  let cache: Cache | null = null;
  try {
    cache = CacheService.getScriptCache();
  } catch (error) {
    console.log(errorMessage(error));
  }
  const hinted = cache ? readTail(cache) : null;
  let first = appendAtTail(outbox, hinted, rows);
  let prepared = hinted?.prepared ?? 0;
  let save = true;
  if (first === null) {
    first = outbox.sheet.getLastRow() + 1;
    prepared = prepareRows(outbox.sheet, first + rows.length - 1);
    outbox.formatRows(first, prepared - first + 1);
    outbox.span(first, rows.length).setValues(rows);
  } else {
    const pastAnchor = first + rows.length - 1 - (hinted?.row ?? 0);
    save = pastAnchor >= WINDOW_ROWS / 2 || now() - (hinted?.saved ?? 0) > REFRESH_MS;
  }
  const id = String(records[records.length - 1]?.[H.id] ?? '');
  if (cache && save) {
    saveTail(cache, { row: first + rows.length - 1, id, prepared, headers: outbox.headers, saved: now() });
  }
  return first;
}

/** Mails whose `key` is not yet in the outbox (a reminder is sent once). */
function freshMails(outbox: SheetTable, mails: OutgoingMail[]): OutgoingMail[] {
  return mails.filter((mail) => !mail.key || outbox.findRow(H.key, mail.key) === null);
}

/**
 * Queues mails in one append. Mails with a `key` already in the outbox are skipped (a reminder is sent once).
 * Returns the rows written, so the caller can send them at once.
 */
export function enqueueMails(outbox: SheetTable, mails: OutgoingMail[], now: Date): QueuedMail[] {
  const records = freshMails(outbox, mails).map((mail) => mailRecord(mail, now, null));
  if (records.length === 0) return [];
  const first = appendMails(outbox, records);
  return records.map((record, index) => ({ row: first + index, record }));
}

/** A row just written to the outbox, with what was written (so sending it needs no read back). */
export interface QueuedMail {
  row: number;
  record: RowRecord;
}

function recipientCount(to: string): number {
  return to.split(',').filter((address) => address.trim()).length;
}

function isQuotaError(message: string): boolean {
  return /too many times|quota|Limit exceeded/i.test(message);
}

export interface FlushResult {
  sent: number;
  waiting: number;
  failed: number;
}

/** Sends one outbox row as recorded; throws what MailApp throws. */
function deliver(record: RowRecord): void {
  MailApp.sendEmail({
    to: fromSafeCell(String(record[H.to])),
    subject: fromSafeCell(String(record[H.subject])),
    body: fromSafeCell(String(record[H.text])),
    htmlBody: fromSafeCell(String(record[H.html])),
    name: SHELL_MESSAGES.senderName,
  });
}

/** Marks a claimed row sent; the bodies go (they carry signed decision links, which must not sit in a shared sheet). */
function markSent(outbox: SheetTable, row: number, claimed: RowRecord, now: Date): void {
  outbox.updateRow(row, claimed, {
    [H.status]: STATUS.sent,
    [H.sentAt]: now,
    [H.lastError]: '',
    [H.text]: '',
    [H.html]: '',
  });
}

/** Puts a claimed row whose send was refused back to waiting, with the error, for the outbox trigger. */
function markRefused(outbox: SheetTable, row: number, claimed: RowRecord, message: string): void {
  outbox.updateRow(row, claimed, { [H.status]: STATUS.pending, [H.lastError]: message.slice(0, 500) });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Sends the given outbox rows (or every waiting row) while the daily recipient quota lasts; a sent row keeps its
 * recipient, subject and times but not its bodies (they hold signed links). The caller holds the
 * script lock. Each row is marked "sedang dikirim" before the send and "terkirim" after it, each in its own write:
 * a fault before the send leaves the row waiting (retried by the trigger); a fault after it leaves it marked as
 * in flight, which is never sent again automatically (staff can see it in Kotak Keluar). A refused send puts the
 * row back to waiting with the error and the attempt count. Rows are never deleted here; maintenance.ts purges the
 * rows sent more than OUTBOX_RETENTION_DAYS ago (never a waiting, in-flight or failed one).
 */
export function sendOutboxRows(outbox: SheetTable, rows: QueuedMail[] | 'all-waiting', now: () => Date): FlushResult {
  const result: FlushResult = { sent: 0, waiting: 0, failed: 0 };
  const records = rows === 'all-waiting' ? outbox.readRows(outbox.findRows(H.status, STATUS.pending)) : rows;
  if (records.length === 0) return result;
  let quota = MailApp.getRemainingDailyQuota();
  for (const { row, record } of records) {
    if (record[H.status] !== STATUS.pending) continue;
    const needed = recipientCount(fromSafeCell(String(record[H.to])));
    if (needed > quota) {
      result.waiting += 1;
      continue;
    }
    const attempts = Number(record[H.attempts] || 0) + 1;
    const claimed: RowRecord = { [H.status]: STATUS.sending, [H.attempts]: attempts, [H.lastAttempt]: now() };
    outbox.updateRow(row, record, claimed);
    const after = { ...record, ...claimed };
    try {
      deliver(after);
    } catch (error) {
      const message = errorMessage(error);
      markRefused(outbox, row, after, message);
      if (isQuotaError(message)) {
        quota = 0;
        result.waiting += 1;
      } else result.failed += 1;
      continue;
    }
    quota -= needed;
    markSent(outbox, row, after, now());
    result.sent += 1;
  }
  return result;
}

/** The outbox row of a mail just sent: "terkirim", attempt 1, without its bodies (they hold signed links). */
function sentRecord(mail: OutgoingMail, now: Date, attemptedAt: Date, sentAt: Date): RowRecord {
  return {
    ...mailRecord(mail, now, attemptedAt),
    [H.status]: STATUS.sent,
    [H.sentAt]: sentAt,
    [H.text]: '',
    [H.html]: '',
  };
}

/** The outbox row of a mail whose send was refused: waiting for the trigger, attempt 1, with the error. */
function refusedRecord(mail: OutgoingMail, now: Date, attemptedAt: Date, message: string): RowRecord {
  return {
    ...mailRecord(mail, now, attemptedAt),
    [H.status]: STATUS.pending,
    [H.lastError]: message.slice(0, 500),
  };
}

/**
 * Sends mails at once and records them, for an event under the script lock: each mail the remaining quota allows is
 * sent first, then every mail is written in ONE append, already in its final state: "terkirim" without its bodies,
 * or waiting for the outbox trigger (a mail beyond the quota, or whose send was refused, with the error and the
 * attempt; after a quota refusal the mails not yet tried wait unattempted). A quota read that fails sends nothing
 * and leaves every mail waiting. When the append fails:
 * - nothing was sent: the error is thrown, so the caller undoes its change and no mail is lost or sent (the retry
 *   queues them again);
 * - a mail was sent: the change it announces must stand, so the error is not thrown; the append is tried once more,
 *   and if that fails too the rows are logged (without bodies) and lost from Kotak Keluar: a sent mail is never
 *   sent twice, at the price of its record (and of any refused mail of the same event, which staff find in the log).
 * Every mail is validated (size) before any is sent, so a mail too large stops the event before a send.
 */
export function queueAndSend(outbox: SheetTable, mails: OutgoingMail[], now: Date, clock: () => Date): FlushResult {
  const result: FlushResult = { sent: 0, waiting: 0, failed: 0 };
  const fresh = freshMails(outbox, mails);
  if (fresh.length === 0) return result;
  for (const mail of fresh) checkSize(mail);
  let quota = 0;
  try {
    quota = MailApp.getRemainingDailyQuota();
  } catch (error) {
    console.log(`${SHELL_MESSAGES.outboxDeferred}: ${errorMessage(error)}`);
  }
  const records = fresh.map((mail) => {
    const needed = recipientCount(mail.to);
    if (needed > quota) {
      result.waiting += 1;
      return mailRecord(mail, now, null);
    }
    const attemptedAt = clock();
    const record = mailRecord(mail, now, attemptedAt);
    try {
      deliver(record);
    } catch (error) {
      const message = errorMessage(error);
      if (isQuotaError(message)) {
        quota = 0;
        result.waiting += 1;
      } else result.failed += 1;
      return refusedRecord(mail, now, attemptedAt, message);
    }
    quota -= needed;
    result.sent += 1;
    return sentRecord(mail, now, attemptedAt, clock());
  });
  appendAfterSend(outbox, records, result.sent > 0);
  return result;
}

/** The single append of queueAndSend, with its rules for a failure (see there). */
function appendAfterSend(outbox: SheetTable, records: RowRecord[], anySent: boolean): void {
  try {
    appendMails(outbox, records);
    return;
  } catch (error) {
    if (!anySent) throw error;
    console.error(errorMessage(error));
  }
  try {
    appendMails(outbox, records);
  } catch (error) {
    const lost = records.map((record) => `${record[H.id]} ${record[H.status]} ${record[H.kind]} ${record[H.to]}`);
    console.error(`${errorMessage(error)}; ${lost.join('; ')}`);
  }
}
