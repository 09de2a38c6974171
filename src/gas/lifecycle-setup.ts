// Setup of the lifecycle parts, run by setup after its own steps: SOP blocks, Pengaturan rows, columns, Form questions, triggers.
import { LIFECYCLE_REQUEST_HEADER } from '../core/lifecycle-request';
import {
  LIFECYCLE_QUESTIONS as Q,
  REVOCATION_REASON_LABELS,
  LIFECYCLE_SETUP_TEXT as S,
} from '../core/messages/lifecycle';
import { SHEET_NAMES } from '../core/messages/shell';
import type { SopDefinition } from '../core/sop';
import { ensureLifecycleSettingsRows, ensureServiceSopBlocks, openCertificatesWithLifecycle } from './lifecycle-sheets';
import { registerSpecs } from './register';
import { ensureSheet } from './sheet-setup';

/** The lifecycle's time-driven handlers. */
export const LIFECYCLE_TRIGGERS = {
  expiry: 'runExpiryCheck_',
  monthlyReport: 'runMonthlyReport_',
} as const;

/** The expiry check runs daily early in the working day (WITA, the manifest's time zone). */
const EXPIRY_HOUR = 7;
/** The monthly report is made on day 1 of the month. */
const REPORT_DAY = 1;
const REPORT_HOUR = 8;
/** Set by the base trigger installer: the account whose triggers these are. */
const TRIGGER_OWNER_KEY = 'TRIGGER_OWNER';

/**
 * Adds the Form questions the lifecycle services need (the certificate's serial; the revocation reason and note),
 * each once by title, right after the service question when the Form has it. Not required on the Form (a new issuance
 * has no serial): intake checks them per service.
 */
function ensureQuestions(form: GoogleAppsScript.Forms.Form): string[] {
  const titles = new Set(form.getItems().map((item) => item.getTitle()));
  const added: string[] = [];
  if (!titles.has(Q.serial)) {
    form.addTextItem().setTitle(Q.serial).setHelpText(Q.serialHelp).setRequired(false);
    added.push(Q.serial);
  }
  if (!titles.has(Q.revocationReason)) {
    form
      .addListItem()
      .setTitle(Q.revocationReason)
      .setHelpText(Q.revocationReasonHelp)
      .setChoiceValues(Object.values(REVOCATION_REASON_LABELS))
      .setRequired(false);
    added.push(Q.revocationReason);
  }
  if (!titles.has(Q.revocationNote)) {
    form.addParagraphTextItem().setTitle(Q.revocationNote).setHelpText(Q.revocationNoteHelp).setRequired(false);
    added.push(Q.revocationNote);
  }
  if (added.length > 0) {
    const items = form.getItems();
    const serviceAt = items.findIndex((item) => item.getTitle() === 'Jenis layanan');
    if (serviceAt >= 0) {
      added.forEach((title, i) => {
        const item = form.getItems().find((it) => it.getTitle() === title);
        if (item) form.moveItem(item, serviceAt + 1 + i);
      });
    }
  }
  return added;
}

/** Installs the daily expiry check and the monthly report once each, by the account that owns the other triggers. */
function ensureTriggers(): string[] {
  const properties = PropertiesService.getScriptProperties();
  const owner = properties.getProperty(TRIGGER_OWNER_KEY) ?? '';
  if (owner && owner !== Session.getEffectiveUser().getEmail()) return [];
  const existing = ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction());
  const lines: string[] = [];
  if (!existing.includes(LIFECYCLE_TRIGGERS.expiry)) {
    ScriptApp.newTrigger(LIFECYCLE_TRIGGERS.expiry).timeBased().everyDays(1).atHour(EXPIRY_HOUR).create();
    lines.push(S.triggerInstalled(LIFECYCLE_TRIGGERS.expiry));
  }
  if (!existing.includes(LIFECYCLE_TRIGGERS.monthlyReport)) {
    ScriptApp.newTrigger(LIFECYCLE_TRIGGERS.monthlyReport)
      .timeBased()
      .onMonthDay(REPORT_DAY)
      .atHour(REPORT_HOUR)
      .create();
    lines.push(S.triggerInstalled(LIFECYCLE_TRIGGERS.monthlyReport));
  }
  return lines;
}

/**
 * Creates or repairs the lifecycle parts; safe to run again (each part adds only what is missing). Returns the lines
 * for the setup report.
 */
export function setUpLifecycle(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sop: SopDefinition,
  form: GoogleAppsScript.Forms.Form | null,
): string[] {
  const lines: string[] = [];
  const blocks = ensureServiceSopBlocks(spreadsheet);
  if (blocks.length > 0) lines.push(S.sopBlocksAdded(blocks));
  const rows = ensureLifecycleSettingsRows(spreadsheet, sop);
  if (rows > 0) lines.push(S.settingsRowsAdded(rows));
  lines.push(
    ...ensureSheet(spreadsheet, SHEET_NAMES.register, [
      ...registerSpecs(sop),
      { header: LIFECYCLE_REQUEST_HEADER, kind: 'text' },
    ]).report,
  );
  openCertificatesWithLifecycle(spreadsheet);
  if (form) {
    const added = ensureQuestions(form);
    if (added.length > 0) lines.push(S.questionsAdded(added));
    lines.push(...ensureTriggers());
  }
  return lines;
}
