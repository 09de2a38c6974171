// Creates or repairs one sheet of the register: header row, frozen header, column formats, no spare columns.
import { SHELL_MESSAGES } from '../core/messages/shell';
import { type ColumnSpec, numberFormatFor } from './sheet-table';

/**
 * Makes sure `name` exists with every header of `specs`. Existing headers are never moved or renamed (staff may have
 * reordered them); missing ones are added after the last used column. Text columns get '@' over the whole column so
 * values typed by staff stay strings too. Spare empty columns past the last used one are deleted: Sheets counts every
 * grid cell against its 10,000,000-cell limit, and a new sheet's 26 columns under a 10-column log would count 2.6 times
 * its rows. Columns holding anything (staff-added ones included) are kept. Returns the lines for the setup report.
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
  const lastColumn = sheet.getLastColumn();
  const width = Math.max(lastColumn, 1);
  const header = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map((cell) => String(cell).trim());
  const missing = specs.filter((spec) => !header.includes(spec.header));
  let maxColumns = sheet.getMaxColumns();
  if (missing.length > 0) {
    const used = header.filter((text) => text !== '').length === 0 ? 0 : lastNonEmpty(header);
    if (used + missing.length > maxColumns) sheet.insertColumnsAfter(maxColumns, used + missing.length - maxColumns);
    maxColumns = Math.max(maxColumns, used + missing.length);
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
  const keep = Math.max(lastColumn, header.length);
  if (maxColumns > keep) sheet.deleteColumns(keep + 1, maxColumns - keep);
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
 * Protects a whole sheet so only the script's owner edits it: the triggers and the web app (where staff decide, also
 * from the sidebar's link) run as the owner, so nobody else ever needs to write it. Everyone else can read but not
 * change it. Idempotent: the protection is reused, and editors left from earlier versions (the roster) are removed.
 */
export function protectSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, description: string): boolean {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  const protection = existing[0] ?? sheet.protect();
  const fresh = existing.length === 0;
  protection.setDescription(description);
  protection.setWarningOnly(false);
  const me = Session.getEffectiveUser().getEmail().toLowerCase();
  const others = protection
    .getEditors()
    .map((user) => user.getEmail().toLowerCase())
    .filter((email) => email !== me);
  if (others.length > 0) protection.removeEditors(others);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  return fresh;
}

/**
 * Makes every roster member an editor of the register spreadsheet, so staff can open it, use the menu and the sidebar,
 * and see the register; the protected sheets (Jejak Audit) stay closed to them. Adds only who is missing.
 */
export function shareWithStaff(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, staff: string[]): void {
  const known = new Set(
    [spreadsheet.getOwner(), ...spreadsheet.getEditors()].map((user) => user?.getEmail().toLowerCase() ?? ''),
  );
  const missing = [...new Set(staff.map((email) => email.toLowerCase()))].filter((email) => !known.has(email));
  if (missing.length > 0) spreadsheet.addEditors(missing);
}
