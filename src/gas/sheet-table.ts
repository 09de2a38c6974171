// A header-mapped table over one Sheet: columns found by header text, rows found with TextFinder, batched reads/writes.
import { SHELL_MESSAGES } from '../core/messages/shell';

/** A cell as getValues() returns it. */
export type Cell = string | number | boolean | Date;
/** One row keyed by header text. */
export type RowRecord = Record<string, Cell>;

/** How a column is formatted: text columns get '@' so '0812…' or '=…' stay strings; dates get a WITA-readable format. */
export type ColumnKind = 'text' | 'date' | 'number' | 'boolean';

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
}

const NUMBER_FORMATS: Record<ColumnKind, string> = {
  text: '@',
  date: 'yyyy-mm-dd hh:mm',
  number: '0',
  boolean: '',
};

/** The number format a column kind gets; '' leaves the cell automatic. */
export function numberFormatFor(kind: ColumnKind): string {
  return NUMBER_FORMATS[kind];
}

/** Rows added beyond what an append needs when the grid is full. */
const GROW_ROWS = 200;

/** 1 -> 'A', 27 -> 'AA': A1 column letters, so an open-ended column range needs no getLastRow call. */
export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A sheet name as A1 notation needs it: always quoted, inner quotes doubled ('Register Permohonan'!A1). */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Where a table's sheet comes from: the Sheet itself, or its spreadsheet and name (the Sheet fetched only if used). */
type SheetSource =
  | { kind: 'sheet'; sheet: GoogleAppsScript.Spreadsheet.Sheet }
  | { kind: 'named'; spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet; name: string };

/** The header row's text, trimmed, without the empty cells after the last header (the row is read grid-wide). */
function headerTexts(cells: unknown[]): string[] {
  const headers = cells.map((cell) => String(cell).trim());
  let width = headers.length;
  while (width > 1 && headers[width - 1] === '') width -= 1;
  return headers.slice(0, Math.max(width, 1));
}

/**
 * A table whose columns are located by their header text, never by position: staff insert and move columns.
 * Opening reads the header row once (one range, two calls); every other operation is one batched range call (plus
 * the TextFinder chain), so an event costs the same whatever the sheet's size. A table opened by name reaches its
 * cells through sheet-qualified A1 ranges and fetches the Sheet object only when an operation needs it (appends).
 */
export class SheetTable {
  private fetched: GoogleAppsScript.Spreadsheet.Sheet | null;
  /** Whole-row ranges already obtained in this execution: a row read and then rewritten asks getRange once. */
  private readonly rowRanges = new Map<number, GoogleAppsScript.Spreadsheet.Range>();

  private constructor(
    private readonly source: SheetSource,
    readonly specs: readonly ColumnSpec[],
    /** header text -> 1-based column. */
    private readonly columns: Map<string, number>,
    /** How many columns the header row spans (to its last non-empty header; staff-added columns included). */
    readonly width: number,
    /** The header row as read (trimmed text), staff-added columns included. */
    readonly headers: string[],
  ) {
    this.fetched = source.kind === 'sheet' ? source.sheet : null;
  }

  /**
   * Reads the header row and checks that every expected column exists; a missing one stops the event with a
   * message that names it and points at the setup menu, before anything is written.
   */
  static open(sheet: GoogleAppsScript.Spreadsheet.Sheet, specs: readonly ColumnSpec[]): SheetTable {
    const cells = sheet.getRange('1:1').getValues()[0] ?? [];
    return SheetTable.build({ kind: 'sheet', sheet }, cells, specs, () => sheet.getName());
  }

  /**
   * Opens a sheet of `spreadsheet` by name in two calls (its header row as one sheet-qualified range), with the
   * same schema check as open(). A missing sheet stops the event with SHELL_MESSAGES.sheetMissing.
   */
  static openByName(
    spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
    name: string,
    specs: readonly ColumnSpec[],
  ): SheetTable {
    let header: GoogleAppsScript.Spreadsheet.Range;
    try {
      header = spreadsheet.getRange(`${quotedSheetName(name)}!1:1`);
    } catch {
      // Spreadsheet.getRange throws ("Range not found") when no sheet has that name.
      throw new Error(SHELL_MESSAGES.sheetMissing(name));
    }
    const cells = header.getValues()[0] ?? [];
    return SheetTable.build({ kind: 'named', spreadsheet, name }, cells, specs, () => name);
  }

  private static build(
    source: SheetSource,
    cells: unknown[],
    specs: readonly ColumnSpec[],
    nameOf: () => string,
  ): SheetTable {
    const headers = headerTexts(cells);
    const columns = new Map<string, number>();
    headers.forEach((text, index) => {
      if (text && !columns.has(text)) columns.set(text, index + 1);
    });
    const missing = specs.filter((spec) => !columns.has(spec.header)).map((spec) => spec.header);
    if (missing.length > 0) throw new Error(SHELL_MESSAGES.schemaMissing(nameOf(), missing));
    return new SheetTable(source, specs, columns, headers.length, headers);
  }

  /** The Sheet object, fetched on first use when the table was opened by name (appends, deletes, whole reads). */
  get sheet(): GoogleAppsScript.Spreadsheet.Sheet {
    if (this.fetched) return this.fetched;
    const source = this.source as Extract<SheetSource, { kind: 'named' }>;
    const sheet = source.spreadsheet.getSheetByName(source.name);
    if (!sheet) throw new Error(SHELL_MESSAGES.sheetMissing(source.name));
    this.fetched = sheet;
    return sheet;
  }

  private sheetName(): string {
    return this.source.kind === 'named' ? this.source.name : this.sheet.getName();
  }

  /** A range in one call: through the Sheet when it is at hand, else as a sheet-qualified A1 range. */
  private rangeA1(a1: string): GoogleAppsScript.Spreadsheet.Range {
    if (this.fetched || this.source.kind === 'sheet') return this.sheet.getRange(a1);
    return this.source.spreadsheet.getRange(`${quotedSheetName(this.source.name)}!${a1}`);
  }

  /** Rows `row`..`row + numRows - 1` over columns `first`..`first + numColumns - 1`, in one call. */
  private range(row: number, first: number, numRows: number, numColumns: number): GoogleAppsScript.Spreadsheet.Range {
    if (this.fetched || this.source.kind === 'sheet') return this.sheet.getRange(row, first, numRows, numColumns);
    const last = row + numRows - 1;
    return this.rangeA1(`${columnLetters(first)}${row}:${columnLetters(first + numColumns - 1)}${last}`);
  }

  /** header -> 0-based index, for the core's row mappers (register-schema). */
  index(): Map<string, number> {
    const index = new Map<string, number>();
    for (const [header, column] of this.columns) index.set(header, column - 1);
    return index;
  }

  /**
   * The row's range over the header's width, obtained once per table: a Range names fixed cells, so the one that
   * read a row is the one that rewrites it (and puts it back on undo).
   */
  private rowRange(row: number): GoogleAppsScript.Spreadsheet.Range {
    const known = this.rowRanges.get(row);
    if (known) return known;
    const range = this.range(row, 1, 1, this.width);
    this.rowRanges.set(row, range);
    return range;
  }

  /** One row as raw cells over the header's width, in one call (plus getRange the first time the row is used). */
  readValues(row: number): Cell[] {
    return (this.rowRange(row).getValues()[0] ?? []) as Cell[];
  }

  /** Writes one whole row (header width) in one call (plus getRange unless the row was read or written before). */
  writeValues(row: number, values: unknown[]): void {
    this.rowRange(row).setValues([values]);
  }

  /** The number format of every column over the header's width ('' for columns the schema does not know). */
  private formats(): string[] {
    const byHeader = new Map(this.specs.map((spec) => [spec.header, spec.kind]));
    return this.headers.map((header) => {
      const kind = byHeader.get(header);
      return kind ? numberFormatFor(kind) : '';
    });
  }

  /**
   * Appends raw rows (header width): formats first, then values, one call each. Returns the first new row.
   * `lastRow` saves a call when the caller read it under the same lock. The grid's size is asked only when the
   * rows do not fit (getRange past the grid throws), and then grown in blocks so most appends need no insert.
   */
  appendValues(rows: unknown[][], lastRow?: number): number {
    if (rows.length === 0) return 0;
    const first = (lastRow ?? this.sheet.getLastRow()) + 1;
    const range = this.grownRange(first, rows.length);
    const formats = this.formats();
    range.setNumberFormats(rows.map(() => formats));
    range.setValues(rows);
    return first;
  }

  /** Rows `first`..`first + count - 1` over the header's width; the grid grows (in blocks) when they do not fit. */
  private grownRange(first: number, count: number): GoogleAppsScript.Spreadsheet.Range {
    try {
      return this.range(first, 1, count, this.width);
    } catch (error) {
      const maxRows = this.sheet.getMaxRows();
      const lastNeeded = first + count - 1;
      if (lastNeeded <= maxRows) throw error;
      this.sheet.insertRowsAfter(maxRows, lastNeeded - maxRows + GROW_ROWS);
      return this.range(first, 1, count, this.width);
    }
  }

  /**
   * Gives rows `first`..`first + count - 1` (inside the grid) the columns' number formats in one call, so later
   * writes into them need no format call: an append log prepares rows ahead of its tail.
   */
  formatRows(first: number, count: number): void {
    const formats = this.formats();
    this.range(first, 1, count, this.width).setNumberFormats(Array.from({ length: count }, () => formats));
  }

  /** Rows `row`..`row + numRows - 1` over the header's width, as one Range (one call). */
  span(row: number, numRows: number): GoogleAppsScript.Spreadsheet.Range {
    return this.range(row, 1, numRows, this.width);
  }

  /** A record as cells in header order; '' under the columns the schema does not know. */
  valuesOf(record: RowRecord): Cell[] {
    return this.headers.map((header) => (this.columns.get(header) ? (record[header] ?? '') : ''));
  }

  /** The 1-based column of a header; throws for a header the schema does not know. */
  column(header: string): number {
    const column = this.columns.get(header);
    if (column === undefined) throw new Error(SHELL_MESSAGES.schemaMissing(this.sheetName(), [header]));
    return column;
  }

  /** Rows (1-based) whose cell in `header` equals `key` exactly, found by TextFinder on that column only. */
  findRows(header: string, key: string): number[] {
    if (!key) return [];
    const letters = columnLetters(this.column(header));
    return this.rangeA1(`${letters}2:${letters}`)
      .createTextFinder(key)
      .matchEntireCell(true)
      .matchCase(true)
      .findAll()
      .map((range) => range.getRow());
  }

  /** The first row whose key cell equals `key`, or null. */
  findRow(header: string, key: string): number | null {
    return this.findRows(header, key)[0] ?? null;
  }

  /** One row as header -> value, in one getValues call. */
  readRow(row: number): RowRecord {
    return this.toRecord(this.readValues(row));
  }

  /** Every data row, in one call: only for the periodic jobs (SLA check, dashboard), never per event. */
  readAll(): { row: number; record: RowRecord }[] {
    const last = this.sheet.getLastRow();
    if (last < 2) return [];
    const values = this.sheet.getRange(2, 1, last - 1, this.width).getValues() as Cell[][];
    return values.map((cells, index) => ({ row: index + 2, record: this.toRecord(cells) }));
  }

  /**
   * Writes the changed cells of one row in one setValues over the span of columns that changed, carrying the
   * unchanged cells in between from `before` (the row as read under the same lock).
   */
  updateRow(row: number, before: RowRecord, changes: RowRecord): void {
    const changed = Object.keys(changes).map((header) => this.column(header));
    if (changed.length === 0) return;
    const first = Math.min(...changed);
    const last = Math.max(...changed);
    const byColumn = new Map<number, string>();
    for (const [header, column] of this.columns) byColumn.set(column, header);
    const cells: Cell[] = [];
    for (let column = first; column <= last; column += 1) {
      const header = byColumn.get(column);
      if (header !== undefined && header in changes) cells.push(changes[header] as Cell);
      else if (header !== undefined) cells.push(before[header] ?? '');
      else cells.push(before[`#${column}`] ?? '');
    }
    this.range(row, first, 1, cells.length).setValues([cells]);
  }

  /**
   * Appends rows after the last one: number formats first (text columns '@', so the values stay strings), then the
   * values, each in one call. Returns the first new row.
   */
  appendRows(records: RowRecord[], lastRow?: number): number {
    return this.appendValues(
      records.map((record) => this.valuesOf(record)),
      lastRow,
    );
  }

  /**
   * Reads the listed rows: one call over their span when they sit close together (rows appended by one event),
   * else one call per row, so a stray old row never makes the read scan the sheet.
   */
  readRows(rows: number[]): { row: number; record: RowRecord }[] {
    if (rows.length === 0) return [];
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    const first = sorted[0] as number;
    const last = sorted[sorted.length - 1] as number;
    if (last - first + 1 > sorted.length * 4) return sorted.map((row) => ({ row, record: this.readRow(row) }));
    const span = this.range(first, 1, last - first + 1, this.width).getValues() as Cell[][];
    const wanted = new Set(sorted);
    const out: { row: number; record: RowRecord }[] = [];
    span.forEach((cells, index) => {
      if (wanted.has(first + index)) out.push({ row: first + index, record: this.toRecord(cells) });
    });
    return out;
  }

  /**
   * Maps raw cells to header -> value. Cells under columns the schema does not know are kept as '#<column>', so a
   * rewrite of a span carries staff-added columns through unchanged.
   */
  private toRecord(values: Cell[]): RowRecord {
    const record: RowRecord = {};
    values.forEach((value, index) => {
      record[`#${index + 1}`] = value;
    });
    for (const [header, column] of this.columns) record[header] = values[column - 1] ?? '';
    return record;
  }
}
