// The staff sidebar in the spreadsheet: the selected application's decision page, submitted via google.script.run.
import { SIDEBAR_TEXT } from '../../core/messages/pages';
import { escapeHtml } from '../../core/sanitize';
import { type DecisionPageInput, renderDecisionPage } from './decision';
import { pageShell } from './layout';

/** The sidebar's words (kept importable from here for the shell). */
export { SIDEBAR_TEXT };

/**
 * Renders the sidebar. `clientHtml` is the built src/ui/client/sidebar.ts (dist/client-sidebar.html), which submits
 * the form alone through google.script.run.submitDecision(form) (Google allows a form only as the sole argument) and shows the DecisionResult. `hidden` must carry
 * `t`: a decision token the shell signs for the active user, so the sidebar takes the same checked path as a mail link.
 */
export function renderSidebar(input: Omit<DecisionPageInput, 'submit'> | null, clientHtml: string): string {
  if (!input) {
    return pageShell(SIDEBAR_TEXT.title, `<section><p>${escapeHtml(SIDEBAR_TEXT.pickRow)}</p></section>`);
  }
  return renderDecisionPage({ ...input, submit: { kind: 'script' } }, clientHtml);
}
