// The services another engineer builds (SpreadsheetApp, FormApp, DriveApp, xlsx), loaded by their agreed signatures.
import type { ExecutionContext } from '../context';
import type { EmulatorState, FormResponseState, SpreadsheetState } from '../state';

/** What a submit wrote into the destination sheet (emulator/services/forms-model.ts). */
export interface DestinationRow {
  spreadsheetId: string;
  sheetId: number;
  sheetName: string;
  row: number;
  /** The row as strings, in column order (e.values). */
  values: string[];
}

/** The agreed exports of emulator/services/{spreadsheet,forms,drive}.ts and emulator/xlsx.ts. */
export interface PeerServices {
  createSpreadsheetApp(ctx: ExecutionContext): GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  createSpreadsheetState(
    state: EmulatorState,
    name: string,
    owner: string,
    now: Date,
    timeZone?: string,
  ): SpreadsheetState;
  displayValues(state: EmulatorState, spreadsheetId: string, sheetName: string): string[][];
  createFormApp(ctx: ExecutionContext): GoogleAppsScript.Forms.FormApp;
  recordFormResponse(
    ctx: ExecutionContext,
    formId: string,
    answers: Record<string, string | string[]>,
    opts: { respondentEmail?: string; responseId?: string },
  ): { response: FormResponseState; destination?: DestinationRow | null } | { errors: string[] };
  formResponseObject(ctx: ExecutionContext, formId: string, responseId: string): GoogleAppsScript.Forms.FormResponse;
  formObject(ctx: ExecutionContext, formId: string): GoogleAppsScript.Forms.Form;
  createDriveApp(ctx: ExecutionContext): GoogleAppsScript.Drive.DriveApp;
  exportXlsx(state: EmulatorState, spreadsheetId: string, sheetNames?: string[]): Promise<Buffer>;
}

/**
 * Loads a peer module, or null while it has not landed yet (work in progress in the shared tree). The path is a
 * variable so the type checker does not require the file.
 */
async function optional(path: string): Promise<Record<string, unknown> | null> {
  try {
    return (await import(path)) as Record<string, unknown>;
  } catch (error) {
    if (
      (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' ||
      /Cannot find module|Failed to load url/.test(String(error))
    )
      return null;
    throw error;
  }
}

const modules = await Promise.all([
  optional('../services/spreadsheet'),
  optional('../services/forms'),
  optional('../services/drive'),
  optional('../xlsx'),
]);

function missing(name: string): never {
  throw new Error(`Emulator: ${name} is not available yet (its module has not landed).`);
}

const merged: Record<string, unknown> = Object.assign({}, ...modules.map((m) => m ?? {}));

/** Each peer export, or a function that says clearly that it is missing. */
export const peers: PeerServices = new Proxy({} as PeerServices, {
  get(_target, name: string) {
    const value = merged[name];
    return typeof value === 'function' ? value : () => missing(name);
  },
});

/** Whether a peer export has landed (the runtime leaves out a global whose service is missing). */
export function hasPeer(name: keyof PeerServices): boolean {
  return typeof merged[name] === 'function';
}
