// Reads the file to import (xlsx through exceljs, or CSV with comma or semicolon) into a header row and raw typed cells.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { SHEET_NAMES } from './register-layout';

/** A cell as the file holds it: formulas and error cells are kept apart so they are refused, never evaluated. */
export type RawCell = string | number | boolean | Date | null | { formula: string } | { error: string };

export interface SourceTable {
  /** The sheet the rows came from ('' for CSV). */
  sheet: string;
  header: string[];
  /** Data rows; `line` is the row number as the user sees it in the file (header = 1). */
  rows: { line: number; cells: RawCell[] }[];
}

/** Turns an exceljs cell value into a RawCell. */
function fromExcel(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const formula = (value as { formula?: string; sharedFormula?: string }).formula ?? '';
      return { formula: formula || String((value as { sharedFormula?: string }).sharedFormula ?? '') };
    }
    if ('error' in value) return { error: String((value as { error: unknown }).error) };
    if ('richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join('');
    if ('text' in value) return String((value as { text: unknown }).text);
  }
  return String(value);
}

async function readXlsx(file: string, sheetName: string | undefined): Promise<SourceTable> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = sheetName
    ? workbook.getWorksheet(sheetName)
    : (workbook.getWorksheet(SHEET_NAMES.register) ?? workbook.worksheets[0]);
  if (!sheet) {
    throw new Error(
      sheetName ? `Sheet "${sheetName}" tidak ada di ${file}.` : `Berkas ${file} tidak berisi sheet apa pun.`,
    );
  }
  const width = sheet.columnCount;
  const header: string[] = [];
  const rows: SourceTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: RawCell[] = [];
    for (let column = 1; column <= width; column++) cells.push(fromExcel(row.getCell(column).value));
    if (line === 1) header.push(...cells.map((cell) => (cell === null ? '' : String(cell).trim())));
    else rows.push({ line, cells });
  });
  return { sheet: sheet.name, header, rows };
}

/** Splits CSV text (RFC 4180 quoting) with the given delimiter. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === delimiter) {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function readCsv(file: string): SourceTable {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const all = parseCsv(text, delimiter);
  const header = (all[0] ?? []).map((cell) => cell.trim());
  const rows: SourceTable['rows'] = [];
  all.slice(1).forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    rows.push({ line: index + 2, cells: cells.map((cell) => (cell === '' ? null : cell)) });
  });
  return { sheet: '', header, rows };
}

/** Reads an .xlsx or .csv file; anything else is refused with an Indonesian message. */
export async function readSource(file: string, sheetName?: string): Promise<SourceTable> {
  const extension = extname(file).toLowerCase();
  if (extension === '.xlsx') return readXlsx(file, sheetName);
  if (extension === '.csv') return readCsv(file);
  throw new Error(`Format berkas ${extension || '(tanpa ekstensi)'} tidak didukung. Gunakan .xlsx atau .csv.`);
}
