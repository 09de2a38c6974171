// Reads the Pengaturan sheet into Settings (roster, superiors, delegations, domains, links, calendar) in two calls.
import type { WorkCalendar } from '../core/business-time';
import { SHEET_NAMES, SHELL_MESSAGES } from '../core/messages/shell';
import { parseSettings, type Settings } from '../core/settings';
import { quotedSheetName } from './sheet-table';

/** Pengaturan's rows use columns A-E (label, value, from, until, note); whatever staff write further right is notes. */
const SETTINGS_COLUMNS = 'A:E';

/** The rows up to the last one with a value (an open column range runs to the grid's end). */
function withoutTrailingBlankRows(values: unknown[][]): unknown[][] {
  let end = values.length;
  while (end > 0 && (values[end - 1] ?? []).every((cell) => cell === '' || cell === null)) end -= 1;
  return values.slice(0, end);
}

/**
 * Pengaturan's values in two calls (one sheet-qualified range over its columns). A sheet narrower than those
 * columns makes that range throw; it is then read the long way, which also names a missing sheet.
 */
function settingsValues(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): unknown[][] {
  try {
    return withoutTrailingBlankRows(
      spreadsheet.getRange(`${quotedSheetName(SHEET_NAMES.settings)}!${SETTINGS_COLUMNS}`).getValues(),
    );
  } catch {
    const sheet = spreadsheet.getSheetByName(SHEET_NAMES.settings);
    if (!sheet) throw new Error(SHELL_MESSAGES.sheetMissing(SHEET_NAMES.settings));
    return sheet.getDataRange().getValues();
  }
}

/**
 * Read on every event, never cached, so an official removed from the roster is refused at once; an unreadable value
 * stops the event with the rows to fix.
 */
export function readSettings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): {
  settings: Settings;
  calendar: WorkCalendar;
} {
  const parsed = parseSettings(settingsValues(spreadsheet));
  if ('errors' in parsed) throw new Error(SHELL_MESSAGES.settingsInvalid(parsed.errors));
  return { settings: parsed.settings, calendar: parsed.settings.calendar };
}
