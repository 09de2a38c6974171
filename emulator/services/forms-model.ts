// Plain-data Forms logic: answer validation as Google's form UI enforces it, storing responses, and the destination sheet row.
import type { ExecutionContext } from '../context';
import type {
  EmulatorState,
  FormItemState,
  FormResponseState,
  FormState,
  ItemResponseState,
  SheetState,
} from '../state';
import { enterValue } from './display-format';
import {
  cellFormat,
  cellValue,
  lastColumn,
  lastRow,
  newSheetState,
  nextId,
  writeCell,
  writeFormat,
} from './spreadsheet-model';

/** Item types that take an answer (section headers and page breaks do not). */
export const QUESTION_TYPES = new Set([
  'TEXT',
  'PARAGRAPH_TEXT',
  'MULTIPLE_CHOICE',
  'LIST',
  'CHECKBOX',
  'DATE',
  'FILE_UPLOAD',
]);

export function getFormState(state: EmulatorState, formId: string): FormState {
  const form = state.forms[formId];
  // Ref: FormApp.openById — an unknown or inaccessible ID throws. Open: the wording.
  if (!form) throw new Error('No item with the given ID could be found, or you do not have permission to access it.');
  return form;
}

/** Open: the default (no help text) messages follow the English Forms UI; help text replaces them as on Google. */
const MESSAGES = {
  required: 'This is a required question',
  choice: 'Invalid choice',
  date: 'Invalid date',
  file: 'Invalid file',
  email: 'Must be an email',
  url: 'Must be a URL',
  number: 'Must be a number',
  pattern: 'Must match pattern',
  notPattern: 'Must not match pattern',
  contains: 'Must contain',
  notContains: "Mustn't contain",
  maxLength: (n: number) => `Must be fewer than ${n + 1} characters`,
  minLength: (n: number) => `Must be at least ${n} characters`,
  atLeast: (n: number) => `Must select at least ${n} options`,
  atMost: (n: number) => `Must select at most ${n} options`,
  exactly: (n: number) => `Must select exactly ${n} options`,
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks one text validation. Ref: TextValidationBuilder
 * (https://developers.google.com/apps-script/reference/forms/text-validation-builder). Open: "matches pattern" is
 * taken as a whole-answer match, as the Forms UI's "Regular expression > Matches" behaves.
 */
function checkText(kind: string, args: (string | number)[], text: string): string | null {
  const a0 = args[0];
  switch (kind) {
    case 'TEXT_IS_EMAIL':
      return EMAIL.test(text) ? null : MESSAGES.email;
    case 'TEXT_IS_URL':
      return /^https?:\/\/\S+$/i.test(text) ? null : MESSAGES.url;
    case 'TEXT_IS_NUMBER':
      return isNumber(text) ? null : MESSAGES.number;
    case 'TEXT_IS_WHOLE_NUMBER':
      return /^[+-]?\d+$/.test(text.trim()) ? null : MESSAGES.number;
    case 'TEXT_REGEX_MATCH':
      return new RegExp(`^(?:${a0})$`).test(text) ? null : MESSAGES.pattern;
    case 'TEXT_REGEX_NOT_MATCH':
      return new RegExp(`^(?:${a0})$`).test(text) ? MESSAGES.notPattern : null;
    case 'TEXT_REGEX_CONTAINS':
      return new RegExp(String(a0)).test(text) ? null : MESSAGES.contains;
    case 'TEXT_REGEX_NOT_CONTAINS':
      return new RegExp(String(a0)).test(text) ? MESSAGES.notContains : null;
    case 'TEXT_LENGTH_MAX':
      return text.length <= Number(a0) ? null : MESSAGES.maxLength(Number(a0));
    case 'TEXT_LENGTH_MIN':
      return text.length >= Number(a0) ? null : MESSAGES.minLength(Number(a0));
    case 'NUMBER_BETWEEN': {
      const n = Number(text);
      return isNumber(text) && n >= Number(a0) && n <= Number(args[1]) ? null : MESSAGES.number;
    }
    case 'NUMBER_NOT_BETWEEN': {
      const n = Number(text);
      return isNumber(text) && (n < Number(a0) || n > Number(args[1])) ? null : MESSAGES.number;
    }
    case 'NUMBER_EQUAL_TO':
      return isNumber(text) && Number(text) === Number(a0) ? null : MESSAGES.number;
    case 'NUMBER_NOT_EQUAL_TO':
      return isNumber(text) && Number(text) !== Number(a0) ? null : MESSAGES.number;
    case 'NUMBER_GREATER_THAN':
      return isNumber(text) && Number(text) > Number(a0) ? null : MESSAGES.number;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return isNumber(text) && Number(text) >= Number(a0) ? null : MESSAGES.number;
    case 'NUMBER_LESS_THAN':
      return isNumber(text) && Number(text) < Number(a0) ? null : MESSAGES.number;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return isNumber(text) && Number(text) <= Number(a0) ? null : MESSAGES.number;
    default:
      return null;
  }
}

function isNumber(text: string): boolean {
  return text.trim() !== '' && Number.isFinite(Number(text));
}

function checkCount(kind: string, n: number, count: number): string | null {
  if (kind === 'CHECKBOX_AT_LEAST') return count >= n ? null : MESSAGES.atLeast(n);
  if (kind === 'CHECKBOX_AT_MOST') return count <= n ? null : MESSAGES.atMost(n);
  if (kind === 'CHECKBOX_EXACTLY') return count === n ? null : MESSAGES.exactly(n);
  return null;
}

function validDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * The error a respondent would see for one answer, or null. Required questions, choice membership ("Other" allows
 * any text), checkbox counts, text validations and date shape are enforced, as Google's form UI enforces them.
 */
export function validateAnswer(
  state: EmulatorState,
  item: FormItemState,
  answer: string | string[] | undefined,
): string | null {
  const list = answer === undefined ? [] : Array.isArray(answer) ? answer : [answer];
  const given = list.filter((v) => v.trim() !== '');
  const help = item.validation?.helpText || null;
  if (given.length === 0) return item.required ? MESSAGES.required : null;
  switch (item.type) {
    case 'TEXT':
    case 'PARAGRAPH_TEXT': {
      if (Array.isArray(answer)) return MESSAGES.choice;
      const v = item.validation;
      const problem = v ? checkText(v.kind, v.args, given[0] ?? '') : null;
      return problem ? (help ?? problem) : null;
    }
    case 'MULTIPLE_CHOICE':
    case 'LIST': {
      if (given.length !== 1) return MESSAGES.choice;
      const ok = item.choices.includes(given[0] ?? '') || (item.type === 'MULTIPLE_CHOICE' && item.hasOtherOption);
      return ok ? null : MESSAGES.choice;
    }
    case 'CHECKBOX': {
      const ok = given.every((v) => item.choices.includes(v)) || item.hasOtherOption;
      if (!ok) return MESSAGES.choice;
      const v = item.validation;
      const problem = v ? checkCount(v.kind, Number(v.args[0]), given.length) : null;
      return problem ? (help ?? problem) : null;
    }
    case 'DATE':
      return given.length === 1 && validDate(given[0] ?? '') ? null : MESSAGES.date;
    case 'FILE_UPLOAD':
      return given.every((id) => state.files[id] !== undefined) ? null : MESSAGES.file;
    default:
      return null;
  }
}

/** What a submit writes into the destination sheet, for the runtime's onFormSubmit event. */
export interface DestinationRow {
  spreadsheetId: string;
  sheetId: number;
  sheetName: string;
  row: number;
  /** The header row (question titles), in column order: with `values`, the event's namedValues. */
  headers: string[];
  /** The row as strings, in column order (e.values). */
  values: string[];
}

/** Checks a set of answers against a form; an empty list means the response is accepted. */
export function validateResponse(
  state: EmulatorState,
  form: FormState,
  answers: Record<string, string | string[]>,
  opts: { respondentEmail?: string; responseId?: string },
): string[] {
  const errors: string[] = [];
  // Open: the closed-form and duplicate-response wording.
  if (!form.acceptingResponses) errors.push(`The form ${form.title} is no longer accepting responses.`);
  const email = opts.respondentEmail ?? '';
  if ((form.collectEmail || form.requireLogin || form.limitOneResponsePerUser) && email === '') {
    errors.push('Email: This is a required question');
  }
  if (opts.responseId !== undefined) {
    const existing = form.responses.find((r) => r.id === opts.responseId);
    if (!existing) errors.push(`No response with ID ${opts.responseId}.`);
    if (!form.allowResponseEdits) errors.push('This form does not allow responses to be edited.');
  } else if (form.limitOneResponsePerUser && email !== '') {
    if (form.responses.some((r) => r.respondentEmail.toLowerCase() === email.toLowerCase())) {
      errors.push("You've already responded. You can only fill in this form once.");
    }
  }
  const questions = form.items.filter((i) => QUESTION_TYPES.has(i.type));
  for (const title of Object.keys(answers)) {
    if (!questions.some((q) => q.title === title)) errors.push(`${title}: no such question`);
  }
  for (const q of questions) {
    const problem = validateAnswer(state, q, answers[q.title]);
    if (problem) errors.push(`${q.title}: ${problem}`);
  }
  return errors;
}

/** The item responses of a set of (already validated) answers, in item order, blank answers left out. */
export function itemResponses(form: FormState, answers: Record<string, string | string[]>): ItemResponseState[] {
  const out: ItemResponseState[] = [];
  for (const item of form.items) {
    if (!QUESTION_TYPES.has(item.type)) continue;
    const a = answers[item.title];
    if (a === undefined) continue;
    if (Array.isArray(a)) {
      const given = a.filter((v) => v.trim() !== '');
      if (given.length > 0) out.push({ itemId: item.id, response: given });
    } else if (a.trim() !== '') {
      out.push({ itemId: item.id, response: item.type === 'CHECKBOX' || item.type === 'FILE_UPLOAD' ? [a] : a });
    }
  }
  return out;
}

/** Stores a validated response (new, or an edit keeping its ID) and writes the destination row. */
export function storeResponse(
  ctx: ExecutionContext,
  form: FormState,
  items: ItemResponseState[],
  opts: { respondentEmail?: string; responseId?: string },
): { response: FormResponseState; destination: DestinationRow | null } {
  const now = ctx.now();
  const existing = opts.responseId ? form.responses.find((r) => r.id === opts.responseId) : undefined;
  let response: FormResponseState;
  let previous: Date | null = null;
  if (existing) {
    previous = existing.timestamp;
    existing.timestamp = now;
    existing.items = items;
    existing.revision += 1;
    if (opts.respondentEmail) existing.respondentEmail = opts.respondentEmail;
    response = existing;
  } else {
    response = {
      id: nextId(ctx.state, '2_ABaOn'),
      timestamp: now,
      // Kept when the form knows who answered (sign-in for one response per user); shown only when collected.
      respondentEmail:
        form.collectEmail || form.requireLogin || form.limitOneResponsePerUser ? (opts.respondentEmail ?? '') : '',
      items,
      revision: 1,
    };
    form.responses.push(response);
  }
  const destination = writeDestinationRow(ctx.state, form, response, previous);
  return { response, destination };
}

/** Ref: Form.setDestination — responses go to a new sheet "Form Responses N" of the spreadsheet. */
export function responsesSheetName(existing: string[]): string {
  let n = 1;
  while (existing.includes(`Form Responses ${n}`)) n++;
  return `Form Responses ${n}`;
}

/**
 * The responses sheet of a form's destination, created on first use with a frozen header row: Timestamp, Email
 * Address when collected, then one column per question; questions added later get a new column at the end.
 * Ref: Form.setDestination (https://developers.google.com/apps-script/reference/forms/form#setDestination(DestinationType,String)).
 * Open: Google inserts the new sheet as the first tab; chosen here too.
 */
export function ensureResponsesSheet(state: EmulatorState, form: FormState): SheetState | null {
  const dest = form.destination;
  if (!dest) return null;
  const ss = state.spreadsheets[dest.id];
  if (!ss) return null;
  let sheet = ss.sheets.find((s) => s.sheetId === dest.sheetId);
  if (!sheet) {
    sheet = newSheetState(ss.nextSheetId, responsesSheetName(ss.sheets.map((s) => s.name)), 1000, 26);
    ss.nextSheetId += 1;
    sheet.frozenRows = 1;
    ss.sheets.unshift(sheet);
    dest.sheetId = sheet.sheetId;
  }
  const headers = [
    'Timestamp',
    ...(form.collectEmail ? ['Email Address'] : []),
    ...form.items.filter((i) => QUESTION_TYPES.has(i.type)).map((i) => i.title),
  ];
  const target = sheet;
  const have = Array.from({ length: lastColumn(target) }, (_, c) => String(cellValue(target, 1, c + 1)));
  for (const h of headers) {
    if (!have.includes(h)) {
      have.push(h);
      writeCell(target, 1, have.length, h, '');
    }
  }
  target.maxColumns = Math.max(target.maxColumns, have.length);
  return target;
}

/**
 * Writes a response as Google does: Timestamp, Email Address when collected, then one column per question (by
 * header title); checkbox answers joined by ', ', file uploads as Drive links. An edited response rewrites its row.
 * Open: the cells are entered like typed text (so '0812' becomes 812 unless the column is plain text), which is the
 * behaviour people report for linked response sheets.
 */
function writeDestinationRow(
  state: EmulatorState,
  form: FormState,
  response: FormResponseState,
  previous: Date | null,
): DestinationRow | null {
  if (!form.destination) return null;
  const ss = state.spreadsheets[form.destination.id];
  if (!ss) return null;
  const sheet = ensureResponsesSheet(state, form);
  if (!sheet) return null;
  const width = lastColumn(sheet);
  const headers = Array.from({ length: width }, (_, c) => String(cellValue(sheet, 1, c + 1)));
  let row = lastRow(sheet) + 1;
  if (previous) {
    for (let r = 2; r <= lastRow(sheet); r++) {
      const v = cellValue(sheet, r, 1);
      if (v instanceof Date && v.getTime() === previous.getTime()) {
        row = r;
        break;
      }
    }
  }
  if (row > sheet.maxRows) sheet.maxRows = row;
  const strings: string[] = [];
  headers.forEach((h, i) => {
    let text = '';
    let value: unknown = '';
    if (i === 0) {
      value = response.timestamp;
      text = formatTimestamp(response.timestamp, ss.timeZone);
    } else if (h === 'Email Address' && form.collectEmail) {
      value = response.respondentEmail;
      text = response.respondentEmail;
    } else {
      const item = form.items.find((it) => it.title === h && QUESTION_TYPES.has(it.type));
      const answer = item ? response.items.find((x) => x.itemId === item.id)?.response : undefined;
      if (answer !== undefined && item) {
        const parts = Array.isArray(answer) ? answer : [answer];
        text =
          item.type === 'FILE_UPLOAD'
            ? parts.map((id) => `https://drive.google.com/open?id=${id}`).join(', ')
            : parts.join(', ');
      }
      value = text;
    }
    const entered = enterValue(value, cellFormat(sheet, row, i + 1), ss.timeZone);
    writeCell(sheet, row, i + 1, entered.value, entered.formula);
    if (entered.format && cellFormat(sheet, row, i + 1) === '') writeFormat(sheet, row, i + 1, entered.format);
    if (i === 0 && cellFormat(sheet, row, 1) === '') writeFormat(sheet, row, 1, 'm/d/yyyy h:mm:ss');
    strings.push(text);
  });
  return { spreadsheetId: ss.id, sheetId: sheet.sheetId, sheetName: sheet.name, row, headers, values: strings };
}

/** Ref: docs/reference/apps-script-runtime.md §3 — namedValues shows 'Timestamp': '6/7/2015 20:54:13'. */
export function formatTimestamp(date: Date, timeZone: string): string {
  const p = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (t: string) => p.find((x) => x.type === t)?.value ?? '';
  return `${get('month')}/${get('day')}/${get('year')} ${get('hour')}:${get('minute')}:${get('second')}`;
}
