// The staff sidebar in the spreadsheet: the selected application's decision page, submitted via google.script.run.
import { PAGE_TEXT } from '../../core/messages/pages';
import { escapeHtml } from '../../core/sanitize';
import { type DecisionPageInput, renderDecisionPage } from './decision';
import { pageShell } from './layout';

export const SIDEBAR_TEXT = {
  title: 'Tindakan permohonan',
  pickRow: 'Pilih satu baris permohonan di lembar Register Permohonan, lalu buka lagi menu ini.',
} as const;

/**
 * Renders the sidebar. `clientHtml` is the built src/ui/client/sidebar.ts (dist/client-sidebar.html), which submits
 * the forms through google.script.run.sidebarDecide(form) and shows the HTML it returns.
 */
export function renderSidebar(input: Omit<DecisionPageInput, 'submit'> | null, clientHtml: string): string {
  if (!input) {
    return pageShell(SIDEBAR_TEXT.title, `<section><p>${escapeHtml(SIDEBAR_TEXT.pickRow)}</p></section>`);
  }
  return renderDecisionPage({ ...input, submit: { kind: 'script' } }, clientHtml);
}

/** The HTML section sidebarDecide returns to the client after an action (result or refusal). */
export function sidebarAnswer(heading: string, message: string): string {
  return `<section><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(message)}</p><p class="note">${escapeHtml(PAGE_TEXT.resultClose)}</p></section>`;
}
