// The bundle's size and the cost of evaluating it in a fresh vm context (Apps Script evaluates every file on every execution).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { SERVICE_GLOBALS } from '../emulator';
import { median } from './harness';

/** The emulator's service globals; console is logging, not a service call, so it is not counted at load. */
const SERVICES = SERVICE_GLOBALS.filter((name) => name !== 'console');

export interface BundleFigures {
  bytes: number;
  runs: number;
  /** Median ms to compile and run Code.js in a fresh context (as each execution does). */
  evalMsMedian: number;
  /** Service globals touched while the bundle loads (0 = no work at load). */
  serviceAccessesAtLoad: number;
  touched: string[];
}

/**
 * Evaluates Code.js `runs` times, each in a fresh context whose service globals are proxies that record any use:
 * the bundle must only define functions at load ("phantom code" runs on every execution, apps-script-runtime.md §2).
 */
export function bundleReport(codeDir: string, runs: number): BundleFigures {
  const file = join(codeDir, 'Code.js');
  const code = readFileSync(file, 'utf8');
  const touched = new Set<string>();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const globals: Record<string, unknown> = {};
    for (const name of SERVICES) {
      globals[name] = new Proxy(
        {},
        {
          get(_t, prop) {
            touched.add(`${name}.${String(prop)}`);
            return () => undefined;
          },
        },
      );
    }
    const t0 = performance.now();
    const context = vm.createContext(globals);
    new vm.Script(code, { filename: 'Code.js' }).runInContext(context);
    times.push(performance.now() - t0);
  }
  return {
    bytes: statSync(file).size,
    runs,
    evalMsMedian: median(times),
    serviceAccessesAtLoad: touched.size,
    touched: [...touched],
  };
}
