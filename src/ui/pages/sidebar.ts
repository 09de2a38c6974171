// The staff sidebar in the spreadsheet: the selected application's summary and a link to its decision page.
import { SIDEBAR_TEXT } from '../../core/messages/pages';
import { SHELL_MESSAGES } from '../../core/messages/shell';
import { escapeHtml } from '../../core/sanitize';
import { type DecisionPageInput, summary } from './decision';
import { pageShell, safeHref } from './layout';

/** The sidebar's words (kept importable from here for the shell). */
export { SIDEBAR_TEXT };

/** What the sidebar shows: the summary's input and, for the step's holder, the signed decision-page URL ('' otherwise). */
export interface SidebarInput extends Pick<DecisionPageInput, 'app' | 'sop' | 'roleLabel' | 'ktpUrl'> {
  decisionUrl: string;
}

/**
 * Renders the sidebar. It decides nothing itself: a sidebar runs as the staff member, while the web app runs as the
 * owner, so the decision happens on the web app's page (the one a mail link opens) and only the owner writes the
 * Jejak Audit sheet.
 */
export function renderSidebar(input: SidebarInput | null): string {
  if (!input) {
    return pageShell(SIDEBAR_TEXT.title, `<section><p>${escapeHtml(SIDEBAR_TEXT.pickRow)}</p></section>`);
  }
  const href = safeHref(input.decisionUrl);
  const link = href
    ? `<section><p><a class="open-link" href="${href}" target="_blank" rel="noopener">${escapeHtml(SHELL_MESSAGES.sidebar.openDecision)}</a></p><p class="note">${escapeHtml(SHELL_MESSAGES.sidebar.openDecisionNote)}</p></section>`
    : '';
  return pageShell(SIDEBAR_TEXT.title, summary(input) + link);
}
