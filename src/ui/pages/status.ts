// The applicant's status page (Cek Status Permohonan): reference, status, steps; no personal data at all.
import { PAGE_TEXT } from '../../core/messages/pages';
import { stepSummary } from '../../core/register-schema';
import { escapeHtml } from '../../core/sanitize';
import { type SopDefinition, sopStages } from '../../core/sop';
import { type Application, STATUS_LABELS } from '../../core/workflow-types';
import { definitionList, pageShell, witaDateTime } from './layout';

/** Renders the status of an application without name, NIK, NIP, e-mail or phone: only what the link already implies. */
export function renderStatusPage(app: Application, sop: SopDefinition): string {
  const rows = sopStages(sop)
    .map((stage) => {
      const activity = sop.steps.find((s) => s.no === stage.no)?.activity ?? '';
      const state = stepSummary(app.steps[stage.no]);
      const cls = state.startsWith('Terlambat') ? 'late' : state.startsWith('Tepat') ? 'ok' : '';
      return `<tr><td>${stage.no}</td><td>${escapeHtml(activity)}</td><td${cls ? ` class="${cls}"` : ''}>${escapeHtml(state || '-')}</td></tr>`;
    })
    .join('');
  const next = PAGE_TEXT.nextForApplicant[app.status] ?? PAGE_TEXT.nextForOffice;
  const body = [
    `<section><h1>${escapeHtml(PAGE_TEXT.statusTitle)}</h1><p class="note">${escapeHtml(PAGE_TEXT.statusIntro)}</p>`,
    definitionList([
      [PAGE_TEXT.resultReference, app.id],
      [PAGE_TEXT.statusNow, STATUS_LABELS[app.status]],
      [PAGE_TEXT.submittedAt, witaDateTime(app.submittedAt)],
      [PAGE_TEXT.updatedAt, witaDateTime(app.updatedAt)],
    ]),
    `<p><strong>${escapeHtml(next)}</strong></p></section>`,
    `<section><table><thead><tr><th>${escapeHtml(PAGE_TEXT.stepColumn)}</th><th>${escapeHtml(PAGE_TEXT.activityColumn)}</th><th>${escapeHtml(PAGE_TEXT.stateColumn)}</th></tr></thead><tbody>${rows}</tbody></table></section>`,
  ].join('');
  return pageShell(`${PAGE_TEXT.statusTitle} ${app.id}`, body);
}
