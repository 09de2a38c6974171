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

function sheetOf(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string) {
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(SHELL_MESSAGES.sheetMissing(name));
  return sheet;
}

export function openRegister(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, sop: SopDefinition): SheetTable {
  return SheetTable.open(sheetOf(spreadsheet, SHEET_NAMES.register), registerSpecs(sop));
}

export function openCertificates(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SheetTable {
  return SheetTable.open(sheetOf(spreadsheet, SHEET_NAMES.issued), certificateSpecs());
}

/** A register row as read: the application, the raw cells (staff columns kept on rewrite) and its row number. */
export interface StoredApplication {
  row: number;
  app: Application;
  raw: Cell[];
}

/** Reads one application by row: one getValues. */
export function readApplication(register: SheetTable, row: number, sop: SopDefinition): StoredApplication {
  const raw = register.readValues(row);
  return { row, app: applicationFromRow(raw, register.index(), sop), raw };
}

/** Finds an application by its number (TextFinder on the ID column) and reads it; null when there is none. */
export function findApplication(register: SheetTable, id: string, sop: SopDefinition): StoredApplication | null {
  if (!/^[A-Za-z0-9-]{1,40}$/.test(id)) return null;
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
  return register.appendValues([rowFor(register, app, sop, [], extra)]);
}

/** Appends issued certificates to Sertifikat Terbit (SOP record keeping), one write. */
export function appendCertificates(certificates: SheetTable, records: CertificateRecord[]): void {
  if (records.length === 0) return;
  certificates.appendValues(records.map((record) => toRow(record, certificates.headers, certificateColumns())));
}
