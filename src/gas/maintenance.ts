// Menu and trigger jobs besides the workflow: sending the outbox, checking the audit chain.
import { SHELL_MESSAGES } from '../core/messages/shell';
import { checkAudit, openAudit } from './audit-log';
import { loadEnv } from './env';
import { sweepIntake } from './intake';
import { withScriptLock } from './lock';
import { type FlushResult, openOutbox, sendOutboxRows } from './outbox';

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

/** Sends every waiting mail within today's quota. */
export function flushOutbox(): FlushResult {
  return withScriptLock(() => {
    const env = loadEnv();
    return sendOutboxRows(openOutbox(env.spreadsheet), 'all-waiting', () => new Date());
  });
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
