// The bench harness: emulators over the built bundle, program setup, state snapshots, and one measurement per execution.
import { createHmac } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Emulator, type ExecutionResult } from '../emulator';
import type { EmulatorState, SheetState, SpreadsheetState } from '../emulator/state';
import { encodeToken, type LinkClaims } from '../src/core/link-token';
import { type CellCounts, cellDiff, cellSnapshot, installCellCounting } from './cells';
import { callsOfService, projectMs, projectMsWithCells } from './cost-model';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OWNER = 'admin.kominfo@bolmongkab.go.id';
/** A Monday 09:00 WITA: working hours, so SLA clocks run. */
export const START = '2026-03-02T09:00:00+08:00';

/** Calls that move data between the script and Google (the round trips the best-practices page is about). */
const ROUND_TRIP =
  /^SpreadsheetApp\.(Range\.(get|set)(Values|Value|DisplayValues|Formulas|NumberFormats|NumberFormat)|TextFinder\.(findAll|findNext)|Sheet\.(appendRow|getLastRow|getLastColumn|getMaxRows|getDataRange)|SpreadsheetApp\.(openById|flush)|Spreadsheet\.getSheetByName)$/;

export interface Measurement {
  calls: Record<string, number>;
  totalCalls: number;
  spreadsheetCalls: number;
  /** SpreadsheetApp calls that move data or metadata (reads, writes, finds, flush, open). */
  spreadsheetRoundTrips: number;
  cells: CellCounts;
  /** Per-call projection (cost-model CALL_COST_MS). */
  projectedMs: number;
  /** Per-call projection plus the per-cell term (cost-model CELL_COST_MS): the figure the targets are read against. */
  projectedWithCellsMs: number;
  /** Emulator CPU time of the execution(s) (user + system), ms. */
  cpuMs: number;
  status: string[];
  errors: string[];
}

/** The dist folder to bench (BUNDLE_DIR as the build uses it). */
export function bundleDir(): string {
  return process.env.BUNDLE_DIR ? join(ROOT, process.env.BUNDLE_DIR) : join(ROOT, 'dist');
}

export function newEmulator(codeDir = bundleDir()): Emulator {
  installCellCounting();
  return new Emulator({ codeDir, owner: OWNER, start: START, bound: true, mailDailyQuota: 1500 });
}

/** The exported function names of a built bundle (its top-level forwarders). */
export function bundleFunctions(codeDir = bundleDir()): Set<string> {
  const code = readFileSync(join(codeDir, 'Code.js'), 'utf8');
  return new Set([...code.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)].map((m) => m[1] as string));
}

/** What the bench reads of an execution (ExecutionResult and ExecutionRecord both have it). */
export type Outcome = Pick<ExecutionResult, 'status' | 'error' | 'functionName'>;

/**
 * Measures one event: every service call the emulator counted meanwhile (a form submit may run several triggers;
 * google.script.run returns no ExecutionResult), the cells moved, the projection and the emulator's CPU time.
 */
export function measure(emu: Emulator, run: () => (Outcome | null | undefined)[]): Measurement {
  const callsBefore = emu.counters.snapshot();
  const cellsBefore = cellSnapshot();
  const cpuBefore = process.cpuUsage();
  const results = run().filter((r): r is Outcome => !!r);
  const cpu = process.cpuUsage(cpuBefore);
  const calls = emu.counters.diff(callsBefore);
  const cells = cellDiff(cellsBefore);
  return {
    calls,
    totalCalls: Object.values(calls).reduce((a, b) => a + b, 0),
    spreadsheetCalls: callsOfService(calls, 'SpreadsheetApp'),
    spreadsheetRoundTrips: Object.entries(calls)
      .filter(([k]) => ROUND_TRIP.test(k))
      .reduce((a, [, n]) => a + n, 0),
    cells,
    projectedMs: projectMs(calls),
    projectedWithCellsMs: projectMsWithCells(calls, cells),
    cpuMs: (cpu.user + cpu.system) / 1000,
    status: results.map((r) => r.status),
    errors: results.filter((r) => r.error).map((r) => `${r.functionName}: ${r.error}`),
  };
}

/** Median of numbers (the bench reports medians of several runs). */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The container spreadsheet's state. */
export function container(emu: Emulator): SpreadsheetState {
  const id = emu.state.containerSpreadsheetId;
  if (!id) throw new Error('bench: no container');
  return emu.state.spreadsheets[id] as SpreadsheetState;
}

export function sheetState(emu: Emulator, name: string, spreadsheetId?: string): SheetState | undefined {
  const ss = spreadsheetId ? emu.state.spreadsheets[spreadsheetId] : container(emu);
  return ss?.sheets.find((s) => s.name === name);
}

// ---- snapshots ---------------------------------------------------------------------------------------------------

function copySheet(sheet: SheetState): SheetState {
  return {
    ...sheet,
    values: sheet.values.map((r) => r.slice()),
    formulas: sheet.formulas.map((r) => r.slice()),
    numberFormats: sheet.numberFormats.map((r) => r.slice()),
    protections: sheet.protections.map((p) => ({ ...p, editors: [...p.editors] })),
    charts: structuredClone(sheet.charts),
    columnWidths: { ...sheet.columnWidths },
  };
}

type Snapshot = Omit<EmulatorState, 'executions'> & { executionCount: number };

/** Row-level copy of the whole state (cells are immutable values or copied Dates on read, so rows suffice). */
export function snapshot(state: EmulatorState): Snapshot {
  const spreadsheets: Record<string, SpreadsheetState> = {};
  for (const [id, ss] of Object.entries(state.spreadsheets))
    spreadsheets[id] = { ...ss, sheets: ss.sheets.map(copySheet) };
  const { executions, spreadsheets: _s, ...rest } = state;
  return { ...structuredClone(rest), spreadsheets, executionCount: executions.length };
}

/** Puts a snapshot back (copied again, so the snapshot can be restored many times). */
export function restore(state: EmulatorState, snap: Snapshot): void {
  const { executionCount, spreadsheets, ...rest } = snap;
  const copy: Record<string, SpreadsheetState> = {};
  for (const [id, ss] of Object.entries(spreadsheets)) copy[id] = { ...ss, sheets: ss.sheets.map(copySheet) };
  Object.assign(state, structuredClone(rest), { spreadsheets: copy });
  state.executions.length = Math.min(state.executions.length, executionCount);
}

/** Drops execution records so a long bench does not keep thousands of them. */
export function trimExecutions(emu: Emulator): void {
  emu.state.executions.length = 0;
}

// ---- links ---------------------------------------------------------------------------------------------------------

/** Signs a decision/status link as the program does (HMAC-SHA256 with the Script Properties secret, signed bytes). */
export function signedToken(
  emu: Pick<Emulator, 'state' | 'now'>,
  claims: Omit<LinkClaims, 'nonce' | 'exp'> & { exp?: number },
): string {
  const secret = emu.state.scriptProperties.HMAC_SECRET ?? '';
  if (!secret) throw new Error('bench: no HMAC secret (setup has not run)');
  const sign = (message: string) =>
    [...createHmac('sha256', Buffer.from(secret, 'utf8')).update(message, 'utf8').digest()].map((b) =>
      b > 127 ? b - 256 : b,
    );
  return encodeToken(
    { ...claims, exp: claims.exp ?? emu.now().getTime() + 72 * 3600_000, nonce: `bench-${Math.random()}` },
    sign,
  );
}

// ---- peers ---------------------------------------------------------------------------------------------------------

/**
 * A folder the peer bundle can be loaded from: bench/peers/<name>.js as Code.js beside the program's manifest (the
 * same time zone and web-app settings), so the peer runs under the same rules.
 */
export function peerCodeDir(name: string, programDir = bundleDir()): string {
  const dir = join(ROOT, '.local', 'bench-peers', name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(ROOT, 'bench', 'peers', `${name}.js`), join(dir, 'Code.js'));
  try {
    copyFileSync(join(programDir, 'appsscript.json'), join(dir, 'appsscript.json'));
  } catch {
    writeFileSync(
      join(dir, 'appsscript.json'),
      JSON.stringify({
        timeZone: 'Asia/Makassar',
        runtimeVersion: 'V8',
        webapp: { executeAs: 'USER_DEPLOYING', access: 'ANYONE' },
      }),
    );
  }
  return dir;
}

/** A peer emulator that works on the program emulator's own state (same sheets, same clock, same mail). */
export function peerEmulator(name: string, program: Emulator): Emulator {
  const peer = newEmulator(peerCodeDir(name));
  (peer as unknown as { state: EmulatorState }).state = program.state;
  return peer;
}
