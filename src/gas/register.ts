// The register repository: Register Permohonan and Sertifikat Terbit rows <-> records, found by TextFinder on IDs.
import { SHEET_NAMES, SHELL_MESSAGES } from '../core/messages/shell';
import {
  applicationFromRow,
  applicationToRow,
  certificateColumns,
  ID_HEADER,
  registerColumns,
  toRow,
} from '../core/register-schema';
import type { SopDefinition } from '../core/sop';
import type { Application, CertificateRecord } from '../core/workflow-types';
import { type Cell, type ColumnKind, type ColumnSpec, SheetTable } from './sheet-table';

/** Columns earlier versions kept that setup removes (the Form edit link opened the applicant's answers to staff). */
export const RETIRED_REGISTER_HEADERS: readonly string[] = ['Tautan edit Form'];

/** Columns the shell keeps beside the core's: when the Form response last processed was submitted or edited. */
export const RESPONSE_TIME_HEADER = SHELL_MESSAGES.registerHeaders.responseTime;

function kindOf(kind: string): ColumnKind {
  if (kind === 'number') return 'number';
  if (kind === 'date') return 'date';
  return 'text';
}

/** The register's columns for setup and the schema check: the core's (per the SOP's stages) plus the shell's. */
export function registerSpecs(sop: SopDefinition): ColumnSpec[] {
  return [
    ...registerColumns(sop).map((column) => ({ header: column.header, kind: kindOf(column.kind) })),
    { header: RESPONSE_TIME_HEADER, kind: 'date' },
  ];
}

export function certificateSpecs(): ColumnSpec[] {
  return certificateColumns().map((column) => ({ header: column.header, kind: kindOf(column.kind) }));
}

/**
 * Registers opened in this execution, by spreadsheet and columns expected: the header is read once per execution
 * (a print opened from the sidebar, a revocation's outcome reuse the decision's). Only setup changes headers, and it
 * opens no register.
 */
const registersOpened = new WeakMap<GoogleAppsScript.Spreadsheet.Spreadsheet, Map<string, SheetTable>>();

/**
 * Register Permohonan in two calls (its header row), once per execution; the Sheet object is fetched only if an
 * append needs it.
 */
export function openRegister(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, sop: SopDefinition): SheetTable {
  const specs = registerSpecs(sop);
  const key = specs.map((spec) => `${spec.header}:${spec.kind}`).join('|');
  const opened = registersOpened.get(spreadsheet) ?? new Map<string, SheetTable>();
  registersOpened.set(spreadsheet, opened);
  const known = opened.get(key);
  if (known) return known;
  const table = SheetTable.openByName(spreadsheet, SHEET_NAMES.register, specs);
  opened.set(key, table);
  return table;
}

export function openCertificates(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SheetTable {
  return SheetTable.openByName(spreadsheet, SHEET_NAMES.issued, certificateSpecs());
}

/** A register row as read: the application, the raw cells (staff columns kept on rewrite) and its row number. */
export interface StoredApplication {
  row: number;
  app: Application;
  raw: Cell[];
}

/**
 * Where each application read or appended in this execution sits, so a link made for it later in the same execution
 * (effects' mails, the sidebar) can carry its row as a hint. An Apps Script execution evaluates the script afresh,
 * so this never outlives the lock under which the rows were read.
 */
const rowsReadThisExecution = new Map<string, number>();

/** The register row of an application read or appended in this execution, if any (a hint, checked on use). */
export function knownRow(id: string): number | undefined {
  return rowsReadThisExecution.get(id);
}

function remember(stored: StoredApplication): StoredApplication {
  if (stored.app.id) rowsReadThisExecution.set(stored.app.id, stored.row);
  return stored;
}

/** Reads one application by row: one getValues. */
export function readApplication(register: SheetTable, row: number, sop: SopDefinition): StoredApplication {
  const raw = register.readValues(row);
  return remember({ row, app: applicationFromRow(raw, register.index(), sop), raw });
}

/** Application numbers as the register writes them; anything else is never looked up. */
const APPLICATION_ID = /^[A-Za-z0-9-]{1,40}$/;

/**
 * Finds an application by its number and reads it; null when there is none. An application already read in this
 * execution is read again at its row (fresh values, one getValues); otherwise TextFinder searches the ID column.
 */
export function findApplication(register: SheetTable, id: string, sop: SopDefinition): StoredApplication | null {
  return findApplicationAt(register, id, knownRow(id), sop);
}

/**
 * Finds an application whose row a signed link hints at: that one row is read (one getValues, no search) and used
 * when its ID cell is exactly `id`; otherwise (staff sorted or deleted rows, a row past the grid) the search of
 * findApplication. The ID check keeps a hint from ever yielding another application.
 */
export function findApplicationAt(
  register: SheetTable,
  id: string,
  hint: number | undefined,
  sop: SopDefinition,
): StoredApplication | null {
  if (!APPLICATION_ID.test(id)) return null;
  if (hint !== undefined && Number.isInteger(hint) && hint >= 2) {
    let raw: Cell[] = [];
    try {
      raw = register.readValues(hint);
    } catch {
      // A row past the grid's end (rows deleted since the link was made): search instead.
    }
    const column = register.index().get(ID_HEADER);
    if (column !== undefined && String(raw[column] ?? '') === id) {
      return remember({ row: hint, app: applicationFromRow(raw, register.index(), sop), raw });
    }
  }
  const row = register.findRow(ID_HEADER, id);
  return row === null ? null : readApplication(register, row, sop);
}

function rowFor(
  register: SheetTable,
  app: Application,
  sop: SopDefinition,
  existing: Cell[],
  extra: Record<string, Cell>,
): unknown[] {
  const values = applicationToRow(app, register.headers, sop, existing);
  for (const [header, value] of Object.entries(extra)) {
    const index = register.headers.indexOf(header);
    if (index >= 0) values[index] = value;
  }
  return values;
}

/** Rewrites an application's row in one setValues, keeping staff columns and shell columns not in `extra`. */
export function writeApplication(
  register: SheetTable,
  stored: StoredApplication,
  app: Application,
  sop: SopDefinition,
  extra: Record<string, Cell> = {},
): void {
  register.writeValues(stored.row, rowFor(register, app, sop, stored.raw, extra));
}

/** Appends a new application in one write; returns its row. */
export function appendApplication(
  register: SheetTable,
  app: Application,
  sop: SopDefinition,
  extra: Record<string, Cell> = {},
): number {
  const row = register.appendValues([rowFor(register, app, sop, [], extra)]);
  if (app.id) rowsReadThisExecution.set(app.id, row);
  return row;
}

/** Appends issued certificates to Sertifikat Terbit (SOP record keeping), one write. */
export function appendCertificates(certificates: SheetTable, records: CertificateRecord[]): void {
  if (records.length === 0) return;
  certificates.appendValues(records.map((record) => toRow(record, certificates.headers, certificateColumns())));
}
