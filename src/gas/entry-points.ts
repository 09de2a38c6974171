// The shell's entry points: triggers, menu items, the web app and the live check, re-exported by src/main.ts.
import { SHELL_MESSAGES } from '../core/messages/shell';
import { handleFormSubmit } from './intake';
import { type IntegrityReport, runIntegrityCheck } from './integrity';
import { retryPending, tellUser, verifyAudit } from './maintenance';
import { addMenu } from './menu';
import { selfTest as runSelfTest, type SelfTestStep } from './self-test';
import { type SetupReport, setupFromMenu } from './setup';
import { openDisposition, openSidebar } from './sidebar';
import { runSlaCheck } from './sla-check';
import { handleGet, handlePost } from './webapp';

/** Simple trigger: the "Sertifikat Elektronik" menu. */
export function onOpen(): void {
  addMenu();
}

/** Web app GET: renders the page a mail link leads to; changes nothing. */
export function doGet(event: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  return handleGet(event);
}

/** Web app POST: the decision page's form. */
export function doPost(event: GoogleAppsScript.Events.DoPost): GoogleAppsScript.HTML.HtmlOutput {
  return handlePost(event);
}

/** Menu: creates or repairs the sheets, Form, Data Terbatas, triggers and secret; reports what it did. */
export function setup_(): SetupReport {
  return setupFromMenu();
}

/** Installable form-submit trigger (form-bound). */
export function handleFormSubmit_(event: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  handleFormSubmit(event);
}

/** Time-driven trigger (every 10 minutes): reminders, escalations, Dasbor. */
export function runSlaCheck_(): { reminded: number } {
  return runSlaCheck();
}

/** Time-driven trigger (every 15 minutes) and menu item: picks up missed submissions, sends waiting mail. */
export function flushOutbox_(): { sent: number; waiting: number; failed: number } {
  const result = retryPending();
  if (result.sent + result.waiting + result.failed > 0) {
    const M = SHELL_MESSAGES.outboxFlush;
    tellUser(M.title, M.result(result.sent, result.waiting, result.failed));
  }
  return result;
}

/** Menu: the staff sidebar for the selected application (decisions in the user's role). */
export function openSidebar_(): void {
  openSidebar();
}

/** Menu: the printable Lembar Disposisi of the selected application. */
export function openDisposition_(): void {
  openDisposition();
}

/** The live check (Apps Script API scripts.run): read-only checks of the deployment, step by step. */
export function selfTest(): { ok: boolean; steps: SelfTestStep[] } {
  return runSelfTest();
}

/**
 * Time-driven trigger (every hour): verifies the audit chain (alarm mail on a broken row), reconciles the register
 * with the audit log, processes Form responses never recorded, applies retention, reinstalls missing triggers.
 */
export function runIntegrityCheck_(): IntegrityReport {
  return runIntegrityCheck();
}

/** Menu: verifies the Jejak Audit hash chain. */
export function verifyAuditLog_(): { ok: boolean; message: string } {
  const result = verifyAudit();
  tellUser(SHELL_MESSAGES.audit.title, result.message);
  return result;
}
