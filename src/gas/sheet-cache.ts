// SOP sheet values kept in the script cache for 5 minutes, so an event does not re-read them from the sheet.
import { SHEET_NAMES, SHELL_MESSAGES } from '../core/messages/shell';

/** A hand edit of the SOP sheet reaches events within this many seconds (or at once via the setup menu). */
export const SHEET_CACHE_SECONDS = 300;
/** Ref: https://developers.google.com/apps-script/reference/cache/cache#put(String,String) (100 KB per value). */
const CACHE_VALUE_MAX_CHARS = 90_000;
/**
 * Only the SOP is cached: nothing personal goes into the cache, and Pengaturan (the roster) is read on every event so
 * an official removed from it is refused at once.
 */
const CACHED_SHEETS = [SHEET_NAMES.sop] as const;
type CachedSheet = (typeof CACHED_SHEETS)[number];

/** The script serves one register, so the sheet name is key enough; setup clears the cache when it changes that. */
function cacheKey(name: CachedSheet): string {
  return `sheet-values:v1:${name}`;
}

/** Dates survive the JSON round trip as {d: epoch ms}; every other cell value is JSON already. */
function encode(values: unknown[][]): string {
  return JSON.stringify(values.map((row) => row.map((cell) => (cell instanceof Date ? { d: cell.getTime() } : cell))));
}

function decode(text: string): unknown[][] | null {
  try {
    const rows: unknown = JSON.parse(text);
    if (!Array.isArray(rows)) return null;
    return rows.map((row: unknown[]) =>
      row.map((cell) =>
        cell !== null && typeof cell === 'object' && typeof (cell as { d?: unknown }).d === 'number'
          ? new Date((cell as { d: number }).d)
          : cell,
      ),
    );
  } catch {
    return null;
  }
}

/**
 * The whole sheet's values (as getDataRange().getValues() gives them), from the script cache when there, else read
 * and kept for SHEET_CACHE_SECONDS if `parses` accepts them: a broken sheet is never cached, so it stops every event
 * as before and its fix takes effect at once. Values too large for one cache entry are not cached. A missing sheet
 * throws.
 */
export function cachedSheetValues(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: CachedSheet,
  parses: (values: unknown[][]) => boolean,
): unknown[][] {
  const cache = CacheService.getScriptCache();
  const key = cacheKey(name);
  const hit = cache.get(key);
  const decoded = hit === null ? null : decode(hit);
  if (decoded) return decoded;
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(SHELL_MESSAGES.sheetMissing(name));
  const values = sheet.getDataRange().getValues();
  const text = encode(values);
  if (text.length <= CACHE_VALUE_MAX_CHARS && parses(values)) cache.put(key, text, SHEET_CACHE_SECONDS);
  return values;
}

/** Drops the cached SOP values, so the program's own writes (setup) and the menu take effect at once. */
export function forgetCachedSheets(): void {
  CacheService.getScriptCache().removeAll(CACHED_SHEETS.map(cacheKey));
}
