// One state change as a unit: the register row, then its effects; if an effect fails, the row is put back as read.
import type { SopDefinition } from '../core/sop';
import type { Application } from '../core/workflow-types';
import { type StoredApplication, writeApplication } from './register';
import { openRestricted, RESTRICTED_FIELDS } from './restricted-store';
import type { Cell, SheetTable } from './sheet-table';

/**
 * Writes the application's row, then runs `effects` (audit rows, certificates, mail queue). When an effect throws
 * (a service failing between the register write and the audit append), the row is rewritten exactly as it was read
 * under the same lock and the error rethrown: the change never happened, the link that asked for it is still
 * current, and the official can simply try again. What an effect already appended before failing (an audit row
 * without its change) is found and explained by the hourly integrity check's reconciliation.
 */
export function commitTransition(
  register: SheetTable,
  stored: StoredApplication,
  app: Application,
  sop: SopDefinition,
  effects: () => void,
  extra: Record<string, Cell> = {},
): void {
  writeApplication(register, stored, app, sop, extra);
  try {
    effects();
  } catch (error) {
    register.writeValues(stored.row, stored.raw);
    throw error;
  }
}

/**
 * For a row just appended under the lock (a new application): runs `effects`; when one throws, the row is deleted
 * again and `undo` removes what the effects stored elsewhere (Data Terbatas), so the Form response counts as never
 * processed and the hourly integrity check processes it in full (receipt mail included). Rethrows.
 */
export function commitAppended(register: SheetTable, row: number, effects: () => void, undo: () => void): void {
  try {
    effects();
  } catch (error) {
    register.sheet.deleteRow(row);
    try {
      undo();
    } catch (undoError) {
      console.error(undoError instanceof Error ? undoError.message : String(undoError));
    }
    throw error;
  }
}

/** Removes an application's row from Data Terbatas (the undo of a new application that failed half-way). */
export function dropRestricted(restrictedId: string, applicationId: string): void {
  if (!restrictedId) return;
  const store = openRestricted(restrictedId);
  const row = store.findRow(RESTRICTED_FIELDS.applicationId, applicationId);
  if (row !== null) store.sheet.deleteRow(row);
}
