// Reads the decision page's form fields into a workflow Action; the field names are the page's contract.
import type { Action, ActionType, BsreRejectCode } from '../core/workflow-types';

/** The fields the decision page posts (google.script.run form object or a POST body). */
export const DECISION_FIELDS = {
  token: 't',
  action: 'action',
  toEmail: 'toEmail',
  instruction: 'instruction',
  reason: 'reason',
  checklist: 'check',
  note: 'note',
  serial: 'serial',
  validUntil: 'validUntil',
  rejectCode: 'code',
  rejectText: 'text',
} as const;

export type DecisionForm = Record<string, string | string[] | undefined>;

const ACTIONS: readonly ActionType[] = [
  'VERIFY_EMAIL',
  'DISPOSE',
  'VERIFY',
  'REJECT',
  'RETURN',
  'SUBMIT_TO_BSRE',
  'BSRE_ACCOUNT_SENT',
  'BSRE_VERIFIED',
  'PASSPHRASE_SET',
  'CERTIFICATE_ISSUED',
  'CERTIFICATE_REVOKED',
  'PASSPHRASE_RESET_DONE',
  'BSRE_REJECTED',
  'BSRE_RESUBMIT',
];
const REJECT_CODES: readonly BsreRejectCode[] = [
  'KTP_TIDAK_SESUAI',
  'EMAIL_TIDAK_AKTIF',
  'NIK_TIDAK_TERDAFTAR',
  'LAINNYA',
];

/** One field as a single string (the first value when a field repeats), trimmed and capped. */
export function field(form: DecisionForm, name: string, max = 2000): string {
  const value = form[name];
  const first = Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
  return String(first).trim().slice(0, max);
}

function list(form: DecisionForm, name: string): string[] {
  const value = form[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((item) => String(item).trim());
}

/**
 * The Action the form asks for, or null when the action is unknown (the page offers only known ones, so this is a
 * forged or broken request). Content rules (reason length, checklist complete, recipient known) are the workflow's.
 */
export function actionFromForm(form: DecisionForm): Action | null {
  const type = field(form, DECISION_FIELDS.action, 40) as ActionType;
  if (!ACTIONS.includes(type)) return null;
  switch (type) {
    case 'DISPOSE':
      return {
        type,
        toEmail: field(form, DECISION_FIELDS.toEmail, 254),
        instruction: field(form, DECISION_FIELDS.instruction),
      };
    case 'VERIFY': {
      const checked = new Set(list(form, DECISION_FIELDS.checklist));
      const checklist: Record<string, boolean> = {};
      for (const item of checked) checklist[item] = true;
      return {
        type,
        checklist,
        toEmail: field(form, DECISION_FIELDS.toEmail, 254),
        note: field(form, DECISION_FIELDS.note),
      };
    }
    case 'REJECT':
    case 'RETURN':
      return { type, reason: field(form, DECISION_FIELDS.reason) };
    case 'CERTIFICATE_ISSUED':
      return {
        type,
        serial: field(form, DECISION_FIELDS.serial, 200),
        validUntil: field(form, DECISION_FIELDS.validUntil, 40),
      };
    case 'BSRE_REJECTED': {
      const code = field(form, DECISION_FIELDS.rejectCode, 40) as BsreRejectCode;
      return {
        type,
        code: REJECT_CODES.includes(code) ? code : 'LAINNYA',
        text: field(form, DECISION_FIELDS.rejectText),
      };
    }
    case 'BSRE_RESUBMIT':
      return { type, note: field(form, DECISION_FIELDS.note) };
    case 'RESUBMIT':
      return null;
    default:
      return { type } as Action;
  }
}

/** One urlencoded component; a malformed escape is kept as typed rather than failing the whole request. */
function decode(component: string): string {
  const spaced = component.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** Parses an application/x-www-form-urlencoded body (doPost) into fields; repeated names become lists. */
export function parseFormBody(body: string): DecisionForm {
  const form: DecisionForm = {};
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const [rawKey, rawValue = ''] = pair.split('=');
    const key = decode(rawKey ?? '');
    const value = decode(rawValue);
    const existing = form[key];
    if (existing === undefined) form[key] = value;
    else form[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return form;
}
