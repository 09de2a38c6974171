// Builds the simulator's browser scripts (client/*.ts) once per process with esbuild, kept in memory.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const clientDir = fileURLToPath(new URL('./client/', import.meta.url));
const cache = new Map<string, Promise<string>>();

/** The bundled JavaScript of client/<name>.ts, as one IIFE for a <script> tag. */
export function clientScript(name: 'app' | 'gas-shim'): Promise<string> {
  let pending = cache.get(name);
  if (!pending) {
    pending = build({
      entryPoints: [`${clientDir}${name}.ts`],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2019',
      write: false,
      minify: true,
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0]?.text ?? '');
    cache.set(name, pending);
  }
  return pending;
}
