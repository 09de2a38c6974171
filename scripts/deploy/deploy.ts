// `npm run deploy` / `npm run deploy:prod`: checks, builds, pushes with clasp and updates the one web-app deployment so /exec never changes.
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { recogniseError } from './clasp-errors';
import { type CommandRunner, spawnRunner } from './command-runner';
import {
  CLASP_PROJECT_FILES,
  DEPLOY_RECORD_FILE,
  diffScopes,
  type Environment,
  execUrl,
  readDeployRecord,
  readManifestScopes,
  readScriptId,
  writeDeployRecord,
} from './deploy-config';

export interface DeployOptions {
  env: Environment;
  /** Accepts a production scope change without asking (for non-interactive use). */
  yes: boolean;
  /** The deployment description; defaults to the environment and the time. */
  description?: string;
}

/** Everything the deploy touches outside the repository files, injected so tests run with clasp faked. */
export interface DeployDeps {
  root: string;
  run: CommandRunner;
  /** True when a person sits at the terminal (stdin and stdout are TTYs). */
  interactive: boolean;
  /** Asks a yes/no question on stdin; only called when interactive. */
  confirm: (question: string) => Promise<boolean>;
  log: (line: string) => void;
  now: () => Date;
}

/** Checks run before every push (aside's order): lint, typecheck, tests (which build), then the bundle clasp pushes. */
export const CHECKS: string[][] = [['run', 'lint'], ['run', 'typecheck'], ['test'], ['run', 'build']];

/** A failure the user can act on; its message is already Indonesian. */
export class DeployError extends Error {}

function explain(output: string, fallback: string): DeployError {
  const known = recogniseError(output);
  if (!known) return new DeployError(fallback);
  return new DeployError(`${known.meaning}\nCara memperbaiki: ${known.fix}`);
}

/** The first JSON object clasp printed with --json. */
function parseDeploymentId(output: string): string | null {
  const start = output.indexOf('{');
  const end = output.lastIndexOf('}');
  if (start >= 0 && end > start) {
    try {
      const parsed = JSON.parse(output.slice(start, end + 1)) as { deploymentId?: unknown };
      if (typeof parsed.deploymentId === 'string' && parsed.deploymentId) return parsed.deploymentId;
    } catch {
      // Not JSON: fall through to the text form.
    }
  }
  return /Deployed (\S+)/.exec(output)?.[1] ?? null;
}

async function confirmScopeChange(
  options: DeployOptions,
  deps: DeployDeps,
  scopes: { added: string[]; removed: string[] },
  firstPush: boolean,
): Promise<void> {
  deps.log(
    firstPush
      ? 'Push pertama ke produksi: program akan meminta izin (scope) berikut:'
      : 'Izin (scope) di appsscript.json berubah sejak push produksi terakhir:',
  );
  for (const scope of scopes.added) deps.log(`  + ${scope}`);
  for (const scope of scopes.removed) deps.log(`  - ${scope}`);
  deps.log(
    'Setelah push, pemilik harus membuka proyek dan mengizinkan ulang (otorisasi) sebelum program berjalan lagi.',
  );
  if (options.yes) {
    deps.log('Dikonfirmasi dengan --yes.');
    return;
  }
  if (!deps.interactive) {
    throw new DeployError(
      'Perubahan izin pada produksi perlu konfirmasi, tetapi terminal ini tidak interaktif. Jalankan di terminal, atau tambahkan --yes bila perubahan ini memang disengaja.',
    );
  }
  const accepted = await deps.confirm('Lanjutkan push ke produksi dengan izin ini? (y/T) ');
  if (!accepted) throw new DeployError('Dibatalkan. Tidak ada yang dikirim ke produksi.');
}

/**
 * Runs the whole deploy for one environment and returns the /exec URL. The dev push uses `push -f`; the prod push
 * omits -f so clasp itself also asks before overwriting the manifest, after this script has shown the scope change.
 */
export async function runDeploy(options: DeployOptions, deps: DeployDeps): Promise<string> {
  const { env } = options;
  const project = CLASP_PROJECT_FILES[env];
  const label = env === 'prod' ? 'produksi' : 'pengembangan';
  readScriptId(deps.root, env);
  const record = readDeployRecord(deps.root);
  const claspRun = (args: string[], interactive = false) =>
    deps.run('clasp', ['-P', project, ...args], { cwd: deps.root, interactive });

  deps.log(`Deploy ke lingkungan ${label} (${project}).`);
  const who = await claspRun(['show-authorized-user']);
  if (who.code !== 0 || recogniseError(who.output)?.code === 'NOT_LOGGED_IN') {
    throw explain(who.output, 'clasp tidak dapat memeriksa akun yang login.');
  }

  for (const check of CHECKS) {
    deps.log(`Pemeriksaan: npm ${check.join(' ')}`);
    const result = await deps.run('npm', check, { cwd: deps.root, interactive: false });
    if (result.code !== 0) {
      throw new DeployError(`Pemeriksaan gagal: npm ${check.join(' ')}. Perbaiki dulu; tidak ada yang dikirim.`);
    }
  }

  const scopes = readManifestScopes(deps.root);
  const previous = record[env]?.oauthScopes;
  const change = diffScopes(previous, scopes);
  if (change.added.length > 0 || change.removed.length > 0) {
    if (env === 'prod') await confirmScopeChange(options, deps, change, previous === undefined);
    else
      deps.log(
        `Izin (scope) berubah: +${change.added.length} -${change.removed.length} (pengembangan, tanpa konfirmasi).`,
      );
  }

  const pushArgs = env === 'dev' ? ['push', '-f'] : ['push'];
  const pushed = await claspRun(pushArgs, env === 'prod' && deps.interactive);
  if (pushed.code !== 0) throw explain(pushed.output, `clasp push gagal (kode ${pushed.code}). Lihat pesan di atas.`);
  if (recogniseError(pushed.output)?.code === 'PUSH_SKIPPED') throw explain(pushed.output, 'Push dilewati.');
  writeDeployRecord(deps.root, { ...record, [env]: { ...record[env], oauthScopes: scopes } });

  const description = options.description ?? `${env} ${deps.now().toISOString()}`;
  const existing = record[env]?.deploymentId;
  let deploymentId: string;
  if (existing) {
    const updated = await claspRun(['update-deployment', existing, '-d', description]);
    if (updated.code !== 0) {
      const error = explain(updated.output, `clasp update-deployment gagal (kode ${updated.code}).`);
      error.message += `\nPeriksa juga deploymentId "${existing}" di ${DEPLOY_RECORD_FILE}: harus sama dengan ID di Apps Script > Terapkan > Kelola deployment.`;
      throw error;
    }
    deploymentId = existing;
  } else {
    const created = await claspRun(['create-deployment', '-d', description, '--json']);
    const id = created.code === 0 ? parseDeploymentId(created.output) : null;
    if (!id) throw explain(created.output, `clasp create-deployment gagal (kode ${created.code}).`);
    deploymentId = id;
    deps.log(`Deployment baru dibuat; ID-nya dicatat di ${DEPLOY_RECORD_FILE} agar URL /exec tetap sama.`);
  }
  const latest = readDeployRecord(deps.root);
  writeDeployRecord(deps.root, {
    ...latest,
    [env]: { ...latest[env], deploymentId, oauthScopes: scopes, deployedAt: deps.now().toISOString() },
  });
  const url = execUrl(deploymentId);
  deps.log(`Selesai. Aplikasi web (${label}): ${url}`);
  return url;
}

const USAGE = `Pemakaian: npm run deploy [-- --yes] [-- --description "teks"]
          npm run deploy:prod [-- --yes] [-- --description "teks"]
  --env dev|prod      lingkungan (diisi oleh skrip npm)
  --yes               setujui perubahan izin produksi tanpa bertanya (untuk mode non-interaktif)
  --description TEKS  keterangan deployment`;

/** Parses the command line; returns null for --help. */
export function parseDeployArgs(argv: string[]): DeployOptions | null {
  let env: Environment | null = null;
  let yes = false;
  let description: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return null;
    if (arg === '--yes' || arg === '-y') yes = true;
    else if (arg === '--env') {
      const value = argv[++i];
      if (value !== 'dev' && value !== 'prod') throw new DeployError(`--env harus dev atau prod.\n${USAGE}`);
      env = value;
    } else if (arg === '--description' || arg === '-d') {
      description = argv[++i];
      if (!description) throw new DeployError(`--description perlu teks.\n${USAGE}`);
    } else throw new DeployError(`Opsi tidak dikenal: ${arg}\n${USAGE}`);
  }
  if (!env) throw new DeployError(`--env wajib diisi.\n${USAGE}`);
  return { env, yes, ...(description === undefined ? {} : { description }) };
}

async function askOnStdin(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = (await rl.question(question)).trim().toLowerCase();
    return answer === 'y' || answer === 'ya' || answer === 'yes';
  } finally {
    rl.close();
  }
}

/** The CLI: real clasp and npm, prompts on the terminal; exit code 1 with an Indonesian message on any failure. */
export async function main(argv: string[]): Promise<number> {
  try {
    const options = parseDeployArgs(argv);
    if (!options) {
      console.log(USAGE);
      return 0;
    }
    await runDeploy(options, {
      root: fileURLToPath(new URL('../..', import.meta.url)),
      run: spawnRunner,
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
      confirm: askOnStdin,
      log: (line) => console.log(line),
      now: () => new Date(),
    });
    return 0;
  } catch (error) {
    console.error(`Deploy gagal: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
