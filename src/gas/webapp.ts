// The web app: GET renders (never changes anything); POST and google.script.run submitDecision act, under the lock.
import { SHELL_MESSAGES } from '../core/messages/shell';
import { ROLE_LABELS } from '../core/messages/workflow';
import { stepSummary } from '../core/register-schema';
import { holdersOf, isRosterRole, rolesOf } from '../core/settings';
import { sopStages } from '../core/sop';
import { allowedActions, applyAction, holderFor, sandimanChecklist } from '../core/workflow';
import { nextStage, routeOf } from '../core/workflow-route';
import { type ActingRole, type Application, STATUS_LABELS } from '../core/workflow-types';
import { appendAudit, openAudit } from './audit-log';
import { actionFromForm, type DecisionForm, field, parseFormBody } from './decision-form';
import { applyEffects } from './effects';
import { actionContext, type Env, loadEnv } from './env';
import { type LinkPurpose, readToken } from './links';
import { withScriptLock } from './lock';
import { findApplication, openRegister, type StoredApplication, writeApplication } from './register';
import { readAllProperties, webAppUrl } from './script-config';
import type { SheetTable } from './sheet-table';
import { type Page, pageDecision, pageMessage, pageStatus, type StatusView } from './ui-port';

const L = SHELL_MESSAGES.links;

/** Why a link is refused; each has its own Indonesian page, and the attempt is audited. */
export type LinkRefusal = keyof typeof L.refusals;

/** The decision's outcome for google.script.run (plain data: the transport allows no Date or class). */
export interface DecisionResult {
  ok: boolean;
  title: string;
  message: string;
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

/**
 * Verifies a link against the register: signature and expiry first (no sheet read for a forged token), then that
 * the application exists, the link's version and status are still current (single use: every action raises the
 * version), and, for decisions, that the recipient still holds the role now (roster or delegation) and is the
 * signed-in visitor when Google reveals one.
 */
function checkLink(token: string, env: Env): Checked | { refusal: LinkRefusal; appId: string; to: string } {
  const read = readToken(token, env.props.hmacSecret, env.now);
  if (!read.ok) return { refusal: read.reason === 'EXPIRED' ? 'EXPIRED' : 'INVALID', appId: '', to: '' };
  const { claims, purpose } = read;
  const register = openRegister(env.spreadsheet, env.sop);
  const stored = findApplication(register, claims.app, env.sop);
  if (!stored) return { refusal: 'NOT_FOUND', appId: claims.app, to: claims.to };
  const app = stored.app;
  if (purpose === 'STATUS') {
    if (claims.to !== app.applicant.email.toLowerCase()) return { refusal: 'INVALID', appId: app.id, to: claims.to };
    return { env, register, stored, app, role: 'PEMOHON', purpose, token, to: claims.to };
  }
  if (app.version !== claims.ver || app.status !== claims.step) {
    return { refusal: 'USED', appId: app.id, to: claims.to };
  }
  if (purpose === 'VERIFY_EMAIL') {
    if (claims.to !== app.applicant.email.toLowerCase())
      return { refusal: 'OTHER_RECIPIENT', appId: app.id, to: claims.to };
    return { env, register, stored, app, role: 'PEMOHON', purpose, token, to: claims.to };
  }
  const role = claims.role;
  if (!isRosterRole(role) || holderFor(app, env.sop) !== role) return { refusal: 'USED', appId: app.id, to: claims.to };
  if (!rolesOf(env.settings, claims.to, env.now).includes(role)) {
    return { refusal: 'ROSTER_CHANGED', appId: app.id, to: claims.to };
  }
  if (app.assignee && app.assignee.toLowerCase() !== claims.to) {
    return { refusal: 'OTHER_RECIPIENT', appId: app.id, to: claims.to };
  }
  const visitor = activeUser();
  if (visitor && visitor !== claims.to) return { refusal: 'OTHER_RECIPIENT', appId: app.id, to: claims.to };
  return { env, register, stored, app, role, purpose, token, to: claims.to };
}

function activeUser(): string {
  try {
    return Session.getActiveUser().getEmail().toLowerCase();
  } catch {
    return '';
  }
}

/** Appends the refused attempt to Jejak Audit (who the link named, why); the application is not touched. */
function auditRefusal(env: Env, appId: string, to: string, refusal: LinkRefusal, stage: 'GET' | 'POST'): void {
  appendAudit(openAudit(env.spreadsheet), [
    {
      at: env.now,
      applicationId: appId,
      event: SHELL_MESSAGES.auditEvents.linkRefused,
      actor: to || activeUser() || '-',
      role: '',
      before: '',
      after: '',
      note: `${stage} ${refusal}`,
    },
  ]);
}

function statusView(app: Application, env: Env): StatusView {
  return {
    reference: app.id,
    statusLabel: STATUS_LABELS[app.status],
    updatedAt: app.updatedAt,
    steps: sopStages(env.sop).map((stage) => ({
      no: stage.no,
      activity: env.sop.steps.find((step) => step.no === stage.no)?.activity ?? '',
      summary: stepSummary(app.steps[stage.no]),
    })),
  };
}

/** What the decision page offers: the allowed actions, and for forwarding the next role's holders. */
function decisionPage(checked: Checked): Page {
  const { env, app, role, purpose, token, to } = checked;
  const actions = allowedActions(app, role, env.sop);
  const next = nextStage(routeOf(env.sop), app.status);
  return pageDecision({
    token,
    postUrl: webAppUrl(env.props.webAppUrl),
    purpose,
    app,
    recipient: to,
    roleLabel: ROLE_LABELS[role],
    actions,
    nextRoleLabel: next ? ROLE_LABELS[next.role] : '',
    nextHolders: next ? holdersOf(env.settings, next.role, env.now) : [],
    checklist: actions.includes('VERIFY') ? sandimanChecklist(env.sop) : [],
  });
}

function refusalPage(refusal: LinkRefusal): Page {
  return pageMessage({ ok: false, title: L.refusalTitle, message: L.refusals[refusal] });
}

/**
 * GET: renders the page a link leads to. Nothing changes on GET (mail scanners open links); a refused link is only
 * audited, under the lock so the audit chain stays whole.
 */
export function renderGet(parameters: Record<string, string>): Page {
  const token = parameters.t ?? '';
  if (!token) return pageMessage({ ok: true, title: L.homeTitle, message: L.home });
  const props = readAllProperties();
  if (!props.spreadsheetId) return pageMessage({ ok: false, title: L.refusalTitle, message: SHELL_MESSAGES.notSetUp });
  const env = loadEnv();
  const checked = checkLink(token, env);
  if ('refusal' in checked) {
    withScriptLock(() => auditRefusal(env, checked.appId, checked.to, checked.refusal, 'GET'));
    return refusalPage(checked.refusal);
  }
  if (checked.purpose === 'STATUS') return pageStatus(statusView(checked.app, env));
  return decisionPage(checked);
}

/**
 * Acts on a confirmed decision: re-reads the application inside the lock, re-checks the link, applies the action,
 * writes the row in one call, then the effects. A refusal changes nothing; its reason is on the page.
 */
export function decide(token: string, form: DecisionForm): DecisionResult {
  return withScriptLock(() => {
    const env = loadEnv();
    const checked = checkLink(token, env);
    if ('refusal' in checked) {
      auditRefusal(env, checked.appId, checked.to, checked.refusal, 'POST');
      return { ok: false, title: L.refusalTitle, message: L.refusals[checked.refusal] };
    }
    if (checked.purpose === 'STATUS') return { ok: false, title: L.refusalTitle, message: L.refusals.INVALID };
    const action = checked.purpose === 'VERIFY_EMAIL' ? { type: 'VERIFY_EMAIL' as const } : actionFromForm(form);
    if (!action) return { ok: false, title: L.refusalTitle, message: L.unknownAction };
    const ctx = actionContext(env, checked.to, checked.role);
    const result = applyAction(checked.app, action, ctx);
    if (!result.ok) return { ok: false, title: L.notDoneTitle, message: result.message };
    writeApplication(checked.register, checked.stored, result.app, env.sop);
    applyEffects(env, result.app, result.effects, checked.role);
    return { ok: true, title: L.doneTitle, message: L.done(STATUS_LABELS[result.app.status], result.app.id) };
  });
}

/** doGet entry: one page per request, mobile viewport, no external resources. */
export function handleGet(event: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput {
  let page: Page;
  try {
    page = renderGet((event?.parameter ?? {}) as Record<string, string>);
  } catch (error) {
    page = pageMessage({ ok: false, title: L.errorTitle, message: errorText(error) });
  }
  return output(page);
}

/** doPost entry: the decision page's form without JavaScript (application/x-www-form-urlencoded). */
export function handlePost(event: GoogleAppsScript.Events.DoPost): GoogleAppsScript.HTML.HtmlOutput {
  let page: Page;
  try {
    const form = parseFormBody(event?.postData?.contents ?? '');
    const result = decide(field(form, 't', 4096), form);
    page = pageMessage(result);
  } catch (error) {
    page = pageMessage({ ok: false, title: L.errorTitle, message: errorText(error) });
  }
  return output(page);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An HtmlOutput usable at 360 px: viewport meta via addMetaTag (HtmlService drops meta tags in the HTML). */
export function output(page: Page): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutput(page.html)
    .setTitle(page.title)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}
