// Printable documents from the menu: the pre-filled Surat Permohonan and the Lembar Disposisi, both in the letterhead.
import { witaDay } from '../core/expiry';
import { LIFECYCLE_REQUEST_HEADER, parseLifecycleRequest } from '../core/lifecycle-request';
import { PRINT_TEXT } from '../core/messages/lifecycle';
import { PAGE_TEXT } from '../core/messages/pages';
import { type ServiceSopCode, sopForService } from '../core/service-sops';
import type { Application } from '../core/workflow-types';
import { renderLembarDisposisiWithLetterhead, renderSuratPermohonan } from '../ui/lifecycle/printables';
import type { Env } from './env';
import { readLifecycleSettings, readServiceSops } from './lifecycle-sheets';
import { findApplication, openRegister } from './register';

/** A printable page: title and HTML. */
export interface Printable {
  title: string;
  html: string;
}

/** The lifecycle request kept beside an application in the register ("Rujukan layanan"), if any. */
function requestOf(env: Env, app: Application) {
  const register = openRegister(env.spreadsheet, env.sop);
  const row = findApplication(register, app.id, env.sop);
  const at = register.headers.indexOf(LIFECYCLE_REQUEST_HEADER);
  const text = row && at >= 0 ? String(row.raw[at] ?? '') : '';
  return parseLifecycleRequest(app.applicant.service as ServiceSopCode, text);
}

/** The Surat Permohonan of an application, pre-filled and in the kop, following its service's SOP. */
export function suratPermohonanOf(env: Env, app: Application): Printable {
  const sop = sopForService(readServiceSops(env.spreadsheet), app.applicant.service);
  const { letterhead } = readLifecycleSettings(env.spreadsheet, env.sop);
  return {
    title: `${PRINT_TEXT.suratTitle} ${app.id}`,
    html: renderSuratPermohonan(
      app,
      sop,
      letterhead,
      requestOf(env, app),
      witaDay(new Date(app.submittedAt || env.now)),
    ),
  };
}

/** The Lembar Disposisi of an application, in the kop from Pengaturan. */
export function lembarDisposisiOf(env: Env, app: Application): Printable {
  const { letterhead } = readLifecycleSettings(env.spreadsheet, env.sop);
  return {
    title: `${PAGE_TEXT.disposisi.title} ${app.id}`,
    html: renderLembarDisposisiWithLetterhead(app, env.sop, letterhead),
  };
}

/** Shows a printable in a dialog over the spreadsheet (staff print it from there). */
export function showPrintable(page: Printable): void {
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutput(page.html).setWidth(820).setHeight(900),
    page.title,
  );
}
