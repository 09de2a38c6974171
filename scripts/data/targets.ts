// Where import writes and export reads: the simulator's SQLite state (local) or a live spreadsheet through the Sheets API.
import type { sheets_v4 } from 'googleapis';
import { openStore, type StateStore } from '../../emulator/persistence';
import type { CellValue, EmulatorState, SheetState, SpreadsheetState } from '../../emulator/state';

export type Grid = CellValue[][];
export type { CellValue };

/** The register spreadsheet, or the restricted one (Data Terbatas) that alone holds full NIKs. */
export type Store = 'register' | 'restricted';

export interface DataTarget {
  /** What the user is told the target is. */
  readonly label: string;
  /** A sheet's values (header first), or null when the sheet does not exist. */
  read(store: Store, sheet: string): Promise<Grid | null>;
  /** Appends rows under the last row, in batched calls. */
  append(store: Store, sheet: string, rows: CellValue[][]): Promise<void>;
  /** The program's HMAC secret (Script Properties) when the target can read it; live spreadsheets cannot. */
  hmacSecret(): string | null;
  /** Makes the writes durable (local: one SQLite transaction; live: already written). */
  commit(): Promise<void>;
  close(): void;
}

/** Script Properties the program keeps its document IDs in (src/gas/script-config.ts PROPERTY_KEYS). */
const SPREADSHEET_PROPERTY = 'SPREADSHEET_ID';
const RESTRICTED_PROPERTY = 'RESTRICTED_SPREADSHEET_ID';

/**
 * The simulator's state file. The whole state is loaded once and saved once in commit(), so an interrupted import
 * leaves the file as it was. Stop the simulator (npm start) first: it saves its own copy after every execution.
 */
export class LocalTarget implements DataTarget {
  readonly label: string;
  private readonly store: StateStore;
  private readonly state: EmulatorState;

  constructor(file: string) {
    this.label = `simulator lokal (${file})`;
    this.store = openStore({ kind: 'sqlite', file });
    const state = this.store.load();
    if (!state) {
      this.store.close();
      throw new Error(
        `State simulator belum ada di ${file}. Jalankan npm start lalu menu Siapkan/perbaiki sistem dahulu.`,
      );
    }
    this.state = state;
  }

  private spreadsheet(store: Store): SpreadsheetState {
    const props = this.state.scriptProperties;
    const id =
      store === 'register'
        ? props[SPREADSHEET_PROPERTY] || this.state.containerSpreadsheetId
        : props[RESTRICTED_PROPERTY];
    const spreadsheet = id ? this.state.spreadsheets[id] : undefined;
    if (!spreadsheet) {
      throw new Error(
        store === 'register'
          ? 'Spreadsheet register tidak ditemukan di simulator. Jalankan menu Siapkan/perbaiki sistem dahulu.'
          : 'Spreadsheet Data Terbatas tidak ditemukan di simulator. Jalankan menu Siapkan/perbaiki sistem dahulu.',
      );
    }
    return spreadsheet;
  }

  private sheet(store: Store, name: string): SheetState | undefined {
    return this.spreadsheet(store).sheets.find((sheet) => sheet.name === name);
  }

  async read(store: Store, name: string): Promise<Grid | null> {
    const sheet = this.sheet(store, name);
    if (!sheet) return null;
    const width = Math.max(0, ...sheet.values.map((row) => row.length));
    return sheet.values.map((row) => Array.from({ length: width }, (_, column) => row[column] ?? ''));
  }

  async append(store: Store, name: string, rows: CellValue[][]): Promise<void> {
    const sheet = this.sheet(store, name);
    if (!sheet) throw new Error(`Sheet "${name}" tidak ada. Jalankan menu Siapkan/perbaiki sistem dahulu.`);
    for (const row of rows) sheet.values.push([...row]);
    sheet.maxRows = Math.max(sheet.maxRows, sheet.values.length);
    sheet.maxColumns = Math.max(sheet.maxColumns, ...rows.map((row) => row.length));
  }

  hmacSecret(): string | null {
    return this.state.scriptProperties.HMAC_SECRET || null;
  }

  async commit(): Promise<void> {
    this.store.save(this.state);
  }

  close(): void {
    this.store.close();
  }
}

/**
 * A cell for the Sheets API with valueInputOption RAW: a Date becomes its serial number in WITA (days since
 * 1899-12-30), which the column's date format shows as the date, as setValues with a Date does in Apps Script.
 * Ref: https://developers.google.com/sheets/api/guides/formats (date/time serial numbers)
 */
export function toApiValue(value: CellValue): string | number | boolean {
  if (value instanceof Date) return (value.getTime() + 8 * 3_600_000) / 86_400_000 + 25_569;
  return value;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * A live spreadsheet through the Sheets API. Values are written RAW (stored as given, never parsed as formulas or
 * numbers) in batches of `batchSize` rows per values.append call.
 * Ref: https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.values/append
 */
export class SheetsTarget implements DataTarget {
  readonly label: string;

  constructor(
    private readonly sheets: sheets_v4.Sheets,
    private readonly registerId: string,
    private readonly restrictedId: string | null,
    private readonly batchSize = 500,
    private readonly onBatch: (written: number, total: number) => void = () => {},
  ) {
    this.label = `spreadsheet ${registerId}`;
  }

  private id(store: Store): string {
    if (store === 'register') return this.registerId;
    if (!this.restrictedId) {
      throw new Error('ID spreadsheet Data Terbatas belum diberikan. Tambahkan --restricted <spreadsheetId>.');
    }
    return this.restrictedId;
  }

  async read(store: Store, sheet: string): Promise<Grid | null> {
    try {
      const response = await this.sheets.spreadsheets.values.get({
        spreadsheetId: this.id(store),
        range: quoteSheet(sheet),
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'FORMATTED_STRING',
      });
      const values = (response.data.values ?? []) as Grid;
      const width = Math.max(0, ...values.map((row) => row.length));
      return values.map((row) => Array.from({ length: width }, (_, column) => row[column] ?? ''));
    } catch (error) {
      if (error instanceof Error && /Unable to parse range/.test(error.message)) return null;
      throw error;
    }
  }

  async append(store: Store, sheet: string, rows: CellValue[][]): Promise<void> {
    for (let start = 0; start < rows.length; start += this.batchSize) {
      const batch = rows.slice(start, start + this.batchSize);
      await this.sheets.spreadsheets.values.append({
        spreadsheetId: this.id(store),
        range: `${quoteSheet(sheet)}!A1`,
        valueInputOption: 'RAW',
        insertDataOption: 'INSERT_ROWS',
        requestBody: { values: batch.map((row) => row.map(toApiValue)) },
      });
      this.onBatch(start + batch.length, rows.length);
    }
  }

  hmacSecret(): string | null {
    return null;
  }

  async commit(): Promise<void> {}

  close(): void {}
}
