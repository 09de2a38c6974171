// One idempotent setup: sheets, Pengaturan and SOP, the intake Form, Data Terbatas, the KTP folder, triggers, HMAC secret.
import { formDescription, INTAKE_FORM, type IntakeQuestion } from '../core/intake-form';
import { KTP_FILES_TEXT } from '../core/messages/ktp-files';
import { SHEET_NAMES, SHELL_MESSAGES } from '../core/messages/shell';
import { DEFAULT_SETTINGS, parseSettings, type Settings, settingsToRows } from '../core/settings';
import { SEED_SOP, type SopDefinition, sopFromTable, sopToTable } from '../core/sop';
import { AUDIT_SPECS } from './audit-log';
import { SWEPT_KEY } from './intake';
import { setUpKtpFolder } from './ktp-folder';
import { setUpLifecycle } from './lifecycle-setup';
import { withScriptLock } from './lock';
import { OUTBOX_COLUMNS } from './outbox';
import { certificateSpecs, RETIRED_REGISTER_HEADERS, registerSpecs } from './register';
import { RESTRICTED_COLUMNS } from './restricted-store';
import { ensureHmacSecret, readAllProperties, writeProperty } from './script-config';
import { forgetCachedSheets } from './sheet-cache';
import { ensureSheet, protectSheet, shareWithStaff } from './sheet-setup';
import { ensureTriggers } from './triggers';

const S = SHELL_MESSAGES.setup;

/** What setup did, for the alert and for callers (the live check, tests). */
export interface SetupReport {
  lines: string[];
  spreadsheetId: string;
  formId: string;
  formUrl: string;
  restrictedId: string;
  /** The Drive folder "KTP – Data Terbatas" ('' until the owner runs setup). */
  ktpFolderId: string;
  webAppUrl: string;
}

/** The register spreadsheet: the stored one, else the container this script is bound to, else a new one. */
function registerSpreadsheet(stored: string, lines: string[]): GoogleAppsScript.Spreadsheet.Spreadsheet {
  if (stored) {
    try {
      return SpreadsheetApp.openById(stored);
    } catch {
      lines.push(S.spreadsheetLost);
    }
  }
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  lines.push(S.spreadsheetCreated);
  return SpreadsheetApp.create(SHELL_MESSAGES.spreadsheetTitle);
}

/**
 * Registers made by an earlier version kept the applicant's Form edit link in a column; anyone who can open the
 * register could then read and change an applicant's answers (the full NIK among them). Setup deletes that column; the
 * link is now asked of Forms only when a mail needs it.
 */
function dropRetiredColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, lines: string[]): void {
  const width = Math.max(sheet.getLastColumn(), 1);
  const header = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((cell) => String(cell).trim());
  for (let column = header.length; column >= 1; column--) {
    if (!RETIRED_REGISTER_HEADERS.includes(header[column - 1] ?? '')) continue;
    sheet.deleteColumn(column);
    lines.push(S.columnRetired(header[column - 1] ?? ''));
  }
}

/** Writes `rows` (already the sheet's own text) as plain text when the sheet is empty; never overwrites staff edits. */
function seedIfEmpty(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: string[][]): boolean {
  if (sheet.getLastRow() > 0 || rows.length === 0) return false;
  const width = Math.max(...rows.map((row) => row.length));
  const grid = rows.map((row) => [...row, ...Array(width - row.length).fill('')]);
  const range = sheet.getRange(1, 1, grid.length, width);
  range.setNumberFormat('@');
  range.setValues(grid);
  return true;
}

/** Pengaturan: seeded with the defaults once; afterwards only checked (errors reported, nothing overwritten). */
function setUpSettings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, lines: string[]): Settings {
  const { sheet, report } = ensureSheet(spreadsheet, SHEET_NAMES.settings, []);
  lines.push(...report);
  if (seedIfEmpty(sheet, settingsToRows(DEFAULT_SETTINGS))) {
    sheet.setFrozenRows(1);
    lines.push(S.settingsSeeded);
    return DEFAULT_SETTINGS;
  }
  const parsed = parseSettings(sheet.getDataRange().getValues());
  if ('errors' in parsed) {
    lines.push(SHELL_MESSAGES.settingsInvalid(parsed.errors));
    return DEFAULT_SETTINGS;
  }
  return parsed.settings;
}

/** SOP: the seed in its table form once; afterwards the staff's version is kept and checked. */
function setUpSop(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, lines: string[]): SopDefinition {
  const { sheet, report } = ensureSheet(spreadsheet, SHEET_NAMES.sop, []);
  lines.push(...report);
  if (seedIfEmpty(sheet, sopToTable(SEED_SOP))) {
    lines.push(S.sopSeeded);
    return SEED_SOP;
  }
  const parsed = sopFromTable(sheet.getDataRange().getValues());
  if ('errors' in parsed) {
    lines.push(SHELL_MESSAGES.sopInvalid(parsed.errors));
    return SEED_SOP;
  }
  return parsed.sop;
}

/** Adds one question of the intake definition to the Form, with its first-line validation. */
function addQuestion(form: GoogleAppsScript.Forms.Form, question: IntakeQuestion): void {
  if (question.type === 'SECTION_HEADER') {
    form.addSectionHeaderItem().setTitle(question.title).setHelpText(question.helpText);
    return;
  }
  if (question.type === 'TEXT' || question.type === 'PARAGRAPH_TEXT') {
    const paragraph = question.type === 'PARAGRAPH_TEXT';
    const item = paragraph ? form.addParagraphTextItem() : form.addTextItem();
    item.setTitle(question.title).setHelpText(question.helpText).setRequired(question.required);
    const rule = question.validation;
    if (rule) {
      const builder = paragraph ? FormApp.createParagraphTextValidation() : FormApp.createTextValidation();
      builder.setHelpText(rule.helpText);
      if (rule.kind === 'REGEX' && rule.pattern) builder.requireTextMatchesPattern(rule.pattern);
      else if (rule.kind === 'MAX_LENGTH' && rule.max) builder.requireTextLengthLessThanOrEqualTo(rule.max);
      else if (rule.kind === 'EMAIL' && !paragraph)
        (builder as GoogleAppsScript.Forms.TextValidationBuilder).requireTextIsEmail();
      const validation = builder.build();
      if (paragraph) (item as GoogleAppsScript.Forms.ParagraphTextItem).setValidation(validation);
      else (item as GoogleAppsScript.Forms.TextItem).setValidation(validation);
    }
    return;
  }
  if (question.type === 'MULTIPLE_CHOICE') {
    form
      .addMultipleChoiceItem()
      .setTitle(question.title)
      .setHelpText(question.helpText)
      .setChoiceValues(question.choices)
      .setRequired(question.required);
  } else if (question.type === 'LIST') {
    form
      .addListItem()
      .setTitle(question.title)
      .setHelpText(question.helpText)
      .setChoiceValues(question.choices)
      .setRequired(question.required);
  } else if (question.type === 'CHECKBOX') {
    form
      .addCheckboxItem()
      .setTitle(question.title)
      .setHelpText(question.helpText)
      .setChoiceValues(question.choices)
      .setRequired(question.required);
  } else if (question.type === 'DATE') {
    form.addDateItem().setTitle(question.title).setHelpText(question.helpText).setRequired(question.required);
  }
}

/**
 * The intake Form: created once from INTAKE_FORM; on later runs only questions missing by title are added. No
 * response destination is set, so no responses sheet ever holds a full NIK; response edits are on (the applicant's
 * correction path).
 */
function setUpForm(stored: string, settings: Settings, lines: string[]): GoogleAppsScript.Forms.Form | null {
  let form: GoogleAppsScript.Forms.Form | null = null;
  if (stored) {
    try {
      form = FormApp.openById(stored);
    } catch {
      // Someone without access to the Form ran setup: never make a second Form (two intakes, two triggers).
      lines.push(S.noAccess(S.formName));
      return null;
    }
  }
  const fresh = form === null;
  if (!form) {
    form = FormApp.create(INTAKE_FORM.title);
    lines.push(S.formCreated);
  }
  // The notice also says where uploaded KTP scans go (a file-upload question can only be added by hand).
  form.setDescription(`${formDescription(INTAKE_FORM, settings.retentionDays)}\n${KTP_FILES_TEXT.privacyNotice}`);
  form.setConfirmationMessage(INTAKE_FORM.confirmationMessage);
  form.setAllowResponseEdits(true);
  form.setCollectEmail(false);
  const titles = new Set(form.getItems().map((item) => item.getTitle()));
  const missing = INTAKE_FORM.questions.filter((question) => !titles.has(question.title));
  for (const question of missing) addQuestion(form, question);
  if (!fresh && missing.length > 0) lines.push(S.formRepaired(missing.map((question) => question.title)));
  return form;
}

/** Data Terbatas: its own spreadsheet, shared only with the Verifikator(s) of the roster. */
function setUpRestricted(
  stored: string,
  settings: Settings,
  lines: string[],
): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  let store: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  if (stored) {
    try {
      store = SpreadsheetApp.openById(stored);
    } catch {
      // Not shared with whoever runs setup (by design): leave it alone rather than make a second store.
      lines.push(S.noAccess(SHEET_NAMES.restricted));
      return null;
    }
  }
  if (!store) {
    store = SpreadsheetApp.create(SHELL_MESSAGES.restrictedTitle);
    const first = store.getSheets()[0];
    if (first) first.setName(SHEET_NAMES.restricted);
    lines.push(S.restrictedCreated);
  }
  const { report } = ensureSheet(store, SHEET_NAMES.restricted, RESTRICTED_COLUMNS);
  if (stored) lines.push(...report);
  const editors = new Set(store.getEditors().map((user) => user.getEmail().toLowerCase()));
  const verifiers = settings.roster.VERIFIKATOR.filter((email) => !editors.has(email.toLowerCase()));
  if (verifiers.length > 0) {
    store.addEditors(verifiers);
    lines.push(S.restrictedShared(verifiers));
  }
  unshareRestricted(store, settings.roster.VERIFIKATOR, lines);
  return store;
}

/**
 * The full NIKs stay with the Verifikator(s) of the roster: the store's owner, on each setup, removes every other
 * editor and viewer (a Verifikator taken off the roster, someone shared by hand). Anyone else leaves sharing alone.
 */
function unshareRestricted(
  store: GoogleAppsScript.Spreadsheet.Spreadsheet,
  verifiers: string[],
  lines: string[],
): void {
  const owner = store.getOwner()?.getEmail().toLowerCase() ?? '';
  if (owner !== Session.getEffectiveUser().getEmail().toLowerCase()) return;
  const keep = new Set([owner, ...verifiers.map((email) => email.trim().toLowerCase())]);
  const removed: string[] = [];
  for (const email of store.getEditors().map((user) => user.getEmail())) {
    if (keep.has(email.toLowerCase())) continue;
    store.removeEditor(email);
    removed.push(email);
  }
  for (const email of store.getViewers().map((user) => user.getEmail())) {
    if (keep.has(email.toLowerCase())) continue;
    store.removeViewer(email);
    removed.push(email);
  }
  if (removed.length > 0) lines.push(KTP_FILES_TEXT.setup.restrictedUnshared(removed));
}

/** Removes the empty default sheet a new spreadsheet comes with, once ours exist. */
function dropDefaultSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const ours = new Set<string>(Object.values(SHEET_NAMES));
  for (const sheet of spreadsheet.getSheets()) {
    if (!ours.has(sheet.getName()) && /^(Sheet|Lembar|Sheet)\s*1$/.test(sheet.getName()) && sheet.getLastRow() === 0) {
      spreadsheet.deleteSheet(sheet);
    }
  }
}

/**
 * Creates or repairs everything, safe to run again: each part checks what exists first and only adds what is
 * missing. Runs under the script lock so an event never meets a half-built register.
 */
export function runSetup(): SetupReport {
  return withScriptLock(() => {
    forgetCachedSheets();
    const lines: string[] = [];
    const props = readAllProperties();
    const spreadsheet = registerSpreadsheet(props.spreadsheetId, lines);
    if (props.spreadsheetId !== spreadsheet.getId()) writeProperty('spreadsheetId', spreadsheet.getId());
    spreadsheet.setSpreadsheetTimeZone('Asia/Makassar');
    const settings = setUpSettings(spreadsheet, lines);
    const sop = setUpSop(spreadsheet, lines);
    const register = ensureSheet(spreadsheet, SHEET_NAMES.register, registerSpecs(sop));
    lines.push(...register.report);
    dropRetiredColumns(register.sheet, lines);
    lines.push(...ensureSheet(spreadsheet, SHEET_NAMES.issued, certificateSpecs()).report);
    // Only the owner shares the register with the roster and protects Jejak Audit for the owner alone (the web app
    // and the triggers, which append to it, run as the owner); anyone else leaves an existing Jejak Audit as it is.
    const owner = spreadsheet.getOwner()?.getEmail().toLowerCase() ?? '';
    const byOwner = owner === Session.getEffectiveUser().getEmail().toLowerCase();
    if (byOwner || !spreadsheet.getSheetByName(SHEET_NAMES.audit)) {
      const audit = ensureSheet(spreadsheet, SHEET_NAMES.audit, AUDIT_SPECS);
      lines.push(...audit.report);
      if (byOwner) {
        shareWithStaff(spreadsheet, [...new Set(Object.values(settings.roster).flat())]);
        if (protectSheet(audit.sheet, S.auditProtection)) lines.push(S.sheetProtected(SHEET_NAMES.audit));
      }
    }
    lines.push(...ensureSheet(spreadsheet, SHEET_NAMES.outbox, OUTBOX_COLUMNS).report);
    const dashboard = ensureSheet(spreadsheet, SHEET_NAMES.dashboard, []);
    lines.push(...dashboard.report);
    seedIfEmpty(dashboard.sheet, [[SHELL_MESSAGES.dashboard.title], [SHELL_MESSAGES.dashboard.pending]]);
    dropDefaultSheet(spreadsheet);

    const form = setUpForm(props.formId, settings, lines);
    if (form && props.formId !== form.getId()) writeProperty('formId', form.getId());
    const restricted = setUpRestricted(props.restrictedId, settings, lines);
    if (restricted && props.restrictedId !== restricted.getId()) writeProperty('restrictedId', restricted.getId());
    if (form) lines.push(...ensureTriggers(form));
    lines.push(...setUpLifecycle(spreadsheet, sop, form));
    // After the triggers, so they keep their IDs (the emulator derives each trigger's minute from its ID).
    const ktpFolderId = setUpKtpFolder(settings.roster.VERIFIKATOR, byOwner, lines);
    const properties = PropertiesService.getScriptProperties();
    if (!properties.getProperty(SWEPT_KEY)) properties.setProperty(SWEPT_KEY, String(Date.now()));
    if (ensureHmacSecret().created) lines.push(S.secretCreated);

    let url = props.webAppUrl;
    if (!url) {
      url = ScriptApp.getService().getUrl() ?? '';
      if (url) writeProperty('webAppUrl', url);
    }
    if (!url) lines.push(S.webAppMissing);
    if (lines.length === 0) lines.push(S.nothingToDo);
    forgetCachedSheets();
    return {
      lines,
      spreadsheetId: spreadsheet.getId(),
      formId: form?.getId() ?? props.formId,
      formUrl: form?.getPublishedUrl() ?? '',
      restrictedId: restricted?.getId() ?? props.restrictedId,
      ktpFolderId,
      webAppUrl: url,
    };
  });
}

/** The menu item: runs setup and shows what it did (Ui only exists when a person runs it from the spreadsheet). */
export function setupFromMenu(): SetupReport {
  const report = runSetup();
  const text = [...report.lines, ...(report.formUrl ? ['', S.formLink(report.formUrl)] : [])].join('\n');
  try {
    const ui = SpreadsheetApp.getUi();
    ui.alert(S.title, text, ui.ButtonSet.OK);
  } catch {
    console.log(text);
  }
  return report;
}
