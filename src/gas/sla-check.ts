// The time-driven SLA check: reminds the holder of a late step, escalates at twice the standard, refreshes the Dasbor.
import { applicationFromRow } from '../core/register-schema';
import { checkSla } from '../core/sla';
import { isActive } from '../core/workflow';
import { refreshDashboardFrom } from './dashboard';
import { applyEffects } from './effects';
import { type Env, forService, loadEnv } from './env';
import { withScriptLock } from './lock';
import { openRegister, type StoredApplication, writeApplication } from './register';

/**
 * Reads the register once, decides per open application whether a reminder or an escalation is due (each is sent
 * once: the step records when), writes only the rows that changed and sends through the outbox. Runs every 10
 * minutes under the lock, as the system.
 */
export function runSlaCheck(): { reminded: number } {
  return withScriptLock(() => {
    const env = loadEnv();
    const register = openRegister(env.spreadsheet, env.sop);
    const all = readAllApplications(env, register);
    let reminded = 0;
    for (const stored of all) {
      if (!isActive(stored.app.status)) continue;
      const due = checkSla(stored.app, forService(env, stored.app.applicant.service));
      if (!due) continue;
      writeApplication(register, stored, due.app, env.sop);
      applyEffects(env, due.app, due.effects, 'SISTEM');
      stored.app = due.app;
      reminded += 1;
    }
    refreshDashboardFrom(
      env,
      all.map((stored) => stored.app),
    );
    return { reminded };
  });
}

/** Every register row in one getValues: the periodic job may read the whole sheet, events never do. */
function readAllApplications(env: Env, register: ReturnType<typeof openRegister>): StoredApplication[] {
  const last = register.sheet.getLastRow();
  if (last < 2) return [];
  const values = register.sheet.getRange(2, 1, last - 1, register.width).getValues();
  const index = register.index();
  return values.map((raw, i) => ({
    row: i + 2,
    raw,
    app: applicationFromRow(raw, index, env.sop),
  }));
}
