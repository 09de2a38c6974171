// The integrity check's reconciliation of Register Permohonan with Jejak Audit, incremental by an audit-row cursor.
import { STATUS, STATUS_LABELS, type Status } from './workflow-types';

/** What reconciliation needs of one register row: three narrow columns, never the whole row. */
export interface RegisterStatus {
  id: string;
  status: Status;
  /** The row's "Diperbarui pada" in ms, NaN when blank or not a date. */
  updatedAt: number;
}

/** One audit row's two cells reconciliation reads. */
export interface AuditStatus {
  id: string;
  after: string;
}

/**
 * Where reconciliation stands: the first audit row not yet reconciled, and the time of the run that reconciled the
 * rows before it. Kept in Script Properties (staff cannot edit them) between hourly runs.
 */
export interface ReconcileCursor {
  row: number;
  since: number;
}

/** Script Property holding the cursor as "<row>:<since ms>". */
export const RECONCILE_CURSOR_KEY = 'AUDIT_RECONCILED';

/** The cursor as stored. */
export function formatReconcileCursor(cursor: ReconcileCursor): string {
  return `${cursor.row}:${cursor.since}`;
}

/** The stored cursor, or null when absent or malformed (the run then reconciles everything). */
export function parseReconcileCursor(text: string | null): ReconcileCursor | null {
  const match = /^(\d+):(\d+)$/.exec(text ?? '');
  if (!match) return null;
  const row = Number(match[1]);
  const since = Number(match[2]);
  return row >= 2 && Number.isSafeInteger(since) ? { row, since } : null;
}

/** A status code as the register holds it, read the way applicationFromRow reads it (blank -> Data tidak valid). */
export function statusOfCode(code: string): Status {
  return (code as Status) || STATUS.DATA_TIDAK_VALID;
}

/** The last non-blank "Status Sesudah" of each application in the rows given (in log order). */
export function lastAfterById(rows: readonly AuditStatus[]): Map<string, string> {
  const last = new Map<string, string>();
  for (const { id, after } of rows) if (id && after) last.set(id, after);
  return last;
}

/**
 * The register rows changed since the cursor's run whose last audited status is not among the new audit rows: a
 * register write whose audit append never happened (an execution killed between them). Events write the register
 * and the log under one lock with their clock read inside it, so a row changed before the last run was seen by it.
 */
export function unexplainedChanges(
  register: readonly RegisterStatus[],
  fresh: ReadonlyMap<string, string>,
  since: number,
): RegisterStatus[] {
  return register.filter((row) => row.id && row.updatedAt >= since && !fresh.has(row.id));
}

/** One application whose register status the log does not explain. */
export interface Mismatch {
  id: string;
  current: string;
  audited: string;
}

/**
 * The applications whose register status differs from the last status the log gave them. `full`: every register row
 * is checked against `lastAfter` built from the whole log. Otherwise only those the new audit rows touched or that
 * changed since the cursor's run (the caller makes the pass full when one of these is unexplained by the new rows).
 */
export function mismatches(
  register: readonly RegisterStatus[],
  lastAfter: ReadonlyMap<string, string>,
  scope: { full: true } | { full: false; since: number },
): Mismatch[] {
  const out: Mismatch[] = [];
  for (const row of register) {
    if (!row.id) continue;
    const audited = lastAfter.get(row.id);
    if (!scope.full && audited === undefined && !(row.updatedAt >= scope.since)) continue;
    const current = STATUS_LABELS[row.status] ?? row.status;
    if ((audited ?? '') !== current) out.push({ id: row.id, current, audited: audited ?? '' });
  }
  return out;
}
