// Dasbor figures from the register: applications by status and OPD, certificates per month and by state, step times per SOP.

import { type CertificateState, planExpiry, type TrackedCertificate, witaDay } from './expiry';
import { serviceWord } from './lifecycle-request';
import { CERTIFICATE_STATE_LABELS, MONTH_NAMES } from './messages/lifecycle';
import { ACTOR_LABELS, type SopDefinition, sopStages } from './sop';
import { type Application, STATUS, STATUS_LABELS, type Status } from './workflow-types';

/** One label and its count (a table row and a chart point). */
export interface Count {
  key: string;
  label: string;
  count: number;
}

/** Step times of one SOP stage of one service, in business minutes. */
export interface StepStat {
  service: string;
  serviceLabel: string;
  step: number;
  activity: string;
  actorLabel: string;
  samples: number;
  median: number | null;
  p90: number | null;
  standard: number | null;
  onTimeCount: number;
  lateCount: number;
  /** Share of samples within the standard, 0..1; null when the stage has no standard or no samples. */
  onTimeShare: number | null;
}

/** Everything the Dasbor shows. */
export interface DashboardFigures {
  today: string;
  byStatus: Count[];
  byUnit: Count[];
  issuedPerMonth: Count[];
  certificateStates: Count[];
  steps: StepStat[];
}

/** Code-point order: the same on every runtime (localeCompare depends on the ICU data at hand). */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Median of numbers: the middle one, or the mean of the two middle ones. Null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A percentile by nearest rank: the smallest value with at least p% of values at or below it. Null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1]!;
}

/** The month (yyyy-MM) of an instant in WITA; '' when unreadable. */
export function witaMonth(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : witaDay(d).slice(0, 7);
}

/** "November 2026" from "2026-11". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTH_NAMES[Number(m) - 1] ?? m} ${y}`;
}

/** The `count` months ending with `lastMonth` (yyyy-MM), oldest first. */
export function monthsEnding(lastMonth: string, count: number): string[] {
  const [y, m] = lastMonth.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

/** The accountable actor of a stage: the actor of its first step (the one that carries the time standard). */
function stageActorLabel(sop: SopDefinition, step: number): string {
  const first = sop.steps.find((s) => s.no === step);
  return first ? ACTOR_LABELS[first.actor] : '';
}

/** One finished step measurement: the service, the stage, the business minutes and who closed it. */
export interface StepSample {
  app: Application;
  service: string;
  step: number;
  minutes: number;
  endedAt: string;
  official: string;
}

/** Every finished step of every application (a timing with an end and a business-minute total). */
export function stepSamples(apps: readonly Application[]): StepSample[] {
  const out: StepSample[] = [];
  for (const app of apps) {
    for (const timing of Object.values(app.steps)) {
      if (!timing || timing.endedAt === null || timing.businessMinutes === null) continue;
      out.push({
        app,
        service: app.applicant.service,
        step: timing.step,
        minutes: timing.businessMinutes,
        endedAt: timing.endedAt,
        official: timing.actor,
      });
    }
  }
  return out;
}

/**
 * Median, 90th percentile and on-time share per stage of every service's SOP, from the given samples. A sample is on
 * time when its minutes are within the stage's CURRENT standard in that service's SOP (so an edited standard is
 * reported against consistently).
 */
export function stepStats(sops: readonly SopDefinition[], samples: readonly StepSample[]): StepStat[] {
  const out: StepStat[] = [];
  for (const sop of sops) {
    for (const stage of sopStages(sop)) {
      const minutes = samples.filter((s) => s.service === sop.code && s.step === stage.no).map((s) => s.minutes);
      const standard =
        typeof stage.timeStandardMinutes === 'number' && stage.timeStandardMinutes > 0
          ? stage.timeStandardMinutes
          : null;
      const onTimeCount = standard === null ? 0 : minutes.filter((m) => m <= standard).length;
      const lateCount = standard === null ? 0 : minutes.length - onTimeCount;
      out.push({
        service: sop.code,
        serviceLabel: serviceWord(sop.code),
        step: stage.no,
        activity: sop.steps.find((s) => s.no === stage.no)?.activity ?? '',
        actorLabel: stageActorLabel(sop, stage.no),
        samples: minutes.length,
        median: median(minutes),
        p90: percentile(minutes, 90),
        standard,
        onTimeCount,
        lateCount,
        onTimeShare: standard === null || minutes.length === 0 ? null : onTimeCount / minutes.length,
      });
    }
  }
  return out;
}

const STATUS_ORDER = Object.values(STATUS) as Status[];
const STATE_ORDER: CertificateState[] = ['AKTIF', 'SEGERA_KEDALUWARSA', 'KEDALUWARSA', 'DICABUT', 'DIGANTI'];

/**
 * The Dasbor's figures on `now` (WITA). Statuses with no application are left out; OPDs are sorted by count then
 * name; certificates per month cover the `months` months up to this one; certificate states follow the expiry rules
 * (a certificate replaced by a newer one of the same holder counts as "Diganti").
 */
export function dashboardFigures(
  apps: readonly Application[],
  certificates: readonly TrackedCertificate[],
  sops: readonly SopDefinition[],
  now: Date,
  months = 12,
): DashboardFigures {
  const today = witaDay(now);
  const statusCounts = new Map<Status, number>();
  const unitCounts = new Map<string, number>();
  for (const app of apps) {
    if (app.id === '') continue;
    statusCounts.set(app.status, (statusCounts.get(app.status) ?? 0) + 1);
    const unit = app.applicant.unit.trim() || '(tanpa unit kerja)';
    unitCounts.set(unit, (unitCounts.get(unit) ?? 0) + 1);
  }
  const byStatus = STATUS_ORDER.filter((s) => (statusCounts.get(s) ?? 0) > 0).map((s) => ({
    key: s,
    label: STATUS_LABELS[s],
    count: statusCounts.get(s) ?? 0,
  }));
  const byUnit = [...unitCounts.entries()]
    .sort((a, b) => b[1] - a[1] || byText(a[0], b[0]))
    .map(([unit, count]) => ({ key: unit, label: unit, count }));

  const monthList = monthsEnding(today.slice(0, 7), months);
  const perMonth = new Map(monthList.map((m) => [m, 0]));
  for (const c of certificates) {
    const m = witaMonth(c.issuedAt);
    if (perMonth.has(m)) perMonth.set(m, (perMonth.get(m) ?? 0) + 1);
  }
  const issuedPerMonth = monthList.map((m) => ({ key: m, label: monthLabel(m), count: perMonth.get(m) ?? 0 }));

  const stateCounts = new Map<CertificateState, number>();
  for (const { state } of planExpiry(certificates, today).states)
    stateCounts.set(state, (stateCounts.get(state) ?? 0) + 1);
  const certificateStates = STATE_ORDER.map((s) => ({
    key: s,
    label: CERTIFICATE_STATE_LABELS[s],
    count: stateCounts.get(s) ?? 0,
  }));

  return { today, byStatus, byUnit, issuedPerMonth, certificateStates, steps: stepStats(sops, stepSamples(apps)) };
}
