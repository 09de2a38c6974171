// The simulator's view of the emulator: the slice of its host API the server calls, and how the emulator is created and seeded.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { UiEvents, UiResponder } from '../../emulator/context';
import { Emulator } from '../../emulator/index';
import type { CellValue, EmulatorState, ExecutionRecord, MenuState, SentMail } from '../../emulator/state';

/** One execution as the emulator reports it (docs/architecture.md, ExecutionResult). */
export interface ExecutionResult {
  id: string;
  functionName: string;
  user: string;
  status: 'COMPLETED' | 'FAILED' | string;
  value: unknown;
  error: string | null;
  logs: string[];
  ui: UiEvents;
  mailsSent: SentMail[];
}

/** A request to the web app as Google would deliver it (docs/architecture.md, WebRequest). */
export interface WebRequest {
  path?: '/exec' | '/dev';
  pathInfo?: string;
  query?: Record<string, string | string[]>;
  body?: string;
  contentType?: string;
  user?: string;
}

/** What the web app answered (docs/architecture.md, WebResponse). */
export interface WebResponse {
  status: number;
  kind: 'html' | 'text' | 'error';
  title: string;
  metaTags: { name: string; content: string }[];
  content: string;
  mimeType: string;
  /** Null when Google answers before running the script (sign-in needed, access denied). */
  execution: ExecutionResult | null;
}

/** An uploaded file as the Form hands it to Drive. */
export interface UploadedFile {
  name: string;
  mimeType: string;
  content: Buffer;
}

/** The emulator's host API as the simulator uses it; the real class (emulator/index.ts) satisfies it. */
export interface EmulatorHost {
  readonly state: EmulatorState;
  /** Answers Ui.alert/prompt during editor and menu runs; the simulator sets it per run from the visitor's answers. */
  uiResponder: UiResponder;
  run(name: string, args?: unknown[], opts?: { user?: string; kind?: string }): ExecutionResult;
  openSpreadsheet(user?: string): ExecutionResult;
  menus(): MenuState[];
  runMenuItem(caption: string, user?: string): ExecutionResult;
  submitForm(
    answers: Record<string, string | string[]>,
    opts?: { formId?: string; respondentEmail?: string; files?: Record<string, UploadedFile[]> },
  ): { responseId: string; editUrl?: string; executions: ExecutionResult[] };
  editResponse(
    responseId: string,
    answers: Record<string, string | string[]>,
    opts?: { respondentEmail?: string },
  ): { executions: ExecutionResult[] };
  doGet(request: WebRequest): WebResponse;
  doPost(request: WebRequest): WebResponse;
  scriptRun(
    functionName: string,
    args: unknown[],
    opts: { user: string; page?: string },
  ): { ok: true; value: unknown } | { ok: false; error: string };
  advanceClock(minutes: number): ExecutionResult[];
  now(): Date;
  outbox(): SentMail[];
  executions(): ExecutionRecord[];
  sheetValues(name: string, spreadsheetId?: string): CellValue[][];
  sheetDisplayValues(name: string, spreadsheetId?: string): string[][];
  sheetFormulas(name: string, spreadsheetId?: string): string[][];
  exportXlsx(spreadsheetId?: string, sheetNames?: string[]): Promise<Buffer>;
  close(): void;
}

/** How the simulator's emulator is set up. */
export interface HostOptions {
  codeDir: string;
  dataFile: string;
  owner: string;
  start: string;
  reset: boolean;
}

/** The script's owner in the walk-through: the office admin who deployed the program. */
export const DEFAULT_OWNER = 'admin@bolmongkab.go.id';

/** Monday morning, WITA: office hours, so the SOP's time standards start at once. */
export const DEFAULT_START = '2026-01-05T08:00:00+08:00';

/** Removes the SQLite file and its journal files (`--reset`). */
export function removeDataFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/** Creates the emulator over the SQLite file (deleted first on reset). */
export async function createHost(options: HostOptions): Promise<EmulatorHost> {
  if (options.reset) removeDataFile(options.dataFile);
  mkdirSync(dirname(options.dataFile), { recursive: true });
  return new Emulator({
    codeDir: options.codeDir,
    owner: options.owner,
    start: options.start,
    storage: { kind: 'sqlite', file: options.dataFile },
    bound: true,
  });
}

/**
 * The program's setup entry point, found among the bundle's top-level functions: the first whose name starts with
 * "setup" (setup_, setupProgram_, ...). null when the bundle has none yet.
 */
export function findSetupFunction(codeDir: string): string | null {
  const file = join(codeDir, 'Code.js');
  if (!existsSync(file)) return null;
  const names = [...readFileSync(file, 'utf8').matchAll(/^function ([A-Za-z0-9_$]+)\(/gm)].map(
    (match) => match[1] ?? '',
  );
  const candidates = names.filter((name) => /^(setup|siapkan|pasang|install)/i.test(name));
  return candidates.find((name) => /^setup_?$/i.test(name)) ?? candidates[0] ?? null;
}

/**
 * Runs setup as the owner on the first start (no completed setup execution in the state yet), so the Form, the
 * register, the settings with example role addresses and the triggers exist before anyone visits.
 */
export function seedOnFirstStart(host: EmulatorHost, codeDir: string, owner: string): ExecutionResult | null {
  const setup = findSetupFunction(codeDir);
  if (!setup) return null;
  const done = host.executions().some((run) => run.functionName === setup && run.status === 'COMPLETED');
  if (done) return null;
  return host.run(setup, [], { user: owner, kind: 'EDITOR' });
}
