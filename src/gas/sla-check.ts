// The time-driven SLA check: reminds the holder of a late step, escalates at twice the standard, refreshes the Dasbor.
import { SHEET_NAMES, SHELL_MESSAGES } from '../core/messages/shell';
import { applicationFromRow } from '../core/register-schema';
import { checkSla, currentLateness } from '../core/sla';
import { isActive } from '../core/workflow';
import { STATUS_LABELS, type Status } from '../core/workflow-types';
import { applyEffects } from './effects';
import { type Env, loadEnv } from './env';
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
      const due = checkSla(stored.app, env);
      if (!due) continue;
      writeApplication(register, stored, due.app, env.sop);
      applyEffects(env, due.app, due.effects, 'SISTEM');
      stored.app = due.app;
      reminded += 1;
    }
    refreshDashboard(env, all);
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

/** The Dasbor: counts per status and the late steps now, rewritten in one call. */
function refreshDashboard(env: Env, all: StoredApplication[]): void {
  const sheet = env.spreadsheet.getSheetByName(SHEET_NAMES.dashboard);
  if (!sheet) return;
  const D = SHELL_MESSAGES.dashboard;
  const counts = new Map<Status, number>();
  for (const { app } of all) counts.set(app.status, (counts.get(app.status) ?? 0) + 1);
  const rows: string[][] = [
    [D.title, ''],
    [D.updated, Utilities.formatDate(env.now, 'Asia/Makassar', 'yyyy-MM-dd HH:mm')],
    ['', ''],
    [D.statusHeader, D.countHeader],
  ];
  for (const status of Object.keys(STATUS_LABELS) as Status[])
    rows.push([STATUS_LABELS[status], String(counts.get(status) ?? 0)]);
  rows.push(['', ''], [D.lateHeader, D.lateMinutesHeader]);
  for (const { app } of all) {
    const lateness = currentLateness(app, env);
    if (lateness?.late)
      rows.push([`${app.id} (${D.step} ${lateness.step})`, String(lateness.elapsed - lateness.standard)]);
  }
  sheet.clearContents();
  const range = sheet.getRange(1, 1, rows.length, 2);
  range.setNumberFormat('@');
  range.setValues(rows);
}
