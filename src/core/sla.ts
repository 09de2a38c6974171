// Time standards: which running step is late now; remind its holder at 1x the standard, escalate at 2x, each once.
import type { WorkCalendar } from './business-time';
import { SLA_NOTES } from './messages/register';
import { ROLE_LABELS } from './messages/workflow';
import { holdersOf, type Settings } from './settings';
import type { SopDefinition } from './sop';
import { currentHolders, elapsedMinutes, mailDataOf, standardOf } from './workflow';
import { holderRole, routeOf } from './workflow-route';
import type { Application, Effect } from './workflow-types';

/** What the SLA check needs; no actor (the time-driven trigger acts as the system). */
export interface SlaContext {
  now: Date;
  sop: SopDefinition;
  settings: Settings;
  calendar: WorkCalendar;
}

/** How the current step stands against its standard (for the Dasbor and the check below). */
export interface StepLateness {
  step: number;
  elapsed: number;
  standard: number;
  late: boolean;
}

/** The running step's lateness, or null when nothing runs against a standard (waiting on the applicant, done). */
export function currentLateness(app: Application, ctx: SlaContext): StepLateness | null {
  if (!holderRole(routeOf(ctx.sop), app.status)) return null;
  const timing = app.steps[app.currentStep];
  if (!timing || timing.endedAt !== null || timing.pausedAt !== null) return null;
  const standard = standardOf(ctx.sop, app.currentStep);
  if (standard === null) return null;
  const elapsed = elapsedMinutes(timing, ctx.now, ctx.calendar);
  return { step: app.currentStep, elapsed, standard, late: elapsed > standard };
}

/** What is due for an application now: the reminder (1x the standard) and/or the escalation (2x), each not yet sent. */
export interface SlaDue {
  lateness: StepLateness;
  remindDue: boolean;
  escalateDue: boolean;
}

/**
 * Whether a reminder or an escalation is due, from the status, the SOP step and its timing alone: the periodic job
 * decides this over every application from a few columns and reads the whole row of the few that are due.
 */
export function slaDue(app: Application, ctx: SlaContext): SlaDue | null {
  const lateness = currentLateness(app, ctx);
  const timing = app.steps[app.currentStep];
  if (!lateness || !timing) return null;
  const remindDue = lateness.elapsed >= lateness.standard && timing.remindedAt === null;
  const escalateDue = lateness.elapsed >= 2 * lateness.standard && timing.escalatedAt === null;
  return remindDue || escalateDue ? { lateness, remindDue, escalateDue } : null;
}

/**
 * Decides the reminder and escalation for one application. Returns null when nothing is due, else the record with
 * remindedAt / escalatedAt set and the mails and audit rows. The version is not raised: a reminder changes no
 * decision, so the decision links already sent stay valid (the shell writes under the lock all the same).
 */
export function checkSla(app: Application, ctx: SlaContext): { app: Application; effects: Effect[] } | null {
  const due = slaDue(app, ctx);
  const role = holderRole(routeOf(ctx.sop), app.status);
  if (!due || !role) return null;
  const { lateness, remindDue, escalateDue } = due;

  const next = JSON.parse(JSON.stringify(app)) as Application;
  const nextTiming = next.steps[next.currentStep]!;
  const at = ctx.now.toISOString();
  const effects: Effect[] = [];
  const lateMinutes = lateness.elapsed - lateness.standard;
  const actionCtx = { ...ctx, actor: { email: '', role: 'SISTEM' as const } };
  const expiresAt = new Date(ctx.now.getTime() + ctx.settings.linkExpiryHours * 3600_000).toISOString();
  const holders = currentHolders(app, role, ctx.settings, ctx.now);
  if (remindDue) {
    nextTiming.remindedAt = at;
    effects.push({
      type: 'AUDIT',
      event: 'REMINDER',
      actor: 'SISTEM',
      before: app.status,
      after: app.status,
      note: SLA_NOTES.reminder(lateness.step, lateness.elapsed),
    });
    for (const to of holders) {
      effects.push({
        type: 'SEND_MAIL',
        template: 'OFFICIAL_REMINDER',
        to,
        cc: [],
        data: mailDataOf(next, actionCtx, ROLE_LABELS[role], { lateMinutes }),
        links: { action: { purpose: 'DECIDE', stage: app.status, recipient: to, version: app.version, expiresAt } },
      });
    }
  }
  if (escalateDue) {
    nextTiming.escalatedAt = at;
    const superior = ctx.settings.superiors[role];
    const bosses = superior ? holdersOf(ctx.settings, superior, ctx.now) : [];
    effects.push({
      type: 'AUDIT',
      event: 'ESCALATION',
      actor: 'SISTEM',
      before: app.status,
      after: app.status,
      note: SLA_NOTES.escalation(lateness.step, lateness.elapsed, bosses.join(', ')),
    });
    for (const to of bosses) {
      effects.push({
        type: 'SEND_MAIL',
        template: 'OFFICIAL_ESCALATION',
        to,
        cc: [],
        data: mailDataOf(next, actionCtx, superior ? ROLE_LABELS[superior] : '', {
          lateMinutes,
          holders: `${ROLE_LABELS[role]}: ${holders.join(', ')}`,
        }),
        links: {},
      });
    }
  }
  return { app: next, effects };
}
