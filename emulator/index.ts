// The Emulator: runs the built bundle (dist/Code.js) offline as Google would — executions, users, triggers, web app, clock.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import type { ExecutionUsers, UiEvents, UiResponder } from './context';
import { CallCounters } from './counters';
import { Faults } from './faults';
import { openStore, type StateStore, type StorageOption } from './persistence';
import { limitedModeRefusal } from './runtime/auth-mode';
import { clockDate } from './runtime/clock-date';
import { LockRegistry } from './runtime/locks';
import { joinRealms } from './runtime/realm';
import type { Manifest, RuntimeContext, RuntimeHost } from './runtime/runtime-context';
import { nextRunAfter } from './runtime/schedule';
import { IllegalValueError, transport } from './runtime/transport';
import { runAs, simpleTriggerUsers, webAppAccess, webAppUsers } from './runtime/users';
import { type WebRequest, webEvent } from './runtime/web-event';
import { createCacheService } from './services/cache';
import { CONTENT_MIME_TYPES, createContentService, textOutputData } from './services/content';
import { createDriveApp } from './services/drive';
import { createFormApp, formObject, formResponseObject, recordFormResponse } from './services/forms';
import type { DestinationRow } from './services/forms-model';
import { createHtmlService, htmlOutputData } from './services/html';
import { createLockService } from './services/lock';
import { createConsole, createLogger } from './services/logger';
import { createGmailApp, createMailApp, quotaWindow } from './services/mail';
import { createPropertiesService } from './services/properties';
import { createScriptApp } from './services/script';
import { createSession } from './services/session';
import { createSpreadsheetApp, createSpreadsheetState, displayValues } from './services/spreadsheet';
import { createUtilities } from './services/utilities';
import type {
  CellValue,
  DriveFileState,
  EmulatorState,
  ExecutionRecord,
  FormResponseState,
  MenuState,
  SentMail,
  TriggerState,
} from './state';
import { exportXlsx } from './xlsx';

export type { CallCounts } from './counters';
export { CallCounters } from './counters';
export { Faults } from './faults';
export type { WebRequest } from './runtime/web-event';

/** The container spreadsheet a bound project gets on first start. */
export const CONTAINER_NAME = 'Register Permohonan Sertifikat Elektronik';
/** Ref: docs/reference/apps-script-runtime.md §1 Hard limits ("Script runtime: 6 min per execution"). */
export const MAX_EXECUTION_MS = 6 * 60 * 1000;
/** Google's message when an execution passes the runtime limit. */
export const TIMEOUT_MESSAGE = 'Exceeded maximum execution time';

export interface EmulatorOptions {
  /** Where Code.js, appsscript.json and *.html are. */
  codeDir: string;
  /** The script's owner: deployer of the web app, creator of setup's triggers. */
  owner: string;
  /** The emulated clock's start (used only when no saved state exists). */
  start: string | Date;
  storage?: StorageOption;
  /** Email recipients per user per 24 h (consumer account: 100). */
  mailDailyQuota?: number;
  /** A spreadsheet-bound project: the container spreadsheet is created on first start. */
  bound?: boolean;
  /** The container spreadsheet's name (bound only). */
  containerName?: string;
  /** The web app's /exec URL (ScriptApp.getService().getUrl()); default https://script.google.com/macros/s/<deploymentId>/exec. */
  webAppUrl?: string;
  deploymentId?: string;
  scriptId?: string;
  /** Session.getActiveUserLocale(); the users are in Indonesia. */
  locale?: string;
  /** Project editors besides the owner (they may open /dev). For a bound project the container's editors count too. */
  projectEditors?: string[];
  /** Answers Ui.alert/prompt; default: 'YES' where offered, else 'OK', empty text. */
  uiResponder?: UiResponder;
}

export interface ExecutionResult {
  id: string;
  functionName: string;
  /** The effective user the execution ran as. */
  user: string;
  kind: string;
  status: 'COMPLETED' | 'FAILED' | 'TIMED_OUT';
  value: unknown;
  error: string | null;
  logs: string[];
  ui: UiEvents;
  mailsSent: SentMail[];
  calls: Record<string, number>;
  startedAt: Date;
  /** Emulated duration (sleeps, lock waits). */
  durationMs: number;
}

export interface WebResponse {
  status: number;
  kind: 'html' | 'text' | 'error';
  title: string;
  metaTags: { name: string; content: string }[];
  content: string;
  mimeType: string;
  /** Null when Google would answer before running the script (sign-in or access denied). */
  execution: ExecutionResult | null;
}

/** Answers a form that Google's form UI would refuse (required question empty, validation failed). */
export class FormSubmitError extends Error {
  constructor(readonly errors: string[]) {
    super(`The form refused the answers: ${errors.join('; ')}`);
  }
}

interface ExecutionSpec {
  functionName: string;
  kind: string;
  users: ExecutionUsers;
  visitor: string;
  args: (ctx: RuntimeContext) => unknown[];
  /** Skip silently (return null) when the program has no such function: simple triggers are optional. */
  optional?: boolean;
  uiAvailable: boolean;
  /** 'LIMITED' for simple triggers: calls needing authorization are refused. */
  authMode?: 'FULL' | 'LIMITED';
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** The Apps Script services the program sees as globals in every execution. */
export const SERVICE_GLOBALS = [
  'SpreadsheetApp',
  'FormApp',
  'DriveApp',
  'MailApp',
  'GmailApp',
  'ScriptApp',
  'PropertiesService',
  'CacheService',
  'LockService',
  'Utilities',
  'Session',
  'HtmlService',
  'ContentService',
  'Logger',
  'console',
] as const;

function errorMessage(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'message' in error) return String((error as Error).message);
  return String(error);
}

function emptyUi(): UiEvents {
  return { menus: [], sidebars: [], dialogs: [], alerts: [], toasts: [] };
}

/** Default Ui answers: the affirmative button the dialog offers. */
const defaultResponder: UiResponder = (request) => ({
  button: /YES/.test(request.buttons) ? 'YES' : 'OK',
  text: '',
});

/** The User an event carries (e.user): built by Google, not a call the program makes, so not counted. */
function eventUser(email: string): Pick<GoogleAppsScript.Base.User, 'getEmail'> & { toString(): string } {
  return { getEmail: () => email, toString: () => email };
}

/** ISO-8601 week number of a UTC date. */
function isoWeek(date: Date): number {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/** A fresh world: no spreadsheets, no triggers, the clock at `start`. */
function freshState(owner: string, start: number, scriptId: string): EmulatorState {
  return {
    version: 1,
    scriptId,
    owner,
    now: start,
    containerSpreadsheetId: null,
    spreadsheets: {},
    forms: {},
    files: {},
    folders: {
      root: { id: 'root', name: 'My Drive', parents: [], owner, editors: [], viewers: [], trashed: false },
    },
    rootFolderId: 'root',
    scriptProperties: {},
    userProperties: {},
    documentProperties: {},
    cache: {},
    triggers: [],
    mail: [],
    mailQuota: {},
    executions: [],
    seq: 0,
  };
}

/**
 * Runs the Apps Script bundle offline. Each public method is one or more executions; each execution is a fresh
 * node:vm context in which Code.js is evaluated again with only Apps Script's globals, so only EmulatorState survives.
 * Creating an Emulator sets process.env.TZ to the manifest's timeZone so the program's local-time Date methods follow
 * it (process-wide: all Emulators in one process should share a time zone).
 * Ref: docs/architecture.md "The emulator's host API"; docs/reference/design.md "The emulator".
 */
export class Emulator {
  readonly state: EmulatorState;
  readonly counters = new CallCounters();
  readonly faults = new Faults();
  /** Answers Ui.alert/prompt; replace it to script a dialog. */
  uiResponder: UiResponder;

  private readonly store: StateStore;
  private readonly script: vm.Script;
  private readonly manifest: Manifest;
  private readonly projectFiles: Record<string, string>;
  private readonly host: RuntimeHost;
  private readonly projectEditors: string[];

  constructor(options: EmulatorOptions) {
    this.manifest = JSON.parse(readFileSync(join(options.codeDir, 'appsscript.json'), 'utf8')) as Manifest;
    this.manifest.timeZone = this.manifest.timeZone ?? 'America/New_York';
    process.env.TZ = this.manifest.timeZone;
    this.script = new vm.Script(readFileSync(join(options.codeDir, 'Code.js'), 'utf8'), { filename: 'Code.js' });
    this.projectFiles = {};
    for (const name of readdirSync(options.codeDir)) {
      if (name.endsWith('.html')) {
        this.projectFiles[name.slice(0, -5)] = readFileSync(join(options.codeDir, name), 'utf8');
      }
    }
    this.store = openStore(options.storage ?? { kind: 'memory' });
    const start = new Date(options.start).getTime();
    const scriptId = options.scriptId ?? '1EmulatedScriptIdBolmongRegisterPermohonanSertifikatElektronik';
    this.state = this.store.load() ?? freshState(options.owner, start, scriptId);
    this.uiResponder = options.uiResponder ?? defaultResponder;
    this.projectEditors = options.projectEditors ?? [];
    const deploymentId = options.deploymentId ?? `AKfycb${this.state.scriptId.slice(0, 40)}`;
    this.host = {
      scriptId: this.state.scriptId,
      webAppUrl: options.webAppUrl ?? `https://script.google.com/macros/s/${deploymentId}/exec`,
      manifest: this.manifest,
      faults: this.faults,
      locks: new LockRegistry(),
      mailDailyQuota: options.mailDailyQuota ?? 100,
      locale: options.locale ?? 'id',
    };
    if (options.bound && this.state.containerSpreadsheetId === null) {
      const ss = createSpreadsheetState(
        this.state,
        options.containerName ?? CONTAINER_NAME,
        this.state.owner,
        new Date(this.state.now),
        this.manifest.timeZone,
      );
      this.state.spreadsheets[ss.id] = ss;
      this.state.containerSpreadsheetId = ss.id;
    }
    this.store.save(this.state);
  }

  // ---- executions -------------------------------------------------------------------------------------------------

  /** Editor "Run" or a menu item, as `user` (default: the owner). */
  run(name: string, args: unknown[] = [], opts: { user?: string; kind?: string } = {}): ExecutionResult {
    const user = opts.user ?? this.state.owner;
    return this.execute({
      functionName: name,
      kind: opts.kind ?? 'EDITOR',
      users: runAs(user),
      visitor: user,
      args: () => args,
      uiAvailable: true,
    })!;
  }

  /**
   * Opening the container spreadsheet: the simple trigger onOpen (if defined) as the opener, with LIMITED authority,
   * then installable ON_OPEN triggers as their creators. Menus the program adds land in menus().
   * Ref: https://developers.google.com/apps-script/guides/triggers ; [EV] open event.
   */
  openSpreadsheet(user?: string): ExecutionResult {
    const opener = user ?? this.state.owner;
    const containerId = this.requireContainer();
    const container = this.state.spreadsheets[containerId]!;
    container.menus = [];
    const users = simpleTriggerUsers(this.state.owner, opener);
    const simple = this.execute({
      functionName: 'onOpen',
      kind: 'SIMPLE_TRIGGER',
      users,
      visitor: opener,
      optional: true,
      uiAvailable: true,
      authMode: 'LIMITED',
      args: (ctx) => [
        {
          authMode: 'LIMITED',
          source: createSpreadsheetApp(ctx).openById(containerId),
          user: eventUser(ctx.users.active),
        },
      ],
    });
    for (const trigger of this.triggersFor('ON_OPEN', 'SPREADSHEETS', containerId)) {
      this.runTrigger(trigger, (ctx) => ({
        authMode: 'FULL',
        source: createSpreadsheetApp(ctx).openById(containerId),
        triggerUid: trigger.uid,
        user: eventUser(ctx.users.active),
      }));
    }
    return simple ?? this.notRun('onOpen', users.effective, 'SIMPLE_TRIGGER');
  }

  /** The custom menus of the container spreadsheet (from the last onOpen). */
  menus(): MenuState[] {
    const id = this.state.containerSpreadsheetId;
    return id === null ? [] : (this.state.spreadsheets[id]?.menus ?? []);
  }

  /** Clicks a custom menu item: finds it by caption and runs its function as `user`. */
  runMenuItem(caption: string, user?: string): ExecutionResult {
    const item = this.menus()
      .flatMap((menu) => menu.items)
      .find((entry) => entry.caption === caption);
    if (!item) throw new Error(`Emulator: no menu item "${caption}" (menus: ${JSON.stringify(this.menus())}).`);
    return this.run(item.functionName, [], { user: user ?? this.state.owner, kind: 'MENU' });
  }

  /**
   * A respondent submits the form: answers are checked as Google's form UI would (a refusal throws FormSubmitError
   * and changes nothing), the response is recorded (and written to the destination sheet), then every installable
   * ON_FORM_SUBMIT trigger on the form and on its destination spreadsheet runs as its creator.
   * Ref: docs/reference/apps-script-runtime.md §3 Form submit [EV][FTB][INST].
   */
  submitForm(
    answers: Record<string, string | string[]>,
    opts: {
      formId?: string;
      respondentEmail?: string;
      files?: Record<string, { name: string; mimeType: string; content: Buffer }[]>;
    } = {},
  ): { responseId: string; editUrl: string; executions: ExecutionResult[] } {
    const formId = opts.formId ?? this.defaultFormId();
    const all: Record<string, string | string[]> = { ...answers };
    for (const [title, files] of Object.entries(opts.files ?? {})) {
      all[title] = files.map((file) => this.storeUpload(formId, file));
    }
    const ctx = this.hostContext();
    const outcome = recordFormResponse(ctx, formId, all, { respondentEmail: opts.respondentEmail });
    if ('errors' in outcome) throw new FormSubmitError(outcome.errors);
    this.store.save(this.state);
    const responseId = outcome.response.id;
    const editUrl = formResponseObject(ctx, formId, responseId).getEditResponseUrl();
    return {
      responseId,
      editUrl,
      executions: this.deliverFormSubmit(formId, outcome.response, outcome.destination ?? null),
    };
  }

  /** A respondent edits a response through its edit URL: same response ID, the submit triggers run again. */
  editResponse(
    responseId: string,
    answers: Record<string, string | string[]>,
    opts: { respondentEmail?: string } = {},
  ): { executions: ExecutionResult[] } {
    const form = Object.values(this.state.forms).find((f) => f.responses.some((r) => r.id === responseId));
    if (!form) throw new Error(`Emulator: no form response ${responseId}.`);
    const outcome = recordFormResponse(this.hostContext(), form.id, answers, {
      respondentEmail: opts.respondentEmail,
      responseId,
    });
    if ('errors' in outcome) throw new FormSubmitError(outcome.errors);
    this.store.save(this.state);
    return { executions: this.deliverFormSubmit(form.id, outcome.response, outcome.destination ?? null) };
  }

  /** GET to the web app (/exec or /dev). */
  doGet(request: WebRequest = {}): WebResponse {
    return this.web('GET', request);
  }

  /** POST to the web app (/exec or /dev). */
  doPost(request: WebRequest = {}): WebResponse {
    return this.web('POST', request);
  }

  /**
   * google.script.run from a served page: only top-level functions not ending in `_`; arguments and the return value
   * follow the transport rules (emulator/runtime/transport.ts); runs as the web app would for `user`, or with
   * `from: 'dialog'` (a sidebar or dialog of the container) as `user` itself.
   * Ref: docs/reference/apps-script-runtime.md §1 google.script.run [RUN][LIB].
   */
  scriptRun(
    functionName: string,
    args: unknown[],
    opts: { user: string; page?: string; from?: 'webapp' | 'dialog' },
  ): { ok: true; value: unknown } | { ok: false; error: string } {
    // Private functions are absent from the page's google.script.run. Open: the browser's exact TypeError text.
    if (functionName.endsWith('_') || !IDENTIFIER.test(functionName)) {
      return { ok: false, error: `TypeError: google.script.run.${functionName} is not a function` };
    }
    let copies: unknown[];
    try {
      copies = args.map((arg, index) => transport(arg, String(index)));
    } catch (error) {
      if (error instanceof IllegalValueError) return { ok: false, error: error.message };
      throw error;
    }
    const executeAs = this.manifest.webapp?.executeAs ?? 'USER_DEPLOYING';
    // From a sidebar or dialog of the container the call runs as the user at the keyboard, with the editor's UI.
    const dialog = opts.from === 'dialog';
    const result = this.execute({
      functionName,
      kind: 'SCRIPT_RUN',
      users: dialog ? runAs(opts.user) : webAppUsers(executeAs, this.state.owner, opts.user),
      visitor: opts.user,
      args: () => copies,
      uiAvailable: dialog,
    })!;
    if (result.status !== 'COMPLETED') return { ok: false, error: result.error ?? 'Error' };
    try {
      return { ok: true, value: transport(result.value) };
    } catch (error) {
      if (error instanceof IllegalValueError) return { ok: false, error: error.message };
      throw error;
    }
  }

  /**
   * Moves the clock forward, running each due time-driven trigger in time order with the clock set to its due time,
   * as its creator. Ref: docs/reference/apps-script-runtime.md §3 Time-driven triggers [CTB][EV].
   */
  advanceClock(minutes: number): ExecutionResult[] {
    const target = this.state.now + minutes * 60_000;
    const results: ExecutionResult[] = [];
    for (;;) {
      const due = this.state.triggers
        .filter((t) => t.eventType === 'CLOCK' && t.nextRunAt !== null && t.nextRunAt.getTime() <= target)
        .sort((a, b) => a.nextRunAt!.getTime() - b.nextRunAt!.getTime())[0];
      if (!due) break;
      const at = due.nextRunAt!.getTime();
      if (at > this.state.now) this.state.now = at;
      const next = nextRunAfter(due, at);
      due.nextRunAt = next === null ? null : new Date(next);
      results.push(this.runTrigger(due, () => this.clockEvent(due, at)));
    }
    if (target > this.state.now) this.state.now = target;
    this.store.save(this.state);
    return results;
  }

  // ---- host helpers -----------------------------------------------------------------------------------------------

  now(): Date {
    return new Date(this.state.now);
  }

  /** Every mail sent, oldest first. */
  outbox(): SentMail[] {
    return [...this.state.mail];
  }

  executions(): ExecutionRecord[] {
    return [...this.state.executions];
  }

  /** getValues() of a sheet's data range (container spreadsheet by default). */
  sheetValues(name: string, spreadsheetId?: string): CellValue[][] {
    return this.withHostSheet(name, spreadsheetId, (range) => range.getValues() as CellValue[][]);
  }

  sheetDisplayValues(name: string, spreadsheetId?: string): string[][] {
    return displayValues(this.state, spreadsheetId ?? this.requireContainer(), name);
  }

  sheetFormulas(name: string, spreadsheetId?: string): string[][] {
    return this.withHostSheet(name, spreadsheetId, (range) => range.getFormulas());
  }

  exportXlsx(spreadsheetId?: string, sheetNames?: string[]): Promise<Buffer> {
    return exportXlsx(this.state, spreadsheetId ?? this.requireContainer(), sheetNames);
  }

  /** Saves and closes the SQLite file. */
  close(): void {
    this.store.save(this.state);
    this.store.close();
  }

  // ---- internals --------------------------------------------------------------------------------------------------

  private newId(prefix: string): string {
    this.state.seq += 1;
    return `${prefix}${this.state.seq.toString(36).padStart(8, '0')}`;
  }

  private requireContainer(): string {
    const id = this.state.containerSpreadsheetId;
    if (id === null) throw new Error('Emulator: this project is not bound to a spreadsheet (option bound: true).');
    return id;
  }

  private withHostSheet<T>(
    name: string,
    spreadsheetId: string | undefined,
    read: (range: GoogleAppsScript.Spreadsheet.Range) => T,
  ): T {
    const id = spreadsheetId ?? this.requireContainer();
    const ss = this.state.spreadsheets[id];
    const ctx = this.hostContext(ss?.owner ?? this.state.owner);
    const sheet = createSpreadsheetApp(ctx).openById(id).getSheetByName(name);
    if (!sheet) throw new Error(`Emulator: no sheet "${name}" in spreadsheet ${id}.`);
    return read(sheet.getDataRange());
  }

  /** A context for host-side reads and form recording: nothing is counted, no fault fires. */
  private hostContext(user = this.state.owner): RuntimeContext {
    return {
      state: this.state,
      users: runAs(user),
      timeZone: this.manifest.timeZone,
      now: () => new Date(this.state.now),
      advance: () => {},
      call: () => {},
      log: () => {},
      activeSpreadsheetId: this.state.containerSpreadsheetId,
      projectFiles: this.projectFiles,
      ui: emptyUi(),
      uiAvailable: false,
      uiResponder: this.uiResponder,
      newId: (prefix) => this.newId(prefix),
      executionId: 'host',
      visitor: user,
      host: this.host,
      mailsSent: [],
      evaluate: () => {
        throw new Error('Emulator: no program context on the host side.');
      },
    };
  }

  private applyPendingFaults(): void {
    for (const user of this.faults.pendingMailExhaustion.splice(0)) {
      const who = user || this.state.owner;
      const ctx = this.hostContext(who);
      const window = quotaWindow(ctx, who);
      this.state.mailQuota[who] = { windowStart: window.windowStart, used: this.host.mailDailyQuota };
    }
  }

  /** One execution: fresh vm context, bundle evaluated, function called, effects kept even on failure. */
  private execute(spec: ExecutionSpec): ExecutionResult | null {
    this.applyPendingFaults();
    const id = this.newId('exec-');
    const startedAt = this.state.now;
    const logs: string[] = [];
    const calls: Record<string, number> = {};
    const ui = emptyUi();
    const mailsSent: SentMail[] = [];
    let timedOut = false;
    let buildingEvent = false;
    let context: vm.Context | null = null;
    const overTime = () => {
      if (this.state.now - startedAt > MAX_EXECUTION_MS) {
        timedOut = true;
        throw new Error(TIMEOUT_MESSAGE);
      }
    };
    const ctx: RuntimeContext = {
      state: this.state,
      users: spec.users,
      timeZone: this.manifest.timeZone,
      now: () => new Date(this.state.now),
      advance: (ms) => {
        this.state.now += ms;
      },
      call: (service, method) => {
        // Google builds the event object before the program runs: those calls are not the program's.
        if (buildingEvent) return;
        if (spec.authMode === 'LIMITED') {
          const refusal = limitedModeRefusal(service, method);
          if (refusal) throw new Error(refusal);
        }
        const key = `${service}.${method}`;
        calls[key] = (calls[key] ?? 0) + 1;
        this.counters.increment(key);
        overTime();
        this.faults.onCall(key);
      },
      log: (line) => {
        logs.push(line);
      },
      activeSpreadsheetId: this.state.containerSpreadsheetId,
      projectFiles: this.projectFiles,
      ui,
      uiAvailable: spec.uiAvailable,
      uiResponder: (request) => this.uiResponder(request),
      newId: (prefix) => this.newId(prefix),
      executionId: id,
      visitor: spec.visitor,
      host: this.host,
      mailsSent,
      evaluate: (code) => vm.runInContext(code, context!),
    };
    const globals: Record<string, unknown> = {
      SpreadsheetApp: createSpreadsheetApp(ctx),
      FormApp: createFormApp(ctx),
      DriveApp: createDriveApp(ctx),
      MailApp: createMailApp(ctx),
      GmailApp: createGmailApp(ctx),
      ScriptApp: createScriptApp(ctx),
      PropertiesService: createPropertiesService(ctx),
      CacheService: createCacheService(ctx),
      LockService: createLockService(ctx),
      Utilities: createUtilities(ctx),
      Session: createSession(ctx),
      HtmlService: createHtmlService(ctx),
      ContentService: createContentService(ctx),
      Logger: createLogger(ctx),
      console: createConsole(ctx),
      Date: clockDate(() => this.state.now),
    };
    context = vm.createContext(globals, { name: `execution ${id}`, microtaskMode: 'afterEvaluate' });
    joinRealms(context);

    let status: ExecutionResult['status'] = 'COMPLETED';
    let error: string | null = null;
    let value: unknown;
    try {
      this.script.runInContext(context);
      const fn = IDENTIFIER.test(spec.functionName)
        ? vm.runInContext(`typeof ${spec.functionName} === 'function' ? ${spec.functionName} : undefined`, context)
        : undefined;
      if (typeof fn !== 'function') {
        if (spec.optional) {
          this.host.locks.releaseAll(id);
          return null;
        }
        throw new Error(`Script function not found: ${spec.functionName}`);
      }
      buildingEvent = true;
      const args = spec.args(ctx);
      buildingEvent = false;
      value = this.invoke(context, fn, args);
    } catch (thrown) {
      status = timedOut ? 'TIMED_OUT' : 'FAILED';
      error = errorMessage(thrown);
      value = undefined;
    } finally {
      this.host.locks.releaseAll(id);
    }
    const durationMs = this.state.now - startedAt;
    const record: ExecutionRecord = {
      id,
      functionName: spec.functionName,
      kind: spec.kind,
      user: spec.users.effective,
      startedAt: new Date(startedAt),
      durationMs,
      status,
      error,
      logs,
    };
    this.state.executions.push(record);
    this.store.save(this.state);
    return {
      id,
      functionName: spec.functionName,
      user: spec.users.effective,
      kind: spec.kind,
      status,
      value,
      error,
      logs,
      ui,
      mailsSent,
      calls,
      startedAt: new Date(startedAt),
      durationMs,
    };
  }

  /**
   * Calls the program's function through the vm so promise jobs run before the execution ends (microtaskMode
   * afterEvaluate); an async function's settled value is returned.
   */
  private invoke(context: vm.Context, fn: unknown, args: unknown[]): unknown {
    const box: { fn: unknown; args: unknown[]; done?: boolean; value?: unknown; error?: unknown; failed?: boolean } = {
      fn,
      args,
    };
    const holder = context as Record<string, unknown>;
    holder.__emulatorCall = box;
    try {
      const result = vm.runInContext(
        `(function (box) { delete globalThis.__emulatorCall; var r = box.fn.apply(undefined, box.args);
          if (r && typeof r.then === 'function') { r.then(function (v) { box.done = true; box.value = v; }, function (e) { box.done = true; box.failed = true; box.error = e; }); return box; }
          box.done = true; box.value = r; return box; })(globalThis.__emulatorCall)`,
        context,
      ) as typeof box;
      if (!result.done) vm.runInContext('0', context);
      if (result.failed) throw result.error;
      return result.value;
    } finally {
      delete holder.__emulatorCall;
    }
  }

  /** A result for a simple trigger the program does not define (nothing ran, nothing recorded). */
  private notRun(functionName: string, user: string, kind: string): ExecutionResult {
    return {
      id: '',
      functionName,
      user,
      kind,
      status: 'COMPLETED',
      value: undefined,
      error: null,
      logs: [],
      ui: emptyUi(),
      mailsSent: [],
      calls: {},
      startedAt: this.now(),
      durationMs: 0,
    };
  }

  private triggersFor(
    eventType: TriggerState['eventType'],
    source: TriggerState['source'],
    sourceId: string,
  ): TriggerState[] {
    return this.state.triggers.filter(
      (t) => t.eventType === eventType && t.source === source && t.sourceId === sourceId,
    );
  }

  /** Installable triggers run as the account that created them, with FULL authority. Ref: [INST]. */
  private runTrigger(trigger: TriggerState, event: (ctx: RuntimeContext) => unknown): ExecutionResult {
    return this.execute({
      functionName: trigger.handlerFunction,
      kind: 'TRIGGER',
      users: runAs(trigger.owner),
      visitor: trigger.owner,
      args: (ctx) => [event(ctx)],
      uiAvailable: false,
    })!;
  }

  /**
   * The time-driven event. Open: Google's documented example gives timezone 'UTC' and the fields in UTC; the
   * emulator follows that. 'day-of-week' is 1 = Monday .. 7 = Sunday; 'week-of-year' is the ISO week.
   * Ref: https://developers.google.com/apps-script/guides/triggers/events (time-driven events).
   */
  private clockEvent(trigger: TriggerState, at: number): Record<string, unknown> {
    const d = new Date(at);
    return {
      authMode: 'FULL',
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      'day-of-month': d.getUTCDate(),
      'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
      'week-of-year': isoWeek(d),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      timezone: 'UTC',
      triggerUid: trigger.uid,
    };
  }

  private defaultFormId(): string {
    const forms = Object.values(this.state.forms);
    const container = this.state.containerSpreadsheetId;
    const linked = forms.find((f) => container !== null && f.destination?.id === container);
    const chosen = linked ?? (forms.length === 1 ? forms[0] : undefined);
    if (!chosen)
      throw new Error('Emulator: which form? Pass opts.formId (there is no single form linked to the container).');
    return chosen.id;
  }

  /**
   * Stores an uploaded file in the form owner's Drive. Open: Google keeps uploads in a "<form> (File responses)"
   * folder; the emulator keeps them in the owner's root.
   */
  private storeUpload(formId: string, file: { name: string; mimeType: string; content: Buffer }): string {
    const owner = this.state.forms[formId]?.owner ?? this.state.owner;
    const id = this.newId('1up');
    const record: DriveFileState = {
      id,
      name: file.name,
      mimeType: file.mimeType,
      content: file.content.toString('base64'),
      parents: [this.state.rootFolderId],
      owner,
      editors: [],
      viewers: [],
      sharing: { access: 'PRIVATE', permission: 'NONE' },
      trashed: false,
      created: this.now(),
      description: '',
    };
    this.state.files[id] = record;
    return id;
  }

  /**
   * Runs the submit triggers for one recorded response: form triggers get {authMode, response, source, triggerUid},
   * spreadsheet triggers on the destination get {authMode, namedValues, range, values, triggerUid}. Faults may repeat
   * the delivery or add a blank one. Ref: docs/reference/apps-script-runtime.md §3 Form submit, Double firing.
   */
  private deliverFormSubmit(
    formId: string,
    response: FormResponseState,
    row: DestinationRow | null,
  ): ExecutionResult[] {
    const form = this.state.forms[formId]!;
    const destination = form.destination?.id ?? null;
    const deliveries: boolean[] = [false];
    if (this.faults.takeDuplicateSubmit()) deliveries.push(false);
    if (this.faults.takeBlankSubmit()) deliveries.push(true);
    const results: ExecutionResult[] = [];
    for (const blank of deliveries) {
      const triggers = this.state.triggers.filter(
        (t) =>
          t.eventType === 'ON_FORM_SUBMIT' &&
          ((t.source === 'FORMS' && t.sourceId === formId) ||
            (t.source === 'SPREADSHEETS' && t.sourceId === destination)),
      );
      for (const trigger of triggers) {
        if (trigger.source === 'FORMS') {
          results.push(
            this.runTrigger(trigger, (ctx) => ({
              authMode: 'FULL',
              response: this.eventResponse(ctx, formId, response.id, blank),
              source: formObject(ctx, formId),
              triggerUid: trigger.uid,
            })),
          );
        } else {
          results.push(this.runTrigger(trigger, (ctx) => this.sheetSubmitEvent(ctx, row, blank, trigger.uid)));
        }
      }
    }
    return results;
  }

  /** The event's FormResponse; a blank delivery's response has no item responses. */
  private eventResponse(
    ctx: RuntimeContext,
    formId: string,
    responseId: string,
    blank: boolean,
  ): GoogleAppsScript.Forms.FormResponse {
    const real = formResponseObject(ctx, formId, responseId);
    if (!blank) return real;
    return new Proxy(real, {
      get(target, property, receiver) {
        if (property === 'getItemResponses' || property === 'getGradableItemResponses') return () => [];
        if (property === 'getResponseForItem' || property === 'getGradableResponseForItem') return () => null;
        return Reflect.get(target, property, receiver);
      },
    });
  }

  /**
   * The spreadsheet form-submit event: values as the row's displayed strings (e.values), namedValues header -> [value],
   * range = the row written. A blank delivery carries empty strings. Ref: [EV] spreadsheet form-submit event.
   */
  private sheetSubmitEvent(
    ctx: RuntimeContext,
    row: DestinationRow | null,
    blank: boolean,
    triggerUid: string,
  ): Record<string, unknown> {
    if (!row) return { authMode: 'FULL', namedValues: {}, range: null, values: [], triggerUid };
    const headers = displayValues(this.state, row.spreadsheetId, row.sheetName)[0] ?? [];
    const values = row.values.map((value) => (blank ? '' : value));
    const namedValues: Record<string, string[]> = {};
    values.forEach((value, i) => {
      const header = headers[i] ?? '';
      const list = namedValues[header] ?? [];
      list.push(value);
      namedValues[header] = list;
    });
    const range = createSpreadsheetApp(ctx)
      .openById(row.spreadsheetId)
      .getSheetByName(row.sheetName)!
      .getRange(row.row, 1, 1, Math.max(1, values.length));
    return { authMode: 'FULL', namedValues, range, values, triggerUid };
  }

  /** The web app: access check, users by executeAs, doGet/doPost, response by output kind. */
  private web(method: 'GET' | 'POST', request: WebRequest): WebResponse {
    const visitor = request.user ?? '';
    const path = request.path ?? '/exec';
    const executeAs = this.manifest.webapp?.executeAs ?? 'USER_DEPLOYING';
    const access = this.manifest.webapp?.access ?? 'MYSELF';
    if (!this.manifest.webapp) return this.page(404, 'Sorry, the file you have requested does not exist.');
    if (path === '/dev') {
      // The head deployment needs at least read access to the project. Ref: [DEP] via apps-script-runtime.md §3.
      if (visitor === '') return this.page(401, 'Sign in to continue to Google Apps Script.');
      if (!this.isProjectEditor(visitor)) return this.page(403, 'Sorry, unable to open the file at this time.');
    } else {
      const verdict = webAppAccess(access, executeAs, this.state.owner, visitor);
      if (verdict === 'signin') return this.page(401, 'Sign in to continue to Google Apps Script.');
      if (verdict === 'denied') return this.page(403, 'Sorry, unable to open the file at this time.');
    }
    const functionName = method === 'GET' ? 'doGet' : 'doPost';
    const event = webEvent(method, request);
    const execution = this.execute({
      functionName,
      kind: 'WEBAPP',
      users: webAppUsers(executeAs, this.state.owner, visitor),
      visitor,
      args: () => [event],
      uiAvailable: false,
    })!;
    if (execution.status !== 'COMPLETED') {
      return { ...this.page(500, execution.error ?? 'Error'), execution };
    }
    const html = htmlOutputData(execution.value);
    if (html) {
      return {
        status: 200,
        kind: 'html',
        title: html.title,
        metaTags: html.metaTags.map((tag) => ({ ...tag })),
        content: html.content,
        mimeType: 'text/html',
        execution,
      };
    }
    const text = textOutputData(execution.value);
    if (text) {
      // Google serves ContentService output through a 302 to script.googleusercontent.com; the body is the same.
      return {
        status: 200,
        kind: 'text',
        title: '',
        metaTags: [],
        content: text.content,
        mimeType: CONTENT_MIME_TYPES[text.mimeType] ?? 'text/plain',
        execution,
      };
    }
    // Open: Google shows this page (its status code is not documented) when doGet returns no output.
    return { ...this.page(200, 'The script completed but did not return anything.'), execution };
  }

  private isProjectEditor(visitor: string): boolean {
    const who = visitor.toLowerCase();
    const editors = [this.state.owner, ...this.projectEditors];
    const container = this.state.containerSpreadsheetId;
    if (container !== null) editors.push(...(this.state.spreadsheets[container]?.editors ?? []));
    return editors.some((e) => e.toLowerCase() === who);
  }

  private page(status: number, message: string): WebResponse {
    return { status, kind: 'error', title: '', metaTags: [], content: message, mimeType: 'text/html', execution: null };
  }
}
