// Creates or repairs one sheet of the register: header row, frozen header, column formats; reports what it did.
import { SHELL_MESSAGES } from '../core/messages/shell';
import { type ColumnSpec, numberFormatFor } from './sheet-table';

/**
 * Makes sure `name` exists with every header of `specs`. Existing headers are never moved or renamed (staff may have
 * reordered them); missing ones are added after the last used column. Text columns get '@' over the whole column so
 * values typed by staff stay strings too. Returns the lines for the setup report.
 */
export function ensureSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  specs: readonly ColumnSpec[],
): { sheet: GoogleAppsScript.Spreadsheet.Sheet; report: string[]; created: boolean } {
  const report: string[] = [];
  let sheet = spreadsheet.getSheetByName(name);
  const created = sheet === null;
  if (!sheet) {
    sheet = spreadsheet.insertSheet(name);
    report.push(SHELL_MESSAGES.setup.sheetCreated(name));
  }
  if (specs.length === 0) return { sheet, report, created };
  const width = Math.max(sheet.getLastColumn(), 1);
  const header = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((cell) => String(cell).trim());
  const missing = specs.filter((spec) => !header.includes(spec.header));
  if (missing.length > 0) {
    const used = header.filter((text) => text !== '').length === 0 ? 0 : lastNonEmpty(header);
    const maxColumns = sheet.getMaxColumns();
    if (used + missing.length > maxColumns) sheet.insertColumnsAfter(maxColumns, used + missing.length - maxColumns);
    sheet.getRange(1, used + 1, 1, missing.length).setValues([missing.map((spec) => spec.header)]);
    if (!created)
      report.push(
        SHELL_MESSAGES.setup.columnsAdded(
          name,
          missing.map((spec) => spec.header),
        ),
      );
    header.splice(used, header.length - used, ...missing.map((spec) => spec.header));
  }
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  const maxRows = sheet.getMaxRows();
  if (maxRows > 1) {
    for (const spec of specs) {
      const format = numberFormatFor(spec.kind);
      if (!format) continue;
      sheet.getRange(2, header.indexOf(spec.header) + 1, maxRows - 1, 1).setNumberFormat(format);
    }
  }
  sheet.getRange(1, 1, 1, header.length).setFontWeight('bold');
  return { sheet, report, created };
}

function lastNonEmpty(cells: string[]): number {
  for (let index = cells.length - 1; index >= 0; index -= 1) if (cells[index] !== '') return index + 1;
  return 0;
}

/**
 * Protects a whole sheet so only the script's owner (the triggers and the web app run as the owner) and `staff`
 * edit it: staff acting from the sidebar run as themselves, and their decisions append here. Everyone else can
 * read but not change it; what staff could change by hand, the hash chain reveals. Idempotent: the protection is
 * reused and its editors re-synced with the roster.
 */
export function protectSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, description: string, staff: string[]): boolean {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  const protection = existing[0] ?? sheet.protect();
  const fresh = existing.length === 0;
  protection.setDescription(description);
  protection.setWarningOnly(false);
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  const allowed = new Set([me, ...staff.map((email) => email.toLowerCase())]);
  const current = protection.getEditors().map((user) => user.getEmail().toLowerCase());
  const others = current.filter((email) => !allowed.has(email));
  if (others.length > 0) protection.removeEditors(others);
  const missing = [...allowed].filter((email) => email !== me && !current.includes(email));
  if (missing.length > 0) protection.addEditors(missing);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  return fresh;
}
