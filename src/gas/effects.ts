// Carries out the workflow's effects after a state change: audit rows, the certificate register, mails via the outbox.
import { actingRoleLabel } from '../core/acting';
import { mailUsesEditLink } from '../core/messages/mail';
import { SHELL_MESSAGES } from '../core/messages/shell';
import { AUDIT_EVENTS, ROLE_LABELS } from '../core/messages/workflow';
import type { ActingRole, Application, CertificateRecord, Effect } from '../core/workflow-types';
import { STATUS_LABELS } from '../core/workflow-types';
import { type AuditEntry, appendAuditTo } from './audit-log';
import type { Env } from './env';
import { recordLifecycleOutcome } from './lifecycle-outcome';
import { linkUrl } from './links';
import { type OutgoingMail, openOutbox, queueAndSend } from './outbox';
import { appendCertificates, openCertificates } from './register';
import type { SheetTable } from './sheet-table';
import { withLifecycleNotes } from './status-lookup';
import { renderMail } from './ui-port';

/**
 * The applicant's Form edit link, asked of Forms when a mail needs it (a return for correction): the register does not
 * keep it, since anyone with the link can read and change the applicant's answers, the full NIK among them. '' when the
 * response is gone (the mail then goes without the button's link rather than not at all).
 */
function editUrlOf(env: Env, responseId: string): string {
  if (!responseId || !env.props.formId) return '';
  try {
    return FormApp.openById(env.props.formId).getResponse(responseId).getEditResponseUrl() ?? '';
  } catch {
    return '';
  }
}

function eventLabel(event: string): string {
  return (AUDIT_EVENTS as Record<string, string>)[event] ?? event;
}

/**
 * Applies effects in order of consequence: the audit rows (one append), the issued certificates (one append), then
 * the mails, sent at once within the quota and recorded in Kotak Keluar in one append. A refused send leaves its row
 * waiting for the outbox trigger; it never undoes the decision already written. `editUrl` gives the applicant's Form
 * edit link, asked only when a mail carries it (the intake passes the response it holds; others ask Forms).
 */
export function applyEffects(
  env: Env,
  app: Application,
  effects: Effect[],
  role: ActingRole,
  editUrl: () => string = () => editUrlOf(env, app.responseId),
): void {
  const audits: AuditEntry[] = [];
  const certificates: CertificateRecord[] = [];
  const mails: OutgoingMail[] = [];
  for (const effect of effects) {
    if (effect.type === 'AUDIT') {
      audits.push({
        at: env.now,
        applicationId: app.id,
        event: eventLabel(effect.event),
        actor: effect.actor,
        role: actingRoleLabel(env.settings, effect.actor, role, env.now),
        before: effect.before ? STATUS_LABELS[effect.before] : '',
        after: STATUS_LABELS[effect.after],
        note: effect.note,
      });
    } else if (effect.type === 'RECORD_CERTIFICATE') {
      if (!recordLifecycleOutcome(env, app)) certificates.push(effect.certificate);
    } else {
      const links: { action?: string; status?: string; verify?: string } = {};
      for (const [name, request] of Object.entries(effect.links)) {
        if (request) {
          links[name as keyof typeof links] = linkUrl(
            request,
            app,
            env.sop,
            env.props.hmacSecret,
            env.props.webAppUrl,
            env.now,
          );
        }
      }
      const data =
        effect.data.editUrl === '' && mailUsesEditLink(effect.template, effect.data)
          ? { ...effect.data, editUrl: editUrl() }
          : effect.data;
      const rendered = withLifecycleNotes(
        renderMail(effect.template, data, links),
        effect.template,
        app,
        env.props.hmacSecret,
        env.props.webAppUrl,
      );
      mails.push({
        to: [effect.to, ...effect.cc].join(','),
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        applicationId: app.id,
        kind: effect.template,
      });
    }
  }
  appendAuditTo(env.spreadsheet, audits);
  if (certificates.length > 0) appendCertificates(openCertificates(env.spreadsheet), certificates);
  if (mails.length > 0) sendNow(env, mails);
}

/**
 * Kotak Keluar opened once per execution and spreadsheet: a job that applies the effects of many applications (the SLA
 * check) reads its header once, not once per application. Globals do not outlive an execution on Apps Script.
 */
const outboxes = new WeakMap<GoogleAppsScript.Spreadsheet.Spreadsheet, SheetTable>();

function outboxOf(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SheetTable {
  const open = outboxes.get(spreadsheet) ?? openOutbox(spreadsheet);
  outboxes.set(spreadsheet, open);
  return open;
}

/** Sends the mails now within the quota and records them; whatever cannot go now waits in Kotak Keluar for the trigger. */
function sendNow(env: Env, mails: OutgoingMail[]): void {
  queueAndSend(outboxOf(env.spreadsheet), mails, env.now, () => new Date());
}

/** Records an event the workflow refused or ignored (an edit while in process): one audit row, no change. */
export function logIgnored(env: Env, app: Application, note: string): void {
  appendAuditTo(env.spreadsheet, [
    {
      at: env.now,
      applicationId: app.id,
      event: SHELL_MESSAGES.auditEvents.ignored,
      actor: app.applicant.email,
      role: ROLE_LABELS.PEMOHON,
      before: STATUS_LABELS[app.status],
      after: STATUS_LABELS[app.status],
      note,
    },
  ]);
}
