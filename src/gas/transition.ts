// One state change as a unit: the register row, then its effects; if an effect fails, the row is put back as read.
import type { SopDefinition } from '../core/sop';
import type { Application } from '../core/workflow-types';
import { type StoredApplication, writeApplication } from './register';
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
