// The emulated SpreadsheetApp Sheet: ranges, rows and columns, appendRow, frozen panes, protections, charts.
import type { ExecutionContext } from '../context';
import type { SheetState, SpreadsheetState } from '../state';
import { parseA1 } from './a1';
import { spreadsheetObject } from './spreadsheet';
import { chartBuilder, chartObject, draftFromState, draftOf } from './spreadsheet-chart';
import {
  assertCellBudget,
  assertWritable,
  getSheetState,
  getSpreadsheetState,
  lastColumn,
  lastRow,
  PROTECTED,
  spreadsheetAccess,
} from './spreadsheet-model';
import { createProtection, protectionObject } from './spreadsheet-protection';
import { type RangeAddress, rangeObject, sortRows, writeValues } from './spreadsheet-range';
import { implOf, wrap } from './spreadsheet-wrap';
import { createTextFinder } from './text-finder';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The sheets activated during each execution (SpreadsheetApp.getActiveSheet), not persisted. */
const activeSheets = new WeakMap<ExecutionContext, Map<string, number>>();

export function setActiveSheet(ctx: ExecutionContext, spreadsheetId: string, sheetId: number): void {
  let m = activeSheets.get(ctx);
  if (!m) {
    m = new Map();
    activeSheets.set(ctx, m);
  }
  m.set(spreadsheetId, sheetId);
}

/** Open: with no UI selection, the active sheet is the first sheet unless the script activated another. */
export function activeSheetId(ctx: ExecutionContext, ss: SpreadsheetState): number {
  const id = activeSheets.get(ctx)?.get(ss.id);
  if (id !== undefined && ss.sheets.some((s) => s.sheetId === id)) return id;
  const first = ss.sheets[0];
  if (!first) throw new Error('Emulator: spreadsheet has no sheets.');
  return first.sheetId;
}

/** Which spreadsheet and sheet a Sheet object the script passes back stands for. */
export function sheetRefOf(sheet: Sheet): { spreadsheetId: string; sheetId: number } {
  const impl = implOf(sheet);
  if (!(impl instanceof EmuSheet)) throw new Error('Emulator: not a Sheet from this emulator.');
  return impl.ref();
}

export function sheetObject(ctx: ExecutionContext, spreadsheetId: string, sheetId: number): Sheet {
  const impl = new EmuSheet(ctx, spreadsheetId, sheetId);
  const self = wrap<Sheet>(ctx, 'SpreadsheetApp', 'Sheet', impl);
  impl.self = self;
  return self;
}

/** Ref: Spreadsheet.insertSheet / Sheet.setName — sheet names are unique. Open: the wording. */
export function duplicateSheetName(name: string): Error {
  return new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
}

/** A range in a sheet from A1 notation (open ends reach the grid's edge; a sheet prefix is ignored). */
export function rangeFromA1(ctx: ExecutionContext, spreadsheetId: string, sheet: SheetState, a1: string): Range {
  const ref = parseA1(a1);
  const endRow = ref.endRow ?? sheet.maxRows;
  const endColumn = ref.endColumn ?? sheet.maxColumns;
  return rangeObject(ctx, {
    spreadsheetId,
    sheetId: sheet.sheetId,
    row: ref.startRow,
    column: ref.startColumn,
    numRows: endRow - ref.startRow + 1,
    numColumns: endColumn - ref.startColumn + 1,
  });
}

function emptyRows<T>(n: number): T[][] {
  return Array.from({ length: n }, () => [] as T[]);
}

class EmuSheet implements Partial<Sheet> {
  self!: Sheet;

  constructor(
    private readonly ctx: ExecutionContext,
    private readonly spreadsheetId: string,
    private readonly sheetId: number,
  ) {}

  ref(): { spreadsheetId: string; sheetId: number } {
    return { spreadsheetId: this.spreadsheetId, sheetId: this.sheetId };
  }

  private ss(): SpreadsheetState {
    return getSpreadsheetState(this.ctx.state, this.spreadsheetId);
  }

  private sheet(): SheetState {
    return getSheetState(this.ss(), this.sheetId);
  }

  private assertWritable(rect: { row: number; column: number; numRows: number; numColumns: number } | null): void {
    assertWritable(this.ctx.state, this.ss(), this.sheet(), this.ctx.users.effective, rect);
  }

  /** Structure changes (rename, hide, freeze, insert/delete) need edit access and an unprotected sheet. */
  private assertStructure(): void {
    this.assertWritable(null);
  }

  getName(): string {
    return this.sheet().name;
  }

  getSheetName(): string {
    return this.sheet().name;
  }

  setName(name: string): Sheet {
    this.assertStructure();
    const ss = this.ss();
    if (ss.sheets.some((s) => s.sheetId !== this.sheetId && s.name.toLowerCase() === name.toLowerCase())) {
      throw duplicateSheetName(name);
    }
    this.sheet().name = name;
    return this.self;
  }

  getSheetId(): number {
    return this.sheetId;
  }

  /** Ref: Sheet.getIndex — 1-based position among the sheets. */
  getIndex(): number {
    return this.ss().sheets.findIndex((s) => s.sheetId === this.sheetId) + 1;
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return spreadsheetObject(this.ctx, this.spreadsheetId);
  }

  getType(): GoogleAppsScript.Spreadsheet.SheetType {
    return 'GRID' as unknown as GoogleAppsScript.Spreadsheet.SheetType;
  }

  // Ranges --------------------------------------------------------------------------------------------------------

  /** Ref: Sheet.getRange(row, column, numRows, numColumns) and getRange(a1Notation). */
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof a === 'string') return rangeFromA1(this.ctx, this.spreadsheetId, this.sheet(), a);
    if (column === undefined)
      throw new Error("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    return rangeObject(this.ctx, {
      spreadsheetId: this.spreadsheetId,
      sheetId: this.sheetId,
      row: a,
      column,
      numRows: numRows ?? 1,
      numColumns: numColumns ?? 1,
    });
  }

  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    const ranges = a1Notations.map((a1) => rangeFromA1(this.ctx, this.spreadsheetId, this.sheet(), a1));
    let self: GoogleAppsScript.Spreadsheet.RangeList;
    const each = (fn: (r: Range) => void) => () => {
      for (const r of ranges) fn(r);
      return self;
    };
    self = wrap(this.ctx, 'SpreadsheetApp', 'RangeList', {
      getRanges: () => [...ranges],
      clearContent: each((r) => r.clearContent()),
      clear: each((r) => r.clear()),
      setValue: (v: unknown) => each((r) => r.setValue(v))(),
      setNumberFormat: (f: string) => each((r) => r.setNumberFormat(f))(),
      setFontWeight: () => self,
      setBackground: () => self,
      setWrap: () => self,
      setHorizontalAlignment: () => self,
    });
    return self;
  }

  /** Ref: Sheet.getDataRange — "from A1 to (Sheet.getLastColumn(), Sheet.getLastRow())". */
  getDataRange(): Range {
    const sheet = this.sheet();
    return this.getRange(1, 1, Math.max(1, lastRow(sheet)), Math.max(1, lastColumn(sheet)));
  }

  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    const sheet = this.sheet();
    const rows = numRows === -1 ? lastRow(sheet) - startRow + 1 : numRows;
    const cols = numColumns === -1 ? lastColumn(sheet) - startColumn + 1 : numColumns;
    return this.getRange(startRow, startColumn, rows, cols).getValues();
  }

  /** Ref: Sheet.getLastRow — the last row with content (not the grid size). */
  getLastRow(): number {
    return lastRow(this.sheet());
  }

  getLastColumn(): number {
    return lastColumn(this.sheet());
  }

  getMaxRows(): number {
    return this.sheet().maxRows;
  }

  getMaxColumns(): number {
    return this.sheet().maxColumns;
  }

  // Rows and columns ----------------------------------------------------------------------------------------------

  /**
   * Ref: Sheet.appendRow — "Appends a row to the bottom of the current data region in the sheet. If a cell's content
   * begins with =, it's interpreted as a formula." The grid grows when the data reaches its last row.
   * Open: a row the grid grows by does not inherit number formats (conservative: '@' must be set on it).
   */
  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents))
      throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    const ss = this.ss();
    const sheet = this.sheet();
    const row = lastRow(sheet) + 1;
    const growRows = row > sheet.maxRows ? 1 : 0;
    const growColumns = Math.max(0, rowContents.length - sheet.maxColumns);
    assertCellBudget(ss, growRows * (sheet.maxColumns + growColumns) + growColumns * sheet.maxRows);
    this.assertWritable({ row, column: 1, numRows: 1, numColumns: Math.max(1, rowContents.length) });
    writeValues(this.ctx, ss, sheet, row, 1, [rowContents]);
    sheet.maxRows += growRows;
    sheet.maxColumns += growColumns;
    return this.self;
  }

  /**
   * Inserts blank rows before `position`. Open: the new rows take the number formats of the row they were inserted
   * next to (`inheritFrom`), as the Sheets UI does when inserting beside a row.
   */
  private insertRowsAt(position: number, count: number, inheritFrom: number): Sheet {
    if (count < 1) throw new Error('The number of rows must be at least 1.');
    const ss = this.ss();
    const sheet = this.sheet();
    if (position < 1 || position > sheet.maxRows + 1) throw new Error('Those rows are out of bounds.');
    this.assertStructure();
    assertCellBudget(ss, count * sheet.maxColumns);
    const formats = [...(sheet.numberFormats[inheritFrom - 1] ?? [])];
    const at = position - 1;
    const pad = <T>(grid: T[][]) => {
      while (grid.length < at) grid.push([]);
    };
    pad(sheet.values);
    pad(sheet.formulas);
    pad(sheet.numberFormats);
    sheet.values.splice(at, 0, ...emptyRows<never>(count));
    sheet.formulas.splice(at, 0, ...emptyRows<string>(count));
    sheet.numberFormats.splice(at, 0, ...Array.from({ length: count }, () => [...formats]));
    sheet.maxRows += count;
    return this.self;
  }

  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAt(afterPosition + 1, 1, afterPosition);
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    return this.insertRowsAt(afterPosition + 1, howMany, afterPosition);
  }

  insertRowBefore(beforePosition: number): Sheet {
    return this.insertRowsAt(beforePosition, 1, beforePosition);
  }

  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    return this.insertRowsAt(beforePosition, howMany, beforePosition);
  }

  insertRows(rowIndex: number, numRows?: number): void {
    this.insertRowsAt(rowIndex, numRows ?? 1, rowIndex);
  }

  /** Ref: Sheet.deleteRows. Open: the wording when every non-frozen row would go. */
  deleteRows(rowPosition: number, howMany: number): void {
    const sheet = this.sheet();
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > sheet.maxRows) {
      throw new Error('Those rows are out of bounds.');
    }
    if (sheet.maxRows - howMany <= sheet.frozenRows) {
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.assertStructure();
    this.assertWritable({ row: rowPosition, column: 1, numRows: howMany, numColumns: sheet.maxColumns });
    sheet.values.splice(rowPosition - 1, howMany);
    sheet.formulas.splice(rowPosition - 1, howMany);
    sheet.numberFormats.splice(rowPosition - 1, howMany);
    sheet.maxRows -= howMany;
  }

  deleteRow(rowPosition: number): Sheet {
    this.deleteRows(rowPosition, 1);
    return this.self;
  }

  private insertColumnsAt(position: number, count: number, inheritFrom: number): Sheet {
    if (count < 1) throw new Error('The number of columns must be at least 1.');
    const ss = this.ss();
    const sheet = this.sheet();
    if (position < 1 || position > sheet.maxColumns + 1) throw new Error('Those columns are out of bounds.');
    this.assertStructure();
    assertCellBudget(ss, count * sheet.maxRows);
    const at = position - 1;
    const spliceRow = <T>(row: T[], fill: T, inherit: boolean) => {
      if (row.length < at) return;
      const value = inherit ? ((row[inheritFrom - 1] as T | undefined) ?? fill) : fill;
      row.splice(at, 0, ...Array.from({ length: count }, () => value));
    };
    for (const r of sheet.values) spliceRow(r, '', false);
    for (const r of sheet.formulas) spliceRow(r, '', false);
    for (const r of sheet.numberFormats) spliceRow(r, '', true);
    sheet.maxColumns += count;
    return this.self;
  }

  insertColumnAfter(afterPosition: number): Sheet {
    return this.insertColumnsAt(afterPosition + 1, 1, afterPosition);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    return this.insertColumnsAt(afterPosition + 1, howMany, afterPosition);
  }

  insertColumnBefore(beforePosition: number): Sheet {
    return this.insertColumnsAt(beforePosition, 1, beforePosition);
  }

  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    return this.insertColumnsAt(beforePosition, howMany, beforePosition);
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    const sheet = this.sheet();
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > sheet.maxColumns) {
      throw new Error('Those columns are out of bounds.');
    }
    if (sheet.maxColumns - howMany <= sheet.frozenColumns) {
      throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    }
    this.assertStructure();
    for (const grid of [sheet.values, sheet.formulas, sheet.numberFormats] as unknown[][][]) {
      for (const r of grid) r.splice(columnPosition - 1, howMany);
    }
    sheet.maxColumns -= howMany;
  }

  deleteColumn(columnPosition: number): Sheet {
    this.deleteColumns(columnPosition, 1);
    return this.self;
  }

  // Layout --------------------------------------------------------------------------------------------------------

  setFrozenRows(rows: number): void {
    this.assertStructure();
    this.sheet().frozenRows = rows;
  }

  getFrozenRows(): number {
    return this.sheet().frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.assertStructure();
    this.sheet().frozenColumns = columns;
  }

  getFrozenColumns(): number {
    return this.sheet().frozenColumns;
  }

  /** Ref: Sheet.hideSheet. Open: hiding the only visible sheet throws on Google; the wording is unconfirmed. */
  hideSheet(): Sheet {
    this.assertStructure();
    const ss = this.ss();
    if (ss.sheets.filter((s) => !s.hidden && s.sheetId !== this.sheetId).length === 0) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this.sheet().hidden = true;
    return this.self;
  }

  showSheet(): Sheet {
    this.assertStructure();
    this.sheet().hidden = false;
    return this.self;
  }

  isSheetHidden(): boolean {
    return this.sheet().hidden;
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    this.sheet().columnWidths[columnPosition] = width;
    return this.self;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.sheet().columnWidths[c] = width;
    return this.self;
  }

  /** Ref: Sheet.getColumnWidth — in pixels; 100 is Sheets' default width. */
  getColumnWidth(columnPosition: number): number {
    return this.sheet().columnWidths[columnPosition] ?? 100;
  }

  /**
   * Ref: Sheet.autoResizeColumn — "Sets the width of the given column to fit its contents." Emulated as about 7 px
   * per displayed character plus padding (Open: Sheets measures the rendered font).
   */
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    const sheet = this.sheet();
    const last = lastRow(sheet);
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      if (last > 0) {
        const shown = this.getRange(1, c, last, 1).getDisplayValues();
        for (const [text = ''] of shown) longest = Math.max(longest, text.length);
      }
      sheet.columnWidths[c] = Math.max(30, Math.min(1000, longest * 7 + 10));
    }
    return this.self;
  }

  autoResizeColumn(columnPosition: number): Sheet {
    return this.autoResizeColumns(columnPosition, 1);
  }

  setRowHeight(_rowPosition: number, _height: number): Sheet {
    return this.self;
  }

  setRowHeights(_startRow: number, _numRows: number, _height: number): Sheet {
    return this.self;
  }

  hideColumns(_columnIndex: number, _numColumns?: number): void {}

  showColumns(_columnIndex: number, _numColumns?: number): void {}

  hideRows(_rowIndex: number, _numRows?: number): void {}

  showRows(_rowIndex: number, _numRows?: number): void {}

  /** Conditional format rules are accepted and not stored (Open: the simulator does not draw them). */
  setConditionalFormatRules(_rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {}

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return [];
  }

  clearConditionalFormatRules(): void {}

  setTabColor(color: string | null): Sheet {
    this.sheet().tabColor = color;
    return this.self;
  }

  getTabColor(): string | null {
    return this.sheet().tabColor;
  }

  activate(): Sheet {
    setActiveSheet(this.ctx, this.spreadsheetId, this.sheetId);
    return this.self;
  }

  // Content -------------------------------------------------------------------------------------------------------

  /** Ref: Sheet.clear — content and formats. */
  clear(): Sheet {
    this.assertWritable(null);
    const sheet = this.sheet();
    sheet.values = [];
    sheet.formulas = [];
    sheet.numberFormats = [];
    return this.self;
  }

  clearContents(): Sheet {
    this.assertWritable(null);
    const sheet = this.sheet();
    sheet.values = [];
    sheet.formulas = [];
    return this.self;
  }

  clearFormats(): Sheet {
    this.assertWritable(null);
    this.sheet().numberFormats = [];
    return this.self;
  }

  /** Ref: Sheet.sort(columnPosition, ascending) — sorts the rows below the frozen rows by a column. */
  sort(columnPosition: number, ascending = true): Sheet {
    const sheet = this.sheet();
    const first = sheet.frozenRows + 1;
    const last = lastRow(sheet);
    if (last >= first) {
      const address: RangeAddress = {
        spreadsheetId: this.spreadsheetId,
        sheetId: this.sheetId,
        row: first,
        column: 1,
        numRows: last - first + 1,
        numColumns: Math.max(1, lastColumn(sheet), columnPosition),
      };
      sortRows(this.ctx, address, { column: columnPosition, ascending });
    }
    return this.self;
  }

  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return createTextFinder(this.ctx, this.spreadsheetId, findText, () => {
      const sheet = this.sheet();
      return [
        {
          spreadsheetId: this.spreadsheetId,
          sheetId: this.sheetId,
          row: 1,
          column: 1,
          numRows: Math.max(1, lastRow(sheet)),
          numColumns: Math.max(1, lastColumn(sheet)),
        },
      ];
    });
  }

  // Protection ----------------------------------------------------------------------------------------------------

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return createProtection(this.ctx, this.spreadsheetId, this.sheetId, null);
  }

  /** Ref: Sheet.getProtections(type) — the protections of that type the user may see. */
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    const wanted = String(type);
    return this.sheet()
      .protections.filter((p) => p.type === wanted)
      .map((p) => protectionObject(this.ctx, this.spreadsheetId, this.sheetId, p.id));
  }

  // Charts --------------------------------------------------------------------------------------------------------

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return chartBuilder(this.ctx, {
      chartId: null,
      spreadsheetId: this.spreadsheetId,
      sheetId: this.sheetId,
      type: 'COLUMN',
      ranges: [],
      options: {},
      position: { row: 1, column: 1 },
    });
  }

  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.assertWritable(null);
    const d = draftOf(chart);
    this.ctx.state.seq += 1;
    d.chartId = this.ctx.state.seq;
    this.sheet().charts.push({
      chartId: d.chartId,
      type: d.type,
      ranges: [...d.ranges],
      options: { ...d.options },
      position: { ...d.position },
    });
  }

  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.sheet().charts.map((c) => chartObject(this.ctx, draftFromState(this.spreadsheetId, this.sheetId, c)));
  }

  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.assertWritable(null);
    const id = draftOf(chart).chartId;
    const sheet = this.sheet();
    sheet.charts = sheet.charts.filter((c) => c.chartId !== id);
  }

  /** Ref: Sheet.updateChart — "Updates the chart on this sheet" (a chart rebuilt from chart.modify()). */
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.assertWritable(null);
    const d = draftOf(chart);
    const sheet = this.sheet();
    const i = sheet.charts.findIndex((c) => c.chartId === d.chartId);
    if (i < 0) throw new Error('Emulator: the chart is not on this sheet.');
    sheet.charts[i] = {
      chartId: d.chartId as number,
      type: d.type,
      ranges: [...d.ranges],
      options: { ...d.options },
      position: { ...d.position },
    };
  }
}

/** Whether the effective user can edit the spreadsheet at all (used by Spreadsheet-level structure changes). */
export function assertCanEditSpreadsheet(ctx: ExecutionContext, ss: SpreadsheetState): void {
  const access = spreadsheetAccess(ctx.state, ss, ctx.users.effective);
  if (access !== 'owner' && access !== 'edit') throw new Error(PROTECTED);
}
