// The simulator's routes: the screens each person would see in Google and the local JSON API, one execution at a time.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { validateResponse } from '../../emulator/services/forms-model';
import type { ExecutionRecord, FormState, SentMail, SpreadsheetState } from '../../emulator/state';
import { isEmail, knownAccounts } from './accounts';
import { clientScript } from './client-bundle';
import { translateFormError } from './form-messages';
import type { EmulatorHost, ExecutionResult, UploadedFile, WebRequest, WebResponse } from './host';
import { cookie, HttpError, parseFormBody, parseJsonObject, readBody, redirect, sendHtml, sendJson } from './http-util';
import { localizeLinks } from './links';
import { clockPage } from './views/clock';
import { formPage, formSentPage } from './views/form';
import { gmailPage, mailBody } from './views/gmail';
import { type Frame, homePage, messagePage, type OpenApplication } from './views/layout';
import { noAccessPage, type SheetGrid, sheetPage, type UiOutcome } from './views/sheet';
import { STYLES } from './views/styles';
import { webAppErrorPage, webAppPage } from './views/webapp';

/** Answers keyed by question title, as the API and the rendered Form send them. */
type Answers = Record<string, string | string[]>;

/** The register sheet (docs/architecture.md, "The program's conventions"). */
const REGISTER_SHEET = 'Register Permohonan';

/** The cookie holding the visitor's simulated Google account. */
export const USER_COOKIE = 'sim_user';
/** API callers may name the account in this header instead of the cookie. */
export const USER_HEADER = 'x-simulator-user';

/** The longest single clock move accepted (one year), so a typo cannot spin the trigger loop for ever. */
const MAX_ADVANCE_MINUTES = 366 * 24 * 60;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const KEEP_PAGES = 300;

interface StoredPage {
  html: string;
  title: string;
  metaTags: { name: string; content: string }[];
  user: string;
}

type Handler = (request: IncomingMessage, response: ServerResponse, match: RegExpExecArray) => Promise<void> | void;

/** The execution summary the API returns. */
function executionJson(run: ExecutionResult): Record<string, unknown> {
  return {
    id: run.id,
    function: run.functionName,
    user: run.user,
    status: run.status,
    value: run.value ?? null,
    error: run.error,
    logs: run.logs,
  };
}

function recordJson(run: ExecutionRecord): Record<string, unknown> {
  return {
    id: run.id,
    function: run.functionName,
    kind: run.kind,
    user: run.user,
    start: run.startedAt,
    durationMs: run.durationMs,
    status: run.status,
    error: run.error,
    logs: run.logs,
  };
}

function mailJson(mail: SentMail): Record<string, unknown> {
  return {
    id: mail.id,
    from: mail.from,
    to: mail.to,
    cc: mail.cc,
    bcc: mail.bcc,
    replyTo: mail.replyTo,
    subject: mail.subject,
    htmlBody: mail.htmlBody,
    body: mail.body,
    sentAt: mail.sentAt,
    attachments: mail.attachments,
  };
}

/**
 * Inserts the google.script shim (and Google's title and meta tags) at the top of an HtmlService page, and points
 * its Google URLs (the web app's own /exec in forms and links, Drive files) at the simulator.
 */
export function injectShim(page: StoredPage, pageId: string, origin = ''): string {
  const meta = page.metaTags.map((tag) => `<meta name="${escAttr(tag.name)}" content="${escAttr(tag.content)}">`);
  const head = `<meta charset="utf-8">${page.title ? `<title>${escText(page.title)}</title>` : ''}${meta.join('')}
<script>window.__SIM__=${JSON.stringify({ page: pageId, user: page.user }).replace(/</g, '\\u003c')};</script>
<script src="/static/gas-shim.js"></script>`;
  const html = localizeLinks(page.html, origin);
  for (const pattern of [/<head\b[^>]*>/i, /<html\b[^>]*>/i, /<!doctype[^>]*>/i]) {
    const found = pattern.exec(html);
    if (found) {
      const at = found.index + found[0].length;
      return html.slice(0, at) + head + html.slice(at);
    }
  }
  return `<!doctype html><html><head>${head}</head><body>${html}</body></html>`;
}

/** This server's own origin as the browser reached it, for absolute links. */
function originOf(request: IncomingMessage): string {
  const host = request.headers.host ?? '';
  return /^[A-Za-z0-9.:[\]-]+$/.test(host) ? `http://${host}` : '';
}

function escAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function escText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** The query string as Google hands it to doGet: single values as strings, repeated keys as arrays. */
function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of params.entries()) {
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else result[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

function hasAccess(spreadsheet: SpreadsheetState, user: string): boolean {
  const wanted = user.toLowerCase();
  return [spreadsheet.owner, ...spreadsheet.editors, ...spreadsheet.viewers].some(
    (address) => address.toLowerCase() === wanted,
  );
}

/** One Ui.alert/prompt of a menu run and how it was answered. */
export interface DialogTurn {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
  answer: { button: string; text?: string };
  /** True when the visitor answered it; false when the simulator did (see unanswered()). */
  fromVisitor: boolean;
}

/**
 * The answer to a dialog the visitor has not seen yet. A prompt is closed unanswered (CANCEL) so the visitor can type
 * the answer and the menu item runs again with it; an alert gets its affirmative button, as the emulator's default.
 */
function unanswered(kind: 'alert' | 'prompt', buttons: string): { button: string; text: string } {
  if (kind === 'prompt') return { button: /CANCEL/.test(buttons) ? 'CANCEL' : 'CLOSE', text: '' };
  return { button: /YES/.test(buttons) ? 'YES' : 'OK', text: '' };
}

/** Options the routes need from the server. */
export interface AppOptions {
  emulator: EmulatorHost;
  /** Top-level functions of the bundle, for /api/run's 404. */
  functionNames: () => string[];
}

/** Every route of the simulator, with requests run strictly one after another. */
export class SimulatorApp {
  private readonly emu: EmulatorHost;
  private readonly functionNames: () => string[];
  private readonly pages = new Map<string, StoredPage>();
  private readonly outcomes = new Map<string, UiOutcome>();
  private readonly flashes = new Map<string, string>();
  private counter = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly routes: { method: string; pattern: RegExp; handler: Handler }[] = [];

  constructor(options: AppOptions) {
    this.emu = options.emulator;
    this.functionNames = options.functionNames;
    const get = (pattern: RegExp, handler: Handler) => this.routes.push({ method: 'GET', pattern, handler });
    const post = (pattern: RegExp, handler: Handler) => this.routes.push({ method: 'POST', pattern, handler });
    get(/^\/$/, (req, res) => sendHtml(res, 200, homePage(this.frame(req), this.openApplications())));
    get(/^\/static\/simulator\.css$/, (_req, res) => this.sendAsset(res, 'text/css', STYLES));
    get(/^\/static\/simulator\.js$/, async (_req, res) =>
      this.sendAsset(res, 'text/javascript', await clientScript('app')),
    );
    get(/^\/static\/gas-shim\.js$/, async (_req, res) =>
      this.sendAsset(res, 'text/javascript', await clientScript('gas-shim')),
    );
    post(/^\/whoami$/, (req, res) => this.switchUser(req, res));
    get(/^\/form$/, (req, res) => this.formScreen(req, res));
    get(/^\/form\/sent\/([^/]+)$/, (req, res, m) => this.formSentScreen(req, res, decodeURIComponent(m[1] ?? '')));
    get(/^\/form\/edit\/([^/]+)$/, (req, res, m) => this.formEditScreen(req, res, decodeURIComponent(m[1] ?? '')));
    post(/^\/api\/form-edit$/, (req, res) => this.apiFormEdit(req, res));
    get(/^\/spreadsheet$/, (req, res) => this.sheetScreen(req, res));
    post(/^\/spreadsheet\/menu$/, (req, res) => this.menuRun(req, res));
    get(/^\/gmail$/, (req, res) => this.gmailScreen(req, res, null));
    get(/^\/gmail\/([^/]+)$/, (req, res, m) => this.gmailScreen(req, res, decodeURIComponent(m[1] ?? '')));
    get(/^\/gmail\/([^/]+)\/body$/, (req, res, m) => this.gmailBody(req, res, decodeURIComponent(m[1] ?? '')));
    get(/^\/(exec|dev)(\/.*)?$/, (req, res, m) => this.webApp(req, res, m));
    post(/^\/(exec|dev)(\/.*)?$/, (req, res, m) => this.webApp(req, res, m));
    get(/^\/__page\/([^/]+)$/, (req, res, m) => this.storedPage(req, res, m[1] ?? ''));
    get(/^\/drive\/([^/]+)$/, (req, res, m) => this.driveFile(req, res, decodeURIComponent(m[1] ?? '')));
    get(/^\/clock$/, (req, res) => this.clockScreen(req, res));
    post(/^\/clock$/, (req, res) => this.clockAdvance(req, res));
    get(/^\/api\/form$/, (req, res) => this.apiForm(req, res));
    post(/^\/api\/form-submit$/, (req, res) => this.apiFormSubmit(req, res));
    get(/^\/api\/outbox$/, (_req, res) => sendJson(res, 200, this.emu.outbox().map(mailJson)));
    get(/^\/api\/sheets$/, (req, res) => this.apiSheets(req, res));
    get(/^\/api\/sheets\/(.+)$/, (req, res, m) => this.apiSheet(req, res, decodeURIComponent(m[1] ?? '')));
    post(/^\/api\/clock$/, (req, res) => this.apiClock(req, res));
    get(/^\/api\/clock$/, (_req, res) => sendJson(res, 200, { now: this.emu.now() }));
    post(/^\/api\/run$/, (req, res) => this.apiRun(req, res));
    post(/^\/api\/script-run$/, (req, res) => this.apiScriptRun(req, res));
    get(/^\/api\/executions$/, (_req, res) => sendJson(res, 200, this.emu.executions().map(recordJson)));
    get(/^\/api\/export\/(.+)\.xlsx$/, (req, res, m) => this.apiExport(req, res, decodeURIComponent(m[1] ?? '')));
  }

  /** Entry point for node:http: one request at a time, so one execution runs at a time and each is saved. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const run = this.queue.then(() => this.dispatch(request, response));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every accepted request has finished. */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private async dispatch(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://simulator.local');
    const api = url.pathname.startsWith('/api/');
    try {
      const method = request.method === 'HEAD' ? 'GET' : (request.method ?? 'GET');
      let pathMatched = false;
      for (const route of this.routes) {
        const match = route.pattern.exec(url.pathname);
        if (!match) continue;
        pathMatched = true;
        if (route.method !== method) continue;
        await route.handler(request, response, match);
        return;
      }
      if (pathMatched) throw new HttpError(405, `Metode ${request.method} tidak didukung untuk ${url.pathname}.`);
      throw new HttpError(404, `Alamat ${url.pathname} tidak ditemukan.`);
    } catch (error) {
      if (response.headersSent) {
        response.end();
        return;
      }
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (status === 500) console.error(error);
      if (api || !(request.headers.accept ?? '').includes('text/html')) {
        const details = error instanceof HttpError ? error.details : {};
        sendJson(response, status, { error: message, ...details });
      } else {
        sendHtml(response, status, messagePage(this.frame(request), 'home', `Galat ${status}`, message, true));
      }
    }
  }

  // ---- identity and frame ------------------------------------------------------------------------------------

  /** The visitor's account: header, then cookie; null when the request names none. */
  private requestUser(request: IncomingMessage): string | null {
    const header = request.headers[USER_HEADER];
    const fromHeader = Array.isArray(header) ? header[0] : header;
    const named = fromHeader ?? cookie(request, USER_COOKIE);
    return named && isEmail(named) ? named.trim().toLowerCase() : null;
  }

  /** The visitor, defaulting to the owner (the person who opens the simulator first is the admin). */
  private user(request: IncomingMessage): string {
    return this.requestUser(request) ?? this.emu.state.owner;
  }

  private frame(request: IncomingMessage): Frame {
    const url = new URL(request.url ?? '/', 'http://simulator.local');
    return {
      user: this.user(request),
      accounts: knownAccounts(this.emu.state),
      now: this.emu.now(),
      back: request.method === 'GET' ? url.pathname + url.search : '/',
    };
  }

  private nextKey(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter.toString(36)}${Date.now().toString(36)}`;
  }

  private sendAsset(response: ServerResponse, type: string, text: string): void {
    response.writeHead(200, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-cache' });
    response.end(text);
  }

  private async switchUser(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = parseFormBody(await readBody(request));
    const typed = (form.get('other') ?? '').trim();
    const email = (typed || form.get('email') || '').trim().toLowerCase();
    if (!isEmail(email)) throw new HttpError(400, 'Alamat email tidak sah.');
    const back = form.get('back') ?? '/';
    const safeBack = back.startsWith('/') && !back.startsWith('//') ? back : '/';
    redirect(response, safeBack, {
      'Set-Cookie': `${USER_COOKIE}=${encodeURIComponent(email)}; Path=/; SameSite=Lax`,
    });
  }

  /**
   * The register's applications with whose turn it is, read by header text: the current holder, else the applicant
   * where the application waits for them (e-mail verification, correction). Empty before setup.
   */
  private openApplications(): OpenApplication[] {
    const register = this.registerSpreadsheet();
    if (!register?.sheets.some((sheet) => sheet.name === REGISTER_SHEET)) return [];
    const [header = [], ...rows] = this.emu.sheetDisplayValues(REGISTER_SHEET, register.id);
    const column = (name: string) => header.indexOf(name);
    const [reference, status, holder, email] = [
      column('Nomor permohonan'),
      column('Status'),
      column('Penanggung jawab saat ini'),
      column('Email dinas'),
    ];
    if (reference < 0 || status < 0) return [];
    const mails = this.emu.outbox();
    return rows
      .filter((row) => row[reference])
      .map((row) => {
        const id = row[reference] ?? '';
        const text = row[status] ?? '';
        const done = /^(Sertifikat terbit|Ditolak|Ditolak BSrE|Dicabut|Kedaluwarsa)$/i.test(text);
        const waitsForApplicant = /verifikasi email|dikembalikan/i.test(text);
        // The holder column, else the applicant when it waits for them, else whoever was mailed last about it.
        const lastMailed = [...mails].reverse().find((mail) => mail.subject.includes(id))?.to ?? '';
        const next = done
          ? ''
          : (holder >= 0 ? row[holder] : '') ||
            (waitsForApplicant && email >= 0 ? (row[email] ?? '') : '') ||
            lastMailed;
        return { reference: id, status: text, next: next?.split(',')[0]?.trim() ?? '' };
      });
  }

  // ---- Form -----------------------------------------------------------------------------------------------

  /** The intake Form: the one feeding the register, else the first the program made. */
  private intakeForm(formId?: string): FormState | null {
    const forms = Object.values(this.emu.state.forms);
    if (formId) return this.emu.state.forms[formId] ?? null;
    return forms.find((form) => form.destination) ?? forms[0] ?? null;
  }

  private formScreen(request: IncomingMessage, response: ServerResponse): void {
    const form = this.intakeForm();
    const frame = this.frame(request);
    if (!form) {
      sendHtml(
        response,
        200,
        messagePage(frame, 'form', 'Formulir', 'Formulir belum dibuat. Jalankan penyiapan program terlebih dahulu.'),
      );
      return;
    }
    sendHtml(response, 200, formPage(frame, form));
  }

  private formSentScreen(request: IncomingMessage, response: ServerResponse, responseId: string): void {
    const form = Object.values(this.emu.state.forms).find((candidate) =>
      candidate.responses.some((entry) => entry.id === responseId),
    );
    if (!form) throw new HttpError(404, 'Tanggapan tidak ditemukan.');
    sendHtml(response, 200, formSentPage(this.frame(request), form, responseId));
  }

  private responseById(responseId: string): { form: FormState; answers: Map<number, string | string[]> } {
    for (const form of Object.values(this.emu.state.forms)) {
      const found = form.responses.find((entry) => entry.id === responseId);
      if (found) return { form, answers: new Map(found.items.map((item) => [item.itemId, item.response])) };
    }
    throw new HttpError(404, 'Tanggapan tidak ditemukan.');
  }

  /** The response's edit link (FormResponse.getEditResponseUrl): the Form with the answers already given. */
  private formEditScreen(request: IncomingMessage, response: ServerResponse, responseId: string): void {
    const { form, answers } = this.responseById(responseId);
    const frame = this.frame(request);
    if (!form.allowResponseEdits) {
      sendHtml(
        response,
        403,
        messagePage(frame, 'form', form.title, 'Formulir ini tidak mengizinkan tanggapan diubah.', true),
      );
      return;
    }
    sendHtml(response, 200, formPage(frame, form, { responseId, prefill: answers }));
  }

  /** Sends a changed response through its edit link: same response ID, the form-submit triggers run again. */
  private async apiFormEdit(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = parseJsonObject(await readBody(request));
    if (typeof body.responseId !== 'string') throw new HttpError(400, '"responseId" wajib diisi.');
    const { form, answers: before } = this.responseById(body.responseId);
    const answers = this.readAnswers(body.answers);
    if (Object.keys(this.readFiles(body.files)).length)
      throw new HttpError(400, 'Mengganti berkas lewat tautan edit belum didukung simulator.');
    for (const item of form.items) {
      const kept = before.get(item.id);
      if (item.type === 'FILE_UPLOAD' && kept !== undefined && answers[item.title] === undefined)
        answers[item.title] = kept;
    }
    const respondent =
      typeof body.respondentEmail === 'string' && body.respondentEmail !== ''
        ? body.respondentEmail.trim().toLowerCase()
        : this.signedInRespondent(form, request);
    let edited: { executions: ExecutionResult[] };
    try {
      edited = this.emu.editResponse(body.responseId, answers, respondent ? { respondentEmail: respondent } : {});
    } catch (error) {
      const refused = (error as { errors?: unknown }).errors;
      if (!Array.isArray(refused)) throw error;
      throw this.refused(form, refused.map(String));
    }
    sendJson(response, 200, { responseId: body.responseId, executions: edited.executions.map(executionJson) });
  }

  private apiForm(_request: IncomingMessage, response: ServerResponse): void {
    const form = this.intakeForm();
    if (!form) throw new HttpError(404, 'Formulir belum dibuat. Jalankan penyiapan program terlebih dahulu.');
    sendJson(response, 200, {
      id: form.id,
      title: form.title,
      description: form.description,
      collectEmail: form.collectEmail,
      acceptingResponses: form.acceptingResponses,
      confirmationMessage: form.confirmationMessage,
      items: form.items.map((item) => ({
        id: item.id,
        title: item.title,
        type: item.type,
        helpText: item.helpText,
        required: item.required,
        choices: item.choices,
        hasOtherOption: item.hasOtherOption,
        validation: item.validation,
      })),
    });
  }

  private async apiFormSubmit(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = parseJsonObject(await readBody(request));
    const form = this.intakeForm(typeof body.formId === 'string' && body.formId ? body.formId : undefined);
    if (!form) throw new HttpError(404, 'Formulir tidak ditemukan.');
    if (!form.acceptingResponses) throw new HttpError(409, 'Formulir ini tidak lagi menerima tanggapan.');
    const answers = this.readAnswers(body.answers);
    const files = this.readFiles(body.files);
    const respondent =
      typeof body.respondentEmail === 'string' && body.respondentEmail !== ''
        ? body.respondentEmail.trim().toLowerCase()
        : this.signedInRespondent(form, request);
    const fileTitles = Object.keys(files);
    const refusals: string[] = [];
    if (respondent !== null && !isEmail(respondent)) refusals.push('Email: Must be an email');
    for (const title of fileTitles) {
      const item = form.items.find((candidate) => candidate.title === title);
      if (!item) refusals.push(`${title}: no such question`);
      else if (item.type !== 'FILE_UPLOAD' || answers[title] !== undefined) refusals.push(`${title}: Invalid file`);
    }
    // The emulator's own rules, checked before any upload is stored: Drive keeps nothing of a refused response.
    const opts = respondent ? { respondentEmail: respondent } : {};
    for (const line of validateResponse(this.emu.state, form, answers, opts)) {
      if (!fileTitles.some((title) => line.startsWith(`${title}: `))) refusals.push(line);
    }
    if (refusals.length) throw this.refused(form, refusals);
    let submitted: ReturnType<EmulatorHost['submitForm']>;
    try {
      submitted = this.emu.submitForm(answers, {
        formId: form.id,
        ...(respondent ? { respondentEmail: respondent } : {}),
        ...(Object.keys(files).length ? { files } : {}),
      });
    } catch (error) {
      // The emulator refuses what Google's form UI would refuse (FormSubmitError) and changes nothing.
      const refused = (error as { errors?: unknown }).errors;
      if (!Array.isArray(refused)) throw error;
      throw this.refused(form, refused.map(String));
    }
    sendJson(response, 200, {
      responseId: submitted.responseId,
      executions: submitted.executions.map(executionJson),
    });
  }

  /**
   * The signed-in visitor as the respondent, only where the Form asks Google for the account (collects addresses,
   * requires sign-in, or limits one response per person); otherwise Google records no address.
   * Ref: https://developers.google.com/apps-script/reference/forms/form-response#getRespondentEmail()
   */
  private signedInRespondent(form: FormState, request: IncomingMessage): string | null {
    const needsAccount = form.collectEmail || form.requireLogin || form.limitOneResponsePerUser;
    return needsAccount ? this.requestUser(request) : null;
  }

  /** A 400 listing every reason in Indonesian, and per question the reason to show beside it. */
  private refused(form: FormState, lines: string[]): HttpError {
    const titles = form.items.map((item) => item.title);
    const reasons = lines.map((line) => translateFormError(line, titles));
    const fields: Record<string, string> = {};
    for (const reason of reasons) {
      const title = [...titles, 'Email']
        .sort((a, b) => b.length - a.length)
        .find((candidate) => reason.startsWith(`${candidate}: `));
      if (title && !fields[title]) fields[title] = reason.slice(title.length + 2);
    }
    return new HttpError(400, 'Jawaban formulir tidak dapat diterima.', { reasons, fields });
  }

  private readAnswers(raw: unknown): Answers {
    if (raw === undefined) return {};
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
      throw new HttpError(400, '"answers" harus berupa objek { "<judul pertanyaan>": jawaban }.');
    const answers: Answers = {};
    for (const [title, value] of Object.entries(raw)) {
      if (typeof value === 'string') answers[title] = value;
      else if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) answers[title] = value;
      else throw new HttpError(400, `Jawaban untuk "${title}" harus berupa teks atau daftar teks.`);
    }
    return answers;
  }

  private readFiles(raw: unknown): Record<string, UploadedFile[]> {
    if (raw === undefined) return {};
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
      throw new HttpError(400, '"files" harus berupa objek { "<judul pertanyaan>": [berkas] }.');
    const files: Record<string, UploadedFile[]> = {};
    for (const [title, list] of Object.entries(raw)) {
      if (!Array.isArray(list)) throw new HttpError(400, `Berkas untuk "${title}" harus berupa daftar.`);
      files[title] = list.map((entry: unknown) => {
        const file = entry as Record<string, unknown>;
        if (!file || typeof file.name !== 'string' || typeof file.contentBase64 !== 'string')
          throw new HttpError(400, `Berkas untuk "${title}" memerlukan name dan contentBase64.`);
        return {
          name: file.name,
          mimeType: typeof file.mimeType === 'string' && file.mimeType ? file.mimeType : 'application/octet-stream',
          content: Buffer.from(file.contentBase64, 'base64'),
        };
      });
    }
    return files;
  }

  // ---- Spreadsheet ----------------------------------------------------------------------------------------

  /** The register spreadsheet: the one holding "Register Permohonan", else the bound one, else the first. */
  private registerSpreadsheet(): SpreadsheetState | null {
    const all = Object.values(this.emu.state.spreadsheets);
    const container = this.emu.state.containerSpreadsheetId;
    return (
      all.find((sheet) => sheet.sheets.some((entry) => entry.name === 'Register Permohonan')) ??
      (container ? (this.emu.state.spreadsheets[container] ?? null) : null) ??
      all[0] ??
      null
    );
  }

  private spreadsheetFor(id: string | null): SpreadsheetState {
    const spreadsheet = id ? this.emu.state.spreadsheets[id] : this.registerSpreadsheet();
    if (!spreadsheet) throw new HttpError(404, id ? `Spreadsheet ${id} tidak ditemukan.` : 'Belum ada spreadsheet.');
    return spreadsheet;
  }

  private grids(spreadsheet: SpreadsheetState): SheetGrid[] {
    return spreadsheet.sheets.map((sheet) => ({
      name: sheet.name,
      hidden: sheet.hidden,
      frozenRows: sheet.frozenRows,
      display: this.emu.sheetDisplayValues(sheet.name, spreadsheet.id),
      formulas: this.emu.sheetFormulas(sheet.name, spreadsheet.id),
      protectedSheet: sheet.protections.some((protection) => protection.type === 'SHEET'),
    }));
  }

  private sheetScreen(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://simulator.local');
    const frame = this.frame(request);
    if (Object.keys(this.emu.state.spreadsheets).length === 0) {
      sendHtml(response, 200, messagePage(frame, 'sheet', 'Spreadsheet', 'Belum ada spreadsheet.'));
      return;
    }
    const spreadsheet = this.spreadsheetFor(url.searchParams.get('id'));
    if (!hasAccess(spreadsheet, frame.user)) {
      sendHtml(response, 403, noAccessPage(frame, spreadsheet.name));
      return;
    }
    const afterKey = url.searchParams.get('after');
    const outcome = afterKey ? (this.outcomes.get(afterKey) ?? null) : null;
    const bound = spreadsheet.id === this.emu.state.containerSpreadsheetId;
    if (bound && !afterKey) {
      // Opening the file runs the onOpen simple trigger, which builds the custom menus.
      try {
        this.emu.openSpreadsheet(frame.user);
      } catch {
        // A program without onOpen has no menus; Google opens the file all the same.
      }
    }
    const visible = Object.values(this.emu.state.spreadsheets).filter((other) => hasAccess(other, frame.user));
    sendHtml(
      response,
      200,
      sheetPage({
        frame: { ...frame, now: this.emu.now() },
        spreadsheet,
        others: visible,
        grids: this.grids(spreadsheet),
        menus: bound ? this.emu.menus() : [],
        activeSheet: url.searchParams.get('sheet') ?? '',
        outcome,
      }),
    );
  }

  private async menuRun(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = parseFormBody(await readBody(request));
    const caption = form.get('caption') ?? '';
    const id = form.get('id') ?? this.emu.state.containerSpreadsheetId ?? '';
    if (!caption) throw new HttpError(400, 'Butir menu tidak disebutkan.');
    const user = this.user(request);
    const known = this.emu.menus().some((menu) => menu.items.some((item) => item.caption === caption));
    if (!known) throw new HttpError(404, `Butir menu "${caption}" tidak ada.`);
    const given = form.getAll('answerButton').map((button, index) => ({
      button,
      text: form.getAll('answerText')[index] ?? '',
    }));
    const dialogs: DialogTurn[] = [];
    const previous = this.emu.uiResponder;
    this.emu.uiResponder = (asked) => {
      const answer = given[dialogs.length] ?? unanswered(asked.kind, asked.buttons);
      dialogs.push({ ...asked, answer, fromVisitor: dialogs.length < given.length });
      return answer;
    };
    let run: ExecutionResult;
    try {
      run = this.emu.runMenuItem(caption, user);
    } finally {
      this.emu.uiResponder = previous;
    }
    const key = this.nextKey('o');
    this.outcomes.set(key, { ...this.outcomeOf(run, user), caption, spreadsheetId: id, dialogTurns: dialogs });
    redirect(response, `/spreadsheet?id=${encodeURIComponent(id)}&after=${key}`);
  }

  private outcomeOf(run: ExecutionResult, user: string): UiOutcome {
    return {
      functionName: run.functionName,
      status: run.status,
      error: run.error,
      sidebars: run.ui.sidebars.map((panel) => ({
        title: panel.title,
        pageId: this.storePage({ html: panel.html, title: panel.title, metaTags: [], user }),
      })),
      dialogs: run.ui.dialogs.map((box) => ({
        title: box.title,
        modal: box.modal,
        pageId: this.storePage({ html: box.html, title: box.title, metaTags: [], user }),
      })),
      alerts: run.ui.alerts.map((alert) => ({ title: alert.title, prompt: alert.prompt })),
      toasts: run.ui.toasts,
    };
  }

  private storePage(page: StoredPage): string {
    const id = this.nextKey('p');
    this.pages.set(id, page);
    while (this.pages.size > KEEP_PAGES) {
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.pages.delete(oldest);
    }
    return id;
  }

  private storedPage(_request: IncomingMessage, response: ServerResponse, id: string): void {
    const page = this.pages.get(id);
    if (!page) {
      sendHtml(
        response,
        404,
        '<!doctype html><meta charset="utf-8"><p>Halaman ini sudah kedaluwarsa. Muat ulang halaman induknya.</p>',
      );
      return;
    }
    sendHtml(response, 200, injectShim(page, id, originOf(_request)));
  }

  // ---- Gmail ----------------------------------------------------------------------------------------------

  private gmailScreen(request: IncomingMessage, response: ServerResponse, mailId: string | null): void {
    const url = new URL(request.url ?? '/', 'http://simulator.local');
    const frame = this.frame(request);
    const mailbox = (url.searchParams.get('address') ?? frame.user).trim().toLowerCase();
    const mails = this.emu.outbox();
    const open = mailId ? (mails.find((mail) => mail.id === mailId) ?? null) : null;
    if (mailId && !open) throw new HttpError(404, 'Surel tidak ditemukan.');
    sendHtml(response, 200, gmailPage({ frame, mailbox, mails, open }));
  }

  private gmailBody(_request: IncomingMessage, response: ServerResponse, mailId: string): void {
    const mail = this.emu.outbox().find((candidate) => candidate.id === mailId);
    if (!mail) throw new HttpError(404, 'Surel tidak ditemukan.');
    sendHtml(
      response,
      200,
      mailBody(mail, (html) => localizeLinks(html, originOf(_request))),
    );
  }

  // ---- Web app --------------------------------------------------------------------------------------------

  private async webApp(request: IncomingMessage, response: ServerResponse, match: RegExpExecArray): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://simulator.local');
    const path = match[1] === 'dev' ? '/dev' : '/exec';
    const pathInfo = (match[2] ?? '').replace(/^\//, '');
    const user = this.user(request);
    const webRequest: WebRequest = {
      path,
      query: queryRecord(url.searchParams),
      user,
      ...(pathInfo ? { pathInfo: decodeURIComponent(pathInfo) } : {}),
    };
    const isPost = request.method === 'POST';
    if (isPost) {
      webRequest.body = (await readBody(request)).toString('utf8');
      webRequest.contentType = request.headers['content-type'] ?? 'application/octet-stream';
    }
    const answer: WebResponse = isPost ? this.emu.doPost(webRequest) : this.emu.doGet(webRequest);
    const headers: Record<string, string> = answer.execution ? { 'X-Execution-Id': answer.execution.id } : {};
    const topLevel = request.headers['sec-fetch-dest'] === 'document';
    if (answer.kind === 'error') {
      if (topLevel)
        sendHtml(response, answer.status || 500, webAppErrorPage(this.frame(request), answer.content), headers);
      else
        sendJson(response, answer.status || 500, { error: answer.content, executionId: answer.execution?.id ?? null });
      return;
    }
    if (answer.kind === 'text') {
      response.writeHead(answer.status || 200, {
        'Content-Type': `${answer.mimeType || 'text/plain'}; charset=utf-8`,
        'Cache-Control': 'no-store',
        ...headers,
      });
      response.end(answer.content);
      return;
    }
    const page: StoredPage = { html: answer.content, title: answer.title, metaTags: answer.metaTags, user };
    const pageId = this.storePage(page);
    if (topLevel) {
      const frame = this.frame(request);
      sendHtml(
        response,
        answer.status || 200,
        webAppPage({
          frame,
          path,
          title: answer.title,
          pageId,
          status: answer.status,
          executionId: answer.execution?.id ?? '',
        }),
        headers,
      );
      return;
    }
    sendHtml(response, answer.status || 200, injectShim(page, pageId, originOf(request)), headers);
  }

  private async apiScriptRun(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = parseJsonObject(await readBody(request));
    const name = body.function;
    if (typeof name !== 'string' || !IDENTIFIER.test(name))
      throw new HttpError(400, '"function" harus berupa nama fungsi.');
    const args = body.args ?? [];
    if (!Array.isArray(args)) throw new HttpError(400, '"args" harus berupa daftar.');
    const explicit = typeof body.user === 'string' && isEmail(body.user) ? body.user.toLowerCase() : null;
    const user = explicit ?? this.user(request);
    const page = typeof body.page === 'string' ? body.page : undefined;
    const result = this.emu.scriptRun(name, args, { user, ...(page ? { page } : {}) });
    sendJson(response, 200, result);
  }

  private driveFile(request: IncomingMessage, response: ServerResponse, id: string): void {
    const file = this.emu.state.files[id];
    if (!file || file.trashed) throw new HttpError(404, 'Berkas tidak ditemukan.');
    const user = this.user(request);
    const shared = file.sharing.access === 'ANYONE' || file.sharing.access === 'ANYONE_WITH_LINK';
    const allowed = shared || [file.owner, ...file.editors, ...file.viewers].some((who) => who.toLowerCase() === user);
    if (!allowed) throw new HttpError(403, `Akun ${user} tidak memiliki akses ke berkas ini.`);
    response.writeHead(200, {
      'Content-Type': file.mimeType || 'application/octet-stream',
      'Content-Disposition': `inline; filename="${encodeURIComponent(file.name)}"`,
    });
    response.end(Buffer.from(file.content, 'base64'));
  }

  // ---- Clock and executions -------------------------------------------------------------------------------

  private clockScreen(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://simulator.local');
    const flash = this.flashes.get(url.searchParams.get('done') ?? '') ?? '';
    sendHtml(
      response,
      200,
      clockPage({
        frame: this.frame(request),
        triggers: this.emu.state.triggers,
        executions: this.emu.executions(),
        flash,
      }),
    );
  }

  private parseMinutes(raw: unknown): number {
    const minutes = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_ADVANCE_MINUTES)
      throw new HttpError(400, `Jumlah menit harus bilangan bulat 1 sampai ${MAX_ADVANCE_MINUTES}.`);
    return minutes;
  }

  private async clockAdvance(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = parseFormBody(await readBody(request));
    const choice = form.get('advanceMinutes');
    const minutes = this.parseMinutes(choice === 'custom' || !choice ? form.get('minutes') : choice);
    const runs = this.emu.advanceClock(minutes);
    const failed = runs.filter((run) => run.status !== 'COMPLETED').length;
    const key = this.nextKey('f');
    this.flashes.set(
      key,
      `Waktu dimajukan ${minutes} menit. ${runs.length} eksekusi pemicu dijalankan${failed ? `, ${failed} gagal` : ''}.`,
    );
    redirect(response, `/clock?done=${key}`);
  }

  private async apiClock(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = parseJsonObject(await readBody(request));
    if (typeof body.advanceMinutes !== 'number') throw new HttpError(400, '"advanceMinutes" harus berupa angka.');
    const minutes = this.parseMinutes(body.advanceMinutes);
    const runs = this.emu.advanceClock(minutes);
    sendJson(response, 200, { now: this.emu.now(), executions: runs.map(executionJson) });
  }

  // ---- Run, sheets, export --------------------------------------------------------------------------------

  private async apiRun(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = parseJsonObject(await readBody(request));
    const name = body.function;
    if (typeof name !== 'string' || !IDENTIFIER.test(name))
      throw new HttpError(400, '"function" harus berupa nama fungsi.');
    if (!this.functionNames().includes(name)) throw new HttpError(404, `Fungsi ${name} tidak ada di program.`);
    const args = body.args ?? [];
    if (!Array.isArray(args)) throw new HttpError(400, '"args" harus berupa daftar.');
    if (body.user !== undefined && (typeof body.user !== 'string' || !isEmail(body.user)))
      throw new HttpError(400, '"user" harus berupa alamat email.');
    const user = typeof body.user === 'string' ? body.user.toLowerCase() : this.emu.state.owner;
    const kind = body.kind === 'MENU' ? 'MENU' : 'EDITOR';
    const run = this.emu.run(name, args, { user, kind });
    sendJson(response, 200, { ...executionJson(run), ui: run.ui, mailsSent: run.mailsSent.map(mailJson) });
  }

  private apiSheets(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://simulator.local');
    const spreadsheet = this.spreadsheetFor(url.searchParams.get('spreadsheet'));
    sendJson(
      response,
      200,
      spreadsheet.sheets.map((sheet) => sheet.name),
    );
  }

  private apiSheet(request: IncomingMessage, response: ServerResponse, name: string): void {
    const url = new URL(request.url ?? '/', 'http://simulator.local');
    const spreadsheet = this.spreadsheetFor(url.searchParams.get('spreadsheet'));
    if (!spreadsheet.sheets.some((sheet) => sheet.name === name))
      throw new HttpError(404, `Lembar "${name}" tidak ada di ${spreadsheet.name}.`);
    sendJson(response, 200, {
      spreadsheetId: spreadsheet.id,
      name,
      values: this.emu.sheetDisplayValues(name, spreadsheet.id),
      formulas: this.emu.sheetFormulas(name, spreadsheet.id),
    });
  }

  private async apiExport(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://simulator.local');
    const spreadsheet = this.spreadsheetFor(url.searchParams.get('spreadsheet'));
    if (!spreadsheet.sheets.some((sheet) => sheet.name === name))
      throw new HttpError(404, `Lembar "${name}" tidak ada di ${spreadsheet.name}.`);
    const workbook = await this.emu.exportXlsx(spreadsheet.id, [name]);
    response.writeHead(200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`,
      'Content-Length': String(workbook.length),
    });
    response.end(workbook);
  }
}
