// Checks a respondent's answers against the Form's items the way Google Forms refuses a submission, before any execution runs.
import type { FormItemState, FormState } from '../../emulator/state';

/** Answers keyed by question title, as the API and the rendered Form send them. */
export type Answers = Record<string, string | string[]>;

/** Items that take an answer (section headers and page breaks do not). */
export function answerableItems(form: FormState): FormItemState[] {
  return form.items.filter((item) => item.type !== 'SECTION_HEADER' && item.type !== 'PAGE_BREAK');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_PATTERN = /^https?:\/\/\S+$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Google Forms' own wording for its refusals (Indonesian UI of Google Forms). */
const DEFAULT_MESSAGES = {
  required: 'Ini adalah pertanyaan wajib',
  email: 'Harus berupa alamat email yang valid',
  url: 'Harus berupa URL yang valid',
  number: 'Harus berupa angka',
  pattern: 'Jawaban tidak sesuai pola yang diminta',
  length: 'Panjang jawaban tidak sesuai',
  choice: 'Pilihan tidak tersedia',
  count: 'Jumlah pilihan tidak sesuai',
  date: 'Tanggal tidak valid (format TTTT-BB-HH)',
  one: 'Pertanyaan ini hanya menerima satu jawaban',
};

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((entry) => entry.trim() !== '');
}

function firstNumber(args: (string | number)[], index = 0): number {
  return Number(args[index]);
}

/**
 * The reason a text answer fails the item's validation, or null. Kind names follow the builder methods of
 * TextValidationBuilder and CheckboxValidationBuilder.
 * Ref: https://developers.google.com/apps-script/reference/forms/text-validation-builder
 * Open: the reference does not say whether "matches pattern" anchors the whole answer; Google Forms' UI treats
 * "Cocok dengan" as a whole-answer match and "Berisi" as a search, which is what is done here.
 */
function textValidationError(item: FormItemState, text: string): string | null {
  const validation = item.validation;
  if (!validation || text === '') return null;
  const kind = validation.kind.toUpperCase();
  const args = validation.args;
  const message = (fallback: string) => validation.helpText || fallback;
  const pattern = () => String(args[0] ?? '');
  if (kind.includes('EMAIL')) return EMAIL.test(text) ? null : message(DEFAULT_MESSAGES.email);
  if (kind.includes('URL')) return URL_PATTERN.test(text) ? null : message(DEFAULT_MESSAGES.url);
  if (kind.includes('NOT_CONTAIN') || kind.includes('DOES_NOT_CONTAIN'))
    return new RegExp(pattern()).test(text) ? message(DEFAULT_MESSAGES.pattern) : null;
  if (kind.includes('NOT_MATCH') || kind.includes('DOES_NOT_MATCH'))
    return new RegExp(`^(?:${pattern()})$`).test(text) ? message(DEFAULT_MESSAGES.pattern) : null;
  if (kind.includes('CONTAIN')) return new RegExp(pattern()).test(text) ? null : message(DEFAULT_MESSAGES.pattern);
  if (kind.includes('MATCH') || kind.includes('REGEX') || kind.includes('PATTERN'))
    return new RegExp(`^(?:${pattern()})$`).test(text) ? null : message(DEFAULT_MESSAGES.pattern);
  if (kind.includes('LENGTH')) {
    const limit = firstNumber(args);
    const ok = kind.includes('MAX') || kind.includes('LESS') ? text.length <= limit : text.length >= limit;
    return ok ? null : message(DEFAULT_MESSAGES.length);
  }
  if (kind.includes('NUMBER') || kind.includes('WHOLE')) {
    const value = Number(text);
    if (text.trim() === '' || Number.isNaN(value)) return message(DEFAULT_MESSAGES.number);
    if (kind.includes('WHOLE') && !Number.isInteger(value)) return message(DEFAULT_MESSAGES.number);
    const a = firstNumber(args);
    const b = firstNumber(args, 1);
    const ok = kind.includes('BETWEEN')
      ? value >= a && value <= b
      : kind.includes('GREATER_THAN_OR_EQUAL')
        ? value >= a
        : kind.includes('GREATER')
          ? value > a
          : kind.includes('LESS_THAN_OR_EQUAL')
            ? value <= a
            : kind.includes('LESS')
              ? value < a
              : kind.includes('EQUAL')
                ? value === a
                : true;
    return ok ? null : message(DEFAULT_MESSAGES.number);
  }
  return null;
}

function checkboxValidationError(item: FormItemState, picked: string[]): string | null {
  const validation = item.validation;
  if (!validation || picked.length === 0) return null;
  const kind = validation.kind.toUpperCase();
  const limit = firstNumber(validation.args);
  const ok = kind.includes('LEAST')
    ? picked.length >= limit
    : kind.includes('MOST')
      ? picked.length <= limit
      : kind.includes('EXACT')
        ? picked.length === limit
        : true;
  return ok ? null : validation.helpText || DEFAULT_MESSAGES.count;
}

/**
 * Every reason Google's form would refuse these answers, as "<question>: <reason>" lines; empty when they are
 * acceptable. `fileCounts` gives the number of files attached per FILE_UPLOAD question.
 */
export function checkAnswers(form: FormState, answers: Answers, fileCounts: Record<string, number> = {}): string[] {
  const problems: string[] = [];
  const items = answerableItems(form);
  const titles = new Set(items.map((item) => item.title));
  for (const title of Object.keys(answers)) {
    if (!titles.has(title)) problems.push(`${title}: pertanyaan ini tidak ada di formulir`);
  }
  for (const title of Object.keys(fileCounts)) {
    const item = items.find((candidate) => candidate.title === title);
    if (!item) problems.push(`${title}: pertanyaan ini tidak ada di formulir`);
    else if (item.type !== 'FILE_UPLOAD') problems.push(`${title}: pertanyaan ini tidak menerima berkas`);
  }
  for (const item of items) {
    const raw = answers[item.title];
    const reason = itemError(item, raw, fileCounts[item.title] ?? 0);
    if (reason) problems.push(`${item.title}: ${reason}`);
  }
  return problems;
}

function itemError(item: FormItemState, raw: string | string[] | undefined, files: number): string | null {
  if (item.type === 'FILE_UPLOAD') {
    if (asList(raw).length > 0) return 'unggah berkas, bukan teks';
    return item.required && files === 0 ? DEFAULT_MESSAGES.required : null;
  }
  const values = asList(raw);
  if (values.length === 0) return item.required ? DEFAULT_MESSAGES.required : null;
  if (item.type === 'CHECKBOX') {
    const unknown = values.filter((value) => !item.choices.includes(value));
    if (unknown.length > (item.hasOtherOption ? 1 : 0)) return `${DEFAULT_MESSAGES.choice} (${unknown.join(', ')})`;
    return checkboxValidationError(item, values);
  }
  if (values.length > 1) return DEFAULT_MESSAGES.one;
  const value = values[0] ?? '';
  if (item.type === 'MULTIPLE_CHOICE' || item.type === 'LIST') {
    const allowsOther = item.type === 'MULTIPLE_CHOICE' && item.hasOtherOption;
    return item.choices.includes(value) || allowsOther ? null : `${DEFAULT_MESSAGES.choice} (${value})`;
  }
  if (item.type === 'DATE') {
    if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return DEFAULT_MESSAGES.date;
    return null;
  }
  return textValidationError(item, value);
}
