// The emulated TextFinder: finds and replaces text in a range, a sheet or a whole spreadsheet.
import type { ExecutionContext } from '../context';
import { displayValue } from './display-format';
import { cellFormat, cellFormula, cellValue, getSheetState, getSpreadsheetState } from './spreadsheet-model';
import { addressOf, type RangeAddress, rangeObject, writeValues } from './spreadsheet-range';
import { wrap } from './spreadsheet-wrap';

type TextFinder = GoogleAppsScript.Spreadsheet.TextFinder;
type Range = GoogleAppsScript.Spreadsheet.Range;

interface Cell {
  sheetId: number;
  row: number;
  column: number;
}

/** A TextFinder over the rectangles `scope` returns when a search runs (the data may change between calls). */
export function createTextFinder(
  ctx: ExecutionContext,
  spreadsheetId: string,
  findText: string,
  scope: () => RangeAddress[],
): TextFinder {
  if (findText === '') throw new Error('The search text cannot be empty.'); // Open: Google's wording.
  const impl = new EmuTextFinder(ctx, spreadsheetId, findText, scope);
  const self = wrap<TextFinder>(ctx, 'SpreadsheetApp', 'TextFinder', impl);
  impl.self = self;
  return self;
}

function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Ref: https://developers.google.com/apps-script/reference/spreadsheet/text-finder — matches against the cell's
 * displayed text (or formula text with matchFormulaText). Emulator limitation: formulas are not evaluated, so a
 * formula cell's displayed text is ''.
 */
class EmuTextFinder implements Partial<TextFinder> {
  self!: TextFinder;
  private options = { matchCase: false, entire: false, regex: false, formulas: false, diacritics: false };
  private current: Cell | null = null;

  constructor(
    private readonly ctx: ExecutionContext,
    private readonly spreadsheetId: string,
    private readonly findText: string,
    private readonly scope: () => RangeAddress[],
  ) {}

  private pattern(global: boolean): RegExp {
    let source = this.options.regex ? this.findText : escapeRegExp(this.findText);
    if (this.options.diacritics) source = stripDiacritics(source);
    if (this.options.entire) source = `^(?:${source})$`;
    return new RegExp(source, `${global ? 'g' : ''}${this.options.matchCase ? '' : 'i'}u`);
  }

  private text(cell: Cell): string {
    const ss = getSpreadsheetState(this.ctx.state, this.spreadsheetId);
    const sheet = getSheetState(ss, cell.sheetId);
    const formula = cellFormula(sheet, cell.row, cell.column);
    if (formula) return this.options.formulas ? formula : '';
    const text = displayValue(
      cellValue(sheet, cell.row, cell.column),
      cellFormat(sheet, cell.row, cell.column),
      ss.timeZone,
    );
    return this.options.diacritics ? stripDiacritics(text) : text;
  }

  private matches(): Cell[] {
    const re = this.pattern(false);
    const out: Cell[] = [];
    for (const a of this.scope()) {
      for (let r = a.row; r < a.row + a.numRows; r++) {
        for (let c = a.column; c < a.column + a.numColumns; c++) {
          const cell = { sheetId: a.sheetId, row: r, column: c };
          const t = this.text(cell);
          if (t !== '' && re.test(t)) out.push(cell);
        }
      }
    }
    return out;
  }

  private range(cell: Cell): Range {
    return rangeObject(this.ctx, { spreadsheetId: this.spreadsheetId, ...cell, numRows: 1, numColumns: 1 });
  }

  private indexOf(list: Cell[], cell: Cell | null): number {
    if (!cell) return -1;
    return list.findIndex((c) => c.sheetId === cell.sheetId && c.row === cell.row && c.column === cell.column);
  }

  private order(cell: Cell): number[] {
    const sheets = this.scope().map((a) => a.sheetId);
    return [sheets.indexOf(cell.sheetId), cell.row, cell.column];
  }

  private after(a: Cell, b: Cell): boolean {
    const x = this.order(a);
    const y = this.order(b);
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) > (y[i] ?? 0);
    return false;
  }

  matchCase(matchCase: boolean): TextFinder {
    this.options.matchCase = matchCase;
    return this.self;
  }

  matchEntireCell(matchEntireCell: boolean): TextFinder {
    this.options.entire = matchEntireCell;
    return this.self;
  }

  useRegularExpression(useRegEx: boolean): TextFinder {
    this.options.regex = useRegEx;
    return this.self;
  }

  matchFormulaText(matchFormulaText: boolean): TextFinder {
    this.options.formulas = matchFormulaText;
    return this.self;
  }

  ignoreDiacritics(ignoreDiacritics: boolean): TextFinder {
    this.options.diacritics = ignoreDiacritics;
    return this.self;
  }

  /** Ref: TextFinder.startFrom — the search starts after this cell. */
  startFrom(startRange: Range): TextFinder {
    const a = addressOf(startRange);
    this.current = { sheetId: a.sheetId, row: a.row, column: a.column };
    return this.self;
  }

  findAll(): Range[] {
    return this.matches().map((c) => this.range(c));
  }

  findNext(): Range | null {
    const list = this.matches();
    const cur = this.current;
    const next = cur ? list.find((c) => this.after(c, cur)) : list[0];
    if (!next) return null;
    this.current = next;
    return this.range(next);
  }

  findPrevious(): Range | null {
    const list = this.matches();
    const cur = this.current;
    const prev = cur ? [...list].reverse().find((c) => this.after(cur, c)) : list[list.length - 1];
    if (!prev) return null;
    this.current = prev;
    return this.range(prev);
  }

  getCurrentMatch(): Range | null {
    const list = this.matches();
    const i = this.indexOf(list, this.current);
    return i < 0 || !this.current ? null : this.range(this.current);
  }

  /** Open: the return value is taken as the number of occurrences replaced. */
  replaceAllWith(replaceText: string): number {
    let count = 0;
    for (const cell of this.matches()) count += this.replaceIn(cell, replaceText);
    return count;
  }

  replaceWith(replaceText: string): number {
    const list = this.matches();
    if (!this.current || this.indexOf(list, this.current) < 0) return 0;
    return this.replaceIn(this.current, replaceText);
  }

  private replaceIn(cell: Cell, replaceText: string): number {
    const text = this.text(cell);
    const re = this.pattern(true);
    const count = text.match(re)?.length ?? 0;
    if (count === 0) return 0;
    const replacement = this.options.regex ? replaceText : replaceText.replace(/\$/g, '$$$$');
    const updated = text.replace(re, replacement);
    const ss = getSpreadsheetState(this.ctx.state, this.spreadsheetId);
    writeValues(this.ctx, ss, getSheetState(ss, cell.sheetId), cell.row, cell.column, [[updated]]);
    return count;
  }
}
