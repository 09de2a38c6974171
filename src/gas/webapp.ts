// The web app: GET renders (never changes anything); only the decision page's POST acts, under the lock.
import { PAGE_TEXT } from '../core/messages/pages';
import { SHELL_MESSAGES } from '../core/messages/shell';
import { ROLE_LABELS } from '../core/messages/workflow';
import { isRosterRole, rolesOf } from '../core/settings';
import { allowedActions, applyAction, forwardOptions, holderFor, sandimanChecklist } from '../core/workflow';
import { type ActingRole, type Action, type Application, STATUS_LABELS } from '../core/workflow-types';
import { appendAudit, openAudit } from './audit-log';
import { actionFromForm, type DecisionForm, field, parseFormBody } from './decision-form';
import { applyEffects } from './effects';
import { actionContext, type Env, forService, loadEnv } from './env';
import { type LinkPurpose, readToken } from './links';
import { withScriptLock } from './lock';
import { findApplicationAt, openRegister, type StoredApplication } from './register';
import { RESTRICTED_FIELDS, readRestricted } from './restricted-store';
import { readAllProperties, webAppUrl } from './script-config';
import type { SheetTable } from './sheet-table';
import { isStatusLookup, statusLookupPage } from './status-lookup';
import { commitTransition } from './transition';
import { type ErrorKind, type Page, pageDecision, pageError, pageResult, pageStatus, pageVerifyEmail } from './ui-port';

/** Why a link is refused; each has its own Indonesian page (messages/pages ERROR_PAGES), and the attempt is audited. */
export type LinkRefusal = 'INVALID_LINK' | 'EXPIRED' | 'USED' | 'NOT_FOUND' | 'ROSTER_CHANGED' | 'OTHER_RECIPIENT';

/** A decision's outcome, rendered as the result page. */
interface DecisionResult {
  ok: boolean;
  /** The error kind when refused (ERROR_PAGES key), '' on success. */
  kind: ErrorKind | '';
  title: string;
  message: string;
  reference: string;
  statusLabel: string;
}

interface Checked {
  env: Env;
  register: SheetTable;
  stored: StoredApplication;
  app: Application;
  role: ActingRole;
  purpose: LinkPurpose;
  token: string;
  to: string;
}

type Refused = { refusal: LinkRefusal; appId: string; to: string };

function activeUser(): string {
  try {
    return Session.getActiveUser().getEmail().toLowerCase();
  } catch {
    return '';
  }
}

/**
 * Verifies a link against the register: signature and expiry first (a forged token costs no sheet read), then that
 * the application exists, that the link's version and status are still current (single use: every action raises
 * the version), and, for decisions, that the recipient still holds the role now (roster or delegation), is the one
 * the step was assigned to, and is the signed-in visitor whenever Google reveals one.
 */
function checkLink(token: string, env: Env): Checked | Refused {
  const read = readToken(token, env.props.hmacSecret, env.now);
  if (!read.ok) return { refusal: read.reason === 'EXPIRED' ? 'EXPIRED' : 'INVALID_LINK', appId: '', to: '' };
  const { claims, purpose } = read;
  const refuse = (refusal: LinkRefusal): Refused => ({ refusal, appId: claims.app, to: claims.to });
  const register = openRegister(env.spreadsheet, env.sop);
  const stored = findApplicationAt(register, claims.app, claims.row, env.sop);
  if (!stored) return refuse('NOT_FOUND');
  const app = stored.app;
  const service = forService(env, app.applicant.service);
  const base = { env: service, register, stored, app, purpose, token, to: claims.to };
  if (purpose === 'STATUS') {
    return claims.to === app.applicant.email.toLowerCase() ? { ...base, role: 'PEMOHON' } : refuse('INVALID_LINK');
  }
  if (app.version !== claims.ver || app.status !== claims.step) return refuse('USED');
  if (purpose === 'VERIFY_EMAIL') {
    return claims.to === app.applicant.email.toLowerCase() ? { ...base, role: 'PEMOHON' } : refuse('OTHER_RECIPIENT');
  }
  const role = claims.role;
  if (!isRosterRole(role) || holderFor(app, service.sop) !== role) return refuse('USED');
  if (!rolesOf(env.settings, claims.to, env.now).includes(role)) return refuse('ROSTER_CHANGED');
  if (app.assignee && app.assignee.toLowerCase() !== claims.to) return refuse('OTHER_RECIPIENT');
  const visitor = activeUser();
  if (visitor && visitor !== claims.to) return refuse('OTHER_RECIPIENT');
  return { ...base, role };
}

/** Appends the refused attempt to Jejak Audit (who the link named, why); the application is not touched. */
function auditRefusal(env: Env, refused: Refused, method: 'GET' | 'POST'): void {
  appendAudit(openAudit(env.spreadsheet), [
    {
      at: env.now,
      applicationId: refused.appId || '-',
      event: SHELL_MESSAGES.auditEvents.linkRefused,
      actor: refused.to || activeUser() || '-',
      role: '',
      before: '',
      after: '',
      note: `${method} ${refused.refusal}`,
    },
  ]);
}

/** The decision page for a checked link: the allowed choices, forward options, checklist, KTP link for the Verifikator. */
function decisionPage(checked: Checked): Page {
  const { env, app, role, token } = checked;
  const url = webAppUrl(env.props.webAppUrl);
  if (checked.purpose === 'VERIFY_EMAIL') return pageVerifyEmail({ reference: app.id, url, token });
  const allowed = allowedActions(app, role, env.sop);
  const forward = forwardOptions(app, env.sop, env.settings, env.now);
  let ktpUrl = '';
  if (role === 'VERIFIKATOR' && env.props.restrictedId) {
    ktpUrl = readRestricted(env.props.restrictedId, app.id)?.[RESTRICTED_FIELDS.filesLink] ?? '';
  }
  return pageDecision({
    app,
    sop: env.sop,
    roleLabel: ROLE_LABELS[role],
    allowed,
    submit: { kind: 'post', url },
    hidden: { t: token },
    forward: forward ? { roleLabel: forward.roleLabel, options: forward.options } : null,
    checklist: allowed.includes('VERIFY') ? sandimanChecklist(env.sop) : [],
    ktpUrl,
  });
}

/**
 * GET: renders the page a link leads to. Nothing changes on GET (mail scanners open links); a refused link is only
 * audited, under the lock so the audit chain stays whole.
 */
export function renderGet(parameters: Record<string, string>): Page {
  const token = parameters.t ?? '';
  if (!token) return pageError('INVALID_LINK');
  const props = readAllProperties();
  if (!props.spreadsheetId) return pageError('SETUP');
  const env = loadEnv(props);
  const checked = checkLink(token, env);
  if ('refusal' in checked) {
    withScriptLock(() => auditRefusal(env, checked, 'GET'));
    return pageError(checked.refusal);
  }
  if (checked.purpose === 'STATUS') return pageStatus(checked.app, checked.env.sop);
  return decisionPage(checked);
}

export function refusedResult(kind: ErrorKind, message: string, app?: Application): DecisionResult {
  return {
    ok: false,
    kind,
    title: pageError(kind).title,
    message,
    reference: app?.id ?? '',
    statusLabel: app ? STATUS_LABELS[app.status] : '',
  };
}

/**
 * Acts on a confirmed decision: inside the lock re-reads the application, re-checks the link, applies the action,
 * writes the row in one call, then the effects. A refusal changes nothing; its reason is on the page.
 */
function decide(token: string, form: DecisionForm): DecisionResult {
  return withScriptLock(() => {
    const env = loadEnv();
    const checked = checkLink(token, env);
    if ('refusal' in checked) {
      auditRefusal(env, checked, 'POST');
      return refusedResult(checked.refusal, '');
    }
    if (checked.purpose === 'STATUS') return refusedResult('INVALID_LINK', '');
    const action = checked.purpose === 'VERIFY_EMAIL' ? { type: 'VERIFY_EMAIL' as const } : actionFromForm(form);
    return applyDecision(checked.env, checked.register, checked.stored, checked.to, checked.role, action);
  });
}

/**
 * The common end of every decision (mail link or sidebar), called inside the lock with the row just read: applies
 * the action, writes the row in one call, then the effects. A refusal changes nothing.
 */
export function applyDecision(
  env: Env,
  register: SheetTable,
  stored: StoredApplication,
  actor: string,
  role: ActingRole,
  action: Action | null,
): DecisionResult {
  if (!action) return refusedResult('REFUSED', SHELL_MESSAGES.links.unknownAction, stored.app);
  const result = applyAction(stored.app, action, actionContext(env, actor, role));
  if (!result.ok) return refusedResult('REFUSED', result.message, stored.app);
  commitTransition(register, stored, result.app, env.sop, () => applyEffects(env, result.app, result.effects, role));
  return {
    ok: true,
    kind: '',
    title: PAGE_TEXT.resultDone,
    message: SHELL_MESSAGES.links.done(STATUS_LABELS[result.app.status], result.app.id),
    reference: result.app.id,
    statusLabel: STATUS_LABELS[result.app.status],
  };
}

/** The page for a decision's outcome. */
export function resultPage(result: DecisionResult): Page {
  if (result.ok || result.kind === '') {
    return pageResult({
      heading: result.title,
      message: result.message,
      reference: result.reference,
      statusLabel: result.statusLabel,
    });
  }
  return pageError(result.kind, result.message);
}

/** Maps a thrown error to a page: a busy lock and a missing setup have their own; anything else is a system error. */
export function errorPage(error: unknown): Page {
  const message = error instanceof Error ? error.message : String(error);
  console.error(message);
  if (message === SHELL_MESSAGES.lockBusy) return pageError('BUSY');
  if (message === SHELL_MESSAGES.notSetUp) return pageError('SETUP');
  // The shell's own sheet errors are Indonesian, name only a sheet or column, and tell what to fix: show them.
  if (/^(Sheet|Kolom) "/.test(message)) return pageError('SYSTEM', message);
  return pageError('SYSTEM');
}

/** doGet entry: one page per request, mobile viewport, no external resources. */
export function handleGet(event: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  let page: Page;
  try {
    page = isStatusLookup(event)
      ? statusLookupPage(event)
      : renderGet((event?.parameter ?? {}) as Record<string, string>);
  } catch (error) {
    page = errorPage(error);
  }
  return output(page);
}

/** doPost entry: the decision page's form (application/x-www-form-urlencoded, no JavaScript needed). */
export function handlePost(event: GoogleAppsScript.Events.DoPost): GoogleAppsScript.HTML.HtmlOutput {
  let page: Page;
  try {
    const form = parseFormBody(event?.postData?.contents ?? '');
    page = resultPage(decide(field(form, 't', 4096), form));
  } catch (error) {
    page = errorPage(error);
  }
  return output(page);
}

/** An HtmlOutput usable at 360 px: the viewport goes through addMetaTag (HtmlService drops it from the HTML). */
export function output(page: Page): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutput(page.html)
    .setTitle(page.title)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}
