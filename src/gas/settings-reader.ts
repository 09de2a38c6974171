// Reads the Pengaturan sheet into Settings (roster, superiors, delegations, domains, links, calendar) in one call.
import type { WorkCalendar } from '../core/business-time';
import { SHEET_NAMES, SHELL_MESSAGES } from '../core/messages/shell';
import { parseSettings, type Settings } from '../core/settings';

/** One getValues over the sheet; an unreadable value stops the event with the rows to fix. */
export function readSettings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): {
  settings: Settings;
  calendar: WorkCalendar;
} {
  const sheet = spreadsheet.getSheetByName(SHEET_NAMES.settings);
  if (!sheet) throw new Error(SHELL_MESSAGES.sheetMissing(SHEET_NAMES.settings));
  const parsed = parseSettings(sheet.getDataRange().getValues());
  if ('errors' in parsed) throw new Error(SHELL_MESSAGES.settingsInvalid(parsed.errors));
  return { settings: parsed.settings, calendar: parsed.settings.calendar };
}
