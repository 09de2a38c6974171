// Plain-data operations on SpreadsheetState/SheetState: cells, bounds, growth limits, IDs and access checks.
import type { CellValue, EmulatorState, SheetState, SpreadsheetState } from '../state';
import { parseA1 } from './a1';
import { itemAccess } from './drive-model';

/**
 * Ref: docs/reference/apps-script-runtime.md §1 Sheets — 50,000 characters per cell (community-sourced:
 * support.google.com/drive/answer/37603 was not read). Open: the exact error wording.
 */
export const MAX_CELL_CHARS = 50_000;
export const CELL_TOO_LONG = 'Your input contains more than the maximum of 50000 characters in a single cell.';
/** Ref: docs/reference/apps-script-runtime.md §1 Sheets — 10 million cells per spreadsheet. Open: the wording. */
export const MAX_CELLS = 10_000_000;
export const TOO_MANY_CELLS =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
export const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
export const NO_ACCESS = 'You do not have permission to access the requested document.';

/** A deterministic ID from the state's sequence (the same state gives the same IDs). */
export function nextId(state: EmulatorState, prefix: string): string {
  state.seq += 1;
  return `${prefix}${state.seq.toString(36).padStart(8, '0')}`;
}

/** An empty sheet with the given grid. */
export function newSheetState(sheetId: number, name: string, maxRows = 1000, maxColumns = 26): SheetState {
  return {
    sheetId,
    name,
    values: [],
    formulas: [],
    numberFormats: [],
    frozenRows: 0,
    frozenColumns: 0,
    hidden: false,
    protections: [],
    maxRows,
    maxColumns,
    columnWidths: {},
    charts: [],
    tabColor: null,
  };
}

export function getSpreadsheetState(state: EmulatorState, id: string): SpreadsheetState {
  const ss = state.spreadsheets[id];
  if (!ss) throw new Error(NO_ACCESS);
  return ss;
}

/** The sheet by its ID; a deleted sheet throws. Open: Google's wording for a stale Sheet object. */
export function getSheetState(ss: SpreadsheetState, sheetId: number): SheetState {
  const sheet = ss.sheets.find((s) => s.sheetId === sheetId);
  if (!sheet) throw new Error(`Sheet ${sheetId} not found`);
  return sheet;
}

export function cellValue(sheet: SheetState, row: number, column: number): CellValue {
  const v = sheet.values[row - 1]?.[column - 1];
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return new Date(v.getTime());
  return v;
}

export function cellFormula(sheet: SheetState, row: number, column: number): string {
  return sheet.formulas[row - 1]?.[column - 1] ?? '';
}

export function cellFormat(sheet: SheetState, row: number, column: number): string {
  return sheet.numberFormats[row - 1]?.[column - 1] ?? '';
}

function ensureCell<T>(grid: T[][], row: number, column: number, fill: T): T[] {
  while (grid.length < row) grid.push([]);
  const r = grid[row - 1]!;
  while (r.length < column) r.push(fill);
  return r;
}

/** Writes one cell's content (value and formula). */
export function writeCell(sheet: SheetState, row: number, column: number, value: CellValue, formula: string): void {
  if (value === '' && formula === '' && !sheet.values[row - 1] && !sheet.formulas[row - 1]) return;
  ensureCell(sheet.values, row, column, '' as CellValue)[column - 1] = value;
  ensureCell(sheet.formulas, row, column, '')[column - 1] = formula;
}

export function writeFormat(sheet: SheetState, row: number, column: number, format: string): void {
  if (format === '' && !sheet.numberFormats[row - 1]) return;
  ensureCell(sheet.numberFormats, row, column, '')[column - 1] = format;
}

function hasContent(sheet: SheetState, r: number, c: number): boolean {
  const v = sheet.values[r]?.[c];
  return (v !== undefined && v !== null && v !== '') || (sheet.formulas[r]?.[c] ?? '') !== '';
}

/** Ref: Sheet.getLastRow — "the position of the last row that has content". */
export function lastRow(sheet: SheetState): number {
  const rows = Math.max(sheet.values.length, sheet.formulas.length);
  for (let r = rows - 1; r >= 0; r--) {
    const width = Math.max(sheet.values[r]?.length ?? 0, sheet.formulas[r]?.length ?? 0);
    for (let c = 0; c < width; c++) if (hasContent(sheet, r, c)) return r + 1;
  }
  return 0;
}

/** Ref: Sheet.getLastColumn — "the position of the last column that has content". */
export function lastColumn(sheet: SheetState): number {
  let last = 0;
  const rows = Math.max(sheet.values.length, sheet.formulas.length);
  for (let r = 0; r < rows; r++) {
    const width = Math.max(sheet.values[r]?.length ?? 0, sheet.formulas[r]?.length ?? 0);
    for (let c = width - 1; c >= last; c--) {
      if (hasContent(sheet, r, c)) {
        last = c + 1;
        break;
      }
    }
  }
  return last;
}

export function totalCells(ss: SpreadsheetState): number {
  return ss.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
}

/** Throws when growing `ss` by `extra` cells would pass the 10 million cell limit. */
export function assertCellBudget(ss: SpreadsheetState, extra: number): void {
  if (totalCells(ss) + extra > MAX_CELLS) throw new Error(TOO_MANY_CELLS);
}

export function assertCellLength(text: string): void {
  if (text.length > MAX_CELL_CHARS) throw new Error(CELL_TOO_LONG);
}

/** How `user` may reach a spreadsheet: owner, editor, viewer (also through Drive link sharing and folders), or not at all. */
export function spreadsheetAccess(
  state: EmulatorState,
  ss: SpreadsheetState,
  user: string,
): 'owner' | 'edit' | 'view' | 'none' {
  return itemAccess(state, ss.id, user);
}

/** Rectangle intersection test for protections and text finders. */
export function intersects(
  a: { row: number; column: number; numRows: number; numColumns: number },
  b: { row: number; column: number; numRows: number; numColumns: number },
): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

/** Open: Google's wording when a viewer's script writes; the conservative behaviour is to refuse. */
export const VIEW_ONLY = 'You do not have permission to edit the requested document.';

/**
 * Throws unless `user` may write the rectangle. Ref: Protection
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection): only the owner and the protection's
 * editors may edit a protected sheet or range; "warning only" protection shows a warning but does not block, so a
 * script's write goes through. The owner can always edit.
 */
export function assertWritable(
  state: EmulatorState,
  ss: SpreadsheetState,
  sheet: SheetState,
  user: string,
  rect: { row: number; column: number; numRows: number; numColumns: number } | null,
): void {
  const access = spreadsheetAccess(state, ss, user);
  if (access === 'owner') return;
  if (access === 'none') throw new Error(NO_ACCESS);
  if (access === 'view') throw new Error(VIEW_ONLY);
  const u = user.toLowerCase();
  for (const p of sheet.protections) {
    if (p.warningOnly || p.editors.some((e) => e.toLowerCase() === u)) continue;
    if (p.type === 'SHEET' || rect === null || (p.a1 !== null && intersects(rectOfA1(p.a1, sheet), rect))) {
      throw new Error(PROTECTED);
    }
  }
}

/** The rectangle an A1 string (without sheet) covers in `sheet`, open ends reaching the grid's edge. */
export function rectOfA1(
  a1: string,
  sheet: SheetState,
): { row: number; column: number; numRows: number; numColumns: number } {
  const ref = parseA1(a1);
  const endRow = ref.endRow ?? sheet.maxRows;
  const endColumn = ref.endColumn ?? sheet.maxColumns;
  return {
    row: ref.startRow,
    column: ref.startColumn,
    numRows: endRow - ref.startRow + 1,
    numColumns: endColumn - ref.startColumn + 1,
  };
}
