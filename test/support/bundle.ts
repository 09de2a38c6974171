// Where the built bundle is: dist/ unless BUNDLE_DIR names another build folder.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The folder holding Code.js, appsscript.json and the HTML files the tests load. */
export function bundleDir(): string {
  return join(root, process.env.BUNDLE_DIR ?? 'dist');
}
