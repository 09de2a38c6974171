// The lifecycle's entry points (triggers and menu items), re-exported by src/main.ts; all private (trailing underscore).
import { DASHBOARD_TEXT, LIFECYCLE_MENU as M, REPORT_TEXT } from '../core/messages/lifecycle';
import { refreshDashboard } from './dashboard';
import { loadEnv } from './env';
import { generateReportNow, type ReportRunResult, runMonthlyReport } from './evaluation-report';
import { type ExpiryRunResult, runExpiryCheck } from './expiry-job';
import { tellUser } from './maintenance';
import { showPrintable, suratPermohonanOf } from './printables';
import { chosenApplication } from './sidebar';

/** Time-driven trigger (daily) and menu: certificate states, H-30 / H-7 / expiry notices, each once. */
export function runExpiryCheck_(): ExpiryRunResult {
  const result = runExpiryCheck();
  if (result.notices + result.marked > 0) console.log(M.expiryDone(result.notices, result.marked));
  return result;
}

/** Menu: the expiry check now, with its result in an alert. */
export function checkExpiryNow_(): ExpiryRunResult {
  const result = runExpiryCheck();
  tellUser(M.expiry, M.expiryDone(result.notices, result.marked));
  return result;
}

/** Menu: recomputes the Dasbor now (the SLA trigger also refreshes it every 10 minutes). */
export function refreshDashboard_(): { statuses: number; certificates: number } {
  const result = refreshDashboard();
  tellUser(DASHBOARD_TEXT.title, DASHBOARD_TEXT.refreshed);
  return result;
}

/** Time-driven trigger (day 1 of each month): the previous month's SOP evaluation report, once. */
export function runMonthlyReport_(): ReportRunResult {
  return runMonthlyReport();
}

/** Menu: the previous month's SOP evaluation report now (PDF to Drive, mailed to the Kepala Dinas). */
export function generateReport_(): ReportRunResult {
  const result = generateReportNow();
  tellUser(M.reportDone, REPORT_TEXT.done(result.period, result.fileUrl));
  return result;
}

/** Menu: the pre-filled Surat Permohonan of the selected application, in the letterhead, to print. */
export function openSuratPermohonan_(): void {
  const env = loadEnv();
  const app = chosenApplication(env);
  if (app) showPrintable(suratPermohonanOf(env, app));
}
