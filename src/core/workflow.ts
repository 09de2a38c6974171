// The application state machine: data-driven from the SOP definition, pure, returning the new record and its effects.
import { businessMinutesBetween } from './business-time';
import { SLA_NOTES } from './messages/register';
import {
  ACTION_LABELS,
  type AUDIT_EVENTS,
  CHECKLIST_FIXED,
  ROLE_LABELS,
  SERVICE_NAMES,
  WORKFLOW_ERRORS,
} from './messages/workflow';
import { holdersOf, type RosterRole, rolesOf } from './settings';
import { type SopDefinition, sopStages } from './sop';
import { holderRole, nextStage, type Route, routeOf, stageOf, stepOfStatus } from './workflow-route';
import {
  type ActingRole,
  type Action,
  type ActionContext,
  type ActionErrorCode,
  type ActionResult,
  type ActionType,
  type ApplicantFields,
  type Application,
  type CertificateRecord,
  type Effect,
  FINAL_STATUSES,
  type IntakeOutcome,
  type LinkRequest,
  type MailData,
  type MailTemplate,
  type NewApplicationInput,
  noBsreOutcome,
  type ServiceCode,
  STATUS,
  STATUS_LABELS,
  type Status,
  type StepTiming,
} from './workflow-types';

/** Statuses that no longer count as an active application (for "one active application per NIK and service"). */
const INACTIVE: readonly Status[] = [...FINAL_STATUSES, STATUS.DATA_TIDAK_VALID];

/** True while an application still occupies its NIK and service (a second one is refused at intake). */
export function isActive(status: Status): boolean {
  return !INACTIVE.includes(status);
}

/** Reasons shorter than this tell the applicant nothing. */
const MIN_REASON = 5;

const EMPTY_APPLICANT: ApplicantFields = {
  name: '',
  nikMasked: '',
  nikKey: '',
  nip: '',
  employmentStatus: 'PNS',
  position: '',
  unit: '',
  email: '',
  phone: '',
  service: 'PENERBITAN_BARU',
  letterLink: '',
  ktpLink: '',
  bringsFiles: false,
  warnings: [],
};

/** The Sandiman's checklist: the requirements of the Sandiman's SOP step plus the SOP's two warnings, checked. */
export function sandimanChecklist(sop: SopDefinition): string[] {
  const route = routeOf(sop);
  const stage = route.chain.find((s) => s.role === 'SANDIMAN') ?? route.chain[route.chain.length - 1];
  const step = sopStages(sop).find((s) => s.no === stage?.step);
  return [...(step?.requirements ?? []), CHECKLIST_FIXED.KTP_MATCH, CHECKLIST_FIXED.EMAIL_ACTIVE];
}

/** The office's actions in each status a role holds (who holds it comes from the route). */
const OFFICE_ACTIONS: Partial<Record<Status, ActionType[]>> = {
  MENUNGGU_DISPOSISI_KADIS: ['DISPOSE', 'RETURN', 'REJECT'],
  DIDISPOSISIKAN_KABID: ['DISPOSE', 'RETURN', 'REJECT'],
  DITERUSKAN_SANDIMAN: ['VERIFY', 'RETURN', 'REJECT'],
  DITERUSKAN_VERIFIKATOR: ['SUBMIT_TO_BSRE', 'RETURN', 'REJECT'],
  DIAJUKAN_BSRE: ['BSRE_ACCOUNT_SENT', 'BSRE_REJECTED'],
  AKUN_BSRE_DIKIRIM: ['BSRE_VERIFIED', 'BSRE_REJECTED'],
  TERVERIFIKASI_BSRE: ['PASSPHRASE_SET', 'BSRE_REJECTED'],
  PASSPHRASE_DIATUR: ['CERTIFICATE_ISSUED', 'BSRE_REJECTED'],
  DITOLAK_BSRE: ['BSRE_RESUBMIT', 'RETURN', 'REJECT'],
};

/** The action that ends each service at BSrE: only a new or renewed certificate is "issued" with serial and date. */
const FINAL_ACTION: Partial<Record<ServiceCode, ActionType>> = {
  PENCABUTAN: 'CERTIFICATE_REVOKED',
  RESET_PASSPHRASE: 'PASSPHRASE_RESET_DONE',
};

/** The office's actions now, with issuance replaced by the service's own final action where it has one. */
function officeActions(app: Application): ActionType[] {
  const actions = OFFICE_ACTIONS[app.status] ?? [];
  const final = FINAL_ACTION[app.applicant.service];
  return final ? actions.map((a) => (a === 'CERTIFICATE_ISSUED' ? final : a)) : actions;
}

/**
 * The applicant's (or the form-submit trigger's) actions in each status. Editing the response while the e-mail
 * check is pending sends a fresh verification link (the way out when the first one expired or went missing).
 */
const APPLICANT_ACTIONS: Partial<Record<Status, ActionType[]>> = {
  MENUNGGU_VERIFIKASI_EMAIL: ['VERIFY_EMAIL', 'RESUBMIT'],
  DATA_TIDAK_VALID: ['RESUBMIT'],
  DIKEMBALIKAN: ['RESUBMIT'],
};

/** What a role may do now, per the SOP's route; the decision page and the sidebar offer exactly these. */
export function allowedActions(app: Application, role: ActingRole, sop: SopDefinition): ActionType[] {
  if (role === 'PEMOHON' || role === 'SISTEM') return APPLICANT_ACTIONS[app.status] ?? [];
  if (holderRole(routeOf(sop), app.status) !== role) return [];
  return officeActions(app);
}

/** A first Form response becomes an application: valid ones wait for the e-mail check, invalid ones are kept. */
export function openApplication(
  input: NewApplicationInput,
  ctx: ActionContext,
): { app: Application; effects: Effect[] } {
  const now = ctx.now.toISOString();
  const outcome = input.outcome;
  const applicant = outcome.ok ? outcome.applicant : { ...EMPTY_APPLICANT, ...outcome.partial };
  const status = outcome.ok ? STATUS.MENUNGGU_VERIFIKASI_EMAIL : STATUS.DATA_TIDAK_VALID;
  const app: Application = {
    id: input.id,
    responseId: input.responseId,
    editUrl: input.editUrl,
    version: 1,
    status,
    currentStep: 0,
    assignee: '',
    submittedAt: input.submittedAt.toISOString(),
    updatedAt: now,
    applicant,
    issues: outcome.ok ? [] : outcome.issues,
    emailVerifiedAt: null,
    returnedFrom: null,
    returnReason: '',
    rejectReason: '',
    steps: {},
    dispositions: [],
    checklist: {},
    bsre: noBsreOutcome(),
    history: [{ at: now, actor: applicant.email, role: 'PEMOHON', action: 'SUBMIT', from: null, to: status, note: '' }],
  };
  const effects: Effect[] = [
    {
      type: 'AUDIT',
      event: outcome.ok ? 'SUBMITTED' : 'SUBMITTED_INVALID',
      actor: applicant.email,
      before: null,
      after: status,
      note: outcome.ok ? '' : outcome.issues.map((i) => i.message).join(' | '),
    },
  ];
  if (outcome.ok) effects.push(...verificationMails(app, ctx));
  else effects.push(...invalidMails(app, ctx, outcome.noOfficialEmail));
  return { app, effects };
}

/**
 * Applies one action. Refusals change nothing and say why in Indonesian. On success the record's version grows by
 * one, the history and step timings are updated, and the effects list the mails and audit rows, in order.
 */
export function applyAction(app: Application, action: Action, ctx: ActionContext): ActionResult {
  const route = routeOf(ctx.sop);
  const actionLabel = ACTION_LABELS[action.type];
  if (!allowedInStatus(app, action.type, route)) {
    return refuse('NOT_ALLOWED', WORKFLOW_ERRORS.NOT_ALLOWED(STATUS_LABELS[app.status], actionLabel));
  }
  const who = checkActor(app, action, ctx, route);
  if (who) return who;
  const next = cloneApp(app);
  next.version = app.version + 1;
  next.updatedAt = ctx.now.toISOString();
  const outcome = transition(next, action, ctx, route);
  if ('code' in outcome) return refuse(outcome.code, outcome.message);
  next.history.push({
    at: next.updatedAt,
    actor: ctx.actor.email.toLowerCase(),
    role: ctx.actor.role,
    action: action.type,
    from: app.status,
    to: next.status,
    note: outcome.note,
  });
  const audit: Effect = {
    type: 'AUDIT',
    event: outcome.event,
    actor: ctx.actor.email.toLowerCase(),
    before: app.status,
    after: next.status,
    note: outcome.note,
  };
  return { ok: true, app: next, effects: [audit, ...outcome.effects(next)] };
}

function refuse(code: ActionErrorCode, message: string): ActionResult {
  return { ok: false, code, message };
}

function allowedInStatus(app: Application, type: ActionType, route: Route): boolean {
  if ((APPLICANT_ACTIONS[app.status] ?? []).includes(type)) return true;
  return holderRole(route, app.status) !== undefined && officeActions(app).includes(type);
}

/** Role, own-application and two-levels checks; undefined when the actor may act. */
function checkActor(app: Application, action: Action, ctx: ActionContext, route: Route): ActionResult | undefined {
  const email = ctx.actor.email.trim().toLowerCase();
  if (action.type === 'RESUBMIT') {
    const byApplicant = ctx.actor.role === 'PEMOHON' || ctx.actor.role === 'SISTEM';
    return byApplicant ? undefined : refuse('WRONG_ROLE', WORKFLOW_ERRORS.WRONG_ROLE(ROLE_LABELS.PEMOHON));
  }
  if (action.type === 'VERIFY_EMAIL') {
    const isApplicant = ctx.actor.role === 'PEMOHON' && email === app.applicant.email.toLowerCase();
    return isApplicant ? undefined : refuse('WRONG_ROLE', WORKFLOW_ERRORS.WRONG_EMAIL());
  }
  const holder = holderRole(route, app.status);
  if (!holder)
    return refuse('NOT_ALLOWED', WORKFLOW_ERRORS.NOT_ALLOWED(STATUS_LABELS[app.status], ACTION_LABELS[action.type]));
  if (ctx.actor.role !== holder || !rolesOf(ctx.settings, email, ctx.now).includes(holder)) {
    return refuse('WRONG_ROLE', WORKFLOW_ERRORS.WRONG_ROLE(ROLE_LABELS[holder]));
  }
  if (email === app.applicant.email.toLowerCase()) {
    return refuse('SEPARATION_OF_DUTIES', WORKFLOW_ERRORS.OWN_APPLICATION());
  }
  const otherLevel = app.history.find(
    (h) => h.actor === email && h.role !== holder && h.role !== 'PEMOHON' && h.role !== 'SISTEM',
  );
  if (otherLevel) {
    return refuse('SEPARATION_OF_DUTIES', WORKFLOW_ERRORS.OTHER_LEVEL(ROLE_LABELS[otherLevel.role]));
  }
  return undefined;
}

interface Transition {
  event: keyof typeof AUDIT_EVENTS;
  note: string;
  /** Mails computed from the record after the change (so links carry the new version). */
  effects: (app: Application) => Effect[];
}
type TransitionResult = Transition | { code: ActionErrorCode; message: string };

function invalid(message: string): TransitionResult {
  return { code: 'INVALID_INPUT', message };
}

function transition(app: Application, action: Action, ctx: ActionContext, route: Route): TransitionResult {
  const before = app.status;
  const actor = ctx.actor.email.toLowerCase();
  switch (action.type) {
    case 'VERIFY_EMAIL': {
      app.emailVerifiedAt = ctx.now.toISOString();
      const target = app.returnedFrom ?? route.chain[0]?.status ?? STATUS.DITERUSKAN_VERIFIKATOR;
      enterStatus(app, target, ctx, route, app.returnedFrom ? app.assignee : '');
      app.returnedFrom = null;
      return { event: 'EMAIL_VERIFIED', note: '', effects: (a) => officialMails(a, ctx, route) };
    }
    case 'DISPOSE':
    case 'VERIFY': {
      const following = nextStage(route, before);
      if (!following) return invalid(WORKFLOW_ERRORS.NOT_ALLOWED(STATUS_LABELS[before], ACTION_LABELS[action.type]));
      const holders = holdersOf(ctx.settings, following.role, ctx.now);
      const to = action.toEmail.trim().toLowerCase();
      if (holders.length === 0) return invalid(WORKFLOW_ERRORS.NO_RECIPIENT(ROLE_LABELS[following.role]));
      if (to !== '' && !holders.includes(to))
        return invalid(WORKFLOW_ERRORS.UNKNOWN_RECIPIENT(ROLE_LABELS[following.role]));
      let note: string;
      if (action.type === 'VERIFY') {
        const items = sandimanChecklist(ctx.sop);
        const missing = items.filter((i) => action.checklist[i] !== true);
        if (missing.length > 0) return invalid(WORKFLOW_ERRORS.CHECKLIST_INCOMPLETE(missing));
        app.checklist = Object.fromEntries(items.map((i) => [i, true]));
        note = action.note.trim();
      } else {
        const stage = stageOf(route, before);
        app.dispositions.push({
          step: stage?.step ?? app.currentStep,
          fromRole: stage?.role ?? 'KEPALA_DINAS',
          fromEmail: actor,
          toRole: following.role,
          toEmail: to,
          instruction: action.instruction.trim(),
          at: ctx.now.toISOString(),
        });
        note = action.instruction.trim();
      }
      enterStatus(app, following.status, ctx, route, to, actor);
      return {
        event: action.type === 'VERIFY' ? 'VERIFIED' : 'DISPOSED',
        note,
        effects: (a) => officialMails(a, ctx, route, note),
      };
    }
    case 'REJECT': {
      const reason = action.reason.trim();
      if (reason.length < MIN_REASON) return invalid(WORKFLOW_ERRORS.REASON_REQUIRED());
      closeStep(app, app.currentStep, actor, ctx);
      app.status = STATUS.DITOLAK;
      app.rejectReason = reason;
      app.assignee = '';
      return {
        event: 'REJECTED',
        note: reason,
        effects: (a) => [applicantMail(a, 'APPLICANT_REJECTED', ctx, { reason })],
      };
    }
    case 'RETURN': {
      const reason = action.reason.trim();
      if (reason.length < MIN_REASON) return invalid(WORKFLOW_ERRORS.REASON_REQUIRED());
      pauseStep(app, app.currentStep, ctx);
      app.returnedFrom = before === STATUS.DITOLAK_BSRE ? STATUS.DITERUSKAN_VERIFIKATOR : before;
      app.returnReason = reason;
      app.status = STATUS.DIKEMBALIKAN;
      app.assignee = actor;
      return {
        event: 'RETURNED',
        note: reason,
        effects: (a) => [applicantMail(a, 'APPLICANT_RETURNED', ctx, { reason })],
      };
    }
    case 'RESUBMIT':
      return resubmit(app, action.outcome, ctx, route);
    case 'SUBMIT_TO_BSRE':
    case 'BSRE_RESUBMIT': {
      if (action.type === 'SUBMIT_TO_BSRE') closeStep(app, app.currentStep, actor, ctx);
      app.bsre.submittedAt = ctx.now.toISOString();
      app.bsre.rejectCode = null;
      app.bsre.rejectText = '';
      enterStatus(app, STATUS.DIAJUKAN_BSRE, ctx, route, actor);
      return {
        event: action.type === 'SUBMIT_TO_BSRE' ? 'SUBMITTED_TO_BSRE' : 'BSRE_RESUBMITTED',
        note: action.type === 'BSRE_RESUBMIT' ? action.note.trim() : '',
        effects: (a) => [applicantMail(a, 'APPLICANT_BSRE_SUBMITTED', ctx), ...officialMails(a, ctx, route)],
      };
    }
    case 'BSRE_ACCOUNT_SENT':
      app.bsre.accountSentAt = ctx.now.toISOString();
      return bsreStep(app, STATUS.AKUN_BSRE_DIKIRIM, 'BSRE_ACCOUNT_SENT', 'APPLICANT_BSRE_ACCOUNT', ctx, route);
    case 'BSRE_VERIFIED':
      app.bsre.verifiedAt = ctx.now.toISOString();
      return bsreStep(app, STATUS.TERVERIFIKASI_BSRE, 'BSRE_VERIFIED', 'APPLICANT_BSRE_VERIFIED', ctx, route);
    case 'PASSPHRASE_SET':
      app.bsre.passphraseSetAt = ctx.now.toISOString();
      closeStep(app, app.currentStep, actor, ctx);
      return bsreStep(app, STATUS.PASSPHRASE_DIATUR, 'PASSPHRASE_SET', 'APPLICANT_PASSPHRASE_SET', ctx, route);
    case 'CERTIFICATE_ISSUED': {
      const serial = action.serial.trim();
      if (serial === '') return invalid(WORKFLOW_ERRORS.SERIAL_REQUIRED());
      if (!isFutureDate(action.validUntil, ctx.now)) return invalid(WORKFLOW_ERRORS.VALID_UNTIL_INVALID());
      closeStep(app, app.currentStep, actor, ctx);
      app.status = STATUS.SERTIFIKAT_TERBIT;
      app.assignee = '';
      app.bsre.issuedAt = ctx.now.toISOString();
      app.bsre.serial = serial;
      app.bsre.validUntil = action.validUntil;
      return {
        event: 'CERTIFICATE_ISSUED',
        note: SLA_NOTES.issued(serial, action.validUntil),
        effects: (a) => [
          { type: 'RECORD_CERTIFICATE', certificate: certificateOf(a) },
          applicantMail(a, 'APPLICANT_ISSUED', ctx),
        ],
      };
    }
    case 'CERTIFICATE_REVOKED':
    case 'PASSPHRASE_RESET_DONE': {
      const revoked = action.type === 'CERTIFICATE_REVOKED';
      closeStep(app, app.currentStep, actor, ctx);
      app.status = revoked ? STATUS.DICABUT : STATUS.PASSPHRASE_DIATUR_ULANG;
      app.assignee = '';
      return {
        event: action.type,
        note: '',
        effects: (a) => [
          { type: 'RECORD_CERTIFICATE', certificate: certificateOf(a) },
          applicantMail(a, revoked ? 'APPLICANT_REVOKED' : 'APPLICANT_PASSPHRASE_RESET', ctx),
        ],
      };
    }
    case 'BSRE_REJECTED': {
      const text = action.text.trim();
      if (action.code === 'LAINNYA' && text.length < MIN_REASON) return invalid(WORKFLOW_ERRORS.REJECT_TEXT_REQUIRED());
      app.bsre.rejectCode = action.code;
      app.bsre.rejectText = text;
      enterStatus(app, STATUS.DITOLAK_BSRE, ctx, route, actor, actor);
      return {
        event: 'BSRE_REJECTED',
        note: `${action.code}${text ? `: ${text}` : ''}`,
        effects: (a) => [
          applicantMail(a, 'APPLICANT_BSRE_REJECTED', ctx, { reason: text }),
          ...officialMails(a, ctx, route, text),
        ],
      };
    }
  }
}

function bsreStep(
  app: Application,
  status: Status,
  event: keyof typeof AUDIT_EVENTS,
  template: MailTemplate,
  ctx: ActionContext,
  route: Route,
): Transition {
  enterStatus(app, status, ctx, route, ctx.actor.email.toLowerCase());
  return { event, note: '', effects: (a) => [applicantMail(a, template, ctx), ...officialMails(a, ctx, route)] };
}

function resubmit(app: Application, outcome: IntakeOutcome, ctx: ActionContext, route: Route): TransitionResult {
  const returnedFrom = app.returnedFrom;
  if (!outcome.ok) {
    app.applicant = { ...app.applicant, ...outcome.partial };
    app.issues = outcome.issues;
    app.status = STATUS.DATA_TIDAK_VALID;
    app.returnedFrom = returnedFrom;
    return {
      event: 'RESUBMITTED_INVALID',
      note: outcome.issues.map((i) => i.message).join(' | '),
      effects: (a) => invalidMails(a, ctx, outcome.noOfficialEmail),
    };
  }
  const emailChanged = outcome.applicant.email.toLowerCase() !== app.applicant.email.toLowerCase();
  app.applicant = outcome.applicant;
  app.issues = [];
  if (emailChanged || app.emailVerifiedAt === null) {
    app.emailVerifiedAt = null;
    app.status = STATUS.MENUNGGU_VERIFIKASI_EMAIL;
    app.returnedFrom = returnedFrom;
    return { event: 'RESUBMITTED', note: '', effects: (a) => verificationMails(a, ctx) };
  }
  const target = returnedFrom ?? route.chain[0]?.status ?? STATUS.DITERUSKAN_VERIFIKATOR;
  app.returnedFrom = null;
  enterStatus(app, target, ctx, route, app.assignee);
  return { event: 'RESUBMITTED', note: '', effects: (a) => officialMails(a, ctx, route) };
}

/** Moves the application into a status and its SOP step: closes nothing, starts or resumes the step's clock. */
function enterStatus(
  app: Application,
  status: Status,
  ctx: ActionContext,
  route: Route,
  assignee: string,
  closingActor?: string,
): void {
  const step = stepOfStatus(route, status);
  if (closingActor !== undefined && app.currentStep !== 0 && app.currentStep !== step) {
    closeStep(app, app.currentStep, closingActor, ctx);
  }
  app.status = status;
  app.assignee = assignee;
  if (step !== 0) startStep(app, step, ctx);
  app.currentStep = step;
}

function startStep(app: Application, step: number, ctx: ActionContext): void {
  const at = ctx.now.toISOString();
  const existing = app.steps[step];
  if (!existing) {
    app.steps[step] = {
      step,
      startedAt: at,
      endedAt: null,
      actor: '',
      minutesBefore: 0,
      businessMinutes: null,
      onTime: null,
      pausedAt: null,
      remindedAt: null,
      escalatedAt: null,
    };
    return;
  }
  if (existing.pausedAt !== null) {
    existing.startedAt = at;
    existing.pausedAt = null;
  } else if (existing.endedAt !== null) {
    existing.minutesBefore = existing.businessMinutes ?? existing.minutesBefore;
    existing.startedAt = at;
    existing.endedAt = null;
    existing.businessMinutes = null;
    existing.onTime = null;
  }
}

/** Business minutes a step has run so far (paused time excluded). */
export function elapsedMinutes(timing: StepTiming, now: Date, calendar: ActionContext['calendar']): number {
  if (timing.businessMinutes !== null) return timing.businessMinutes;
  if (timing.pausedAt !== null) return timing.minutesBefore;
  return timing.minutesBefore + businessMinutesBetween(new Date(timing.startedAt), now, calendar);
}

function pauseStep(app: Application, step: number, ctx: ActionContext): void {
  const timing = app.steps[step];
  if (!timing || timing.endedAt !== null || timing.pausedAt !== null) return;
  timing.minutesBefore = elapsedMinutes(timing, ctx.now, ctx.calendar);
  timing.pausedAt = ctx.now.toISOString();
}

function closeStep(app: Application, step: number, actor: string, ctx: ActionContext): void {
  const timing = app.steps[step];
  if (!timing || timing.endedAt !== null) return;
  const minutes = elapsedMinutes(timing, ctx.now, ctx.calendar);
  const standard = standardOf(ctx.sop, step);
  timing.businessMinutes = minutes;
  timing.endedAt = ctx.now.toISOString();
  timing.pausedAt = null;
  timing.actor = actor;
  timing.onTime = standard === null ? null : minutes <= standard;
}

/** The SOP's time standard of a step in minutes, or null when the step has none. */
export function standardOf(sop: SopDefinition, step: number): number | null {
  const minutes = sopStages(sop).find((s) => s.no === step)?.timeStandardMinutes;
  return typeof minutes === 'number' && minutes > 0 ? minutes : null;
}

function isFutureDate(text: string, now: Date): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return false;
  return date.getTime() > now.getTime();
}

function cloneApp(app: Application): Application {
  return JSON.parse(JSON.stringify(app)) as Application;
}

function linkExpiry(ctx: ActionContext): string {
  return new Date(ctx.now.getTime() + ctx.settings.linkExpiryHours * 3600_000).toISOString();
}

/** Display data for a mail; holds only the masked NIK. */
export function mailDataOf(
  app: Application,
  ctx: ActionContext,
  recipientLabel: string,
  extra: Partial<MailData> = {},
): MailData {
  const stage = sopStages(ctx.sop).find((s) => s.no === app.currentStep);
  const activity = ctx.sop.steps
    .filter((s) => s.no === app.currentStep)
    .map((s) => s.activity)
    .join(' ');
  const a = app.applicant;
  return {
    reference: app.id,
    applicantName: a.name,
    nikMasked: a.nikMasked,
    nip: a.nip,
    position: a.position,
    unit: a.unit,
    email: a.email,
    serviceLabel: SERVICE_NAMES[a.service] ?? a.service,
    statusLabel: STATUS_LABELS[app.status],
    stepNo: app.currentStep,
    stepActivity: activity,
    stepRequirements: stage?.requirements ?? [],
    stepMinutes: standardOf(ctx.sop, app.currentStep),
    recipientLabel,
    reason: '',
    issues: app.issues,
    editUrl: app.editUrl,
    serial: app.bsre.serial,
    validUntil: app.bsre.validUntil,
    instruction: '',
    warnings: a.warnings,
    lateMinutes: 0,
    holders: '',
    rejectCode: app.bsre.rejectCode,
    emailSopUrl: ctx.settings.emailSopUrl,
    ...extra,
  };
}

function statusLink(app: Application): LinkRequest {
  return {
    purpose: 'STATUS',
    stage: app.status,
    recipient: app.applicant.email,
    version: app.version,
    expiresAt: null,
  };
}

function applicantMail(
  app: Application,
  template: MailTemplate,
  ctx: ActionContext,
  extra: Partial<MailData> = {},
): Effect {
  return {
    type: 'SEND_MAIL',
    template,
    to: app.applicant.email,
    cc: [],
    data: mailDataOf(app, ctx, ROLE_LABELS.PEMOHON, extra),
    links: { status: statusLink(app) },
  };
}

function verificationMails(app: Application, ctx: ActionContext): Effect[] {
  return [
    {
      type: 'SEND_MAIL',
      template: 'APPLICANT_RECEIVED',
      to: app.applicant.email,
      cc: [],
      data: mailDataOf(app, ctx, ROLE_LABELS.PEMOHON),
      links: {
        status: statusLink(app),
        verify: {
          purpose: 'VERIFY_EMAIL',
          stage: app.status,
          recipient: app.applicant.email,
          version: app.version,
          expiresAt: linkExpiry(ctx),
        },
      },
    },
  ];
}

function invalidMails(app: Application, ctx: ActionContext, noOfficialEmail: boolean): Effect[] {
  const to = app.applicant.email;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(to)) return [];
  return [
    {
      type: 'SEND_MAIL',
      template: noOfficialEmail ? 'APPLICANT_NO_OFFICIAL_EMAIL' : 'APPLICANT_INVALID',
      to,
      cc: [],
      data: mailDataOf(app, ctx, ROLE_LABELS.PEMOHON),
      links: {},
    },
  ];
}

/**
 * The decision mail(s) for whoever holds the application now: the named assignee if there is one, otherwise every
 * holder of the role (acting officials replace the roster). One mail per recipient: each link is bound to it.
 */
function officialMails(app: Application, ctx: ActionContext, route: Route, instruction = ''): Effect[] {
  const role = holderRole(route, app.status);
  if (!role) return [];
  const recipients = currentHolders(app, role, ctx.settings, ctx.now);
  return recipients.map((to) => ({
    type: 'SEND_MAIL' as const,
    template: 'OFFICIAL_ACTION' as const,
    to,
    cc: [],
    data: mailDataOf(app, ctx, ROLE_LABELS[role], { instruction }),
    links: {
      action: { purpose: 'DECIDE', stage: app.status, recipient: to, version: app.version, expiresAt: linkExpiry(ctx) },
    },
  }));
}

/**
 * Who must act now: the named assignee while they still hold the role (roster or an acting delegation), otherwise
 * every current holder, so an application never waits on someone whose Plt./Plh. period has ended.
 */
export function currentHolders(
  app: Application,
  role: RosterRole,
  settings: ActionContext['settings'],
  now: Date,
): string[] {
  if (app.assignee !== '' && rolesOf(settings, app.assignee, now).includes(role)) return [app.assignee];
  return holdersOf(settings, role, now);
}

/** The Sertifikat Terbit row of an issued application. */
export function certificateOf(app: Application): CertificateRecord {
  const a = app.applicant;
  return {
    applicationId: app.id,
    name: a.name,
    nikMasked: a.nikMasked,
    nip: a.nip,
    position: a.position,
    unit: a.unit,
    email: a.email,
    service: a.service,
    serial: app.bsre.serial,
    issuedAt: app.bsre.issuedAt ?? '',
    validUntil: app.bsre.validUntil,
  };
}

/** The roles an actor may use for this application's current step (the shell picks the one that holds it). */
export function holderFor(app: Application, sop: SopDefinition): RosterRole | undefined {
  return holderRole(routeOf(sop), app.status);
}

/** Who a forward from the current status goes to: the next role, its label and its holders now (for the page). */
export function forwardOptions(
  app: Application,
  sop: SopDefinition,
  settings: ActionContext['settings'],
  now: Date,
): { role: RosterRole; roleLabel: string; options: string[] } | null {
  const following = nextStage(routeOf(sop), app.status);
  if (!following) return null;
  return {
    role: following.role,
    roleLabel: ROLE_LABELS[following.role],
    options: holdersOf(settings, following.role, now),
  };
}
