// The script lock around every state change: wait, run, flush the spreadsheet writes, release.
import { SHELL_MESSAGES } from '../core/messages/shell';

/** How long an event waits for another one to finish; well under the 6-minute execution limit. */
const LOCK_WAIT_MS = 30_000;

/**
 * Runs `work` while holding the script lock, so two officials clicking at once, or a reminder run during a decision,
 * never interleave their read-check-write. Writes are flushed before release (LockService reference advice), so
 * the next holder reads them. A timeout becomes a clear Indonesian error and nothing is changed.
 */
export function withScriptLock<T>(work: () => T): T {
  const lock = LockService.getScriptLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch {
    throw new Error(SHELL_MESSAGES.lockBusy);
  }
  try {
    return work();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
