// The monthly SOP evaluation report: HTML from the core, converted to PDF, saved to a Drive folder, mailed to the Kepala Dinas.
import { evaluationReport, previousPeriod, renderEvaluationReportHtml } from '../core/evaluation-report';
import { REPORT_TEXT as T } from '../core/messages/lifecycle';
import { SHELL_MESSAGES } from '../core/messages/shell';
import { ROLE_LABELS } from '../core/messages/workflow';
import { monthLabel } from '../core/metrics';
import { holdersOf } from '../core/settings';
import { type AuditEntry, appendAudit, openAudit } from './audit-log';
import { readApplicationColumns } from './column-reader';
import { type Env, loadEnv } from './env';
import { readLifecycleSettings, readServiceSops } from './lifecycle-sheets';
import { withScriptLock } from './lock';
import { enqueueMails, openOutbox } from './outbox';
import { openRegister } from './register';

/** The register columns the report's figures use (with the application number): never the whole row. */
const REPORT_HEADERS: readonly string[] = ['Kode layanan', 'Diajukan pada', 'Waktu tahap (JSON)', 'Riwayat (JSON)'];

/** Script Properties this module keeps: the folder it made, and the last period the monthly trigger reported. */
const REPORT_FOLDER_KEY = 'REPORT_FOLDER_ID';
const REPORT_LAST_PERIOD_KEY = 'REPORT_LAST_PERIOD';

/** What a run made (for the menu, the trigger log and tests). */
export interface ReportRunResult {
  period: string;
  fileId: string;
  fileUrl: string;
  mailedTo: string[];
  skipped: boolean;
}

/**
 * The folder the reports go to: the one named in Pengaturan, else the one this module made before, else a new folder
 * in the owner's Drive (its ID remembered in Script Properties).
 */
function reportFolder(configured: string): GoogleAppsScript.Drive.Folder {
  const properties = PropertiesService.getScriptProperties();
  for (const id of [configured, properties.getProperty(REPORT_FOLDER_KEY) ?? '']) {
    if (!id) continue;
    try {
      return DriveApp.getFolderById(id);
    } catch {
      console.log(`Folder laporan ${id} tidak dapat dibuka; memakai folder lain.`);
    }
  }
  const folder = DriveApp.createFolder(T.folderName);
  properties.setProperty(REPORT_FOLDER_KEY, folder.getId());
  return folder;
}

/**
 * Builds the report of `period` (yyyy-MM, WITA) and delivers it: the PDF (Utilities.newBlob(html, 'text/html')
 * .getAs('application/pdf')) is saved in the report folder and mailed, attached, to every Kepala Dinas on the roster
 * (acting officials included). When the mail cannot go now (quota), it waits in Kotak Keluar with the Drive link
 * instead of the attachment, so nothing is lost. One audit row records it.
 */
export function deliverReport(env: Env, period: string): ReportRunResult {
  const sops = readServiceSops(env.spreadsheet);
  const seed = sops[0]!;
  const apps = readApplicationColumns(openRegister(env.spreadsheet, env.sop), env.sop, REPORT_HEADERS).map(
    (partial) => partial.app,
  );
  const report = evaluationReport(apps, sops, period, env.now);
  const settings = readLifecycleSettings(env.spreadsheet, seed);
  const html = renderEvaluationReportHtml(report, settings.letterhead);
  const name = T.fileName(period);
  const pdf = Utilities.newBlob(html, 'text/html', name.replace(/\.pdf$/, '.html')).getAs('application/pdf');
  pdf.setName(name);
  const file = reportFolder(settings.reportFolderId).createFile(pdf);
  const url = file.getUrl();
  const label = monthLabel(period);
  const recipients = holdersOf(env.settings, 'KEPALA_DINAS', env.now);
  const mailedTo: string[] = [];
  for (const to of recipients) {
    try {
      MailApp.sendEmail({
        to,
        subject: T.mailSubject(label),
        body: T.mailBody(label, url),
        name: SHELL_MESSAGES.senderName,
        attachments: [pdf],
      });
      mailedTo.push(to);
    } catch (error) {
      console.log(`Laporan menunggu di Kotak Keluar: ${error instanceof Error ? error.message : String(error)}`);
      const text = T.mailBody(label, url);
      enqueueMails(
        openOutbox(env.spreadsheet),
        [
          {
            to,
            subject: T.mailSubject(label),
            text,
            html: `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>')}</p>`,
            applicationId: '',
            kind: 'LAPORAN_MONEV_SOP',
            key: `LAPORAN:${period}:${to}:${file.getId()}`,
          },
        ],
        env.now,
      );
    }
  }
  const entry: AuditEntry = {
    at: env.now,
    applicationId: '',
    event: T.title,
    actor: 'SISTEM',
    role: ROLE_LABELS.SISTEM,
    before: '',
    after: '',
    note: `${label}; ${name}; ${url}; ke ${recipients.join(', ') || '-'}`,
  };
  appendAudit(openAudit(env.spreadsheet), [entry]);
  return { period, fileId: file.getId(), fileUrl: url, mailedTo, skipped: false };
}

/** Menu: the report of the previous month, now (made again if it was made before). */
export function generateReportNow(period?: string): ReportRunResult {
  return withScriptLock(() => {
    const env = loadEnv();
    return deliverReport(env, period && /^\d{4}-\d{2}$/.test(period) ? period : previousPeriod(env.now));
  });
}

/**
 * The monthly trigger (day 1): reports on the previous month once. A second run for the same month (a retried
 * trigger) does nothing, so the Kepala Dinas gets one report per month.
 */
export function runMonthlyReport(): ReportRunResult {
  return withScriptLock(() => {
    const env = loadEnv();
    const period = previousPeriod(env.now);
    const properties = PropertiesService.getScriptProperties();
    if (properties.getProperty(REPORT_LAST_PERIOD_KEY) === period) {
      return { period, fileId: '', fileUrl: '', mailedTo: [], skipped: true };
    }
    const result = deliverReport(env, period);
    properties.setProperty(REPORT_LAST_PERIOD_KEY, period);
    return result;
  });
}
