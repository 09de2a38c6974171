// Menu and trigger jobs besides the workflow: sending the outbox (and removing old sent mail), checking the audit chain.
import { OUTBOX_RETENTION_MESSAGES as R } from '../core/messages/outbox-retention';
import { SHELL_MESSAGES } from '../core/messages/shell';
import { ROLE_LABELS } from '../core/messages/workflow';
import { appendAudit, checkAudit, openAudit } from './audit-log';
import { type Env, loadEnv } from './env';
import { sweepIntake } from './intake';
import { withScriptLock } from './lock';
import { type FlushResult, openOutbox, sendOutboxRows } from './outbox';
import type { SheetTable } from './sheet-table';

/**
 * The retry trigger (every 15 minutes) and the menu item: first picks up Form responses whose submit trigger failed,
 * then sends every waiting mail within today's quota.
 */
export function retryPending(): FlushResult {
  try {
    sweepIntake();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
  }
  return flushOutbox();
}

/** Sends every waiting mail within today's quota, then removes sent mail past its retention (purgeSentMail). */
export function flushOutbox(): FlushResult {
  return withScriptLock(() => {
    const env = loadEnv();
    const outbox = openOutbox(env.spreadsheet);
    const result = sendOutboxRows(outbox, 'all-waiting', () => new Date());
    purgeSentMail(env, outbox);
    return result;
  });
}

/**
 * Days a sent mail stays in Kotak Keluar: about two months in which staff can answer "was it sent, when, to whom"
 * (Jejak Audit keeps the events for good). A named constant, not a Pengaturan row: the settings parser knows only its
 * own rows.
 */
export const OUTBOX_RETENTION_DAYS = 60;
/** Old mail is removed only once the oldest is this many days past the retention: about one purge (and audit row) a day. */
const PURGE_SLACK_DAYS = 1;
/** At most this many separate blocks of rows are deleted in one run; a kept row (waiting, in flight) splits blocks. */
const MAX_PURGE_BLOCKS = 10;
/**
 * Only the oldest rows are looked at (rows are appended in time order): about ten days of mail at a heavy rate, so a
 * flush reads at most 20,000 cells. An outbox kept whole by an older version empties in steps, one flush after another.
 */
const PURGE_SCAN_ROWS = 5_000;
const DAY_MS = 24 * 60 * 60_000;

/**
 * Kotak Keluar is a queue, not an archive: every mail is a row of 14 columns, and keeping them all would put the
 * register over Sheets' 10,000,000-cell limit at about 50,000 applications. Removes the rows sent more than
 * OUTBOX_RETENTION_DAYS ago, in a few deleteRows calls (bottom-up, so row numbers above stay valid), and logs the
 * count in Jejak Audit. A waiting, in-flight or failed row is never removed. Keyed rows go too: every sender that uses
 * a key keeps its once-only guarantee elsewhere (expiry notices in Sertifikat Terbit's notices column; the monthly
 * report's key names a file made once; a broken-chain alarm may repeat every two months while the chain stays broken).
 * Reads only the Status..Terkirim pada columns of the oldest PURGE_SCAN_ROWS rows. The caller holds the script lock.
 * Returns the rows removed.
 */
export function purgeSentMail(env: Env, outbox: SheetTable): number {
  const H = SHELL_MESSAGES.outboxHeaders;
  const statusColumn = outbox.column(H.status);
  const sentColumn = outbox.column(H.sentAt);
  const first = Math.min(statusColumn, sentColumn);
  const last = Math.max(statusColumn, sentColumn);
  const lastRow = outbox.sheet.getLastRow();
  const scanned = Math.min(PURGE_SCAN_ROWS, lastRow - 1);
  if (scanned <= 0) return 0;
  const values = outbox.sheet.getRange(2, first, scanned, last - first + 1).getValues();
  const cutoff = env.now.getTime() - OUTBOX_RETENTION_DAYS * DAY_MS;
  const oldEnough = (index: number): number => {
    const cells = values[index] ?? [];
    const sentAt = cells[sentColumn - first];
    if (cells[statusColumn - first] !== SHELL_MESSAGES.outboxStatus.sent || !(sentAt instanceof Date)) return 0;
    return sentAt.getTime() < cutoff ? sentAt.getTime() : 0;
  };
  const blocks: { row: number; count: number }[] = [];
  let oldest = Number.POSITIVE_INFINITY;
  for (let index = 0; index < values.length && blocks.length <= MAX_PURGE_BLOCKS; index++) {
    const sentAt = oldEnough(index);
    if (!sentAt) continue;
    oldest = Math.min(oldest, sentAt);
    const open = blocks[blocks.length - 1];
    if (open && open.row + open.count === index + 2) open.count += 1;
    else blocks.push({ row: index + 2, count: 1 });
  }
  if (blocks.length === 0 || oldest >= cutoff - PURGE_SLACK_DAYS * DAY_MS) return 0;
  const chosen = blocks.slice(0, MAX_PURGE_BLOCKS);
  // Sheets refuses to delete every row below the header: a block holding every data row keeps the newest one.
  const lastBlock = chosen[chosen.length - 1] as { row: number; count: number };
  if (lastBlock.row === 2 && lastBlock.count === lastRow - 1) lastBlock.count -= 1;
  let removed = 0;
  for (const block of chosen.reverse()) {
    if (block.count === 0) continue;
    outbox.sheet.deleteRows(block.row, block.count);
    removed += block.count;
  }
  if (removed === 0) return 0;
  appendAudit(openAudit(env.spreadsheet), [
    {
      at: env.now,
      applicationId: '',
      event: R.event,
      actor: R.actor,
      role: ROLE_LABELS.SISTEM,
      before: '',
      after: '',
      note: R.note(removed, OUTBOX_RETENTION_DAYS),
    },
  ]);
  return removed;
}

/** Verifies the whole Jejak Audit chain and says where it breaks. */
export function verifyAudit(): { ok: boolean; message: string } {
  const env = loadEnv();
  const result = checkAudit(openAudit(env.spreadsheet));
  if (result.ok) return { ok: true, message: SHELL_MESSAGES.audit.intact(result.rows) };
  return { ok: false, message: SHELL_MESSAGES.audit.broken(result.row, result.reason) };
}

/** Shows a job's outcome to the person who ran it from the menu (no Ui in triggers: logged instead). */
export function tellUser(title: string, message: string): void {
  try {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, message, ui.ButtonSet.OK);
  } catch {
    console.log(`${title}: ${message}`);
  }
}
