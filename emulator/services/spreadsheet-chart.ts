// Emulated embedded charts: the builder records type, ranges, options and position into SheetState.charts.
import type { ExecutionContext } from '../context';
import type { ChartState } from '../state';
import { parseA1, quoteSheetName, toA1 } from './a1';
import { getSheetState, getSpreadsheetState } from './spreadsheet-model';
import { addressOf, rangeObject } from './spreadsheet-range';
import { wrap } from './spreadsheet-wrap';

type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/** Charts.ChartType values as strings (the simulator draws from these names). Ref: https://developers.google.com/apps-script/reference/charts/chart-type */
export const CHART_TYPES = {
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  RADAR: 'RADAR',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TIMELINE: 'TIMELINE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
} as const;

/** A chart as a script holds it: detached (chartId null) until Sheet.insertChart stores it. */
export interface ChartDraft {
  chartId: number | null;
  spreadsheetId: string;
  sheetId: number;
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
  position: { row: number; column: number };
}

export function draftFromState(spreadsheetId: string, sheetId: number, c: ChartState): ChartDraft {
  return {
    chartId: c.chartId,
    spreadsheetId,
    sheetId,
    type: c.type,
    ranges: [...c.ranges],
    options: { ...c.options },
    position: { ...c.position },
  };
}

const drafts = new WeakMap<object, ChartDraft>();

/** 'Sheet!A1:B2' for a range, read without counting script calls. */
function rangeKey(ctx: ExecutionContext, range: GoogleAppsScript.Spreadsheet.Range): string {
  const a = addressOf(range);
  const sheet = getSheetState(getSpreadsheetState(ctx.state, a.spreadsheetId), a.sheetId);
  return `${quoteSheetName(sheet.name)}!${toA1(a.row, a.column, a.numRows, a.numColumns)}`;
}

/** The draft behind a chart object a script passes back (insertChart, updateChart, removeChart). */
export function draftOf(chart: Chart): ChartDraft {
  const d = drafts.get(chart as object);
  if (!d) throw new Error('Emulator: not a chart built by this emulator.');
  return d;
}

export function chartBuilder(ctx: ExecutionContext, draft: ChartDraft): Builder {
  const d: ChartDraft = { ...draft, ranges: [...draft.ranges], options: { ...draft.options } };
  let self: Builder;
  const setType = (type: string) => () => {
    d.type = type;
    return self;
  };
  const option = (key: string) => (value: unknown) => {
    d.options[key] = value;
    return self;
  };
  const impl = {
    addRange(range: GoogleAppsScript.Spreadsheet.Range) {
      d.ranges.push(rangeKey(ctx, range));
      return self;
    },
    removeRange(range: GoogleAppsScript.Spreadsheet.Range) {
      const key = rangeKey(ctx, range);
      d.ranges = d.ranges.filter((r) => r !== key);
      return self;
    },
    clearRanges() {
      d.ranges = [];
      return self;
    },
    getRanges() {
      return rangesOf(ctx, d);
    },
    setChartType(type: unknown) {
      d.type = String(type);
      return self;
    },
    getChartType() {
      return d.type;
    },
    setOption(key: string, value: unknown) {
      d.options[key] = value;
      return self;
    },
    setPosition(anchorRowPos: number, anchorColPos: number, _offsetX: number, _offsetY: number) {
      d.position = { row: anchorRowPos, column: anchorColPos };
      return self;
    },
    setNumHeaders: option('numHeaders'),
    setTransposeRowsAndColumns: option('transpose'),
    setTitle: option('title'),
    setColors: option('colors'),
    setLegendPosition: (v: unknown) => option('legend.position')(String(v)),
    set3D: () => option('is3D')(true),
    setStacked: () => option('isStacked')(true),
    setXAxisTitle: option('hAxis.title'),
    setYAxisTitle: option('vAxis.title'),
    asAreaChart: setType('AREA'),
    asBarChart: setType('BAR'),
    asColumnChart: setType('COLUMN'),
    asComboChart: setType('COMBO'),
    asHistogramChart: setType('HISTOGRAM'),
    asLineChart: setType('LINE'),
    asPieChart: setType('PIE'),
    asScatterChart: setType('SCATTER'),
    asTableChart: setType('TABLE'),
    build() {
      return chartObject(ctx, { ...d, ranges: [...d.ranges], options: { ...d.options } });
    },
  };
  self = wrap<Builder>(ctx, 'SpreadsheetApp', 'EmbeddedChartBuilder', impl);
  return self;
}

function rangesOf(ctx: ExecutionContext, d: ChartDraft): GoogleAppsScript.Spreadsheet.Range[] {
  const ss = getSpreadsheetState(ctx.state, d.spreadsheetId);
  return d.ranges.map((key) => {
    const ref = parseA1(key);
    const sheet = ss.sheets.find((s) => s.name === ref.sheetName) ?? getSheetState(ss, d.sheetId);
    return rangeObject(ctx, {
      spreadsheetId: d.spreadsheetId,
      sheetId: sheet.sheetId,
      row: ref.startRow,
      column: ref.startColumn,
      numRows: (ref.endRow ?? sheet.maxRows) - ref.startRow + 1,
      numColumns: (ref.endColumn ?? sheet.maxColumns) - ref.startColumn + 1,
    });
  });
}

export function chartObject(ctx: ExecutionContext, d: ChartDraft): Chart {
  const impl = {
    getChartId: () => d.chartId,
    getRanges: () => rangesOf(ctx, d),
    getOptions: () => ({
      get: (key: string) => d.options[key] ?? null,
      getOrDefault: (key: string) => d.options[key] ?? null,
    }),
    getContainerInfo: () => ({
      getAnchorRow: () => d.position.row,
      getAnchorColumn: () => d.position.column,
      getOffsetX: () => 0,
      getOffsetY: () => 0,
    }),
    getNumHeaders: () => (d.options.numHeaders as number | undefined) ?? -1,
    getTransposeRowsAndColumns: () => Boolean(d.options.transpose),
    modify: () => chartBuilder(ctx, d),
    getAs: () => {
      throw new Error('Emulator: EmbeddedChart.getAs() (chart images) is not emulated (Open).');
    },
    getBlob: () => {
      throw new Error('Emulator: EmbeddedChart.getBlob() (chart images) is not emulated (Open).');
    },
  };
  const chart = wrap<Chart>(ctx, 'SpreadsheetApp', 'EmbeddedChart', impl);
  drafts.set(chart as object, d);
  return chart;
}
