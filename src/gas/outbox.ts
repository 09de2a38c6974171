// The mail outbox (Kotak Keluar): every mail is queued as a row, sent within the daily quota, retried, never dropped.
import { SHEET_NAMES, SHELL_MESSAGES } from '../core/messages/shell';
import { fromSafeCell, toSafeCell } from '../core/sanitize';
import { type ColumnSpec, type RowRecord, SheetTable } from './sheet-table';

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

/** The outbox row of a fresh mail, in the given status (a mail about to be sent now is written already claimed). */
function mailRecord(mail: OutgoingMail, now: Date, claimedAt: Date | null): RowRecord {
  if (mail.html.length > MAX_CELL || mail.text.length > MAX_CELL) throw new Error(SHELL_MESSAGES.mailTooLarge);
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
  const first = outbox.appendRows(records);
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
 * row back to waiting with the error and the attempt count; nothing is ever deleted.
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

/**
 * Queues mails and sends them at once, for an event under the script lock: two writes per mail instead of three.
 * The mails the remaining quota allows are appended already claimed ("sedang dikirim", attempt 1), the rest waiting,
 * all in one append; then each claimed row is sent and marked "terkirim". The guarantees of sendOutboxRows hold:
 * a fault at the append writes nothing and is thrown to the caller (whose change is then undone, mails included);
 * a write after the append that fails is logged and the other rows still go (afterAppend);
 * a quota read that fails leaves every row waiting for the trigger; a refused send puts its row back to waiting
 * (after a quota refusal, the claimed rows not yet tried go back to waiting, unattempted); a fault after a send leaves that row
 * "sedang dikirim", never sent twice. Nothing is deleted.
 */
export function queueAndSend(outbox: SheetTable, mails: OutgoingMail[], now: Date, clock: () => Date): FlushResult {
  const result: FlushResult = { sent: 0, waiting: 0, failed: 0 };
  const fresh = freshMails(outbox, mails);
  if (fresh.length === 0) return result;
  let quota = 0;
  try {
    quota = MailApp.getRemainingDailyQuota();
  } catch (error) {
    console.log(`${SHELL_MESSAGES.outboxDeferred}: ${errorMessage(error)}`);
  }
  const claimedAt = clock();
  const records = fresh.map((mail) => {
    const needed = recipientCount(mail.to);
    const claim = needed <= quota;
    if (claim) quota -= needed;
    return mailRecord(mail, now, claim ? claimedAt : null);
  });
  const first = outbox.appendRows(records);
  let quotaRefused = false;
  records.forEach((record, index) => {
    const row = first + index;
    if (record[H.status] !== STATUS.sending) {
      result.waiting += 1;
      return;
    }
    if (quotaRefused) {
      result.waiting += 1;
      afterAppend(() =>
        outbox.updateRow(row, record, { [H.status]: STATUS.pending, [H.attempts]: 0, [H.lastAttempt]: '' }),
      );
      return;
    }
    try {
      deliver(record);
    } catch (error) {
      const message = errorMessage(error);
      if (isQuotaError(message)) {
        quotaRefused = true;
        result.waiting += 1;
      } else result.failed += 1;
      afterAppend(() => markRefused(outbox, row, record, message));
      return;
    }
    result.sent += 1;
    afterAppend(() => markSent(outbox, row, record, clock()));
  });
  return result;
}

/**
 * A write after the append that fails is logged, not thrown: the mails are queued (and some already sent), so the
 * change they announce must stand, and the remaining rows must still be tried.
 */
function afterAppend(write: () => void): void {
  try {
    write();
  } catch (error) {
    console.log(`${SHELL_MESSAGES.outboxDeferred}: ${errorMessage(error)}`);
  }
}
