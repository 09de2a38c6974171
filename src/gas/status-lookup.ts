// Cek Status Permohonan by reference number and access code (GET, read-only), and the code added to the receipt mail.
import { PASSPHRASE_RESET_TEXT, STATUS_LOOKUP_TEXT as T } from '../core/messages/lifecycle';
import { accessCodeMatches, statusAccessCode } from '../core/status-code';
import type { Application, MailTemplate } from '../core/workflow-types';
import { renderLifecycleStatusPage, renderStatusLookupPage } from '../ui/lifecycle/status-lookup';
import { forService, loadEnv } from './env';
import { signer } from './links';
import { suratPermohonanOf } from './printables';
import { findApplication, openRegister } from './register';
import { webAppUrl } from './script-config';

/** A page for doGet: title and HTML. */
export interface LookupPage {
  title: string;
  html: string;
}

function param(event: GoogleAppsScript.Events.DoGet, name: string): string {
  const value = event?.parameter?.[name];
  return typeof value === 'string' ? value.slice(0, 64).trim() : '';
}

/** True when a GET asks for the lookup (doGet routes it here before any token handling). */
export function isStatusLookup(event: GoogleAppsScript.Events.DoGet): boolean {
  return param(event, 'cek') !== '';
}

/**
 * The lookup: without both fields, the form; with a reference and a code that match, the application's status page
 * (no personal data) or, with cetak=surat, its pre-filled Surat Permohonan; otherwise the form again with one message
 * for "unknown number" and "wrong code" alike, so the page tells a guesser nothing. Changes nothing.
 */
export function statusLookupPage(event: GoogleAppsScript.Events.DoGet): LookupPage {
  const env = loadEnv();
  const action = webAppUrl(env.props.webAppUrl);
  const reference = param(event, 'ref').toUpperCase();
  const code = param(event, 'kode');
  if (reference === '' || code === '') return { title: T.title, html: renderStatusLookupPage(action, reference) };
  const stored = /^[A-Z0-9-]{1,40}$/.test(reference)
    ? findApplication(openRegister(env.spreadsheet, env.sop), reference, env.sop)
    : null;
  if (!stored || !env.props.hmacSecret || !accessCodeMatches(stored.app.id, code, signer(env.props.hmacSecret))) {
    return { title: T.title, html: renderStatusLookupPage(action, reference, T.notFound) };
  }
  if (param(event, 'cetak') === 'surat') return suratPermohonanOf(env, stored.app);
  const { sop } = forService(env, stored.app.applicant.service);
  const printUrl = action
    ? `${action}?cek=1&ref=${encodeURIComponent(stored.app.id)}&kode=${encodeURIComponent(code)}&cetak=surat`
    : '';
  return { title: T.title, html: renderLifecycleStatusPage(stored.app, sop, printUrl) };
}

/** The rendered mail as the outbox takes it. */
interface Rendered {
  subject: string;
  html: string;
  text: string;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Adds one paragraph (already escaped HTML, and its plain text) above the mail's footer. */
function withParagraph(mail: Rendered, html: string, text: string): Rendered {
  const block = `<p style="margin:0 0 12px;font-size:15px;line-height:1.5;">${html}</p>`;
  const footer = /<tr><td style="padding:14px 20px;font-size:12px/;
  const body = footer.test(mail.html)
    ? mail.html.replace(footer, (m) => `<tr><td style="padding:0 20px 8px;">${block}</td></tr>${m}`)
    : mail.html.replace('</body>', `${block}</body>`);
  return { subject: mail.subject, html: body, text: `${mail.text}\n\n${text}` };
}

/** Mails of a passphrase reset that must say BSrE's reset link lasts one day. */
const RESET_NOTICE_TEMPLATES: readonly MailTemplate[] = ['APPLICANT_BSRE_SUBMITTED', 'APPLICANT_BSRE_ACCOUNT'];

/**
 * Lifecycle additions to the workflow's mails: the receipt (APPLICANT_RECEIVED) carries the access code and the
 * lookup link, the "secret from the mail" Cek Status Permohonan asks for; a passphrase reset's mails about BSrE say
 * that BSrE's reset link expires after one day. Other mails are returned unchanged.
 */
export function withLifecycleNotes(
  mail: Rendered,
  template: MailTemplate,
  app: Pick<Application, 'id' | 'applicant'>,
  secret: string,
  baseUrl: string,
): Rendered {
  if (app.applicant.service === 'RESET_PASSPHRASE' && RESET_NOTICE_TEMPLATES.includes(template)) {
    const notice = PASSPHRASE_RESET_TEXT.notice;
    return withParagraph(mail, `<strong>${escapeText(notice)}</strong>`, notice);
  }
  if (template !== 'APPLICANT_RECEIVED' || !secret || !app.id) return mail;
  const code = statusAccessCode(app.id, signer(secret));
  const url = webAppUrl(baseUrl);
  const lookup = url ? `${url}?cek=1&ref=${encodeURIComponent(app.id)}` : '';
  const line = T.codeInMail(code);
  const link = lookup ? `<br><a href="${escapeText(lookup)}" style="color:#1d4ed8;">${escapeText(T.title)}</a>` : '';
  return withParagraph(
    mail,
    `<strong>${escapeText(line)}</strong>${link}`,
    `${line}${lookup ? `\n${T.title}: ${lookup}` : ''}`,
  );
}
