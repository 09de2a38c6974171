// The time-driven SLA check: reminds the holder of a late step, escalates at twice the standard, refreshes the Dasbor.
import { applicationFromRow } from '../core/register-schema';
import { checkSla, slaDue } from '../core/sla';
import type { SopDefinition } from '../core/sop';
import { isActive } from '../core/workflow';
import { readApplicationColumns } from './column-reader';
import { DASHBOARD_HEADERS, refreshDashboardFrom } from './dashboard';
import { applyEffects } from './effects';
import { forService, loadEnv } from './env';
import { withScriptLock } from './lock';
import { openRegister, type StoredApplication, writeApplication } from './register';
import type { Cell, SheetTable } from './sheet-table';

/**
 * Late applications handled in one run. Each costs about 45 service calls (its row, audit row, outbox rows and
 * mails: some 6 s by bench/cost-model.ts), so 20 keep a run near 2 minutes, well under Apps Script's limit; the rest
 * are still due at the next run 10 minutes later, which takes them up where this one stopped.
 */
const SLA_BATCH = 20;
/** Optional Script Property lowering the batch (tests, or a slow day); never raises it above SLA_BATCH. */
const BATCH_KEY = 'SLA_CHECK_BATCH';

function slaBatch(): number {
  const asked = Number(PropertiesService.getScriptProperties().getProperty(BATCH_KEY) ?? '');
  return Number.isInteger(asked) && asked > 0 ? Math.min(asked, SLA_BATCH) : SLA_BATCH;
}

/** Due rows at most this far apart are read in one range (late applications are mostly the recent ones). */
const ROW_GAP = 20;

/**
 * The whole rows of the due applications, in register order: one getValues per cluster of rows at most ROW_GAP
 * apart, so a batch costs a read or two, and a stray old row never makes the read span the register.
 */
function readWholeRows(register: SheetTable, sop: SopDefinition, rows: number[]): StoredApplication[] {
  const index = register.index();
  const out: StoredApplication[] = [];
  let start = 0;
  while (start < rows.length) {
    let end = start;
    while (end + 1 < rows.length && (rows[end + 1] ?? 0) - (rows[end] ?? 0) <= ROW_GAP) end += 1;
    const first = rows[start] ?? 2;
    const last = rows[end] ?? first;
    const values = register.sheet.getRange(first, 1, last - first + 1, register.width).getValues() as Cell[][];
    for (const row of rows.slice(start, end + 1)) {
      const raw = values[row - first] ?? [];
      out.push({ row, raw, app: applicationFromRow(raw, index, sop) });
    }
    start = end + 1;
  }
  return out;
}

/**
 * Decides, from the few columns the Dasbor also needs (one read per run of adjacent columns, never whole rows),
 * which open applications have a reminder or an escalation due; reads only those rows whole (readWholeRows), writes
 * each back and
 * sends through the outbox (each is sent once: the step records when). At most SLA_BATCH per run, in register
 * order; the rest stay due and the next run continues with them. Runs every 10 minutes under the lock, as the system.
 */
export function runSlaCheck(): { reminded: number; waiting: number } {
  return withScriptLock(() => {
    const env = loadEnv();
    const register = openRegister(env.spreadsheet, env.sop);
    const all = readApplicationColumns(register, env.sop, DASHBOARD_HEADERS);
    const due = all.filter(
      ({ app }) => isActive(app.status) && slaDue(app, forService(env, app.applicant.service)) !== null,
    );
    const batch = due.slice(0, slaBatch());
    let reminded = 0;
    for (const stored of readWholeRows(
      register,
      env.sop,
      batch.map((partial) => partial.row),
    )) {
      const result = checkSla(stored.app, forService(env, stored.app.applicant.service));
      if (!result) continue;
      writeApplication(register, stored, result.app, env.sop);
      applyEffects(env, result.app, result.effects, 'SISTEM');
      reminded += 1;
    }
    refreshDashboardFrom(
      env,
      all.map((partial) => partial.app),
    );
    return { reminded, waiting: due.length - batch.length };
  });
}
