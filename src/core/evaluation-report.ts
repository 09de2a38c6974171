// The monthly "Laporan Monitoring dan Evaluasi Pelaksanaan SOP": its figures from the register and its HTML (for the PDF).

import { witaDay } from './expiry';
import { type Letterhead, letterheadHtml } from './letterhead';
import { serviceWord } from './lifecycle-request';
import { REPORT_TEXT as T } from './messages/lifecycle';
import { REPORT_LATE_TEXT } from './messages/long-lists';
import { BSRE_REJECT_LABELS } from './messages/workflow';
import { byText, monthLabel, type StepStat, stepSamples, stepStats } from './metrics';
import { escapeHtml } from './sanitize';
import { SERVICE_CODES } from './service-sops';
import { ACTOR_LABELS, type SopDefinition, sopStages } from './sop';
import { type Application, type BsreRejectCode, FINAL_STATUSES, type Status } from './workflow-types';

/** Volumes of one service in the period. */
export interface ServiceVolume {
  service: string;
  serviceLabel: string;
  submitted: number;
  finished: number;
  rejected: number;
  rejectedBsre: number;
  returned: number;
  inProgress: number;
}

/** A step that finished later than its standard in the period. */
export interface LateCase {
  reference: string;
  serviceLabel: string;
  step: number;
  activity: string;
  actorLabel: string;
  official: string;
  minutes: number;
  standard: number;
}

/** The report's figures. */
export interface EvaluationReport {
  period: string;
  periodLabel: string;
  generatedAt: string;
  sops: {
    code: string;
    serviceLabel: string;
    number: string;
    name: string;
    effective: string;
    revised: string;
    approvedBy: string;
  }[];
  volumes: ServiceVolume[];
  total: Omit<ServiceVolume, 'service' | 'serviceLabel'>;
  compliance: StepStat[];
  lateCases: LateCase[];
  officeRejections: { reason: string; count: number }[];
  bsreRejections: { code: string; label: string; count: number }[];
  improvements: string[];
}

/** Statuses that end an application (nothing more happens in it). */
const FINISHED: readonly Status[] = FINAL_STATUSES;
/** The actions that complete a service at BSrE (issuance, revocation, passphrase reset). */
const FINISHING_ACTIONS: readonly string[] = ['CERTIFICATE_ISSUED', 'CERTIFICATE_REVOKED', 'PASSPHRASE_RESET_DONE'];
/** How many improvement points the report lists. */
const MAX_IMPROVEMENTS = 3;

/**
 * Whether an instant falls in a WITA month (yyyy-MM): the same answer as witaMonth(iso) === period, as one number
 * comparison, because the report tests every history entry of every application (hundreds of thousands at 50,000).
 */
function periodTest(period: string): (iso: string | null | undefined) => boolean {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const start = Date.UTC(y, m - 1, 1) - 8 * 3_600_000;
  const end = Date.UTC(y, m, 1) - 8 * 3_600_000;
  return (iso) => {
    if (!iso) return false;
    const t = Date.parse(iso);
    return t >= start && t < end;
  };
}

/** The last instant of a WITA month (yyyy-MM), as an ISO instant, for "status at the end of the period". */
function periodEnd(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1) - 8 * 3_600_000 - 1).toISOString();
}

/** The status an application had at an instant, from its own history (null before it was submitted). */
function statusAt(app: Application, iso: string): Status | null {
  let status: Status | null = null;
  for (const h of app.history) if (h.at <= iso) status = h.to;
  return status;
}

function percent(share: number | null): string {
  return share === null ? '-' : `${Math.round(share * 1000) / 10}%`.replace('.', ',');
}

function minutesText(value: number | null): string {
  if (value === null) return '-';
  return (Math.round(value * 10) / 10).toString().replace('.', ',');
}

/**
 * Computes the report of a WITA month (yyyy-MM). Definitions, so the figures can be checked by hand:
 * - submitted: applications whose submission falls in the month; finished / rejected / rejected by BSrE / returned:
 *   history entries of that kind in the month (an application returned twice counts twice); in progress: applications
 *   submitted by the end of the month whose status then was not final.
 * - compliance and late cases: steps that ENDED in the month, in business minutes, against the current standard of
 *   the service's SOP (median; 90th percentile by nearest rank); late means more minutes than the standard.
 * - rejection reasons: the office's reasons as written, BSrE's by reason code.
 * - improvements: the stages late most often (then by late share), at most three.
 */
export function evaluationReport(
  apps: readonly Application[],
  sops: readonly SopDefinition[],
  period: string,
  now: Date,
): EvaluationReport {
  const end = periodEnd(period);
  const inPeriod = periodTest(period);
  const services = SERVICE_CODES.filter((code) => sops.some((s) => s.code === code));
  const volumes: ServiceVolume[] = services.map((service) => {
    const mine = apps.filter((a) => a.id !== '' && a.applicant.service === service);
    const entries = mine.flatMap((a) => a.history.filter((h) => inPeriod(h.at)));
    return {
      service,
      serviceLabel: serviceWord(service),
      submitted: mine.filter((a) => inPeriod(a.submittedAt)).length,
      finished: entries.filter((h) => FINISHING_ACTIONS.includes(h.action)).length,
      rejected: entries.filter((h) => h.action === 'REJECT').length,
      rejectedBsre: entries.filter((h) => h.action === 'BSRE_REJECTED').length,
      returned: entries.filter((h) => h.action === 'RETURN').length,
      inProgress: mine.filter((a) => {
        const s = statusAt(a, end);
        return s !== null && !FINISHED.includes(s);
      }).length,
    };
  });
  const sum = (key: keyof Omit<ServiceVolume, 'service' | 'serviceLabel'>) => volumes.reduce((n, v) => n + v[key], 0);
  const total = {
    submitted: sum('submitted'),
    finished: sum('finished'),
    rejected: sum('rejected'),
    rejectedBsre: sum('rejectedBsre'),
    returned: sum('returned'),
    inProgress: sum('inProgress'),
  };

  const samples = stepSamples(apps.filter((a) => a.id !== '')).filter((s) => inPeriod(s.endedAt));
  const serviceSops = services.map((code) => sops.find((s) => s.code === code)!);
  const compliance = stepStats(serviceSops, samples).filter((s) => s.samples > 0);

  const lateCases: LateCase[] = [];
  for (const sample of samples) {
    const sop = serviceSops.find((s) => s.code === sample.service);
    if (!sop) continue;
    const stage = sopStages(sop).find((s) => s.no === sample.step);
    const standard = stage?.timeStandardMinutes ?? null;
    if (standard === null || standard <= 0 || sample.minutes <= standard) continue;
    const first = sop.steps.find((s) => s.no === sample.step);
    lateCases.push({
      reference: sample.app.id,
      serviceLabel: serviceWord(sample.service),
      step: sample.step,
      activity: first?.activity ?? '',
      actorLabel: first ? ACTOR_LABELS[first.actor] : '',
      official: sample.official,
      minutes: sample.minutes,
      standard,
    });
  }
  lateCases.sort((a, b) => byText(a.reference, b.reference) || a.step - b.step);

  const officeReasons = new Map<string, number>();
  const bsreCodes = new Map<string, number>();
  for (const app of apps) {
    for (const h of app.history) {
      if (!inPeriod(h.at)) continue;
      if (h.action === 'REJECT') {
        const reason = h.note.replace(/\s+/g, ' ').trim() || '-';
        officeReasons.set(reason, (officeReasons.get(reason) ?? 0) + 1);
      } else if (h.action === 'BSRE_REJECTED') {
        const code = h.note.split(':')[0]!.trim() || 'LAINNYA';
        bsreCodes.set(code, (bsreCodes.get(code) ?? 0) + 1);
      }
    }
  }
  const byCount = <T extends { count: number }>(a: T & { k: string }, b: T & { k: string }) =>
    b.count - a.count || byText(a.k, b.k);
  const officeRejections = [...officeReasons.entries()]
    .map(([reason, count]) => ({ k: reason, reason, count }))
    .sort(byCount)
    .map(({ reason, count }) => ({ reason, count }));
  const bsreRejections = [...bsreCodes.entries()]
    .map(([code, count]) => ({ k: code, code, label: BSRE_REJECT_LABELS[code as BsreRejectCode] ?? code, count }))
    .sort(byCount)
    .map(({ code, label, count }) => ({ code, label, count }));

  const improvements = compliance
    .filter((s) => s.lateCount > 0 && s.standard !== null)
    .sort(
      (a, b) =>
        b.lateCount - a.lateCount ||
        b.lateCount / b.samples - a.lateCount / a.samples ||
        SERVICE_CODES.indexOf(a.service as never) - SERVICE_CODES.indexOf(b.service as never) ||
        a.step - b.step,
    )
    .slice(0, MAX_IMPROVEMENTS)
    .map((s) =>
      T.improvement(
        services.length > 1 ? `${s.step} ${s.serviceLabel}` : String(s.step),
        s.actorLabel,
        s.lateCount,
        s.samples,
        percent(s.lateCount / s.samples),
        minutesText(s.median),
        s.standard!,
      ),
    );

  const reported = services.filter(
    (code) => code === 'PENERBITAN_BARU' || volumes.some((v) => v.service === code && v.submitted + v.inProgress > 0),
  );
  return {
    period,
    periodLabel: monthLabel(period),
    generatedAt: now.toISOString(),
    sops: reported.map((code) => {
      const sop = sops.find((s) => s.code === code)!;
      return {
        code,
        serviceLabel: serviceWord(code),
        number: sop.number,
        name: sop.name,
        effective: sop.dates.effective,
        revised: sop.dates.revised,
        approvedBy: sop.approvedBy,
      };
    }),
    volumes,
    total,
    compliance,
    lateCases,
    officeRejections,
    bsreRejections,
    improvements,
  };
}

/** The month before the one containing `now` (WITA): what the monthly trigger reports on. */
export function previousPeriod(now: Date): string {
  const [y, m] = witaDay(now).slice(0, 7).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

function table(head: string[], rows: string[][], numericFrom = 99): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => `<td${i >= numericFrom ? ' class="num"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function witaStamp(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}-${p(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} WITA`;
}

const REPORT_CSS = [
  'body{font-family:Arial,Helvetica,sans-serif;font-size:11px;color:#000;margin:24px}',
  'h1{font-size:16px;text-align:center;margin:4px 0}',
  'h2{font-size:13px;margin:16px 0 6px}',
  'h3{font-size:12px;margin:10px 0 4px}',
  'p{margin:4px 0}',
  'table{width:100%;border-collapse:collapse;margin:4px 0}',
  'th,td{border:1px solid #444;padding:3px 5px;text-align:left;vertical-align:top}',
  'th{background:#e5e7eb}',
  'td.num{text-align:right}',
  '.center{text-align:center}',
  '.note{font-size:10px;color:#333}',
].join('');

/**
 * Late cases the PDF lists: all of them up to LATE_CASES_SHOWN, else the ones furthest over their standard, still in
 * reference order. A 50,000-application register can have thousands in a month; the PDF (Utilities' conversion) stays
 * a few pages, and the compliance table above still counts every one.
 */
const LATE_CASES_SHOWN = 100;

function shownLateCases(cases: readonly LateCase[]): LateCase[] {
  if (cases.length <= LATE_CASES_SHOWN) return [...cases];
  const worst = new Set(
    [...cases].sort((a, b) => b.minutes - b.standard - (a.minutes - a.standard)).slice(0, LATE_CASES_SHOWN),
  );
  return cases.filter((c) => worst.has(c));
}

/**
 * The report as one self-contained HTML document (every value escaped), the input of
 * Utilities.newBlob(html, 'text/html').getAs('application/pdf'). Plain tables only, so any renderer lays it out.
 */
export function renderEvaluationReportHtml(report: EvaluationReport, letterhead: Letterhead): string {
  const v = report.volumes;
  const volumeRows: string[][] = [
    [T.volumeSubmitted, ...v.map((x) => String(x.submitted)), String(report.total.submitted)],
    [T.volumeIssued, ...v.map((x) => String(x.finished)), String(report.total.finished)],
    [T.volumeRejected, ...v.map((x) => String(x.rejected)), String(report.total.rejected)],
    [T.volumeRejectedBsre, ...v.map((x) => String(x.rejectedBsre)), String(report.total.rejectedBsre)],
    [T.volumeReturned, ...v.map((x) => String(x.returned)), String(report.total.returned)],
    [T.volumeInProgress, ...v.map((x) => String(x.inProgress)), String(report.total.inProgress)],
  ];
  const parts: string[] = [
    `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(`${T.title} ${report.periodLabel}`)}</title><style>${REPORT_CSS}</style></head><body>`,
    letterheadHtml(letterhead),
    `<h1>${escapeHtml(T.title.toUpperCase())}</h1>`,
    `<p class="center">${escapeHtml(T.period(report.periodLabel))}</p>`,
    `<p class="center note">${escapeHtml(T.generatedAt(witaStamp(report.generatedAt)))}</p>`,
    `<h2>${escapeHtml(T.identity)}</h2>`,
    table(
      [T.colService, T.sopNumber, T.sopName, T.sopEffective, T.sopRevised, T.sopApprovedBy],
      report.sops.map((s) => [
        s.serviceLabel,
        s.number,
        s.name,
        s.effective || '-',
        s.revised || '-',
        s.approvedBy || '-',
      ]),
    ),
    `<h2>${escapeHtml(T.volumes)}</h2>`,
    table([T.colItem, ...v.map((x) => x.serviceLabel), 'Jumlah'], volumeRows, 1),
    `<h2>${escapeHtml(T.compliance)}</h2>`,
    report.compliance.length === 0
      ? `<p>${escapeHtml(T.lateNone)}</p>`
      : table(
          [T.colService, T.colStep, T.colActor, T.colSamples, T.colMedian, T.colP90, T.colStandard, T.colOnTime],
          report.compliance.map((s) => [
            s.serviceLabel,
            String(s.step),
            s.actorLabel,
            String(s.samples),
            minutesText(s.median),
            minutesText(s.p90),
            s.standard === null ? '-' : String(s.standard),
            s.onTimeShare === null ? '-' : `${s.onTimeCount}/${s.samples} (${percent(s.onTimeShare)})`,
          ]),
          3,
        ),
    `<h2>${escapeHtml(T.late)}</h2>`,
    report.lateCases.length === 0
      ? `<p>${escapeHtml(T.lateNone)}</p>`
      : table(
          [T.colReference, T.colService, T.colStep, T.colActor, T.colOfficial, T.colMinutes, T.colStandard],
          shownLateCases(report.lateCases).map((c) => [
            c.reference,
            c.serviceLabel,
            String(c.step),
            c.actorLabel,
            c.official || '-',
            minutesText(c.minutes),
            String(c.standard),
          ]),
          5,
        ),
    report.lateCases.length > LATE_CASES_SHOWN
      ? `<p class="note">${escapeHtml(REPORT_LATE_TEXT.more(report.lateCases.length - LATE_CASES_SHOWN))}</p>`
      : '',
    `<h2>${escapeHtml(T.rejections)}</h2>`,
    `<h3>${escapeHtml(T.rejectionsOffice)}</h3>`,
    report.officeRejections.length === 0
      ? `<p>${escapeHtml(T.rejectionsNone)}</p>`
      : table(
          [T.colReason, T.colCount],
          report.officeRejections.map((r) => [r.reason, String(r.count)]),
          1,
        ),
    `<h3>${escapeHtml(T.rejectionsBsre)}</h3>`,
    report.bsreRejections.length === 0
      ? `<p>${escapeHtml(T.rejectionsNone)}</p>`
      : table(
          [T.colReason, T.colCount],
          report.bsreRejections.map((r) => [r.label, String(r.count)]),
          1,
        ),
    `<h2>${escapeHtml(T.improvements)}</h2>`,
    report.improvements.length === 0
      ? `<p>${escapeHtml(T.improvementsNone)}</p>`
      : `<ol>${report.improvements.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ol>`,
    `<p class="note">${escapeHtml(T.footer)}</p>`,
    '</body></html>',
  ];
  return parts.join('');
}
