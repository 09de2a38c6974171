// Cek Status Permohonan by reference number and access code: the form, and the status page with lifecycle notes.
import { PASSPHRASE_RESET_TEXT, STATUS_LOOKUP_TEXT as T } from '../../core/messages/lifecycle';
import { escapeHtml } from '../../core/sanitize';
import type { SopDefinition } from '../../core/sop';
import type { Application } from '../../core/workflow-types';
import { pageShell, safeHref } from '../pages/layout';
import { renderStatusPage } from '../pages/status';

/**
 * The lookup form. It is a GET to the web app (a lookup changes nothing), opened in the top window because
 * HtmlService serves pages in a sandboxed frame. `error` shows after a failed attempt; the typed reference is kept.
 */
export function renderStatusLookupPage(actionUrl: string, reference = '', error = ''): string {
  const action = safeHref(actionUrl);
  const body = [
    `<section><h1>${escapeHtml(T.title)}</h1><p class="note">${escapeHtml(T.intro)}</p>`,
    error ? `<p class="warn" role="alert">${escapeHtml(error)}</p>` : '',
    `<form method="get" action="${action}" target="_top">`,
    '<input type="hidden" name="cek" value="1">',
    `<label for="ref">${escapeHtml(T.reference)}</label><input type="text" id="ref" name="ref" value="${escapeHtml(reference)}" autocomplete="off" required maxlength="40" placeholder="TTE-2026-0001">`,
    `<label for="kode">${escapeHtml(T.code)}</label><input type="text" id="kode" name="kode" autocomplete="off" required maxlength="40" placeholder="XXXXX-XXXXX">`,
    `<button type="submit">${escapeHtml(T.submit)}</button>`,
    '</form></section>',
  ].join('');
  return pageShell(T.title, body);
}

/**
 * The status page of an application found by code: P1's status page (no personal data), plus, for a passphrase reset,
 * the warning that BSrE's reset link expires after one day, and the link to print the pre-filled Surat Permohonan.
 */
export function renderLifecycleStatusPage(app: Application, sop: SopDefinition, printUrl = ''): string {
  const parts: string[] = [];
  if (app.applicant.service === 'RESET_PASSPHRASE') {
    parts.push(`<section><p class="warn">${escapeHtml(PASSPHRASE_RESET_TEXT.notice)}</p></section>`);
  }
  const href = safeHref(printUrl);
  if (href) parts.push(`<section><p><a href="${href}" target="_top">${escapeHtml(T.printLetter)}</a></p></section>`);
  const page = renderStatusPage(app, sop);
  return parts.length === 0 ? page : page.replace('</main>', () => `${parts.join('')}</main>`);
}
