// Server-side validation of one Form response: every field re-checked, normalised, and refused with clear Indonesian reasons.

import {
  crossCheckNikNip,
  type EmploymentStatus,
  type Issue,
  normalizePhone,
  validateName,
  validateNik,
  validateNip,
  validateOfficialEmail,
} from './identity';
import {
  CONSENT_CHOICE,
  EMPLOYMENT_STATUS_CHOICES,
  FIELD_MAX_LENGTH,
  FILES_DELIVERY_CHOICES,
  INTAKE_FORM,
  OFFICIAL_EMAIL_CHOICES,
  questionKeysByTitle,
  SERVICE_CHOICES,
} from './intake-form';
import { ISSUE_LIST_TEXT, type IssueCode, VALIDATION_MESSAGES as M } from './messages/validation';
import { SHEETS_CELL_MAX_CHARS, stripInvisible } from './sanitize';

export type { Issue } from './identity';

/** The services (glossary "Layanan"); the code is what the register stores. */
export type ServiceType = 'PENERBITAN_BARU' | 'PEMBARUAN' | 'RESET_PASSPHRASE' | 'PERUBAHAN_DATA' | 'PENCABUTAN';

/** Indonesian label of each service. */
export const SERVICE_LABELS: Record<ServiceType, string> = SERVICE_CHOICES;

/** How the requirement files reach the office: brought in person (the SOP's path) or a Drive link. */
export type FilesDelivery = 'BAWA_KE_DINAS' | 'TAUTAN_DRIVE';

/** A validated application, normalised: NIK and NIP digits only, e-mail lower case, phone "628…". */
export interface ApplicantData {
  name: string;
  nik: string;
  nip: string;
  employmentStatus: EmploymentStatus;
  position: string;
  unit: string;
  email: string;
  phone: string;
  service: ServiceType;
  filesDelivery: FilesDelivery;
  filesLink: string;
  hasOfficialEmail: boolean;
  consent: boolean;
}

/** Validation settings from Pengaturan. */
export interface IntakeSettings {
  allowedEmailDomains: string[];
}

/** An application already in the register: full NIK (from the restricted store), service code, status code. */
export interface ExistingApplication {
  nik: string;
  service: string;
  status: string;
}

/** Outcome of validateIntake. `partial` holds the fields that passed, for the register's "data tidak valid" row. */
export type IntakeResult =
  | { ok: true; applicant: ApplicantData; warnings: Issue[] }
  | { ok: false; errors: Issue[]; warnings: Issue[]; partial: Partial<ApplicantData> };

function issue(field: string, code: IssueCode, message: string): Issue {
  return { field, code, message };
}

function invert<K extends string>(record: Record<K, string>): Map<string, K> {
  const map = new Map<string, K>();
  for (const key of Object.keys(record) as K[]) map.set(record[key], key);
  return map;
}

const SERVICE_BY_LABEL = invert(SERVICE_CHOICES);
const DELIVERY_BY_LABEL = invert(FILES_DELIVERY_CHOICES);
const DRIVE_LINK = /^https:\/\/(drive|docs)\.google\.com\/[^\s<>"']+$/;

/** Single-line free text: invisible characters removed, all whitespace (tab, CR, LF) collapsed, trimmed. */
function singleLine(text: string): string {
  return stripInvisible(text).replace(/\s+/g, ' ').trim();
}

/**
 * Validates one Form response. `answers` are keyed by question title, as FormResponse gives them (unknown titles
 * are ignored; a missing title counts as unanswered). Every field is re-validated whatever the Form checked:
 * length caps (refused before anything else, so a 50,001-character answer is never processed), required answers,
 * identity rules (identity.ts), choices exactly as offered, no formula-leading or markup characters in free text,
 * an active .go.id address, a Drive link when the applicant chose to upload, consent, and one active application per
 * NIK and service. Which statuses are "active" belongs to the workflow, hence `isActive`. `now` decides "future"
 * for NIP dates.
 */
export function validateIntake(
  answers: Record<string, string | string[]>,
  settings: IntakeSettings,
  existing: ExistingApplication[],
  isActive: (status: string) => boolean,
  now: Date = new Date(),
): IntakeResult {
  const keys = questionKeysByTitle(INTAKE_FORM);
  const raw = new Map<string, string | string[]>();
  for (const [title, value] of Object.entries(answers)) {
    const key = keys.get(title);
    if (key !== undefined) raw.set(key, value);
  }
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const partial: Partial<ApplicantData> = {};
  const tooLong = new Set<string>();

  for (const [key, value] of raw) {
    const length = Array.isArray(value) ? value.reduce((n, v) => n + v.length, 0) : value.length;
    const max = Math.min(FIELD_MAX_LENGTH[key] ?? SHEETS_CELL_MAX_CHARS, SHEETS_CELL_MAX_CHARS);
    if (length > max) {
      tooLong.add(key);
      errors.push(issue(key, 'TOO_LONG', M.TOO_LONG(key, max, length)));
    }
  }
  const text = (key: string): string | null => {
    if (tooLong.has(key)) return null;
    const value = raw.get(key);
    if (value === undefined) return '';
    return Array.isArray(value) ? value.join(', ') : value;
  };
  const list = (key: string): string[] | null => {
    if (tooLong.has(key)) return null;
    const value = raw.get(key);
    if (value === undefined) return [];
    return Array.isArray(value) ? value : value === '' ? [] : [value];
  };
  const take = <T>(
    result: { ok: true; value: T; warnings: Issue[] } | { ok: false; errors: Issue[]; warnings: Issue[] },
  ) => {
    warnings.push(...result.warnings);
    if (result.ok) return result.value;
    errors.push(...result.errors);
    return null;
  };
  const choice = <K extends string>(key: string, byLabel: Map<string, K>): K | null => {
    const value = text(key);
    if (value === null) return null;
    const trimmed = value.trim();
    if (trimmed === '') {
      errors.push(issue(key, 'REQUIRED', M.REQUIRED(key)));
      return null;
    }
    const found = byLabel.get(trimmed);
    if (found === undefined) errors.push(issue(key, 'INVALID_CHOICE', M.INVALID_CHOICE(key)));
    return found ?? null;
  };
  const freeText = (key: 'position' | 'unit'): void => {
    const value = text(key);
    if (value === null) return;
    const clean = singleLine(value);
    if (clean === '') errors.push(issue(key, 'REQUIRED', M.REQUIRED(key)));
    else if (/^[=+\-@']/.test(clean)) errors.push(issue(key, 'TEXT_FORMULA', M.TEXT_FORMULA(key)));
    else if (/[<>]/.test(clean)) errors.push(issue(key, 'TEXT_MARKUP', M.TEXT_MARKUP(key)));
    else partial[key] = clean;
  };

  const nameText = text('name');
  if (nameText !== null) {
    const name = take(validateName(nameText));
    if (name !== null) partial.name = name;
  }
  const nikText = text('nik');
  if (nikText !== null) {
    const nik = take(validateNik(nikText));
    if (nik !== null) partial.nik = nik;
  }
  const status = choice<EmploymentStatus>(
    'employmentStatus',
    new Map(EMPLOYMENT_STATUS_CHOICES.map((s) => [s, s] as [string, EmploymentStatus])),
  );
  if (status !== null) partial.employmentStatus = status;
  const nipText = text('nip');
  if (nipText !== null) {
    const nip = take(validateNip(nipText, status ?? 'PPPK', now));
    if (nip !== null) {
      partial.nip = nip;
      if (partial.nik !== undefined) warnings.push(...crossCheckNikNip(partial.nik, nip, status ?? 'PPPK'));
    }
  }
  freeText('position');
  freeText('unit');

  const hasEmail = choice(
    'hasOfficialEmail',
    new Map<string, 'YES' | 'NO'>([
      [OFFICIAL_EMAIL_CHOICES.YES, 'YES'],
      [OFFICIAL_EMAIL_CHOICES.NO, 'NO'],
    ]),
  );
  if (hasEmail === 'NO') errors.push(issue('hasOfficialEmail', 'NO_OFFICIAL_EMAIL', M.NO_OFFICIAL_EMAIL()));
  if (hasEmail !== null) partial.hasOfficialEmail = hasEmail === 'YES';
  const emailText = text('email');
  if (emailText !== null) {
    const email = take(validateOfficialEmail(emailText, settings.allowedEmailDomains));
    if (email !== null) partial.email = email;
  }
  const phoneText = text('phone');
  if (phoneText !== null) {
    const phone = take(normalizePhone(phoneText));
    if (phone !== null) partial.phone = phone;
  }
  const service = choice('service', SERVICE_BY_LABEL);
  if (service !== null) partial.service = service;
  const delivery = choice('filesDelivery', DELIVERY_BY_LABEL);
  if (delivery !== null) partial.filesDelivery = delivery;
  const linkText = text('filesLink');
  if (linkText !== null) {
    const link = stripInvisible(linkText).trim();
    if (link === '') {
      if (delivery === 'TAUTAN_DRIVE') errors.push(issue('filesLink', 'FILES_LINK_REQUIRED', M.FILES_LINK_REQUIRED()));
      else partial.filesLink = '';
    } else if (!DRIVE_LINK.test(link)) {
      errors.push(issue('filesLink', 'FILES_LINK_FORMAT', M.FILES_LINK_FORMAT()));
    } else {
      partial.filesLink = link;
    }
  }
  const consent = list('consent');
  if (consent !== null) {
    if (consent.map((c) => c.trim()).includes(CONSENT_CHOICE)) partial.consent = true;
    else errors.push(issue('consent', 'CONSENT_REQUIRED', M.CONSENT_REQUIRED()));
  }

  if (partial.nik !== undefined && partial.service !== undefined) {
    const nik = partial.nik;
    const svc = partial.service;
    if (existing.some((e) => e.nik === nik && e.service === svc && isActive(e.status))) {
      errors.push(issue('nik', 'DUPLICATE_ACTIVE', M.DUPLICATE_ACTIVE(SERVICE_LABELS[svc])));
    }
  }

  if (errors.length > 0) return { ok: false, errors, warnings, partial };
  const p = partial as ApplicantData;
  return {
    ok: true,
    applicant: {
      name: p.name,
      nik: p.nik,
      nip: p.nip,
      employmentStatus: p.employmentStatus,
      position: p.position,
      unit: p.unit,
      email: p.email,
      phone: p.phone,
      service: p.service,
      filesDelivery: p.filesDelivery,
      filesLink: p.filesLink,
      hasOfficialEmail: p.hasOfficialEmail,
      consent: p.consent,
    },
    warnings,
  };
}

/**
 * A numbered Indonesian list of what to fix, for the mail to the applicant and the confirmation page. Messages never
 * contain the NIK, so the list is safe to send by e-mail. Duplicate messages are listed once.
 */
export function formatIssuesForApplicant(issues: Issue[], heading: string = ISSUE_LIST_TEXT.errorsHeading): string {
  const messages = [...new Set(issues.map((i) => i.message))];
  if (messages.length === 0) return ISSUE_LIST_TEXT.none;
  return [heading, ...messages.map((m, i) => `${i + 1}. ${m}`)].join('\n');
}
