// The e2e harness: the built dist/Code.js in the emulator, set up as the owner, with helpers that act like the users.
import { expect } from 'vitest';
import { Emulator, type WebResponse } from '../../emulator';
import type { EmulatorState, SentMail, SheetState } from '../../emulator/state';
import {
  CONSENT_CHOICE,
  FILES_DELIVERY_CHOICES,
  INTAKE_FORM,
  OFFICIAL_EMAIL_CHOICES,
  SERVICE_CHOICES,
} from '../../src/core/intake-form';
import { bundleDir } from '../support/bundle';

export const OWNER = 'admin@bolmongkab.go.id';
export const KADIS = 'kepala.dinas@bolmongkab.go.id';
export const KABID = 'kabid.persandian@bolmongkab.go.id';
export const SANDIMAN = 'sandiman@bolmongkab.go.id';
export const VERIFIKATOR = 'verifikator@bolmongkab.go.id';
export const ADMIN_ROLE = 'admin.kominfo@bolmongkab.go.id';
export const APPLICANT = 'budi.santoso@bolmongkab.go.id';

/** Monday 5 January 2026, 08:00 WITA: the start of a working day. */
export const START = '2026-01-05T08:00:00+08:00';

const TITLE: Record<string, string> = Object.fromEntries(INTAKE_FORM.questions.map((q) => [q.key, q.title]));

/** A valid application's answers keyed by question title; `overrides` by question key. */
export function answers(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const byKey: Record<string, string | string[]> = {
    name: 'Budi Santoso',
    nik: '7101201508850001',
    employmentStatus: 'PNS',
    nip: '198508152010011001',
    position: 'Analis Kebijakan',
    unit: 'Dinas Komunikasi dan Informatika',
    hasOfficialEmail: OFFICIAL_EMAIL_CHOICES.YES,
    email: APPLICANT,
    phone: '081234567890',
    service: SERVICE_CHOICES.PENERBITAN_BARU,
    filesDelivery: FILES_DELIVERY_CHOICES.BAWA_KE_DINAS,
    consent: [CONSENT_CHOICE],
    ...overrides,
  };
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(byKey)) {
    const title = TITLE[key];
    if (!title) throw new Error(`no question ${key}`);
    if (value !== '') out[title] = value;
  }
  return out;
}

/** A fresh emulator with the program set up from the menu, as the owner. */
export function setUp(): Emulator {
  const emu = new Emulator({ codeDir: bundleDir(), owner: OWNER, start: START, bound: true, mailDailyQuota: 100 });
  emu.openSpreadsheet(OWNER);
  const result = emu.runMenuItem('Siapkan/perbaiki sistem', OWNER);
  expect(result.status, result.error ?? '').toBe('COMPLETED');
  return emu;
}

/** Mails sent to one address, oldest first. */
export function mailsTo(emu: Emulator, to: string): SentMail[] {
  return emu.outbox().filter((mail) => mail.to.split(',').includes(to));
}

/** The newest mail to an address. */
export function lastMailTo(emu: Emulator, to: string): SentMail {
  const mails = mailsTo(emu, to);
  const last = mails[mails.length - 1];
  if (!last) throw new Error(`no mail to ${to}`);
  return last;
}

/** The web-app links (?t=...) in a mail's HTML, in order. */
export function webLinks(mail: SentMail): string[] {
  const out: string[] = [];
  for (const match of mail.htmlBody.matchAll(/href="([^"]+)"/g)) {
    const href = (match[1] ?? '').replace(/&amp;/g, '&');
    if (/\/exec\?t=/.test(href)) out.push(href);
  }
  return out;
}

/** The token of a web-app URL. */
export function tokenOf(url: string): string {
  const query = url.split('?')[1] ?? '';
  for (const pair of query.split('&')) {
    const [key, value = ''] = pair.split('=');
    if (key === 't') return decodeURIComponent(value);
  }
  throw new Error(`no token in ${url}`);
}

/** Opens a link as a user would (GET); the page must render. */
export function openLink(emu: Emulator, url: string, user: string): WebResponse {
  const response = emu.doGet({ query: { t: tokenOf(url) }, user });
  expect(response.status).toBe(200);
  return response;
}

/** Submits a page's form as the browser would (POST, form-urlencoded). */
export function post(
  emu: Emulator,
  token: string,
  fields: Record<string, string | string[]>,
  user: string,
): WebResponse {
  const parts: string[] = [`t=${encodeURIComponent(token)}`];
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value])
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(item)}`);
  }
  return emu.doPost({ body: parts.join('&'), contentType: 'application/x-www-form-urlencoded', user });
}

/** The register's rows as header -> display value, for assertions. */
export function registerRows(emu: Emulator): Record<string, string>[] {
  const [header = [], ...rows] = emu.sheetDisplayValues('Register Permohonan');
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

/** The audit log's rows as header -> value. */
export function auditRows(emu: Emulator): Record<string, string>[] {
  const [header = [], ...rows] = emu.sheetDisplayValues('Jejak Audit');
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

/** Undoes escapeHtml for values read back from a page. */
export function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The checklist values a decision page offers (every box the Sandiman must tick). */
export function checklistOf(page: WebResponse): string[] {
  return [...page.content.matchAll(/name="check" value="([^"]*)"/g)].map((m) => unescapeHtml(m[1] ?? ''));
}

/** The hidden token a page's forms carry (what the browser posts back). */
export function pageToken(page: WebResponse): string {
  const match = /name="t" value="([^"]+)"/.exec(page.content);
  if (!match?.[1]) throw new Error('no token on the page');
  return unescapeHtml(match[1]);
}

/** The actions a decision page offers, in order. */
export function pageActions(page: WebResponse): string[] {
  return [...page.content.matchAll(/name="action" value="([^"]+)"/g)].map((m) => m[1] ?? '');
}

/**
 * One official's (or the applicant's) turn, as a person does it: opens the link in the newest mail they received,
 * reads the page, confirms the chosen action with the page's own token (ticking every checklist box for VERIFY).
 */
export function act(
  emu: Emulator,
  who: string,
  fields: Record<string, string | string[]>,
): { page: WebResponse; result: WebResponse } {
  const link = webLinks(lastMailTo(emu, who))[0];
  if (!link) throw new Error(`no link in the last mail to ${who}`);
  const page = openLink(emu, link, who);
  const body = fields.action === 'VERIFY' ? { check: checklistOf(page), ...fields } : fields;
  const result = post(emu, pageToken(page), body, who);
  expect(result.execution?.status, result.execution?.error ?? '').toBe('COMPLETED');
  return { page, result };
}

/** Every text the program wrote where staff or mail can read it: register, audit, outbox, certificates, mails. */
export function sharedText(emu: Emulator): string {
  const sheets = ['Register Permohonan', 'Jejak Audit', 'Kotak Keluar', 'Sertifikat Terbit', 'Dasbor'];
  const cells = sheets.flatMap((name) => emu.sheetDisplayValues(name).flat());
  const mails = emu.outbox().flatMap((mail) => [mail.subject, mail.body, mail.htmlBody]);
  return [...cells, ...mails].join('\n');
}

/** A sheet of the register spreadsheet, as the emulator holds it (tests read and stage cells with it). */
export function sheetState(emu: { state: EmulatorState }, name: string): SheetState {
  const ss = emu.state.spreadsheets[emu.state.scriptProperties.SPREADSHEET_ID ?? ''];
  const sheet = ss?.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** One application verified and waiting for the Kepala Dinas: the audit log and Kotak Keluar have rows and tails. */
export function verifiedWorld(): Emulator {
  const emu = setUp();
  emu.submitForm(answers());
  act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
  return emu;
}

/** Sets (or, with null, drops) a script-cache entry for an hour, as if the program had put it there. */
export function setScriptCache(emu: Emulator, key: string, value: string | null): void {
  const script = emu.state.cache.script ?? {};
  emu.state.cache.script = script;
  if (value === null) delete script[key];
  else script[key] = { value, expiresAt: emu.now().getTime() + 3600_000, insertedAt: emu.now().getTime() };
}
