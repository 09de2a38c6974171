// npm run bench: the built bundle in the emulator on registers of 100 to 50,000 applications, against the peers' pattern; prints and writes JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleReport } from './bundle';
import { type BenchEvent, peerEvents, programEvents, programJobs } from './events';
import { generateRegister } from './generate';
import {
  bundleDir,
  bundleFunctions,
  container,
  type Measurement,
  measure,
  median,
  newEmulator,
  peerEmulator,
  ROOT,
  restore,
  snapshot,
  trimExecutions,
} from './harness';
import { localRun, simulatorRun } from './local';
import { setUpProgram } from './setup';

const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const JOB_RUNS = Number(process.env.BENCH_JOB_RUNS ?? 3);
const LOCAL_APPS = Number(process.env.BENCH_LOCAL_APPS ?? 1000);
const SIM_APPS = Number(process.env.BENCH_SIM_APPS ?? 100);

export interface EventFigures {
  name: string;
  /** The first run's figures: a cold start (empty script cache), as after a quiet spell. */
  first: Measurement;
  /**
   * The last run's figures, after the earlier runs filled the script cache (SOP values, the audit and outbox tails):
   * the steady state of a working day. Calls differ from `first` only by what the cache saves.
   */
  warm: Measurement;
  /** Median emulator CPU time over the runs (ms). */
  cpuMsMedian: number;
  /** Whether every run made exactly the same calls. */
  stableCalls: boolean;
  /** Errors of any run (an event that was refused or failed is not a valid measurement). */
  failures: string[];
}

function runEvent(
  emu: Parameters<typeof measure>[0],
  event: BenchEvent,
  runs: number,
  before?: () => void,
): EventFigures {
  const all: Measurement[] = [];
  for (let k = 0; k < runs; k++) {
    before?.();
    all.push(measure(emu, () => event.run(k)));
    trimExecutions(emu);
  }
  const first = all[0] as Measurement;
  const key = (m: Measurement) => JSON.stringify(Object.entries(m.calls).sort());
  return {
    name: event.name,
    first,
    warm: all[all.length - 1] as Measurement,
    cpuMsMedian: median(all.map((m) => m.cpuMs)),
    stableCalls: all.every((m) => key(m) === key(first)),
    failures: [...new Set(all.flatMap((m) => m.errors))],
  };
}

/**
 * The container spreadsheet's size against Sheets' 10,000,000-cell limit (apps-script-runtime.md §1 Sheets): cells
 * in use (rows x header width) and the grid Sheets counts (every sheet's rows x columns, empty ones included, as the
 * emulator keeps them: maxRows x maxColumns).
 */
function spreadsheetCells(emu: ReturnType<typeof newEmulator>): {
  used: number;
  grid: number;
  bySheet: Record<string, number>;
} {
  let used = 0;
  let grid = 0;
  const bySheet: Record<string, number> = {};
  for (const sheet of container(emu).sheets) {
    const width = sheet.values.reduce((w, r) => Math.max(w, r.length), 0);
    const rows = sheet.values.length;
    used += rows * width;
    const g = sheet.maxRows * sheet.maxColumns;
    grid += g;
    bySheet[sheet.name] = g;
  }
  return { used, grid, bySheet };
}

interface SizeFigures {
  size: number;
  spreadsheetCells: ReturnType<typeof spreadsheetCells>;
  generateMs: number;
  auditRows: number;
  outboxRows: number;
  events: EventFigures[];
  jobs: EventFigures[];
  peerEvents: EventFigures[];
  peerJobs: EventFigures[];
}

function benchSize(size: number, functions: Set<string>): SizeFigures {
  const emu = newEmulator();
  const restrictedId = setUpProgram(emu);
  const t0 = performance.now();
  const gen = generateRegister(emu, size, { restrictedId });
  const generateMs = performance.now() - t0;
  const cells = spreadsheetCells(emu);
  const snap = snapshot(emu.state);
  const jobs = programJobs(emu, functions).map((job) => runEvent(emu, job, JOB_RUNS, () => restore(emu.state, snap)));
  const events = programEvents(emu, gen, functions).map((event) => {
    restore(emu.state, snap);
    return runEvent(emu, event, RUNS);
  });
  restore(emu.state, snap);
  const peer = peerEmulator('whole-sheet', emu);
  const peerSet = peerEvents(peer, gen);
  const pJobs = peerSet.jobs.map((job) => runEvent(peer, job, JOB_RUNS, () => restore(emu.state, snap)));
  restore(emu.state, snap);
  const pEvents = peerSet.events.map((event) => {
    restore(emu.state, snap);
    return runEvent(peer, event, RUNS);
  });
  return {
    size,
    spreadsheetCells: cells,
    generateMs,
    auditRows: gen.auditRows,
    outboxRows: gen.outboxRows,
    events,
    jobs,
    peerEvents: pEvents,
    peerJobs: pJobs,
  };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function printSize(s: SizeFigures): void {
  console.log(
    `\n== ${fmt(s.size)} applications (${fmt(s.auditRows)} audit rows, ${fmt(s.outboxRows)} outbox rows; generated in ${fmt(s.generateMs)} ms)`,
  );
  const header = `${'event'.padEnd(38)} ${'calls'.padStart(6)} ${'SS'.padStart(4)} ${'RT'.padStart(4)} ${'cells r/w'.padStart(16)} ${'proj ms'.padStart(8)} ${'+cells'.padStart(8)} ${'cpu ms'.padStart(8)} | ${'peer SS'.padStart(7)} ${'peer cells r/w'.padStart(20)} ${'peer +cells'.padStart(11)} ${'ours/theirs'.padStart(11)}  status`;
  const line = (e: EventFigures, peer: EventFigures | undefined) => {
    const m = e.first;
    const p = peer?.first;
    const ratio = p && p.projectedWithCellsMs > 0 ? fmt(m.projectedWithCellsMs / p.projectedWithCellsMs, 2) : '-';
    const bad = [...e.failures, ...(peer?.failures ?? []).map((f) => `peer: ${f}`)].join('; ');
    console.log(
      `${e.name.slice(0, 38).padEnd(38)} ${fmt(m.totalCalls).padStart(6)} ${fmt(m.spreadsheetCalls).padStart(4)} ${fmt(m.spreadsheetRoundTrips).padStart(4)} ${`${fmt(m.cells.read)}/${fmt(m.cells.written)}`.padStart(16)} ${fmt(m.projectedMs).padStart(8)} ${fmt(m.projectedWithCellsMs).padStart(8)} ${fmt(e.cpuMsMedian, 1).padStart(8)} | ${(p ? fmt(p.spreadsheetCalls) : '-').padStart(7)} ${(p ? `${fmt(p.cells.read)}/${fmt(p.cells.written)}` : '-').padStart(20)} ${(p ? fmt(p.projectedWithCellsMs) : '-').padStart(11)} ${ratio.padStart(11)}  ${bad ? bad.slice(0, 160) : 'ok'}${e.stableCalls ? '' : ` (warm: ${fmt(e.warm.spreadsheetCalls)} SS, ${fmt(e.warm.projectedWithCellsMs)} ms)`}`,
    );
  };
  const c = s.spreadsheetCells;
  console.log(
    `Register spreadsheet: ${fmt(c.used)} cells in use, ${fmt(c.grid)} grid cells of Sheets' 10,000,000 limit (${Object.entries(
      c.bySheet,
    )
      .map(([n, v]) => `${n} ${fmt(v)}`)
      .join(', ')})`,
  );
  console.log(header);
  for (const e of s.events)
    line(
      e,
      s.peerEvents.find((p) => p.name === e.name),
    );
  console.log('-- batch jobs');
  for (const j of s.jobs)
    line(
      j,
      s.peerJobs.find((p) => p.name === j.name),
    );
}

async function main(): Promise<void> {
  const functions = bundleFunctions();
  console.log(`Bundle: ${bundleDir()} (${[...functions].join(', ')})`);
  const bundle = bundleReport(bundleDir(), RUNS * 2);
  console.log(
    `Bundle size ${fmt(bundle.bytes / 1024, 1)} KB; evaluation in a fresh vm context: median ${fmt(bundle.evalMsMedian, 2)} ms over ${bundle.runs} runs; service calls at load: ${bundle.serviceAccessesAtLoad}`,
  );
  const sizes: SizeFigures[] = [];
  for (const size of SIZES) {
    const s = benchSize(size, functions);
    printSize(s);
    sizes.push(s);
    if (global.gc) global.gc();
  }
  const local = await localRun(LOCAL_APPS);
  console.log(
    `\nLocal: ${fmt(local.applications)} applications from submit to issued through ${local.via}: ${fmt(local.wallMs)} ms (${fmt(local.wallMs / local.applications, 1)} ms each), ${fmt(local.executions)} executions, ${local.issued} issued; peak RSS ${fmt(local.maxRssMb)} MB`,
  );
  const simulator = SIM_APPS > 0 ? await simulatorRun(SIM_APPS) : null;
  if (simulator)
    console.log(
      `Simulator: ${fmt(simulator.applications)} applications from submit to issued through ${simulator.via}: ${fmt(simulator.wallMs)} ms (${fmt(simulator.wallMs / simulator.applications, 1)} ms each), ${simulator.issued} issued${simulator.failures.length ? `; failures: ${simulator.failures.join('; ')}` : ''}`,
    );
  const result = {
    at: new Date().toISOString(),
    node: process.version,
    runs: RUNS,
    jobRuns: JOB_RUNS,
    bundle,
    sizes,
    local,
    simulator,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(result, null, 1)}\n`);
  console.log(`\nWritten bench/results/latest.json; peak RSS of the whole bench ${fmt(result.peakRssMb)} MB`);
}

await main();
