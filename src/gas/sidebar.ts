// Staff actions from the spreadsheet: the sidebar (the application and a link to its decision page) and the Lembar Disposisi.
import { SHEET_NAMES, SHELL_MESSAGES } from '../core/messages/shell';
import { ROLE_LABELS } from '../core/messages/workflow';
import { rolesOf } from '../core/settings';
import { holderFor } from '../core/workflow';
import type { Application } from '../core/workflow-types';
import { renderSidebar, SIDEBAR_TEXT } from '../ui/pages/sidebar';
import { type Env, forService, loadEnv } from './env';
import { linkUrl } from './links';
import { lembarDisposisiOf } from './printables';
import { findApplication, openRegister, readApplication } from './register';

/**
 * The decision page's URL in the web app, signed for the signed-in user: the same link a mail carries, so the decision
 * takes the checked path (version, role, recipient, expiry) and runs as the owner, who alone writes Jejak Audit.
 */
function decisionUrl(env: Env, app: Application, user: string): string {
  const expiresAt = new Date(env.now.getTime() + env.settings.linkExpiryHours * 3600_000).toISOString();
  return linkUrl(
    { purpose: 'DECIDE', stage: app.status, recipient: user, version: app.version, expiresAt },
    app,
    env.sop,
    env.props.hmacSecret,
    env.props.webAppUrl,
    env.now,
  );
}

/** The signed-in staff member (a sidebar runs as the user, inside the domain: Google reveals the address). */
function staffUser(): string {
  return Session.getActiveUser().getEmail().toLowerCase();
}

/** The role in which `user` may act on the application now: the role holding its step, if the user holds it. */
function actingRole(env: Env, app: Application, user: string) {
  const holder = holderFor(app, env.sop);
  if (!user || !holder) return undefined;
  return rolesOf(env.settings, user, env.now).includes(holder) ? holder : undefined;
}

/** The selected row when the selection is in Register Permohonan (below the header), else 0. */
function selectedRegisterRow(): number {
  try {
    const range = SpreadsheetApp.getActiveRange();
    if (!range || range.getSheet().getName() !== SHEET_NAMES.register) return 0;
    return range.getRow();
  } catch {
    // No selection available in this context: the caller asks for the number instead.
    return 0;
  }
}

/**
 * The application the staff member means: the selected row of Register Permohonan when the selection is there,
 * else the reference number they type (a prompt), so it also works from a phone or another sheet. `ui` is the
 * caller's, so a menu item asks SpreadsheetApp for it once.
 */
export function chosenApplication(env: Env, ui?: GoogleAppsScript.Base.Ui): Application | null {
  const register = openRegister(env.spreadsheet, env.sop);
  const row = selectedRegisterRow();
  if (row >= 2) return readApplication(register, row, env.sop).app;
  const dialogs = ui ?? SpreadsheetApp.getUi();
  const answer = dialogs.prompt(
    SHELL_MESSAGES.sidebar.promptTitle,
    SHELL_MESSAGES.sidebar.prompt,
    dialogs.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== dialogs.Button.OK) return null;
  const id = answer.getResponseText().trim().toUpperCase();
  return findApplication(register, id, env.sop)?.app ?? null;
}

/** Menu "Buka panel tindakan": the selected application and, for the step's holder, a link to its decision page. */
export function openSidebar(): void {
  const env = loadEnv();
  const ui = SpreadsheetApp.getUi();
  const app = chosenApplication(env, ui);
  const user = staffUser();
  let html: string;
  if (!app) html = renderSidebar(null);
  else {
    const scoped = forService(env, app.applicant.service);
    const role = actingRole(scoped, app, user);
    html = renderSidebar({
      app,
      sop: scoped.sop,
      roleLabel: role ? ROLE_LABELS[role] : SHELL_MESSAGES.sidebar.viewer,
      ktpUrl: '',
      decisionUrl: role ? decisionUrl(scoped, app, user) : '',
    });
  }
  ui.showSidebar(HtmlService.createHtmlOutput(html).setTitle(SIDEBAR_TEXT.title));
}

/** Menu "Lembar Disposisi": the printable disposition sheet of the chosen application (SOP output of steps 1–2). */
export function openDisposition(): void {
  const env = loadEnv();
  const ui = SpreadsheetApp.getUi();
  const app = chosenApplication(env, ui);
  if (!app) return;
  const page = lembarDisposisiOf(env, app);
  ui.showModalDialog(HtmlService.createHtmlOutput(page.html).setWidth(720).setHeight(640), page.title);
}
