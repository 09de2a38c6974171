// The shell's view of the UI: mails from src/ui/mail, pages rendered from the views the web app builds.
import { PAGE_TEXT } from '../core/messages/pages';
import { escapeHtml } from '../core/sanitize';
import type { ActionType, Application } from '../core/workflow-types';
import { DECISION_FIELDS } from './decision-form';

export { renderMail } from '../ui/mail/render';

/** A page ready for HtmlService. */
export interface Page {
  title: string;
  html: string;
}

/** The status page's data: no personal data at all. */
export interface StatusView {
  reference: string;
  statusLabel: string;
  updatedAt: string;
  steps: { no: number; activity: string; summary: string }[];
}

/** The decision page's data. */
export interface DecisionView {
  token: string;
  postUrl: string;
  purpose: 'DECIDE' | 'VERIFY_EMAIL' | 'STATUS';
  app: Application;
  recipient: string;
  roleLabel: string;
  actions: ActionType[];
  nextRoleLabel: string;
  nextHolders: string[];
  checklist: string[];
}

const e = escapeHtml;

function frame(title: string, body: string): Page {
  return {
    title,
    html: `<div style="font-family:Arial,Helvetica,sans-serif;max-width:600px;margin:0 auto;padding:12px;color:#111827"><p style="font-size:12px;color:#374151">${e(PAGE_TEXT.brand)}<br>${e(PAGE_TEXT.product)}</p><h1 style="font-size:20px">${e(title)}</h1>${body}</div>`,
  };
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${e(name)}" value="${e(value)}">`;
}

function textInput(name: string, label: string, type = 'text'): string {
  return `<p><label>${e(label)}<br><input type="${type}" name="${e(name)}" style="width:100%;font-size:16px"></label></p>`;
}

function actionForm(view: DecisionView, action: ActionType, inner: string): string {
  return `<form method="post" action="${e(view.postUrl)}" target="_top" style="border:1px solid #d1d5db;padding:8px;margin:8px 0">${hidden(DECISION_FIELDS.token, view.token)}${hidden(DECISION_FIELDS.action, action)}${inner}<button type="submit" style="font-size:16px;padding:10px">${e(PAGE_TEXT.buttons[action] ?? action)}</button></form>`;
}

/** The decision (or e-mail verification) page: the application summary and one confirm form per allowed action. */
export function pageDecision(view: DecisionView): Page {
  const a = view.app;
  if (view.purpose === 'VERIFY_EMAIL') {
    return frame(
      PAGE_TEXT.verifyTitle,
      `<p>${e(PAGE_TEXT.verifyIntro(a.id))}</p>${actionForm(view, 'VERIFY_EMAIL', '')}`,
    );
  }
  const summary = `<p>${e(PAGE_TEXT.decisionIntro(view.roleLabel))}</p><table>${[
    [PAGE_TEXT.resultReference, a.id],
    [PAGE_TEXT.disposisi.applicant, a.applicant.name],
    [PAGE_TEXT.disposisi.nik, a.applicant.nikMasked],
    [PAGE_TEXT.disposisi.nip, a.applicant.nip],
    [PAGE_TEXT.disposisi.unit, a.applicant.unit],
  ]
    .map(([k, v]) => `<tr><td>${e(k ?? '')}</td><td>${e(v ?? '')}</td></tr>`)
    .join('')}</table>`;
  const forms = view.actions.map((action) => {
    const to = `<p><label>${e(PAGE_TEXT.toLabel(view.nextRoleLabel))}<br><select name="${DECISION_FIELDS.toEmail}"><option value="">${e(PAGE_TEXT.anyHolder(view.nextRoleLabel))}</option>${view.nextHolders.map((h) => `<option value="${e(h)}">${e(h)}</option>`).join('')}</select></label></p>`;
    if (action === 'DISPOSE')
      return actionForm(view, action, to + textInput(DECISION_FIELDS.instruction, PAGE_TEXT.instructionLabel));
    if (action === 'VERIFY') {
      const checks = view.checklist
        .map(
          (item) =>
            `<p><label><input type="checkbox" name="${DECISION_FIELDS.checklist}" value="${e(item)}"> ${e(item)}</label></p>`,
        )
        .join('');
      return actionForm(
        view,
        action,
        `<p>${e(PAGE_TEXT.checklistTitle)}</p>${checks}${to}${textInput(DECISION_FIELDS.note, PAGE_TEXT.noteLabel)}`,
      );
    }
    if (action === 'REJECT' || action === 'RETURN')
      return actionForm(view, action, textInput(DECISION_FIELDS.reason, PAGE_TEXT.reasonLabel));
    if (action === 'CERTIFICATE_ISSUED')
      return actionForm(
        view,
        action,
        textInput(DECISION_FIELDS.serial, PAGE_TEXT.serialLabel) +
          textInput(DECISION_FIELDS.validUntil, PAGE_TEXT.validUntilLabel, 'date'),
      );
    if (action === 'BSRE_REJECTED')
      return actionForm(
        view,
        action,
        `<p><label>${e(PAGE_TEXT.rejectCodeLabel)}<br><select name="${DECISION_FIELDS.rejectCode}">${['KTP_TIDAK_SESUAI', 'EMAIL_TIDAK_AKTIF', 'NIK_TIDAK_TERDAFTAR', 'LAINNYA'].map((c) => `<option value="${c}">${c}</option>`).join('')}</select></label></p>${textInput(DECISION_FIELDS.rejectText, PAGE_TEXT.rejectTextLabel)}`,
      );
    if (action === 'BSRE_RESUBMIT')
      return actionForm(view, action, textInput(DECISION_FIELDS.note, PAGE_TEXT.noteLabel));
    return actionForm(view, action, '');
  });
  return frame(
    PAGE_TEXT.decisionTitle,
    summary + (forms.length > 0 ? forms.join('') : `<p>${e(PAGE_TEXT.noChoices)}</p>`),
  );
}

/** The public status page: reference, status and step timings only. */
export function pageStatus(view: StatusView): Page {
  const rows = view.steps
    .map((s) => `<tr><td>${s.no}</td><td>${e(s.activity)}</td><td>${e(s.summary)}</td></tr>`)
    .join('');
  return frame(
    PAGE_TEXT.statusTitle,
    `<p>${e(PAGE_TEXT.statusIntro)}</p><p>${e(PAGE_TEXT.resultReference)}: <b>${e(view.reference)}</b><br>${e(PAGE_TEXT.statusNow)}: <b>${e(view.statusLabel)}</b></p><table>${rows}</table>`,
  );
}

/** A result or refusal page. */
export function pageMessage(view: { ok: boolean; title: string; message: string }): Page {
  return frame(view.title, `<p>${e(view.message)}</p>`);
}
