// The Form's submit trigger: validates the answers, records the application (or the invalid submission), mails the applicant.
import { maskNik } from '../core/identity';
import { INTAKE_FORM } from '../core/intake-form';
import { type IntakeResult, validateIntake } from '../core/intake-validation';
import { SHELL_MESSAGES } from '../core/messages/shell';
import { RESPONSE_ID_HEADER } from '../core/register-schema';
import { witaDate } from '../core/settings';
import type { SopDefinition } from '../core/sop';
import { applyAction, isActive, openApplication } from '../core/workflow';
import {
  type ApplicantFields,
  type Application,
  type IntakeOutcome,
  STATUS,
  type Status,
} from '../core/workflow-types';
import { applyEffects, logIgnored } from './effects';
import { actionContext, type Env, forService, loadEnv } from './env';
import { storeKtpUploads } from './ktp-files';
import { completeLifecycleIntake } from './lifecycle-intake';
import { nikKeyOf } from './links';
import { withScriptLock } from './lock';
import {
  appendApplication,
  openRegister,
  RESPONSE_TIME_HEADER,
  readApplication,
  type StoredApplication,
  writeApplication,
} from './register';
import { openRestricted, upsertRestricted } from './restricted-store';
import { PROPERTY_KEYS } from './script-config';
import type { SheetTable } from './sheet-table';
import { commitAppended, commitTransition, dropRestricted } from './transition';

/** The register column holding the keyed NIK hash (register-schema's header). */
const NIK_KEY_HEADER = 'Kunci NIK';

type Answers = Record<string, string | string[]>;

const NIK_TITLE = INTAKE_FORM.questions.find((question) => question.key === 'nik')?.title ?? '';
const EMAIL_TITLE = INTAKE_FORM.questions.find((question) => question.key === 'email')?.title ?? '';

/**
 * The answers of a response keyed by question title, as validateIntake takes them. Each FormApp call is a round trip,
 * so a response is read here once (one getItemResponses, then the item's title and answer) and the answers passed on.
 */
function answersOf(response: GoogleAppsScript.Forms.FormResponse): Answers {
  const answers: Answers = {};
  for (const item of response.getItemResponses()) {
    const value = item.getResponse() as unknown;
    answers[item.getItem().getTitle()] = Array.isArray(value) ? value.map(String) : String(value ?? '');
  }
  return answers;
}

function isBlank(answers: Answers): boolean {
  return Object.values(answers).every((value) => (Array.isArray(value) ? value.length === 0 : value.trim() === ''));
}

function text(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/** The applicant as the workflow keeps it: masked NIK, keyed NIK hash, never the NIK itself. */
function toOutcome(result: IntakeResult, nikKey: string, rawEmail: string): IntakeOutcome {
  if (result.ok) {
    const a = result.applicant;
    const applicant: ApplicantFields = {
      name: a.name,
      nikMasked: maskNik(a.nik),
      nikKey,
      nip: a.nip,
      employmentStatus: a.employmentStatus,
      position: a.position,
      unit: a.unit,
      email: a.email,
      phone: a.phone,
      service: a.service,
      letterLink: a.filesLink,
      ktpLink: '',
      bringsFiles: a.filesDelivery === 'BAWA_KE_DINAS',
      warnings: result.warnings.map((warning) => warning.message),
    };
    return { ok: true, applicant };
  }
  const p = result.partial;
  const partial: Partial<ApplicantFields> = {
    nikKey,
    nikMasked: p.nik ? maskNik(p.nik) : '',
    warnings: result.warnings.map((warning) => warning.message),
    // The reply about what to fix goes to the address typed, even when it is not an allowed .go.id one, as long as
    // it is shaped like an address (never formula or markup text).
    email: p.email ?? replyAddress(rawEmail),
  };
  if (p.name !== undefined) partial.name = p.name;
  if (p.nip !== undefined) partial.nip = p.nip;
  if (p.employmentStatus !== undefined) partial.employmentStatus = p.employmentStatus;
  if (p.position !== undefined) partial.position = p.position;
  if (p.unit !== undefined) partial.unit = p.unit;
  if (p.phone !== undefined) partial.phone = p.phone;
  if (p.service !== undefined) partial.service = p.service;
  if (p.filesLink !== undefined) partial.letterLink = p.filesLink;
  if (p.filesDelivery !== undefined) partial.bringsFiles = p.filesDelivery === 'BAWA_KE_DINAS';
  return {
    ok: false,
    issues: result.errors.map((issue) => ({ field: issue.field, message: issue.message })),
    partial,
    noOfficialEmail: result.errors.some((issue) => issue.code === 'NO_OFFICIAL_EMAIL'),
  };
}

const ADDRESS = /^[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9][A-Za-z0-9.-]{0,252}\.[A-Za-z]{2,}$/;

/** The typed address, if it is one, for telling the applicant what to fix. */
function replyAddress(raw: string): string {
  const address = raw.trim().toLowerCase();
  return ADDRESS.test(address) ? address : '';
}

/** The next reference number, TTE-<year>-<0001>, from a per-year counter kept in Script Properties (under the lock). */
function nextApplicationId(now: Date): string {
  const year = witaDate(now).slice(0, 4);
  const properties = PropertiesService.getScriptProperties();
  const key = `SEQ_${year}`;
  const next = Number(properties.getProperty(key) ?? '0') + 1;
  properties.setProperty(key, String(next));
  return `TTE-${year}-${String(next).padStart(4, '0')}`;
}

/** Statuses in which an edit of the response is a correction the workflow takes (RESUBMIT). */
const CORRECTABLE: readonly Status[] = [STATUS.DATA_TIDAK_VALID, STATUS.DIKEMBALIKAN];

/**
 * Form-submit trigger (form-bound: e.response). Idempotent on the response ID: a duplicate delivery (same response,
 * same submit time) and a blank delivery change nothing; an edit through the edit link of an application waiting
 * for correction re-enters it where it was returned (same application, history kept). Everything happens inside
 * the script lock, re-reading the register first.
 */
export function handleFormSubmit(event: GoogleAppsScript.Events.FormsOnFormSubmit): void {
  const response = event?.response;
  const answers = response ? answersOf(response) : {};
  if (!response || isBlank(answers)) {
    console.log(SHELL_MESSAGES.intake.blankEvent);
    return;
  }
  withScriptLock(() => {
    const env = loadEnv();
    processResponse(env, openRegister(env.spreadsheet, env.sop), submissionOf(response), answers);
  });
}

/** Script Property: up to when the intake sweep has looked at Form responses. */
export const SWEPT_KEY = 'INTAKE_SWEPT_AT';
/** The sweep looks back this far before its last run, so a response whose trigger failed meanwhile is not missed. */
const SWEEP_OVERLAP_MS = 60 * 60_000;

/**
 * The safety net behind the form-submit trigger (run by the retry trigger): every Form response since the last
 * sweep goes through the same idempotent processing, so a submission whose trigger failed (lock timeout, quota,
 * a fault) is recorded later instead of lost; responses already processed change nothing.
 */
export function sweepIntake(): { seen: number } {
  const formId = PropertiesService.getScriptProperties().getProperty(PROPERTY_KEYS.formId);
  if (!formId) return { seen: 0 };
  return withScriptLock(() => {
    const env = loadEnv();
    const properties = PropertiesService.getScriptProperties();
    const last = Number(properties.getProperty(SWEPT_KEY) ?? '0');
    const since = new Date(Math.max(0, last - SWEEP_OVERLAP_MS));
    const responses = FormApp.openById(formId).getResponses(since);
    if (responses.length > 0) {
      const register = openRegister(env.spreadsheet, env.sop);
      const submissions = responses.map(submissionOf);
      const seen = processedAt(
        register,
        submissions.map((submission) => submission.id),
      );
      for (const submission of submissions) {
        if ((seen.get(submission.id) ?? Number.NaN) >= submission.submittedAt.getTime()) continue;
        const answers = answersOf(submission.response);
        if (!isBlank(answers)) processResponse(env, register, submission, answers);
      }
    }
    properties.setProperty(SWEPT_KEY, String(env.now.getTime()));
    return { seen: responses.length };
  });
}

/** A Form response with its ID and submit time, each read once. */
interface Submission {
  response: GoogleAppsScript.Forms.FormResponse;
  id: string;
  submittedAt: Date;
}

function submissionOf(response: GoogleAppsScript.Forms.FormResponse): Submission {
  return { response, id: response.getId() ?? '', submittedAt: new Date(response.getTimestamp().getTime()) };
}

/** When the register last processed a response (its response-time cell); NaN when the cell holds no time. */
function seenAtOf(cell: unknown): number {
  return cell instanceof Date ? cell.getTime() : Date.parse(String(cell ?? ''));
}

/** Response IDs per TextFinder search in a sweep, so one regular expression stays short. */
const SWEEP_SEARCH_BATCH = 50;

/**
 * Response ID -> submit time the register last processed, for the responses one sweep sees: one regular-expression
 * TextFinder per 50 IDs and one read of the rows found (appended together, usually one call), so a response already
 * processed costs two FormApp calls instead of a read of all its answers.
 */
function processedAt(register: SheetTable, ids: string[]): Map<string, number> {
  const out = new Map<string, number>();
  const wanted = [...new Set(ids.filter((id) => id !== ''))];
  const rows: number[] = [];
  for (let start = 0; start < wanted.length; start += SWEEP_SEARCH_BATCH) {
    const batch = wanted.slice(start, start + SWEEP_SEARCH_BATCH);
    for (const range of register.sheet.createTextFinder(anyOf(batch)).useRegularExpression(true).findAll()) {
      rows.push(range.getRow());
    }
  }
  for (const { record } of register.readRows(rows.filter((row) => row > 1))) {
    const id = String(record[RESPONSE_ID_HEADER] ?? '');
    const seenAt = seenAtOf(record[RESPONSE_TIME_HEADER]);
    if (wanted.includes(id) && !out.has(id) && !Number.isNaN(seenAt)) out.set(id, seenAt);
  }
  return out;
}

/**
 * One response, inside the lock: a new response opens an application (valid or kept as invalid); a response already
 * processed at this submit time changes nothing; a later edit of an application waiting for correction is a
 * RESUBMIT; any other edit is recorded as ignored (and marked seen, so it is not reported again).
 */
function processResponse(env: Env, register: SheetTable, submission: Submission, answers: Answers): void {
  const { response, id: responseId, submittedAt } = submission;
  const extra = { [RESPONSE_TIME_HEADER]: submittedAt };
  const nik = text(answers[NIK_TITLE]).replace(/\D/g, '');
  const nikKey = nik ? nikKeyOf(nik, env.props.hmacSecret) : '';
  const { stored, others } = previousApplications(register, env.sop, responseId, nikKey);
  if (stored) {
    const seenAt = seenAtOf(stored.raw[register.headers.indexOf(RESPONSE_TIME_HEADER)]);
    if (!Number.isNaN(seenAt) && submittedAt.getTime() <= seenAt) {
      console.log(`${stored.app.id}: ${SHELL_MESSAGES.intake.duplicate}`);
      return;
    }
    if (!CORRECTABLE.includes(stored.app.status)) {
      writeApplication(register, stored, stored.app, env.sop, extra);
      logIgnored(env, stored.app, SHELL_MESSAGES.intake.editIgnored);
      return;
    }
  }
  const existing = others.map((app) => ({
    nik,
    service: app.applicant.service as string,
    status: app.status as string,
  }));
  const result = validateIntake(
    answers,
    { allowedEmailDomains: env.settings.allowedEmailDomains },
    existing,
    (status) => isActive(status as Status),
    env.now,
  );
  const lifecycle = completeLifecycleIntake(env, answers, toOutcome(result, nikKey, text(answers[EMAIL_TITLE])));
  const outcome = lifecycle.outcome;
  const scoped = forService(env, outcome.ok ? outcome.applicant.service : '');
  const written = { ...extra, ...lifecycle.extra };
  if (stored) {
    const ctx = actionContext(scoped, stored.app.applicant.email, 'PEMOHON');
    const applied = applyAction(stored.app, { type: 'RESUBMIT', outcome }, ctx);
    if (!applied.ok) {
      writeApplication(register, stored, stored.app, env.sop, extra);
      logIgnored(env, stored.app, applied.message);
      return;
    }
    commitTransition(
      register,
      stored,
      applied.app,
      env.sop,
      () => {
        const previousFiles = storeRestricted(env, applied.app.id, nik, result);
        storeKtpUploads(env, applied.app.id, answers, previousFiles);
        applyEffects(env, applied.app, applied.effects, 'PEMOHON', () => response.getEditResponseUrl() ?? '');
      },
      written,
    );
    return;
  }
  const id = nextApplicationId(env.now);
  const ctx = actionContext(scoped, outcome.ok ? outcome.applicant.email : '', 'PEMOHON');
  const editUrl = response.getEditResponseUrl() ?? '';
  const opened = openApplication({ id, responseId, editUrl, submittedAt, outcome }, ctx);
  const appended = appendApplication(register, opened.app, env.sop, written);
  commitAppended(
    register,
    appended,
    () => {
      storeRestricted(env, id, nik, result);
      storeKtpUploads(env, id, answers);
      applyEffects(env, opened.app, opened.effects, 'PEMOHON');
    },
    () => dropRestricted(env.props.restrictedId, id),
  );
}

/** A text matched literally inside a TextFinder regular expression (syntax shared by RE2 and JavaScript). */
function literalPattern(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regular expression matching a whole cell equal to any of `values` (case aside: TextFinder's default). */
function anyOf(values: string[]): string {
  return `^(?:${values.map(literalPattern).join('|')})$`;
}

/**
 * What the register already holds for this response, from one TextFinder over the sheet: the row with this response
 * ID (a repeated delivery or an edit) and the other applications under the same NIK key (one active application per
 * NIK and service). One case-blind regular-expression search serves both checks; every row it finds is read and its
 * cells compared exactly, so a match in another column or in another case is dropped.
 */
function previousApplications(
  register: SheetTable,
  sop: SopDefinition,
  responseId: string,
  nikKey: string,
): { stored: StoredApplication | null; others: Application[] } {
  const keys = [responseId, nikKey].filter((key) => key !== '');
  if (keys.length === 0) return { stored: null, others: [] };
  const found = register.sheet
    .createTextFinder(anyOf(keys))
    .useRegularExpression(true)
    .findAll()
    .map((range) => range.getRow());
  const idAt = register.column(RESPONSE_ID_HEADER) - 1;
  const nikAt = register.column(NIK_KEY_HEADER) - 1;
  let stored: StoredApplication | null = null;
  const others: Application[] = [];
  for (const row of [...new Set(found)].filter((r) => r > 1).sort((a, b) => a - b)) {
    const read = readApplication(register, row, sop);
    if (stored === null && String(read.raw[idAt] ?? '') === responseId) stored = read;
    else if (nikKey !== '' && String(read.raw[nikAt] ?? '') === nikKey) others.push(read.app);
  }
  return { stored, others };
}

/** The full NIK and the files link go only to Data Terbatas; returns the files link the row held before. */
function storeRestricted(env: Env, applicationId: string, nik: string, result: IntakeResult): string {
  if (!env.props.restrictedId || !nik) return '';
  const filesLink = result.ok ? result.applicant.filesLink : (result.partial.filesLink ?? '');
  return upsertRestricted(openRestricted(env.props.restrictedId), { applicationId, nik, filesLink }, env.now);
}
