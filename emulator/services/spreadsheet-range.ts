// The emulated SpreadsheetApp Range: values, formulas, number formats, display values, protection and checkboxes.
import type { ExecutionContext } from '../context';
import type { CellValue, SheetState, SpreadsheetState } from '../state';
import { toA1 } from './a1';
import { displayValue, enterValue } from './display-format';
import {
  assertCellLength,
  assertWritable,
  cellFormat,
  cellFormula,
  cellValue,
  getSheetState,
  getSpreadsheetState,
  lastColumn,
  lastRow,
  writeCell,
  writeFormat,
} from './spreadsheet-model';
import { createProtection } from './spreadsheet-protection';
import { sheetObject } from './spreadsheet-sheet';
import { implOf, wrap } from './spreadsheet-wrap';
import { createTextFinder } from './text-finder';

type Range = GoogleAppsScript.Spreadsheet.Range;

/** Where a range sits: spreadsheet, sheet and rectangle (1-based). */
export interface RangeAddress {
  spreadsheetId: string;
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/**
 * Ref: docs/reference/apps-script-runtime.md §3 Range writes. Open: the exact wording is what independent fakes
 * reproduce, not confirmed against Google.
 */
export function dimensionError(kind: 'rows' | 'columns', data: number, range: number): Error {
  return new Error(
    `The number of ${kind} in the data does not match the number of ${kind} in the range. The data has ${data} but the range has ${range}.`,
  );
}

/** Where a Range object the script passes back points (ranges made elsewhere are refused). */
export function addressOf(range: Range): RangeAddress {
  const impl = implOf(range);
  if (!(impl instanceof EmuRange)) throw new Error('Emulator: not a Range from this emulator.');
  return impl.address;
}

/** A Range object for a rectangle, checked against the sheet's grid. */
export function rangeObject(ctx: ExecutionContext, address: RangeAddress): Range {
  const ss = getSpreadsheetState(ctx.state, address.spreadsheetId);
  const sheet = getSheetState(ss, address.sheetId);
  checkBounds(sheet, address.row, address.column, address.numRows, address.numColumns);
  const impl = new EmuRange(ctx, address);
  const self = wrap<Range>(ctx, 'SpreadsheetApp', 'Range', impl);
  impl.self = self;
  return self;
}

/**
 * Ref: Sheet.getRange — coordinates outside the sheet throw. Open: the wording follows what scripts report
 * ("The coordinates of the range are outside the dimensions of the sheet.").
 */
export function checkBounds(sheet: SheetState, row: number, column: number, numRows: number, numColumns: number) {
  if (!Number.isInteger(row) || row < 1) throw new Error('The starting row of the range is too small.');
  if (!Number.isInteger(column) || column < 1) throw new Error('The starting column of the range is too small.');
  if (!Number.isInteger(numRows) || numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (!Number.isInteger(numColumns) || numColumns < 1) {
    throw new Error('The number of columns in the range must be at least 1.');
  }
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

/** Writes a grid of script values into a sheet, validating everything first so a failed write changes nothing. */
export function writeValues(
  ctx: ExecutionContext,
  ss: SpreadsheetState,
  sheet: SheetState,
  row: number,
  column: number,
  data: unknown[][],
): void {
  const entered = data.map((cells, r) =>
    cells.map((raw, c) => {
      const e = enterValue(raw, cellFormat(sheet, row + r, column + c), ss.timeZone);
      assertCellLength(e.formula || (typeof e.value === 'string' ? e.value : ''));
      return e;
    }),
  );
  const width = Math.max(0, ...data.map((r) => r.length));
  assertWritable(ctx.state, ss, sheet, ctx.users.effective, { row, column, numRows: data.length, numColumns: width });
  entered.forEach((cells, r) => {
    cells.forEach((e, c) => {
      writeCell(sheet, row + r, column + c, e.value, e.formula);
      if (e.format !== null && cellFormat(sheet, row + r, column + c) === '') {
        writeFormat(sheet, row + r, column + c, e.format);
      }
    });
  });
}

function isGrid(values: unknown): values is unknown[][] {
  return Array.isArray(values) && values.every((r) => Array.isArray(r));
}

/** Formatting setters accepted and counted; the emulator stores no styling (Open: not needed by the simulator). */
const STYLE_SETTERS = [
  'setFontWeight',
  'setFontWeights',
  'setBackground',
  'setBackgrounds',
  'setBackgroundRGB',
  'setFontColor',
  'setFontColors',
  'setWrap',
  'setWraps',
  'setWrapStrategy',
  'setWrapStrategies',
  'setHorizontalAlignment',
  'setHorizontalAlignments',
  'setVerticalAlignment',
  'setVerticalAlignments',
  'setBorder',
  'setFontSize',
  'setFontSizes',
  'setFontFamily',
  'setFontFamilies',
  'setFontStyle',
  'setFontStyles',
  'setFontLine',
  'setTextRotation',
  'setNote',
  'setNotes',
  'merge',
  'mergeAcross',
  'mergeVertically',
  'breakApart',
  'clearFormat',
  'clearNote',
  'clearDataValidations',
  'setDataValidation',
  'setDataValidations',
  'applyRowBanding',
  'setShowHyperlink',
  'autoResizeColumns',
] as const;

class EmuRange implements Partial<Range> {
  self!: Range;

  constructor(
    private readonly ctx: ExecutionContext,
    readonly address: RangeAddress,
  ) {}

  private ss(): SpreadsheetState {
    return getSpreadsheetState(this.ctx.state, this.address.spreadsheetId);
  }

  private sheet(): SheetState {
    return getSheetState(this.ss(), this.address.sheetId);
  }

  private cells<T>(read: (sheet: SheetState, row: number, column: number) => T): T[][] {
    const sheet = this.sheet();
    const { row, column, numRows, numColumns } = this.address;
    const out: T[][] = [];
    for (let r = 0; r < numRows; r++) {
      const line: T[] = [];
      for (let c = 0; c < numColumns; c++) line.push(read(sheet, row + r, column + c));
      out.push(line);
    }
    return out;
  }

  private sub(row: number, column: number, numRows: number, numColumns: number): Range {
    return rangeObject(this.ctx, { ...this.address, row, column, numRows, numColumns });
  }

  private assertWritable(): void {
    assertWritable(this.ctx.state, this.ss(), this.sheet(), this.ctx.users.effective, this.address);
  }

  // Values ------------------------------------------------------------------------------------------------------

  /**
   * Ref: Range.getValues — dates as Date, numbers as numbers, empty cells as ''. Emulator limitation: formulas are
   * not evaluated, so a formula cell reads as ''.
   */
  getValues(): CellValue[][] {
    return this.cells((s, r, c) => (cellFormula(s, r, c) ? '' : cellValue(s, r, c)));
  }

  getValue(): CellValue {
    const s = this.sheet();
    return cellFormula(s, this.address.row, this.address.column)
      ? ''
      : cellValue(s, this.address.row, this.address.column);
  }

  /** Ref: Range.setValues — "The size of the two-dimensional array must match the size of the range." */
  setValues(values: unknown[][]): Range {
    if (!isGrid(values)) {
      throw new Error("The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.");
    }
    if (values.length !== this.address.numRows) throw dimensionError('rows', values.length, this.address.numRows);
    for (const r of values) {
      if (r.length !== this.address.numColumns) throw dimensionError('columns', r.length, this.address.numColumns);
    }
    writeValues(this.ctx, this.ss(), this.sheet(), this.address.row, this.address.column, values);
    return this.self;
  }

  /** Ref: Range.setValue — "Sets the value of the range… If it begins with '=' it is interpreted as a formula." */
  setValue(value: unknown): Range {
    const grid = Array.from({ length: this.address.numRows }, () =>
      Array.from({ length: this.address.numColumns }, () => value),
    );
    writeValues(this.ctx, this.ss(), this.sheet(), this.address.row, this.address.column, grid);
    return this.self;
  }

  getDisplayValues(): string[][] {
    const tz = this.ss().timeZone;
    return this.cells((s, r, c) =>
      cellFormula(s, r, c) ? '' : displayValue(cellValue(s, r, c), cellFormat(s, r, c), tz),
    );
  }

  getDisplayValue(): string {
    return this.getDisplayValues()[0]?.[0] ?? '';
  }

  /** Ref: Range.getFormulas — '' for cells without a formula. */
  getFormulas(): string[][] {
    return this.cells(cellFormula);
  }

  getFormula(): string {
    return cellFormula(this.sheet(), this.address.row, this.address.column);
  }

  setFormula(formula: string): Range {
    return this.setValue(formula.startsWith('=') ? formula : `=${formula}`);
  }

  setFormulas(formulas: string[][]): Range {
    return this.setValues(formulas.map((r) => r.map((f) => (f === '' || f.startsWith('=') ? f : `=${f}`))));
  }

  isBlank(): boolean {
    return this.cells((s, r, c) => cellValue(s, r, c) === '' && cellFormula(s, r, c) === '').every((r) =>
      r.every(Boolean),
    );
  }

  /** Ref: Range.clear — clears content and formats. */
  clear(): Range {
    this.assertWritable();
    const sheet = this.sheet();
    this.cells((_s, r, c) => {
      writeCell(sheet, r, c, '', '');
      writeFormat(sheet, r, c, '');
      return null;
    });
    return this.self;
  }

  /** Ref: Range.clearContent — clears content, leaving formats (a '@' column stays plain text). */
  clearContent(): Range {
    this.assertWritable();
    const sheet = this.sheet();
    this.cells((_s, r, c) => {
      writeCell(sheet, r, c, '', '');
      return null;
    });
    return this.self;
  }

  // Number formats ------------------------------------------------------------------------------------------------

  setNumberFormat(numberFormat: string): Range {
    this.assertWritable();
    const sheet = this.sheet();
    this.cells((_s, r, c) => {
      writeFormat(sheet, r, c, numberFormat);
      return null;
    });
    return this.self;
  }

  setNumberFormats(numberFormats: string[][]): Range {
    if (numberFormats.length !== this.address.numRows) {
      throw dimensionError('rows', numberFormats.length, this.address.numRows);
    }
    for (const r of numberFormats) {
      if (r.length !== this.address.numColumns) throw dimensionError('columns', r.length, this.address.numColumns);
    }
    this.assertWritable();
    const sheet = this.sheet();
    this.cells((_s, r, c) => {
      writeFormat(sheet, r, c, numberFormats[r - this.address.row]?.[c - this.address.column] ?? '');
      return null;
    });
    return this.self;
  }

  /** Ref: Range.getNumberFormat — 'General' style automatic formats read as '0.###############' on Google; Open: '' here stands for automatic. */
  getNumberFormat(): string {
    return cellFormat(this.sheet(), this.address.row, this.address.column);
  }

  getNumberFormats(): string[][] {
    return this.cells(cellFormat);
  }

  // Geometry ------------------------------------------------------------------------------------------------------

  getRow(): number {
    return this.address.row;
  }

  getRowIndex(): number {
    return this.address.row;
  }

  getColumn(): number {
    return this.address.column;
  }

  getNumRows(): number {
    return this.address.numRows;
  }

  getNumColumns(): number {
    return this.address.numColumns;
  }

  getHeight(): number {
    return this.address.numRows;
  }

  getWidth(): number {
    return this.address.numColumns;
  }

  /** Ref: Range.getLastRow — "the end row position". */
  getLastRow(): number {
    return this.address.row + this.address.numRows - 1;
  }

  getLastColumn(): number {
    return this.address.column + this.address.numColumns - 1;
  }

  getA1Notation(): string {
    return toA1(this.address.row, this.address.column, this.address.numRows, this.address.numColumns);
  }

  getGridId(): number {
    return this.address.sheetId;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return sheetObject(this.ctx, this.address.spreadsheetId, this.address.sheetId);
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return this.sub(
      this.address.row + rowOffset,
      this.address.column + columnOffset,
      numRows ?? this.address.numRows,
      numColumns ?? this.address.numColumns,
    );
  }

  /** Ref: Range.getCell — row and column relative to the range, 1-based, inside it. */
  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this.address.numRows || column > this.address.numColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this.sub(this.address.row + row - 1, this.address.column + column - 1, 1, 1);
  }

  /**
   * Ref: Range.getNextDataCell(direction) — like Ctrl+arrow from the top-left cell. Emulated for UP/DOWN/PREVIOUS/NEXT
   * over content (values or formulas).
   */
  getNextDataCell(direction: GoogleAppsScript.Spreadsheet.Direction): Range {
    const sheet = this.sheet();
    const has = (r: number, c: number) => cellValue(sheet, r, c) !== '' || cellFormula(sheet, r, c) !== '';
    const dir = String(direction);
    const [dr, dc] = dir === 'UP' ? [-1, 0] : dir === 'DOWN' ? [1, 0] : dir === 'PREVIOUS' ? [0, -1] : [0, 1];
    let r = this.address.row;
    let c = this.address.column;
    const inside = (rr: number, cc: number) => rr >= 1 && cc >= 1 && rr <= sheet.maxRows && cc <= sheet.maxColumns;
    const startFilled = has(r, c);
    const nextFilled = inside(r + dr, c + dc) && has(r + dr, c + dc);
    if (startFilled && nextFilled) {
      while (inside(r + dr, c + dc) && has(r + dr, c + dc)) {
        r += dr;
        c += dc;
      }
    } else {
      while (inside(r + dr, c + dc)) {
        r += dr;
        c += dc;
        if (has(r, c)) break;
      }
    }
    return this.sub(r, c, 1, 1);
  }

  getDataRegion(): Range {
    const sheet = this.sheet();
    return this.sub(1, 1, Math.max(1, lastRow(sheet)), Math.max(1, lastColumn(sheet)));
  }

  // Other ---------------------------------------------------------------------------------------------------------

  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return createTextFinder(this.ctx, this.address.spreadsheetId, findText, () => [this.address]);
  }

  /** Ref: Range.protect — "Creates an object that can protect the range from being edited". */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    return createProtection(this.ctx, this.address.spreadsheetId, this.address.sheetId, this.getA1Notation());
  }

  /**
   * Ref: Range.insertCheckboxes — "Sets the value of all cells in the range to false." The validation rule itself is
   * not stored.
   */
  insertCheckboxes(): Range {
    const grid = Array.from({ length: this.address.numRows }, () =>
      Array.from({ length: this.address.numColumns }, () => false),
    );
    writeValues(this.ctx, this.ss(), this.sheet(), this.address.row, this.address.column, grid);
    return this.self;
  }

  removeCheckboxes(): Range {
    return this.clearContent();
  }

  check(): Range {
    return this.setValue(true);
  }

  uncheck(): Range {
    return this.setValue(false);
  }

  isChecked(): boolean | null {
    const values = this.getValues().flat();
    if (values.every((v) => v === true)) return true;
    if (values.every((v) => v === false)) return false;
    return null;
  }

  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    return null;
  }

  getBackground(): string {
    return '#ffffff';
  }

  activate(): Range {
    return this.self;
  }

  activateAsCurrentCell(): Range {
    return this.self;
  }

  /** Ref: Range.sort(sortSpecObj) — column number (absolute) or {column, ascending}. */
  sort(spec: unknown): Range {
    sortRows(this.ctx, this.address, spec);
    return this.self;
  }
}

for (const name of STYLE_SETTERS) {
  Object.defineProperty(EmuRange.prototype, name, {
    value(this: EmuRange) {
      return this.self;
    },
  });
}

function compareCells(a: CellValue, b: CellValue): number {
  if (a === '' && b === '') return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const rank = (v: CellValue) => (typeof v === 'number' || v instanceof Date ? 0 : typeof v === 'boolean' ? 2 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const av = a instanceof Date ? a.getTime() : a;
  const bv = b instanceof Date ? b.getTime() : b;
  if (typeof av === 'string' && typeof bv === 'string') return av.localeCompare(bv, 'en', { sensitivity: 'base' });
  return av < bv ? -1 : av > bv ? 1 : 0;
}

/** Sorts the rows of a rectangle by one or more columns, moving values, formulas and formats together. */
export function sortRows(ctx: ExecutionContext, address: RangeAddress, spec: unknown): void {
  const ss = getSpreadsheetState(ctx.state, address.spreadsheetId);
  const sheet = getSheetState(ss, address.sheetId);
  assertWritable(ctx.state, ss, sheet, ctx.users.effective, address);
  const specs = (Array.isArray(spec) ? spec : [spec]).map((s) =>
    typeof s === 'number' ? { column: s, ascending: true } : (s as { column: number; ascending?: boolean }),
  );
  const rows = Array.from({ length: address.numRows }, (_, i) => {
    const r = address.row + i;
    return Array.from({ length: address.numColumns }, (_, j) => {
      const c = address.column + j;
      return { value: cellValue(sheet, r, c), formula: cellFormula(sheet, r, c), format: cellFormat(sheet, r, c) };
    });
  });
  rows.sort((a, b) => {
    for (const s of specs) {
      const i = s.column - address.column;
      const av = a[i]?.value ?? '';
      const bv = b[i]?.value ?? '';
      // Blank cells sort last in either direction, as Sheets does.
      if ((av === '') !== (bv === '')) return av === '' ? 1 : -1;
      const d = compareCells(av, bv);
      if (d !== 0) return s.ascending === false ? -d : d;
    }
    return 0;
  });
  rows.forEach((cells, i) => {
    cells.forEach((cell, j) => {
      writeCell(sheet, address.row + i, address.column + j, cell.value, cell.formula);
      writeFormat(sheet, address.row + i, address.column + j, cell.format);
    });
  });
}
