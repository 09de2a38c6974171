// The printable Lembar Disposisi of an application: the SOP's output of steps 1 and 2 (who, to whom, what, when).
import { PAGE_TEXT } from '../../core/messages/pages';
import { ROLE_LABELS } from '../../core/messages/workflow';
import { escapeHtml } from '../../core/sanitize';
import type { SopDefinition } from '../../core/sop';
import type { Application } from '../../core/workflow-types';
import { definitionList, pageShell, witaDateTime } from './layout';

/** Renders the Lembar Disposisi (masked NIK only); staff print it from the browser. */
export function renderLembarDisposisi(app: Application, sop: SopDefinition): string {
  const T = PAGE_TEXT.disposisi;
  const a = app.applicant;
  const rows =
    app.dispositions.length === 0
      ? `<tr><td colspan="4">${escapeHtml(T.none)}</td></tr>`
      : app.dispositions
          .map(
            (d) =>
              `<tr><td>${escapeHtml(ROLE_LABELS[d.fromRole])}<br><span class="note">${escapeHtml(d.fromEmail)}</span></td><td>${escapeHtml(ROLE_LABELS[d.toRole])}<br><span class="note">${escapeHtml(d.toEmail || T.allHolders)}</span></td><td>${escapeHtml(d.instruction || '-')}</td><td>${escapeHtml(witaDateTime(d.at))}</td></tr>`,
          )
          .join('');
  const body = [
    `<section><p style="text-align:center;margin:0"><strong>${escapeHtml(sop.office.name)}<br>${escapeHtml(sop.office.regency)}</strong><br><span class="note">${escapeHtml(sop.office.address)}</span></p>`,
    `<h1 style="text-align:center;margin-top:12px">${escapeHtml(T.title)}</h1>`,
    definitionList([
      [T.reference, app.id],
      [T.received, witaDateTime(app.submittedAt)],
      [T.subject, T.subjectText],
      [T.applicant, a.name],
      [T.nik, a.nikMasked],
      [T.nip, a.nip],
      [T.unit, a.unit],
      [T.sop, `SOP ${sop.number}`],
    ]),
    '</section>',
    `<section><table><thead><tr><th>${escapeHtml(T.from)}</th><th>${escapeHtml(T.to)}</th><th>${escapeHtml(T.instruction)}</th><th>${escapeHtml(T.date)}</th></tr></thead><tbody>${rows}</tbody></table><p class="note">${escapeHtml(T.footer)}</p></section>`,
  ].join('');
  return pageShell(`${T.title} ${app.id}`, body);
}
