// Reads only the named columns of a SheetTable (one getValues per run of adjacent columns), for the periodic jobs.
import { blankApplication, fromRow, ID_HEADER, registerColumns } from '../core/register-schema';
import type { SopDefinition } from '../core/sop';
import type { Application } from '../core/workflow-types';
import type { Cell, SheetTable } from './sheet-table';

/** Some columns of every data row: `rows[i]` is sheet row i + 2, its cells in the order of `index`. */
export interface ColumnRead {
  rows: Cell[][];
  /** header -> position in each row (the shape the core's row mappers take). */
  index: Map<string, number>;
}

/**
 * Reads the listed columns of every data row: one getValues per run of adjacent columns, never the whole width, so
 * a job's cells read grow with rows x the columns it needs and its calls stay the same at every register size.
 * `lastRow` saves the getLastRow call when the caller has it. A header the sheet lacks stops the job (schema message).
 */
export function readColumns(table: SheetTable, headers: readonly string[], lastRow?: number): ColumnRead {
  const wanted = [...new Set(headers)];
  const index = new Map(wanted.map((header, i) => [header, i]));
  const last = lastRow ?? table.sheet.getLastRow();
  const count = Math.max(last - 1, 0);
  const byColumn = wanted.map((header) => ({ header, column: table.column(header) }));
  const rows: Cell[][] = Array.from({ length: count }, () => new Array<Cell>(wanted.length).fill(''));
  if (count === 0) return { rows, index };
  const sorted = [...byColumn].sort((a, b) => a.column - b.column);
  let start = 0;
  while (start < sorted.length) {
    let end = start;
    while (end + 1 < sorted.length && (sorted[end + 1]?.column ?? 0) === (sorted[end]?.column ?? 0) + 1) end += 1;
    const run = sorted.slice(start, end + 1);
    const first = run[0]?.column ?? 1;
    const values = table.sheet.getRange(2, first, count, run.length).getValues() as Cell[][];
    const positions = run.map((entry) => index.get(entry.header) ?? 0);
    values.forEach((cells, r) => {
      const row = rows[r] as Cell[];
      positions.forEach((position, k) => {
        row[position] = cells[k] ?? '';
      });
    });
    start = end + 1;
  }
  return { rows, index };
}

/** An application read from some of its columns, with its sheet row. */
export interface PartialApplication {
  row: number;
  app: Application;
}

/**
 * Applications built from the listed register columns only (the rest keep the blank record's values); rows without
 * an application number are left out. For jobs whose decisions need a few fields of every application.
 */
export function readApplicationColumns(
  register: SheetTable,
  sop: SopDefinition,
  headers: readonly string[],
  lastRow?: number,
): PartialApplication[] {
  const { rows, index } = readColumns(register, [ID_HEADER, ...headers], lastRow);
  const columns = registerColumns(sop).filter((column) => index.has(column.header));
  const blank = blankApplication();
  const out: PartialApplication[] = [];
  rows.forEach((cells, i) => {
    const app = fromRow(cells, index, columns, blank);
    if (app.id !== '') out.push({ row: i + 2, app });
  });
  return out;
}
