// The decision page an official opens from a mail or the sidebar's link: the application, then the choices as forms.
import { PAGE_TEXT } from '../../core/messages/pages';
import { BSRE_REJECT_LABELS, ROLE_LABELS, SERVICE_NAMES } from '../../core/messages/workflow';
import { escapeHtml } from '../../core/sanitize';
import { type SopDefinition, sopStages } from '../../core/sop';
import { type ActionType, type Application, type BsreRejectCode, STATUS_LABELS } from '../../core/workflow-types';
import { definitionList, pageShell, safeHref, witaDateTime } from './layout';

/** Everything the decision page shows; the shell fills it from the register, the settings and Data Terbatas. */
export interface DecisionPageInput {
  app: Application;
  /** The SOP, for the step's activity, standard and requirements (left out when not given). */
  sop?: SopDefinition;
  /** The role the viewer acts in, e.g. 'Kepala Dinas'. */
  roleLabel: string;
  /** allowedActions(app, role, sop) for the viewer. */
  allowed: ActionType[];
  /** Where the plain HTML forms post: the web app's URL (the only way a decision reaches the program). */
  submit: { kind: 'post'; url: string };
  /** Hidden fields every form carries (the signed token 't'). */
  hidden: Record<string, string>;
  /** Who a forward goes to: the next role's label and its holders (workflow forwardOptions). */
  forward: { roleLabel: string; options: string[] } | null;
  /** The Sandiman's checklist (workflow sandimanChecklist). */
  checklist: string[];
  /** Link to the KTP file, only for a viewer allowed to see Data Terbatas; '' otherwise. */
  ktpUrl: string;
}

function formOpen(input: DecisionPageInput, action: ActionType): string {
  const attrs = ` method="post" action="${safeHref(input.submit.url)}" target="_top"`;
  const hidden = Object.entries({ ...input.hidden, action })
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return `<form${attrs}>${hidden}`;
}

/** A labelled text area; its id carries the action, so two forms on one page (Kembalikan, Tolak) never share an id. */
function textarea(action: ActionType, name: string, label: string, required: boolean): string {
  const id = `${action.toLowerCase()}-${name}`;
  return `<label for="${id}">${escapeHtml(label)}</label><textarea id="${id}" name="${name}" maxlength="2000"${required ? ' required minlength="5"' : ''}></textarea>`;
}

function recipients(input: DecisionPageInput): string {
  if (!input.forward) return '';
  const f = input.forward;
  const options = [
    `<option value="">${escapeHtml(PAGE_TEXT.anyHolder(f.roleLabel))}</option>`,
    ...f.options.map((o) => `<option value="${escapeHtml(o)}">${escapeHtml(o)}</option>`),
  ].join('');
  return `<label for="toEmail">${escapeHtml(PAGE_TEXT.toLabel(f.roleLabel))}</label><select id="toEmail" name="toEmail">${options}</select>`;
}

function button(label: string, kind: '' | 'secondary' | 'danger' = ''): string {
  return `<button type="submit"${kind ? ` class="${kind}"` : ''}>${escapeHtml(label)}</button></form>`;
}

function choiceForm(input: DecisionPageInput, action: ActionType, primary: boolean): string {
  const B = PAGE_TEXT.buttons;
  const open = formOpen(input, action);
  switch (action) {
    case 'DISPOSE':
      return (
        open +
        recipients(input) +
        textarea(action, 'instruction', PAGE_TEXT.instructionLabel, false) +
        button(B.DISPOSE)
      );
    case 'VERIFY': {
      const checks = input.checklist
        .map(
          (item, i) =>
            `<label class="check" for="c${i}"><input type="checkbox" id="c${i}" name="check" value="${escapeHtml(item)}" required>${escapeHtml(item)}</label>`,
        )
        .join('');
      return `${open}<h2>${escapeHtml(PAGE_TEXT.checklistTitle)}</h2>${checks}${recipients(input)}${textarea(action, 'note', PAGE_TEXT.noteLabel, false)}${button(B.VERIFY)}`;
    }
    case 'RETURN':
      return `<details><summary>${escapeHtml(B.RETURN)}</summary>${open}${textarea(action, 'reason', PAGE_TEXT.reasonLabel, true)}${button(B.RETURN, 'secondary')}</details>`;
    case 'REJECT':
      return `<details><summary>${escapeHtml(B.REJECT)}</summary>${open}${textarea(action, 'reason', PAGE_TEXT.reasonLabel, true)}${button(B.REJECT, 'danger')}</details>`;
    case 'CERTIFICATE_ISSUED':
      return `${open}<label for="serial">${escapeHtml(PAGE_TEXT.serialLabel)}</label><input type="text" id="serial" name="serial" required maxlength="200"><label for="validUntil">${escapeHtml(PAGE_TEXT.validUntilLabel)}</label><input type="date" id="validUntil" name="validUntil" required>${button(B.CERTIFICATE_ISSUED)}`;
    case 'BSRE_REJECTED': {
      const codes = (Object.keys(BSRE_REJECT_LABELS) as BsreRejectCode[])
        .map((c) => `<option value="${c}">${escapeHtml(BSRE_REJECT_LABELS[c])}</option>`)
        .join('');
      return `<details><summary>${escapeHtml(B.BSRE_REJECTED)}</summary>${open}<label for="code">${escapeHtml(PAGE_TEXT.rejectCodeLabel)}</label><select id="code" name="code">${codes}</select>${textarea(action, 'text', PAGE_TEXT.rejectTextLabel, false)}${button(B.BSRE_REJECTED, 'danger')}</details>`;
    }
    case 'BSRE_RESUBMIT':
      return open + textarea(action, 'note', PAGE_TEXT.noteLabel, false) + button(B.BSRE_RESUBMIT);
    default:
      return open + button(B[action], primary ? '' : 'secondary');
  }
}

/**
 * The application as officials see it: masked NIK only; the KTP link only when the viewer may see Data Terbatas.
 * Exported for the sidebar, which shows the same summary and links to this page in the web app.
 */
export function summary(input: Pick<DecisionPageInput, 'app' | 'sop' | 'roleLabel' | 'ktpUrl'>): string {
  const { app, sop } = input;
  const a = app.applicant;
  const L = PAGE_TEXT.summary;
  const stage = sop ? sopStages(sop).find((s) => s.no === app.currentStep) : undefined;
  const activity = (sop?.steps ?? [])
    .filter((s) => s.no === app.currentStep)
    .map((s) => s.activity)
    .join(' ');
  const parts = [
    `<h1>${escapeHtml(PAGE_TEXT.decisionTitle)} ${escapeHtml(app.id)}</h1>`,
    `<p class="note">${escapeHtml(PAGE_TEXT.decisionIntro(input.roleLabel))}</p>`,
    definitionList([
      [L.status, STATUS_LABELS[app.status]],
      [L.name, a.name],
      [L.nik, a.nikMasked],
      [L.nip, a.nip],
      [L.employmentStatus, a.employmentStatus],
      [L.position, a.position],
      [L.unit, a.unit],
      [L.email, a.email],
      [L.phone, a.phone],
      [L.service, SERVICE_NAMES[a.service] ?? a.service],
      [L.submittedAt, witaDateTime(app.submittedAt)],
      [L.emailVerifiedAt, witaDateTime(app.emailVerifiedAt)],
    ]),
  ];
  if (stage) {
    parts.push(
      `<h2>${escapeHtml(PAGE_TEXT.stepTitle)} ${stage.no}</h2><p>${escapeHtml(activity)}</p><p class="note">${escapeHtml(PAGE_TEXT.standard(stage.timeStandardMinutes))}</p>`,
    );
    if (stage.requirements.length > 0) {
      parts.push(
        `<p class="note">${escapeHtml(PAGE_TEXT.requirements)}:</p><ul>${stage.requirements.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`,
      );
    }
  }
  if (a.warnings.length > 0) {
    parts.push(
      `<div class="warn"><strong>${escapeHtml(PAGE_TEXT.warnings)}</strong><ul>${a.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></div>`,
    );
  }
  const fileLink = (label: string, url: string) =>
    safeHref(url)
      ? `<li><a href="${safeHref(url)}" target="_blank" rel="noopener">${escapeHtml(label)}</a></li>`
      : `<li>${escapeHtml(label)}: ${escapeHtml(PAGE_TEXT.noFileLink)}</li>`;
  parts.push(`<h2>${escapeHtml(PAGE_TEXT.files)}</h2>`);
  if (a.bringsFiles) parts.push(`<p>${escapeHtml(PAGE_TEXT.bringsFiles)}</p>`);
  // Data Terbatas keeps one link per line: the applicant's Drive link, or each KTP scan uploaded through the Form
  // (which an applicant bringing the other files may also have done).
  const ktp = input.ktpUrl
    .split(/\s+/)
    .filter(Boolean)
    .map((url) => fileLink(PAGE_TEXT.ktp, url))
    .join('');
  const letter = a.bringsFiles ? '' : fileLink(PAGE_TEXT.letter, a.letterLink);
  if (letter || ktp) parts.push(`<ul>${letter}${ktp}</ul>`);
  if (app.dispositions.length > 0) {
    parts.push(
      `<h2>${escapeHtml(PAGE_TEXT.dispositions)}</h2><ul>${app.dispositions
        .map(
          (d) =>
            `<li>${escapeHtml(ROLE_LABELS[d.fromRole])} → ${escapeHtml(ROLE_LABELS[d.toRole])}${d.instruction ? `: ${escapeHtml(d.instruction)}` : ''} <span class="note">(${escapeHtml(witaDateTime(d.at))})</span></li>`,
        )
        .join('')}</ul>`,
    );
  }
  return `<section>${parts.join('')}</section>`;
}

const BACK_ACTIONS: readonly ActionType[] = ['RETURN', 'REJECT', 'BSRE_REJECTED'];

/** The choices' id: on a phone the application fills two screens, so a link at the top jumps to the choices. */
const CHOICES_ID = 'tindakan';

/**
 * Renders the decision page. GET only shows this page; each choice is its own form, so nothing changes until the
 * official presses a button (a POST to the web app, which runs as the owner). No script runs on the page.
 */
export function renderDecisionPage(input: DecisionPageInput): string {
  const forward = input.allowed.filter((a) => !BACK_ACTIONS.includes(a));
  const back = input.allowed.filter((a) => BACK_ACTIONS.includes(a));
  const choices =
    input.allowed.length === 0
      ? `<section><p>${escapeHtml(PAGE_TEXT.noChoices)}</p></section>`
      : [
          forward.length > 0
            ? `<section id="${CHOICES_ID}"><h2>${escapeHtml(PAGE_TEXT.sections.forward)}</h2>${forward.map((a, i) => choiceForm(input, a, i === 0)).join('')}</section>`
            : '',
          back.length > 0
            ? `<section${forward.length === 0 ? ` id="${CHOICES_ID}"` : ''}><h2>${escapeHtml(PAGE_TEXT.sections.back)}</h2>${back.map((a) => choiceForm(input, a, false)).join('')}</section>`
            : '',
        ].join('');
  const skip =
    input.allowed.length === 0
      ? ''
      : `<a class="skip" href="#${CHOICES_ID}">${escapeHtml(PAGE_TEXT.skipToChoices)}</a>`;
  return pageShell(`${PAGE_TEXT.decisionTitle} ${input.app.id}`, skip + summary(input) + choices);
}
