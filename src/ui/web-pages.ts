// The page port the shell calls (src/gas/ui-port.ts shape): views in, full HTML pages from src/ui/pages out.
import { PAGE_TEXT } from '../core/messages/pages';
import { escapeHtml } from '../core/sanitize';
import type { SopDefinition } from '../core/sop';
import type { ActionType, Application } from '../core/workflow-types';
import { renderDecisionPage } from './pages/decision';
import { definitionList, PAGE_VIEWPORT, pageShell } from './pages/layout';
import { renderErrorPage, renderResultPage, renderVerifyEmailPage } from './pages/simple';

export { PAGE_VIEWPORT };

/** A page ready for HtmlService: createHtmlOutput(html).setTitle(title).addMetaTag(PAGE_VIEWPORT...). */
export interface Page {
  title: string;
  html: string;
}

/** The decision page's data, as the web app builds it. */
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
  /** Optional: the SOP (step activity, standard, requirements) and the KTP link for a viewer allowed Data Terbatas. */
  sop?: SopDefinition;
  ktpUrl?: string;
}

/** The status page's data: no personal data at all. */
export interface StatusView {
  reference: string;
  statusLabel: string;
  updatedAt: string;
  steps: { no: number; activity: string; summary: string }[];
}

/** The decision page, or the applicant's e-mail verification page. */
export function pageDecision(view: DecisionView): Page {
  if (view.purpose === 'VERIFY_EMAIL') {
    return {
      title: PAGE_TEXT.verifyTitle,
      html: renderVerifyEmailPage({ reference: view.app.id, url: view.postUrl, token: view.token }),
    };
  }
  return {
    title: `${PAGE_TEXT.decisionTitle} ${view.app.id}`,
    html: renderDecisionPage({
      app: view.app,
      sop: view.sop,
      roleLabel: view.roleLabel,
      allowed: view.actions,
      submit: { kind: 'post', url: view.postUrl },
      hidden: { t: view.token },
      forward: view.nextRoleLabel ? { roleLabel: view.nextRoleLabel, options: view.nextHolders } : null,
      checklist: view.checklist,
      ktpUrl: view.ktpUrl ?? '',
    }),
  };
}

/** The public status page from a prepared view (reference, status, step summaries; no personal data). */
export function pageStatus(view: StatusView): Page {
  const rows = view.steps
    .map((s) => `<tr><td>${s.no}</td><td>${escapeHtml(s.activity)}</td><td>${escapeHtml(s.summary || '-')}</td></tr>`)
    .join('');
  const html = pageShell(
    PAGE_TEXT.statusTitle,
    `<section><h1>${escapeHtml(PAGE_TEXT.statusTitle)}</h1><p class="note">${escapeHtml(PAGE_TEXT.statusIntro)}</p>${definitionList(
      [
        [PAGE_TEXT.resultReference, view.reference],
        [PAGE_TEXT.statusNow, view.statusLabel],
        [PAGE_TEXT.updatedAt, view.updatedAt],
      ],
    )}</section><section><table><tbody>${rows}</tbody></table></section>`,
  );
  return { title: `${PAGE_TEXT.statusTitle} ${view.reference}`, html };
}

/** A result page (ok) or a refusal page carrying the workflow's own message. */
export function pageMessage(view: { ok: boolean; title: string; message: string }): Page {
  const html = view.ok
    ? renderResultPage({ heading: view.title, message: view.message, reference: '', statusLabel: '' })
    : renderErrorPage('REFUSED', view.message, view.title);
  return { title: view.title, html };
}

export { renderMail } from './mail/render';
