// Writes a tiny Apps Script project (Code.js, appsscript.json, *.html) to a temp folder for the runtime tests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator, type EmulatorOptions } from '../../../emulator';

export const OWNER = 'admin@bolmongkab.go.id';
export const COLLEAGUE = 'verifikator@bolmongkab.go.id';
export const OUTSIDER = 'warga@gmail.com';

/** A project folder holding `code` as Code.js, a manifest (Asia/Makassar, web app as the deployer) and HTML files. */
export function writeProject(
  code: string,
  opts: { webapp?: Record<string, string>; html?: Record<string, string> } = {},
): string {
  const dir = mkdtempSync(join(tmpdir(), 'emu-runtime-'));
  writeFileSync(join(dir, 'Code.js'), code);
  writeFileSync(
    join(dir, 'appsscript.json'),
    JSON.stringify({
      timeZone: 'Asia/Makassar',
      runtimeVersion: 'V8',
      webapp: opts.webapp ?? { executeAs: 'USER_DEPLOYING', access: 'ANYONE' },
    }),
  );
  for (const [name, content] of Object.entries(opts.html ?? {})) writeFileSync(join(dir, `${name}.html`), content);
  return dir;
}

/** An Emulator over `code` with the clock at Monday 5 January 2026, 08:00 WITA. */
export function emulate(
  code: string,
  opts: { webapp?: Record<string, string>; html?: Record<string, string> } & Partial<EmulatorOptions> = {},
): Emulator {
  const { webapp, html, ...rest } = opts;
  return new Emulator({
    codeDir: writeProject(code, { webapp, html }),
    owner: OWNER,
    start: '2026-01-05T08:00:00+08:00',
    ...rest,
  });
}
