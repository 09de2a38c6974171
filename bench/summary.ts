// Prints the README's short table (markdown) from bench/results/latest.json: `npx tsx bench/summary.ts`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness';

interface Measured {
  totalCalls: number;
  spreadsheetCalls: number;
  cells: { read: number; written: number };
  projectedMs: number;
  projectedWithCellsMs: number;
}
interface Figures {
  name: string;
  first: Measured;
  /** The last run, with the script cache filled (absent in results written before it was recorded). */
  warm?: Measured;
  cpuMsMedian: number;
  failures: string[];
}
interface Size {
  size: number;
  spreadsheetCells: { used: number; grid: number };
  events: Figures[];
  jobs: Figures[];
  peerEvents: Figures[];
  peerJobs: Figures[];
}

const result = JSON.parse(readFileSync(join(ROOT, 'bench', 'results', 'latest.json'), 'utf8')) as {
  at: string;
  bundle: { bytes: number; evalMsMedian: number; serviceAccessesAtLoad: number };
  sizes: Size[];
  local: { applications: number; wallMs: number; maxRssMb: number; via: string; issued: number };
  simulator?: { applications: number; wallMs: number; maxRssMb: number; via: string; issued: number } | null;
  peakRssMb: number;
};

const n = (v: number, d = 0) => v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const s = (ms: number) => `${n(ms / 1000, 1)} s`;
const sizes = result.sizes;
const largest = sizes[sizes.length - 1] as Size;
const rows: string[] = [];
rows.push(
  `| Event | service calls, of which SpreadsheetApp (${sizes.map((x) => n(x.size)).join(' / ')}), cold | SpreadsheetApp calls, warm | cells read/written at ${n(largest.size)} | projected at ${n(largest.size)}, cold / warm | peers' pattern at ${n(largest.size)} |`,
);
rows.push('|---|---|---|---|---|---|');
const line = (e: Figures, kind: 'events' | 'jobs') => {
  const per = sizes
    .map((x) => x[kind].find((y) => y.name === e.name)?.first)
    .map((f) => (f ? `${n(f.totalCalls)} (${n(f.spreadsheetCalls)})` : '-'))
    .join(' / ');
  const peer = largest[kind === 'events' ? 'peerEvents' : 'peerJobs'].find((p) => p.name === e.name);
  const bad = e.failures.length > 0 ? ' (fails)' : '';
  const peerBad = peer && peer.failures.length > 0 ? ' (fails)' : '';
  const warm = e.warm ?? e.first;
  rows.push(
    `| ${e.name}${bad} | ${per} | ${n(warm.spreadsheetCalls)} | ${n(e.first.cells.read)} / ${n(e.first.cells.written)} | ${s(e.first.projectedWithCellsMs)} / ${s(warm.projectedWithCellsMs)} | ${peer ? `${n(peer.first.cells.read)} cells read, ${s(peer.first.projectedWithCellsMs)}${peerBad}` : '-'} |`,
  );
};
for (const e of largest.events) line(e, 'events');
for (const j of largest.jobs) line(j, 'jobs');
console.log(`Figures of ${result.at.slice(0, 10)} (\`npm run bench\`; bench/results/latest.json).\n`);
console.log(rows.join('\n'));
console.log(
  `\nBundle: ${n(result.bundle.bytes / 1024, 1)} KB, evaluated in ${n(result.bundle.evalMsMedian, 1)} ms (median), ${result.bundle.serviceAccessesAtLoad} service calls at load.`,
);
console.log(
  `Register spreadsheet at ${n(largest.size)} applications: ${n(largest.spreadsheetCells.grid)} grid cells (Sheets' limit 10,000,000).`,
);
console.log(
  `Local: ${n(result.local.applications)} applications submit-to-issued in ${s(result.local.wallMs)} through ${result.local.via}; peak RSS ${n(result.peakRssMb)} MB.`,
);
if (result.simulator)
  console.log(
    `Simulator API: ${n(result.simulator.applications)} applications in ${s(result.simulator.wallMs)} (${result.simulator.via}).`,
  );
