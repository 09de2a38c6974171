// The hourly integrity check: audit chain verified (first broken row reported), register and audit reconciled,
// personal data past retention deleted, missing triggers reinstalled.
import { INTEGRITY_MESSAGES as M } from '../core/messages/integrity';
import { SHELL_MESSAGES } from '../core/messages/shell';
import { ROLE_LABELS } from '../core/messages/workflow';
import {
  type AuditStatus,
  formatReconcileCursor,
  lastAfterById,
  mismatches,
  parseReconcileCursor,
  RECONCILE_CURSOR_KEY,
  type RegisterStatus,
  statusOfCode,
  unexplainedChanges,
} from '../core/reconcile';
import { ID_HEADER } from '../core/register-schema';
import { driveFileIds, retentionDue } from '../core/retention';
import { escapeHtml } from '../core/sanitize';
import { STATUS_LABELS } from '../core/workflow-types';
import { AUDIT_START, type AuditCursor, type AuditEntry, appendAudit, checkAuditSegment, openAudit } from './audit-log';
import { type Env, loadEnv } from './env';
import { withScriptLock } from './lock';
import { enqueueMails, openOutbox, sendOutboxRows } from './outbox';
import { openRegister } from './register';
import { openRestricted, RESTRICTED_FIELDS } from './restricted-store';
import { type Cell, columnLetters, type SheetTable } from './sheet-table';
import { ensureTriggers, TRIGGER_HANDLERS } from './triggers';

/** What one run found and did (for the execution log, the menu and tests). */
export interface IntegrityReport {
  chainOk: boolean;
  /** The first broken row of Jejak Audit (sheet row), 0 when the chain is whole. */
  brokenRow: number;
  repaired: number;
  erased: number;
  triggers: number;
  /** Audit rows this run hashed, and whether it reached the log's last row (a whole pass then ended). */
  auditChecked: number;
  auditPassDone: boolean;
  message: string;
}

const AUDIT_ID = 'Nomor Permohonan';
const AUDIT_AFTER = 'Status Sesudah';

/**
 * Reinstalls missing triggers, then, under the lock, verifies the chain, reconciles and applies retention. Form
 * responses whose trigger failed are picked up by the retry job's intake sweep (maintenance.retryPending).
 */
export function runIntegrityCheck(): IntegrityReport {
  const report: IntegrityReport = {
    chainOk: true,
    brokenRow: 0,
    repaired: 0,
    erased: 0,
    triggers: 0,
    auditChecked: 0,
    auditPassDone: false,
    message: '',
  };
  const env = loadEnv();
  report.triggers = reinstallTriggers(env);
  withScriptLock(() => {
    const locked = loadEnv();
    const audit = openAudit(locked.spreadsheet);
    const chain = checkAuditSegment(audit, readCursor(), auditBatchRows());
    const anchorRow = chain.ok ? brokenAnchor(audit) : 0;
    if (!chain.ok) {
      report.chainOk = false;
      report.brokenRow = chain.row;
      saveCursor(null);
      alarmBrokenChain(locked, SHELL_MESSAGES.audit.broken(chain.row, chain.reason), chain.row);
    } else if (anchorRow > 0) {
      report.chainOk = false;
      report.brokenRow = anchorRow;
      saveCursor(null);
      alarmBrokenChain(locked, SHELL_MESSAGES.audit.broken(anchorRow, M.anchorMismatch), anchorRow);
    } else {
      report.auditChecked = chain.checked;
      report.auditPassDone = chain.done;
      if (chain.done) setAnchor(audit);
      saveCursor(chain.done ? null : chain.next);
    }
    const register = readRegisterStatus(locked);
    const reconciled = reconcile(locked, register, chain.ok && chain.done);
    report.repaired = reconciled.repaired;
    report.erased = applyRetention(locked, register);
    saveReconcileCursor({ row: reconciled.nextRow + report.erased, since: locked.now.getTime() });
  });
  report.message = M.summary(report);
  console.log(report.message);
  return report;
}

/**
 * Rows the hourly check hashes in one run. By bench/cost-model.ts a row costs one Utilities.computeDigest (1 ms) and
 * 10 cells read (0.125 ms), so 60,000 rows project to about 68 s, leaving the run (reconciliation included) well under
 * 4 minutes at 50,000 applications (~317,000 rows: a pass in 6 hourly runs). Apps Script has no clock that tells
 * how long a call took, so the budget is in rows, not milliseconds.
 */
const AUDIT_BATCH_ROWS = 60_000;
/** Optional Script Property lowering the batch (tests, or a slow day); never raises it above AUDIT_BATCH_ROWS. */
const BATCH_KEY = 'AUDIT_CHECK_BATCH_ROWS';
/** Script Property holding "<next row>:<previous hash>" of a pass not yet finished; absent between passes. */
const CURSOR_KEY = 'AUDIT_CHECK_CURSOR';

function auditBatchRows(): number {
  const asked = Number(PropertiesService.getScriptProperties().getProperty(BATCH_KEY) ?? '');
  return Number.isInteger(asked) && asked > 0 ? Math.min(asked, AUDIT_BATCH_ROWS) : AUDIT_BATCH_ROWS;
}

/**
 * Where the pass under way stopped, or the start of a new pass. Each pass begins again at row 2, so an edit behind
 * the cursor is found by the next pass; the anchor (brokenAnchor) is checked on every run. A cursor past the log's
 * end (rows cut) ends the pass at once, and the anchor, if it lay in the cut rows, reports the cut.
 */
function readCursor(): AuditCursor {
  const [rowText = '', prevHash = ''] = (PropertiesService.getScriptProperties().getProperty(CURSOR_KEY) ?? '').split(
    ':',
  );
  const row = Number(rowText);
  if (!Number.isInteger(row) || row < 2 || !/^[0-9a-f]{64}$/.test(prevHash)) return AUDIT_START;
  return { row, prevHash };
}

/** Keeps the place for the next run, or clears it so the next run starts a new pass. */
function saveCursor(cursor: AuditCursor | null): void {
  const props = PropertiesService.getScriptProperties();
  if (cursor) props.setProperty(CURSOR_KEY, `${cursor.row}:${cursor.prevHash}`);
  else props.deleteProperty(CURSOR_KEY);
}

/** Script Property holding "<row>:<hash>" of the last row a check found whole. */
const ANCHOR_KEY = 'AUDIT_ANCHOR';
const HASH_HEADER = 'Hash';

/**
 * The chain alone cannot show a log rewritten from the top with freshly computed hashes, or cut short: anyone who
 * can edit the sheet can recompute SHA-256. The row and hash last found whole are kept in Script Properties (which
 * staff cannot read or edit); that row must still carry that hash. Returns the row when it does not, else 0.
 */
function brokenAnchor(audit: SheetTable): number {
  const [rowText = '', hash = ''] = (PropertiesService.getScriptProperties().getProperty(ANCHOR_KEY) ?? '').split(':');
  const row = Number(rowText);
  if (!Number.isInteger(row) || row < 2) return 0;
  if (row > audit.sheet.getLastRow()) return row;
  return String(audit.readRow(row)[HASH_HEADER] ?? '') === hash ? 0 : row;
}

/** Moves the anchor to the last row, now verified whole. */
function setAnchor(audit: SheetTable): void {
  const last = audit.sheet.getLastRow();
  if (last < 2) return;
  const hash = String(audit.readRow(last)[HASH_HEADER] ?? '');
  PropertiesService.getScriptProperties().setProperty(ANCHOR_KEY, `${last}:${hash}`);
}

/** Setup's trigger repair, run by the hour: a trigger someone deleted by hand comes back within the hour. */
function reinstallTriggers(env: Env): number {
  if (!env.props.formId) return 0;
  try {
    const lines = ensureTriggers(FormApp.openById(env.props.formId));
    const installed = new Set(Object.values(TRIGGER_HANDLERS).map((h) => SHELL_MESSAGES.setup.triggerInstalled(h)));
    return lines.filter((line) => installed.has(line)).length;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 0;
  }
}

const REGISTER_CODE = 'Kode status';
const REGISTER_UPDATED = 'Diperbarui pada';

/** One column's data cells (row 2 to the grid's end) in one read: narrow, so the hourly job never reads whole rows. */
function readColumn(table: SheetTable, header: string, fromRow = 2, toRow?: number): Cell[] {
  const letters = columnLetters(table.column(header));
  return table.sheet
    .getRange(`${letters}${fromRow}:${letters}${toRow ?? ''}`)
    .getValues()
    .map((cells) => cells[0] as Cell);
}

/**
 * Each application's number, status and last change: three columns of the register (about 3 cells an application),
 * all that reconciliation and retention need.
 */
function readRegisterStatus(env: Env): RegisterStatus[] {
  const register = openRegister(env.spreadsheet, env.sop);
  const ids = readColumn(register, ID_HEADER);
  const codes = readColumn(register, REGISTER_CODE);
  const updated = readColumn(register, REGISTER_UPDATED);
  const out: RegisterStatus[] = [];
  ids.forEach((id, index) => {
    const text = String(id ?? '');
    if (!text) return;
    const at = updated[index];
    out.push({
      id: text,
      status: statusOfCode(String(codes[index] ?? '')),
      updatedAt: at instanceof Date ? at.getTime() : Date.parse(String(at ?? '')),
    });
  });
  return out;
}

/** The number and "Status Sesudah" of the audit rows fromRow..toRow, two narrow reads. */
function readAuditStatus(audit: SheetTable, fromRow: number, toRow: number): AuditStatus[] {
  if (toRow < fromRow) return [];
  const ids = readColumn(audit, AUDIT_ID, fromRow, toRow);
  const afters = readColumn(audit, AUDIT_AFTER, fromRow, toRow);
  return ids.map((id, index) => ({ id: String(id ?? ''), after: String(afters[index] ?? '') }));
}

function readReconcileCursor(): ReturnType<typeof parseReconcileCursor> {
  return parseReconcileCursor(PropertiesService.getScriptProperties().getProperty(RECONCILE_CURSOR_KEY));
}

function saveReconcileCursor(cursor: { row: number; since: number }): void {
  PropertiesService.getScriptProperties().setProperty(RECONCILE_CURSOR_KEY, formatReconcileCursor(cursor));
}

/**
 * The register and the audit log must agree: every application's status is the "after" status of its last audited
 * change. A status the log never saw (a register write whose audit append failed, an audit row whose change was
 * rolled back, or a hand edit of the register) gets an audit row now, so the log again explains the register.
 * Incremental: only the audit rows since the last run (its cursor) and the applications they touch or that changed
 * since are compared, in two narrow reads of the log, so an hourly run costs the same at any size. The whole log is
 * read (two columns) when there is no cursor, when a register change since the last run has no audit row among the
 * new ones, and at the end of each chain pass (`sweep`), which also finds hand edits that left "Diperbarui pada"
 * alone. Returns the repairs appended and the row after the log's last (the next run's cursor).
 */
function reconcile(env: Env, register: RegisterStatus[], sweep: boolean): { repaired: number; nextRow: number } {
  const audit = openAudit(env.spreadsheet);
  const last = audit.sheet.getLastRow();
  const cursor = readReconcileCursor();
  const usable = cursor && cursor.row <= last + 1 && !sweep ? cursor : null;
  const fresh = readAuditStatus(audit, usable?.row ?? 2, last);
  let lastAfter = lastAfterById(fresh);
  let scope: { full: true } | { full: false; since: number } = { full: true };
  if (usable) {
    if (unexplainedChanges(register, lastAfter, usable.since).length === 0)
      scope = { full: false, since: usable.since };
    else lastAfter = lastAfterById([...readAuditStatus(audit, 2, usable.row - 1), ...fresh]);
  }
  const repairs: AuditEntry[] = mismatches(register, lastAfter, scope).map(({ id, current, audited }) => ({
    at: env.now,
    applicationId: id,
    event: M.events.repaired,
    actor: M.actor,
    role: ROLE_LABELS.SISTEM,
    before: audited,
    after: current,
    note: M.repairedNote(current, audited),
  }));
  appendAudit(audit, repairs);
  return { repaired: repairs.length, nextRow: Math.max(last, 1) + 1 + repairs.length };
}

/**
 * Deletes the full NIK and the files link from Data Terbatas once a finished application has been kept for the
 * retention period (Pengaturan), trashes each file of the cell the system owns, and logs each deletion in Jejak Audit.
 */
function applyRetention(env: Env, register: RegisterStatus[]): number {
  if (!env.props.restrictedId) return 0;
  const H = RESTRICTED_FIELDS;
  const store = openRestricted(env.props.restrictedId);
  const byId = new Map(register.map((app) => [app.id, app]));
  const days = env.settings.retentionDays;
  const entries: AuditEntry[] = [];
  for (const { row, record } of store.readAll()) {
    const nik = String(record[H.nik] ?? '');
    const files = String(record[H.filesLink] ?? '');
    if (!nik && !files) continue;
    const app = byId.get(String(record[H.applicationId] ?? ''));
    const finishedAt = app && !Number.isNaN(app.updatedAt) ? new Date(app.updatedAt).toISOString() : '';
    if (!app || !retentionDue({ status: app.status, finishedAt }, days, env.now)) continue;
    const fileNote = trashOwnFiles(files);
    store.updateRow(row, record, { [H.nik]: '', [H.filesLink]: '', [H.updatedAt]: env.now });
    entries.push({
      at: env.now,
      applicationId: app.id,
      event: M.events.retention,
      actor: M.actor,
      role: ROLE_LABELS.SISTEM,
      before: STATUS_LABELS[app.status],
      after: STATUS_LABELS[app.status],
      note: M.retentionNote(days, STATUS_LABELS[app.status], fileNote),
    });
  }
  appendAudit(openAudit(env.spreadsheet), entries);
  return entries.length;
}

/** Trashes every linked Drive file the script's account owns; the applicant's own files are not ours to trash. */
function trashOwnFiles(cell: string): string {
  const ids = driveFileIds(cell);
  if (ids.length === 0) return M.noFile;
  let trashed = 0;
  let notOurs = 0;
  for (const id of ids) {
    try {
      const file = DriveApp.getFileById(id);
      if (file.getOwner()?.getEmail() !== Session.getEffectiveUser().getEmail()) notOurs += 1;
      else {
        file.setTrashed(true);
        trashed += 1;
      }
    } catch {
      notOurs += 1;
    }
  }
  const notes: string[] = [];
  if (trashed > 0) notes.push(trashed === 1 ? M.fileTrashed : M.filesTrashed(trashed));
  if (notOurs > 0) notes.push(M.fileNotOurs);
  return notes.join(' ');
}

/** Mails the Admins and the owner once per broken row (the outbox key), and logs the finding. */
function alarmBrokenChain(env: Env, message: string, row: number): void {
  console.error(message);
  const owner = Session.getEffectiveUser().getEmail();
  const to = [...new Set([...env.settings.roster.ADMIN, owner].map((email) => email.toLowerCase()).filter(Boolean))];
  const body = M.chainAlarmBody(message, env.spreadsheet.getUrl());
  const outbox = openOutbox(env.spreadsheet);
  const rows = enqueueMails(
    outbox,
    [
      {
        to: to.join(','),
        subject: M.chainAlarmSubject(row),
        text: body,
        html: `<p>${escapeHtml(body).replace(/\n/g, '<br>')}</p>`,
        applicationId: '',
        kind: 'AUDIT_RUSAK',
        key: `audit-rusak-${row}`,
      },
    ],
    env.now,
  );
  try {
    sendOutboxRows(outbox, rows, () => new Date());
  } catch (error) {
    console.log(`${SHELL_MESSAGES.outboxDeferred}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
