// Builds a simulator state file as setup would leave it (register, certificates, audit, settings, restricted store) for the data-tool tests.
import { openStore } from '../../../emulator/persistence';
import type { CellValue, EmulatorState, SheetState, SpreadsheetState } from '../../../emulator/state';
import { RESTRICTED_SHEET, SETUP_HEADERS, SHEET_NAMES } from '../../../scripts/data/register-layout';

export const REGISTER_ID = 'ss-register-0001';
export const RESTRICTED_ID = 'ss-restricted-0001';
export const HMAC_SECRET = 'test-secret';

function sheet(sheetId: number, name: string, values: CellValue[][]): SheetState {
  return {
    sheetId,
    name,
    values,
    formulas: [],
    numberFormats: [],
    frozenRows: 1,
    frozenColumns: 0,
    hidden: false,
    protections: [],
    maxRows: Math.max(1000, values.length),
    maxColumns: Math.max(26, ...values.map((row) => row.length)),
    columnWidths: {},
    charts: [],
    tabColor: null,
  };
}

function spreadsheet(id: string, name: string, sheets: SheetState[]): SpreadsheetState {
  return {
    id,
    name,
    owner: 'admin@bolmongkab.go.id',
    timeZone: 'Asia/Makassar',
    sheets,
    editors: [],
    viewers: [],
    nextSheetId: sheets.length + 1,
    menus: [],
    namedRanges: {},
  };
}

/** A state as after setup: headers only, plus one settings row. `registerHeader` lets a test reorder the columns. */
export function setupState(registerHeader: string[] = SETUP_HEADERS.register): EmulatorState {
  return {
    version: 1,
    scriptId: 'script-local',
    owner: 'admin@bolmongkab.go.id',
    now: Date.UTC(2026, 0, 5),
    containerSpreadsheetId: REGISTER_ID,
    spreadsheets: {
      [REGISTER_ID]: spreadsheet(REGISTER_ID, 'Register Sertifikat Elektronik', [
        sheet(1, SHEET_NAMES.register, [registerHeader]),
        sheet(2, SHEET_NAMES.issued, [SETUP_HEADERS.certificates]),
        sheet(3, SHEET_NAMES.audit, [SETUP_HEADERS.audit]),
        sheet(4, SHEET_NAMES.settings, [
          ['Pengaturan', 'Nilai', 'Berlaku mulai', 'Berlaku sampai', 'Keterangan'],
          ['Domain email dinas', 'bolmongkab.go.id', '', '', ''],
        ]),
      ]),
      [RESTRICTED_ID]: spreadsheet(RESTRICTED_ID, 'Data Terbatas', [
        sheet(1, RESTRICTED_SHEET, [SETUP_HEADERS.restricted]),
      ]),
    },
    forms: {},
    files: {},
    folders: {},
    rootFolderId: 'root',
    scriptProperties: {
      SPREADSHEET_ID: REGISTER_ID,
      RESTRICTED_SPREADSHEET_ID: RESTRICTED_ID,
      HMAC_SECRET,
    },
    userProperties: {},
    documentProperties: {},
    cache: {},
    triggers: [],
    mail: [],
    mailQuota: {},
    executions: [],
    seq: 1,
  };
}

/** Writes a state to a SQLite file the way the emulator does. */
export function saveState(file: string, state: EmulatorState): void {
  const store = openStore({ kind: 'sqlite', file });
  store.save(state);
  store.close();
}

export function loadState(file: string): EmulatorState {
  const store = openStore({ kind: 'sqlite', file });
  const state = store.load();
  store.close();
  if (!state) throw new Error('no state');
  return state;
}
