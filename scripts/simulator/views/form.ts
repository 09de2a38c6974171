// The intake Form as a respondent sees it, rendered from the FormState the program built, and its confirmation page.
import type { FormItemState, FormState } from '../../../emulator/state';
import { esc } from '../html';
import { type Frame, layout } from './layout';

/** HTML attributes that mirror a text item's validation in the browser (the server checks again). */
function validationAttributes(item: FormItemState): string {
  const validation = item.validation;
  if (!validation) return '';
  const kind = validation.kind.toUpperCase();
  const first = validation.args[0];
  if (kind.includes('LENGTH') && (kind.includes('MAX') || kind.includes('LESS'))) return ` maxlength="${esc(first)}"`;
  if (kind.includes('LENGTH')) return ` minlength="${esc(first)}"`;
  return '';
}

/** Answers already given, by item ID (editing a response through its edit link). */
export type Prefill = Map<number, string | string[]>;

function givenAnswers(prefill: Prefill | undefined, item: FormItemState): string[] {
  const value = prefill?.get(item.id);
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function control(item: FormItemState, index: number, prefill?: Prefill): string {
  const given = givenAnswers(prefill, item);
  const first = given[0] ?? '';
  const value = first ? ` value="${esc(first)}"` : '';
  const name = `q${index}`;
  const id = `item-${item.id}`;
  const required = item.required ? ' required' : '';
  const described = `aria-describedby="${id}-help ${id}-error"`;
  switch (item.type) {
    case 'TEXT': {
      const type = item.validation?.kind.toUpperCase().includes('EMAIL') ? 'email' : 'text';
      return `<input id="${id}" type="${type}" name="${name}"${value}${required}${validationAttributes(item)} ${described}>`;
    }
    case 'PARAGRAPH_TEXT':
      return `<textarea id="${id}" name="${name}" rows="4"${required}${validationAttributes(item)} ${described}>${esc(first)}</textarea>`;
    case 'DATE':
      return `<input id="${id}" type="date" name="${name}"${value}${required} ${described}>`;
    case 'LIST': {
      const options = item.choices
        .map((choice) => `<option${choice === first ? ' selected' : ''}>${esc(choice)}</option>`)
        .join('');
      return `<select id="${id}" name="${name}"${required} ${described}><option value="">Pilih</option>${options}</select>`;
    }
    case 'MULTIPLE_CHOICE':
    case 'CHECKBOX': {
      const type = item.type === 'CHECKBOX' ? 'checkbox' : 'radio';
      const choices = item.choices
        .map(
          (choice) =>
            `<label class="choice"><input type="${type}" name="${name}" value="${esc(choice)}"${given.includes(choice) ? ' checked' : ''}> <span>${esc(choice)}</span></label>`,
        )
        .join('');
      const other = item.hasOtherOption
        ? `<label class="choice"><input type="${type}" name="${name}" value="__other__"> <span>Yang lain:</span>
           <input type="text" name="${name}-other" aria-label="Yang lain"></label>`
        : '';
      return `<div role="${type === 'radio' ? 'radiogroup' : 'group'}" aria-labelledby="${id}-title" ${described}>${choices}${other}</div>`;
    }
    case 'FILE_UPLOAD':
      if (prefill)
        return `<div class="hint" data-kept-files="${given.length}">${given.length} berkas sudah terunggah dan tetap dipakai.</div>`;
      return `<input id="${id}" type="file" name="${name}" multiple${required} ${described}>
<div class="hint">Berkas disimpan di Google Drive tiruan pemilik formulir.</div>`;
    default:
      return '';
  }
}

function question(item: FormItemState, index: number, prefill?: Prefill): string {
  if (item.type === 'SECTION_HEADER' || item.type === 'PAGE_BREAK') {
    return `<div class="card section"><h2>${esc(item.title)}</h2>${item.helpText ? `<div class="help">${esc(item.helpText)}</div>` : ''}</div>`;
  }
  const id = `item-${item.id}`;
  const mark = item.required ? ' <span class="req" aria-label="wajib">*</span>' : '';
  const label =
    item.type === 'MULTIPLE_CHOICE' || item.type === 'CHECKBOX'
      ? `<div class="qtitle" id="${id}-title">${esc(item.title)}${mark}</div>`
      : `<label class="qtitle" id="${id}-title" for="${id}">${esc(item.title)}${mark}</label>`;
  return `<div class="card question" data-title="${esc(item.title)}" data-type="${item.type}" data-name="q${index}">
  ${label}
  <div class="help" id="${id}-help">${esc(item.helpText)}</div>
  ${control(item, index, prefill)}
  <div class="error-text" id="${id}-error" role="alert" hidden></div>
</div>`;
}

/**
 * The Form page. Submission goes through /api/form-submit (client/app.ts), so the browser and the API agree. With
 * `edit`, it is the response's edit link: the answers are filled in and sending changes the same response.
 */
export function formPage(frame: Frame, form: FormState, edit?: { responseId: string; prefill: Prefill }): string {
  const closed = !form.acceptingResponses
    ? `<div class="notice error">Formulir ini tidak lagi menerima tanggapan.</div>`
    : '';
  const email = form.collectEmail
    ? `<div class="card" data-title="Email"><div class="qtitle">Email <span class="req">*</span></div>
  <div class="help">Dicatat dari akun Google yang sedang masuk: <strong data-respondent>${esc(frame.user)}</strong>.
  Ganti akun lewat <em>Masuk sebagai</em> di atas.</div><div class="error-text" role="alert" hidden></div></div>`
    : '';
  const items = form.items.map((item, index) => question(item, index, edit?.prefill)).join('\n');
  const editing = edit
    ? `<div class="notice">Anda mengubah tanggapan yang sudah dikirim. Kirim lagi untuk menyimpan perubahan.</div>`
    : '';
  const body = `<div class="gform">
<div class="card head"><h1>${esc(form.title)}</h1><div class="help">${esc(form.description)}</div>
<div class="hint"><span class="req">*</span> Menunjukkan pertanyaan yang wajib diisi</div></div>
${closed}${editing}
<form id="gform" data-form-id="${esc(form.id)}"${edit ? ` data-edit-response="${esc(edit.responseId)}"` : ''} novalidate>
${email}
${items}
<div class="notice error" id="form-errors" role="alert" hidden></div>
<p><button type="submit" id="form-submit"${form.acceptingResponses ? '' : ' disabled'}>Kirim</button>
<button type="reset" class="secondary">Kosongkan formulir</button></p>
</form>
</div>`;
  return layout({ title: form.title, section: 'form', frame, body });
}

/** Google's confirmation page after a submission. */
export function formSentPage(frame: Frame, form: FormState, responseId: string): string {
  const message = form.confirmationMessage || 'Tanggapan Anda telah direkam.';
  const body = `<div class="gform"><div class="card head"><h1>${esc(form.title)}</h1>
<p data-confirmation>${esc(message)}</p>
<p class="hint">Nomor tanggapan: <code data-response-id>${esc(responseId)}</code></p>
<p><a href="/form">Kirim tanggapan lain</a></p></div></div>`;
  return layout({ title: form.title, section: 'form', frame, body });
}
