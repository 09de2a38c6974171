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

export function openOutbox(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SheetTable {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.outbox);
  if (!sheet) throw new Error(SHELL_MESSAGES.sheetMissing(SHEET_NAMES.outbox));
  return SheetTable.open(sheet, OUTBOX_COLUMNS);
}

/**
 * Queues mails in one append. Mails with a `key` already in the outbox are skipped (a reminder is sent once).
 * Returns the rows written, so the caller can send them at once.
 */
export function enqueueMails(outbox: SheetTable, mails: OutgoingMail[], now: Date): QueuedMail[] {
  const fresh = mails.filter((mail) => !mail.key || outbox.findRow(H.key, mail.key) === null);
  if (fresh.length === 0) return [];
  const records: RowRecord[] = fresh.map((mail) => {
    if (mail.html.length > MAX_CELL || mail.text.length > MAX_CELL) throw new Error(SHELL_MESSAGES.mailTooLarge);
    return {
      [H.id]: `M-${Utilities.getUuid()}`,
      [H.created]: now,
      [H.applicationId]: mail.applicationId,
      [H.kind]: mail.kind,
      [H.to]: toSafeCell(mail.to),
      [H.subject]: toSafeCell(mail.subject),
      [H.status]: STATUS.pending,
      [H.attempts]: 0,
      [H.lastAttempt]: '',
      [H.sentAt]: '',
      [H.lastError]: '',
      [H.key]: toSafeCell(mail.key ?? ''),
      [H.text]: toSafeCell(mail.text),
      [H.html]: toSafeCell(mail.html),
    };
  });
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
    const to = fromSafeCell(String(record[H.to]));
    const needed = recipientCount(to);
    if (needed > quota) {
      result.waiting += 1;
      continue;
    }
    const attempts = Number(record[H.attempts] || 0) + 1;
    const claimed: RowRecord = { [H.status]: STATUS.sending, [H.attempts]: attempts, [H.lastAttempt]: now() };
    outbox.updateRow(row, record, claimed);
    const after = { ...record, ...claimed };
    try {
      MailApp.sendEmail({
        to,
        subject: fromSafeCell(String(record[H.subject])),
        body: fromSafeCell(String(record[H.text])),
        htmlBody: fromSafeCell(String(record[H.html])),
        name: SHELL_MESSAGES.senderName,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outbox.updateRow(row, after, { [H.status]: STATUS.pending, [H.lastError]: message.slice(0, 500) });
      if (isQuotaError(message)) {
        quota = 0;
        result.waiting += 1;
      } else result.failed += 1;
      continue;
    }
    quota -= needed;
    // The bodies go once sent: they carry signed decision links, which must not sit readable in a shared sheet.
    outbox.updateRow(row, after, {
      [H.status]: STATUS.sent,
      [H.sentAt]: now(),
      [H.lastError]: '',
      [H.text]: '',
      [H.html]: '',
    });
    result.sent += 1;
  }
  return result;
}
