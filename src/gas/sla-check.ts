// The time-driven SLA check: reminds the holder of a late step, escalates at twice the standard, refreshes the Dasbor.
import { checkSla, slaDue } from '../core/sla';
import { isActive } from '../core/workflow';
import { readApplicationColumns } from './column-reader';
import { DASHBOARD_HEADERS, refreshDashboardFrom } from './dashboard';
import { applyEffects } from './effects';
import { forService, loadEnv } from './env';
import { withScriptLock } from './lock';
import { openRegister, readApplication, writeApplication } from './register';

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

/**
 * Decides, from the few columns the Dasbor also needs (one read per run of adjacent columns, never whole rows),
 * which open applications have a reminder or an escalation due; reads only those rows whole, writes each back and
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
    for (const { row } of batch) {
      const stored = readApplication(register, row, env.sop);
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
