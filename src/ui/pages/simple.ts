// Small pages: the result after a decision, the error pages, and the applicant's e-mail verification page.
import { ERROR_PAGES, type ErrorKind, PAGE_TEXT } from '../../core/messages/pages';
import { escapeHtml } from '../../core/sanitize';
import { definitionList, pageShell, safeHref } from './layout';

/** After a successful decision: what was recorded and where the application is now. */
export function renderResultPage(input: {
  heading: string;
  message: string;
  reference: string;
  statusLabel: string;
}): string {
  const body = `<section><h1>${escapeHtml(input.heading)}</h1><p>${escapeHtml(input.message)}</p>${definitionList([
    [PAGE_TEXT.resultReference, input.reference],
    [PAGE_TEXT.resultStatus, input.statusLabel],
  ])}<p class="note">${escapeHtml(PAGE_TEXT.resultClose)}</p></section>`;
  return pageShell(input.heading, body);
}

/**
 * An error page in plain Indonesian: what happened, that nothing changed, what to do. `detail` (for REFUSED, the
 * workflow's own message) is escaped; no internal error text is shown.
 */
export function renderErrorPage(kind: ErrorKind, detail = '', title = ''): string {
  const page = ERROR_PAGES[kind];
  const message = detail || page.message;
  const heading = title || page.title;
  return pageShell(heading, `<section><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(message)}</p></section>`);
}

/** The applicant's confirmation that the .go.id address is active: GET shows this, the button POSTs. */
export function renderVerifyEmailPage(input: { reference: string; url: string; token: string }): string {
  const body = `<section><h1>${escapeHtml(PAGE_TEXT.verifyTitle)}</h1><p>${escapeHtml(PAGE_TEXT.verifyIntro(input.reference))}</p><form method="post" action="${safeHref(input.url)}" target="_top"><input type="hidden" name="t" value="${escapeHtml(input.token)}"><input type="hidden" name="action" value="VERIFY_EMAIL"><button type="submit">${escapeHtml(PAGE_TEXT.buttons.VERIFY_EMAIL)}</button></form></section>`;
  return pageShell(PAGE_TEXT.verifyTitle, body);
}
