// Exports an emulated spreadsheet to .xlsx with exceljs: typed values (dates as dates, formulas as formulas), formats, frozen panes, widths.
import ExcelJS from 'exceljs';
import { zonedParts } from './services/display-format';
import { cellFormat, cellFormula, cellValue, lastColumn, lastRow } from './services/spreadsheet-model';
import type { CellValue, EmulatorState } from './state';

/** Sheets pixels -> Excel column width in characters (about 7 px per character at the default font). */
function excelWidth(pixels: number): number {
  return Math.round((pixels / 7) * 100) / 100;
}

/** Excel has no time zones: a date is written as the wall clock it shows in the spreadsheet's time zone. */
function wallClock(date: Date, timeZone: string): Date {
  const p = zonedParts(date, timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond));
}

function excelValue(value: CellValue, timeZone: string): ExcelJS.CellValue {
  if (value === '') return null;
  if (value instanceof Date) return wallClock(value, timeZone);
  return value;
}

/**
 * Builds an .xlsx of the spreadsheet (all sheets, or the named ones in spreadsheet order): values with their types,
 * formulas as formulas (without a cached result: the emulator does not evaluate them), number formats, frozen
 * rows/columns, column widths, hidden sheets and tab colours. Excel has no time zones, so dates are written as the
 * wall-clock time they show in the spreadsheet's time zone (Open: assumed to match Sheets' own .xlsx download).
 */
export async function exportXlsx(state: EmulatorState, spreadsheetId: string, sheetNames?: string[]): Promise<Buffer> {
  const ss = state.spreadsheets[spreadsheetId];
  if (!ss) throw new Error(`Emulator: no spreadsheet ${spreadsheetId}.`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = ss.owner;
  workbook.created = new Date(state.now);
  const sheets = sheetNames ? ss.sheets.filter((s) => sheetNames.includes(s.name)) : ss.sheets;
  if (sheetNames) {
    const missing = sheetNames.filter((n) => !ss.sheets.some((s) => s.name === n));
    if (missing.length > 0) throw new Error(`Emulator: no sheet ${missing.join(', ')} in ${ss.name}.`);
  }
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, {
      state: sheet.hidden ? 'hidden' : 'visible',
      properties: sheet.tabColor ? { tabColor: { argb: `FF${sheet.tabColor.replace('#', '').toUpperCase()}` } } : {},
      views:
        sheet.frozenRows > 0 || sheet.frozenColumns > 0
          ? [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }]
          : [],
    });
    const rows = lastRow(sheet);
    const columns = lastColumn(sheet);
    for (const [col, px] of Object.entries(sheet.columnWidths)) ws.getColumn(Number(col)).width = excelWidth(px);
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= columns; c++) {
        const formula = cellFormula(sheet, r, c);
        const value = cellValue(sheet, r, c);
        const format = cellFormat(sheet, r, c);
        if (formula === '' && value === '' && format === '') continue;
        const cell = ws.getCell(r, c);
        cell.value = formula ? { formula: formula.slice(1), date1904: false } : excelValue(value, ss.timeZone);
        if (format) cell.numFmt = format;
        else if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd hh:mm:ss';
      }
    }
  }
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
