// `npm start`: runs the built bundle in the emulator over a SQLite file and serves the whole SOP as a local site and API.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SimulatorApp } from './app';
import {
  createHost,
  DEFAULT_OWNER,
  DEFAULT_START,
  type EmulatorHost,
  type ExecutionResult,
  type HostOptions,
  seedOnFirstStart,
} from './host';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where the simulator keeps its state unless told otherwise. */
export const DEFAULT_DATA_FILE = join(root, '.local/simulator.sqlite');

export interface SimulatorOptions {
  /** 0 picks a free port. Default 8080. */
  port?: number;
  /** Default 127.0.0.1: the simulator is for this machine only. */
  hostname?: string;
  dataFile?: string;
  /** Start clean: delete the SQLite file first. */
  reset?: boolean;
  /** The built bundle. Default: BUNDLE_DIR or dist/. */
  codeDir?: string;
  owner?: string;
  start?: string;
  /** Replaces the real emulator (tests of the server alone). */
  createEmulator?: (options: HostOptions) => Promise<EmulatorHost>;
}

export interface Simulator {
  url: string;
  emulator: EmulatorHost;
  /** The setup execution run on this start, if it was the first. */
  seeded: ExecutionResult | null;
  /** Stops accepting requests, waits for the running one, closes the SQLite file. */
  close(): Promise<void>;
}

function bundleFunctionNames(codeDir: string): string[] {
  const file = join(codeDir, 'Code.js');
  if (!existsSync(file)) return [];
  return [...readFileSync(file, 'utf8').matchAll(/^function ([A-Za-z0-9_$]+)\(/gm)].map((match) => match[1] ?? '');
}

/** Starts the simulator; the API tests and `npm start` both come through here. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const codeDir = resolve(root, options.codeDir ?? process.env.BUNDLE_DIR ?? 'dist');
  if (!existsSync(join(codeDir, 'Code.js')))
    throw new Error(`simulator: ${codeDir}/Code.js is missing; run \`npm run build\` first`);
  const hostOptions: HostOptions = {
    codeDir,
    dataFile: resolve(options.dataFile ?? DEFAULT_DATA_FILE),
    owner: options.owner ?? DEFAULT_OWNER,
    start: options.start ?? DEFAULT_START,
    reset: options.reset ?? false,
  };
  const emulator = await (options.createEmulator ?? createHost)(hostOptions);
  let seeded: ExecutionResult | null = null;
  try {
    seeded = seedOnFirstStart(emulator, codeDir, hostOptions.owner);
  } catch (error) {
    emulator.close();
    throw error;
  }
  let names = bundleFunctionNames(codeDir);
  const app = new SimulatorApp({ emulator, functionNames: () => names });
  const server = createServer((request, response) => {
    void app.handle(request, response);
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 8080, options.hostname ?? '127.0.0.1', () => ready());
  });
  const address = server.address() as AddressInfo;
  let closed = false;
  return {
    url: `http://${address.address}:${address.port}`,
    emulator,
    seeded,
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await app.idle();
      emulator.close();
      names = [];
    },
  };
}

function parseArguments(argv: string[]): { reset: boolean; port: number | undefined } {
  const reset = argv.includes('--reset');
  const portFlag = argv.indexOf('--port');
  const raw = portFlag >= 0 ? argv[portFlag + 1] : process.env.PORT;
  const port = raw === undefined || raw === '' ? undefined : Number(raw);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
    throw new Error(`simulator: port "${raw}" is not a port number`);
  return { reset, port };
}

async function main(): Promise<void> {
  const { reset, port } = parseArguments(process.argv.slice(2));
  const dataFile = process.env.SIMULATOR_DATA ? resolve(process.env.SIMULATOR_DATA) : DEFAULT_DATA_FILE;
  const simulator = await startSimulator({ port: port ?? 8080, dataFile, reset });
  if (simulator.seeded) {
    const outcome = simulator.seeded.status === 'COMPLETED' ? 'selesai' : `GAGAL: ${simulator.seeded.error}`;
    console.log(`Penyiapan pertama (${simulator.seeded.functionName}) ${outcome}`);
  }
  console.log(`Simulator berjalan di ${simulator.url}  (data: ${dataFile})`);
  console.log('Tekan Ctrl+C untuk berhenti. `npm start -- --reset` memulai dari awal.');
  const stop = () => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
