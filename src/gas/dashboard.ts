// The Dasbor sheet: figures computed by the script (core/metrics) written as values, with native charts over them.

import { DASHBOARD_TEXT as T } from '../core/messages/lifecycle';
import { LATE_NOW_TEXT } from '../core/messages/long-lists';
import { SHEET_NAMES } from '../core/messages/shell';
import { type DashboardFigures, dashboardFigures } from '../core/metrics';
import { sopForService } from '../core/service-sops';
import { currentLateness } from '../core/sla';
import type { SopDefinition } from '../core/sop';
import type { Application } from '../core/workflow-types';
import { readApplicationColumns } from './column-reader';
import { type Env, loadEnv } from './env';
import { openCertificatesWithLifecycle, readCertificates, readServiceSops } from './lifecycle-sheets';
import { withScriptLock } from './lock';
import { openRegister } from './register';

/**
 * The register columns the Dasbor's figures and the late-now table use (with the application number): status, SOP
 * step, service, OPD and step times. The SLA check reads the same ones, for its own decision and the refresh.
 */
export const DASHBOARD_HEADERS: readonly string[] = [
  'Kode status',
  'Tahap SOP',
  'Kode layanan',
  'Unit kerja / OPD',
  'Waktu tahap (JSON)',
];

const WIDTH = 8;
/**
 * Rows of the late-now table: the most overdue first. The rest are counted in one line, so the Dasbor (and the
 * cells and calls of a refresh) stays the same size however many applications are late.
 */
const LATE_NOW_ROWS = 50;
/** Charts sit right of the tables, from this column. */
const CHART_COLUMN = 10;

type CellValue = string | number;

interface Block {
  title: string;
  head: string[];
  rows: CellValue[][];
  /** Column formats of the data rows ('@' text, '0' whole, '0.0' one decimal). */
  formats: string[];
  chart?: { type: 'BAR' | 'COLUMN' | 'PIE'; title: string };
}

function percentOf(share: number | null): CellValue {
  return share === null ? T.none : Math.round(share * 1000) / 10;
}

/** An application whose running step is past its standard now: "TTE-2026-0001 (tahap 1)" and minutes over. */
export interface LateNow {
  label: string;
  minutesOver: number;
}

function blocksOf(f: DashboardFigures, late: LateNow[]): Block[] {
  const counts = (
    title: string,
    head: string,
    rows: { label: string; count: number }[],
    chart: Block['chart'],
  ): Block => ({
    title,
    head: [head, T.colCount],
    rows: rows.map((r) => [r.label, r.count]),
    formats: ['@', '0'],
    chart,
  });
  const measured = f.steps.filter((s) => s.standard !== null && s.samples > 0);
  return [
    counts(T.byStatus, T.colStatus, f.byStatus, { type: 'BAR', title: T.chartByStatus }),
    counts(T.byUnit, T.colUnit, f.byUnit, { type: 'BAR', title: T.chartByUnit }),
    counts(T.perMonth, T.colMonth, f.issuedPerMonth, { type: 'COLUMN', title: T.chartPerMonth }),
    counts(T.certStates, T.colState, f.certificateStates, { type: 'PIE', title: T.chartCertStates }),
    {
      title: T.steps,
      head: [T.colService, T.colStep, T.colActor, T.colSamples, T.colMedian, T.colP90, T.colStandard, T.colOnTime],
      rows: f.steps.map((s) => [
        s.serviceLabel,
        String(s.step),
        s.actorLabel,
        s.samples,
        s.median ?? T.none,
        s.p90 ?? T.none,
        s.standard ?? T.none,
        percentOf(s.onTimeShare),
      ]),
      formats: ['@', '@', '@', '0', '0.0', '0.0', '0', '0.0'],
    },
    {
      title: T.chartOnTime,
      head: [T.colStep, T.colOnTime],
      rows: measured.map((s) => [`${s.serviceLabel} tahap ${s.step}`, percentOf(s.onTimeShare)]),
      formats: ['@', '0.0'],
      chart: { type: 'COLUMN', title: T.chartOnTime },
    },
    {
      title: T.lateNow,
      head: [T.colApplication, T.colMinutesOver],
      rows: [
        ...late.slice(0, LATE_NOW_ROWS).map((l): CellValue[] => [l.label, l.minutesOver]),
        ...(late.length > LATE_NOW_ROWS ? [[LATE_NOW_TEXT.more(late.length - LATE_NOW_ROWS), '']] : []),
      ],
      formats: ['@', '0'],
    },
  ];
}

/**
 * Rewrites the Dasbor: clears it, writes every table in one setValues (number formats first, so labels stay text and
 * counts stay numbers), then replaces the charts. Values, not formulas over the register: sorting or filtering the
 * register by staff cannot change them, and the next refresh recomputes them.
 */
export function writeDashboard(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  figures: DashboardFigures,
  late: LateNow[],
  now: Date,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.dashboard) ?? spreadsheet.insertSheet(SHEET_NAMES.dashboard);
  const grid: CellValue[][] = [];
  const formats: string[][] = [];
  const pad = <T>(cells: T[], fill: T): T[] => [...cells, ...Array(WIDTH - cells.length).fill(fill)];
  const push = (cells: CellValue[], format: string[] = []) => {
    grid.push(pad(cells, ''));
    formats.push(pad(format.length > 0 ? format : cells.map(() => '@'), '@'));
  };
  push([T.title]);
  push([T.refreshedAt(`${Utilities.formatDate(now, 'Asia/Makassar', 'dd-MM-yyyy HH:mm')} WITA`)]);
  push([]);
  const charts: { block: Block; firstRow: number; count: number; titleRow: number }[] = [];
  for (const block of blocksOf(figures, late)) {
    const titleRow = grid.length + 1;
    push([block.title]);
    push(block.head);
    const firstRow = grid.length + 1;
    for (const row of block.rows) push(row, block.formats);
    if (block.rows.length === 0) push([T.none]);
    if (block.chart && block.rows.length > 0) charts.push({ block, firstRow, count: block.rows.length, titleRow });
    push([]);
  }
  sheet.clearContents();
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < CHART_COLUMN + 6) sheet.insertColumnsAfter(maxColumns, CHART_COLUMN + 6 - maxColumns);
  const maxRows = sheet.getMaxRows();
  if (maxRows < grid.length) sheet.insertRowsAfter(maxRows, grid.length - maxRows);
  const range = sheet.getRange(1, 1, grid.length, WIDTH);
  range.setNumberFormats(formats);
  range.setValues(grid);
  const wanted = charts.map((c) => sheet.getRange(c.firstRow - 1, 1, c.count + 1, 2).getA1Notation()).join('|');
  const existing = sheet.getCharts();
  const present = existing
    .map((c) =>
      c
        .getRanges()
        .map((r) => r.getA1Notation())
        .join(','),
    )
    .join('|');
  if (existing.length === charts.length && present === wanted) return sheet;
  for (const chart of existing) sheet.removeChart(chart);
  for (const { block, firstRow, count, titleRow } of charts) {
    const spec = block.chart!;
    const builder = sheet.newChart().addRange(sheet.getRange(firstRow - 1, 1, count + 1, 2));
    const typed =
      spec.type === 'PIE' ? builder.asPieChart() : spec.type === 'BAR' ? builder.asBarChart() : builder.asColumnChart();
    sheet.insertChart(
      typed
        .setOption('title', spec.title)
        .setOption('legend', { position: spec.type === 'PIE' ? 'right' : 'none' })
        .setOption('useFirstRowAsHeaders', true)
        .setPosition(titleRow, CHART_COLUMN, 0, 0)
        .build(),
    );
  }
  return sheet;
}

/**
 * Computes the figures from the register (only DASHBOARD_HEADERS, unless the caller read them) and Sertifikat Terbit,
 * and rewrites the Dasbor.
 */
export function refreshDashboardFrom(env: Env, apps?: Application[], sops?: SopDefinition[]): DashboardFigures {
  const applications =
    apps ??
    readApplicationColumns(openRegister(env.spreadsheet, env.sop), env.sop, DASHBOARD_HEADERS).map(
      (partial) => partial.app,
    );
  const certificates = readCertificates(openCertificatesWithLifecycle(env.spreadsheet)).map((c) => c.tracked);
  const allSops = sops ?? readServiceSops(env.spreadsheet);
  const figures = dashboardFigures(applications, certificates, allSops, env.now);
  const late: LateNow[] = [];
  for (const app of applications) {
    const sop = sopForService(allSops, app.applicant.service);
    const lateness = currentLateness(app, { now: env.now, sop, settings: env.settings, calendar: env.calendar });
    if (lateness?.late)
      late.push({ label: `${app.id} (${T.step} ${lateness.step})`, minutesOver: lateness.elapsed - lateness.standard });
  }
  late.sort((a, b) => b.minutesOver - a.minutesOver || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  writeDashboard(env.spreadsheet, figures, late, env.now);
  return figures;
}

/** Menu "Perbarui Dasbor" and the trigger: refreshes under the script lock. */
export function refreshDashboard(): { statuses: number; certificates: number } {
  return withScriptLock(() => {
    const figures = refreshDashboardFrom(loadEnv());
    return {
      statuses: figures.byStatus.reduce((n, c) => n + c.count, 0),
      certificates: figures.certificateStates.reduce((n, c) => n + c.count, 0),
    };
  });
}
