// Projects Apps Script wall time from counted service calls, with per-call figures taken from published measurements.

/**
 * Milliseconds charged per call, by 'Service.Class.method' prefix (longest prefix wins). The figures are the published
 * measurements collected in docs/reference/apps-script-runtime.md §2; each carries its source label from there.
 * Apps Script's real cost varies by day and load, so the projection is an order of magnitude, not a promise.
 */
export const CALL_COST_MS: Record<string, number> = {
  // [TRANSCRIPT] the first Range.getValues() took 0.175 s; [BP][BLOG2010] every read first commits the write cache.
  'SpreadsheetApp.Range.getValues': 175,
  'SpreadsheetApp.Range.getDisplayValues': 175,
  'SpreadsheetApp.Range.getFormulas': 175,
  'SpreadsheetApp.Range.getValue': 175,
  // [SO-SDB] one 4,000-cell setValues took under 50 ms before a flush; flush() made it 610 ms.
  'SpreadsheetApp.Range.setValues': 50,
  'SpreadsheetApp.Range.setValue': 50,
  'SpreadsheetApp.Sheet.appendRow': 50,
  'SpreadsheetApp.flush': 560,
  // [TK-SEARCH] TextFinder is the efficient way to get row numbers: charged as one read round trip.
  'SpreadsheetApp.TextFinder': 175,
  // [TK-10M] reading max row/column metadata took about 0.3 s.
  'SpreadsheetApp.Sheet.getLastRow': 300,
  'SpreadsheetApp.Sheet.getLastColumn': 300,
  'SpreadsheetApp.Sheet.getMaxRows': 300,
  // Opening a document by ID is a round trip; charged like a read [TRANSCRIPT].
  'SpreadsheetApp.openById': 175,
  SpreadsheetApp: 100,
  // [ZIR] ScriptProperties.getProperty 30 ms, setProperty 62 ms.
  'PropertiesService.Properties.getProperty': 30,
  'PropertiesService.Properties.getProperties': 30,
  'PropertiesService.Properties.setProperty': 62,
  PropertiesService: 30,
  // [ZIR] ScriptCache.get 3 ms, put 93 ms.
  'CacheService.Cache.get': 3,
  'CacheService.Cache.put': 93,
  CacheService: 3,
  // [KV] a Properties write+read pair costs about 80 ms; the lock service is charged like a property write.
  LockService: 62,
  // UNCONFIRMED: no published per-send figure; charged like a Sheets write round trip.
  'MailApp.sendEmail': 200,
  'GmailApp.sendEmail': 200,
  MailApp: 30,
  FormApp: 175,
  DriveApp: 175,
  ScriptApp: 62,
  HtmlService: 5,
  Utilities: 1,
  Session: 1,
};

/** Looks up the charge of one call by its longest matching prefix; unknown services cost 50 ms. */
export function costOfCall(method: string): number {
  let best = '';
  for (const prefix of Object.keys(CALL_COST_MS)) {
    if ((method === prefix || method.startsWith(`${prefix}.`)) && prefix.length > best.length) best = prefix;
  }
  return best ? (CALL_COST_MS[best] ?? 50) : 50;
}

/** Projects the Apps Script time of an execution from its call counts (ms). */
export function projectMs(calls: Record<string, number>): number {
  let total = 0;
  for (const [method, count] of Object.entries(calls)) total += costOfCall(method) * count;
  return total;
}

/** Sums the calls of one service ('SpreadsheetApp') so targets like "at most 6 SpreadsheetApp calls" can be read. */
export function callsOfService(calls: Record<string, number>, service: string): number {
  let total = 0;
  for (const [method, count] of Object.entries(calls))
    if (method.startsWith(`${service}.`) || method === service) total += count;
  return total;
}

/**
 * Milliseconds per cell moved between the script and the sheet, on top of the per-call charge. The only published
 * figure that ties time to size is [SO-SDB]: one 4,000-cell setValues took under 50 ms, i.e. at most 0.0125 ms per
 * cell. UNCONFIRMED for reads (no published per-cell read figure); applied to reads and writes alike, so reading a
 * whole 50,000-row register is no longer charged like reading one row.
 */
export const CELL_COST_MS = 50 / 4000;

/** Projects the Apps Script time of an execution from its calls and the cells it read and wrote (ms). */
export function projectMsWithCells(calls: Record<string, number>, cells: { read: number; written: number }): number {
  return projectMs(calls) + (cells.read + cells.written) * CELL_COST_MS;
}
