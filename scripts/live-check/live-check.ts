// `npm run check:live`: runs the program's selfTest in a real deployment through the Apps Script API (scripts.run) and reports each step.
import { fileURLToPath } from 'node:url';
import { google, type script_v1 } from 'googleapis';
import { CLASP_PROJECT_FILES, type Environment, readManifestScopes, readScriptId } from '../deploy/deploy-config';
import { authorize, credentialsHelp, MissingCredentialsError } from '../google/auth';

/** The program's self-test entry point (src/main.ts); it submits one test application and cleans it up. */
export const SELF_TEST_FUNCTION = 'selfTest';

/** Listing deployments needs this on top of the manifest's scopes (scripts.run needs all of those). */
export const DEPLOYMENTS_SCOPE = 'https://www.googleapis.com/auth/script.deployments.readonly';

/** One reported step: what was checked, whether it passed, and what the user should know. */
export interface StepReport {
  name: string;
  ok: boolean;
  detail: string;
}

export interface LiveCheckOptions {
  scriptId: string;
  functionName: string;
  /** Runs the latest pushed code instead of the API-executable deployment (owner only). */
  devMode: boolean;
}

/**
 * What selfTest must return (the contract asked of the program): `{ ok, steps: [{ name, ok, detail }] }`, plain data
 * so scripts.run can carry it.
 */
interface SelfTestResult {
  ok: boolean;
  steps: StepReport[];
}

function isSelfTestResult(value: unknown): value is SelfTestResult {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; steps?: unknown };
  return (
    typeof candidate.ok === 'boolean' &&
    Array.isArray(candidate.steps) &&
    candidate.steps.every(
      (step) =>
        typeof step === 'object' &&
        step !== null &&
        typeof (step as StepReport).name === 'string' &&
        typeof (step as StepReport).ok === 'boolean',
    )
  );
}

/** Turns an Apps Script API HTTP error into what to do, in Indonesian. */
export function explainApiError(error: unknown): string {
  const status =
    (error as { status?: number; response?: { status?: number } }).status ??
    (error as { response?: { status?: number } }).response?.status;
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('User has not enabled the Apps Script API')) {
    return `${message}\nAktifkan di https://script.google.com/home/usersettings lalu tunggu beberapa menit.`;
  }
  if (/has not been used in project|is disabled/.test(message)) {
    return `${message}\nAktifkan "Apps Script API" di proyek Google Cloud milik klien OAuth (APIs & Services > Library).`;
  }
  if (status === 401)
    return `Token ditolak (${message}). Hapus token.json lalu jalankan ulang untuk memberi izin lagi.`;
  if (message.includes('insufficient authentication scopes')) {
    return `Izin (scope) token tidak mencakup semua izin skrip (${message}). Hapus token.json lalu jalankan ulang; izinkan semua yang diminta.`;
  }
  if (message.includes('The caller does not have permission')) {
    return `${message}\nKlien OAuth harus berasal dari proyek Google Cloud standar yang sama dengan skrip (Apps Script > Setelan proyek > Proyek Google Cloud), dan akun Anda harus punya akses ke skrip.`;
  }
  if (status === 404) {
    return `Skrip tidak ditemukan (${message}). Periksa scriptId, dan pastikan skrip sudah di-deploy sebagai API executable (npm run deploy:prod).`;
  }
  return `Permintaan ke Apps Script API gagal (${status ?? 'tanpa status'}): ${message}`;
}

/**
 * Checks that an API-executable deployment exists, runs selfTest through scripts.run and reports each step the
 * program returns. Never throws for an expected failure: every failure is a step with ok=false.
 */
export async function runLiveCheck(options: LiveCheckOptions, script: script_v1.Script): Promise<StepReport[]> {
  const steps: StepReport[] = [];
  try {
    const listed = await script.projects.deployments.list({ scriptId: options.scriptId });
    const executable = (listed.data.deployments ?? []).filter((deployment) =>
      (deployment.entryPoints ?? []).some((entry) => entry.entryPointType === 'EXECUTION_API'),
    );
    if (executable.length === 0 && !options.devMode) {
      steps.push({
        name: 'Deployment API executable',
        ok: false,
        detail:
          'Tidak ada deployment yang bisa dijalankan lewat Apps Script API. Tambahkan "executionApi": {"access": "MYSELF"} ke appsscript.json lalu jalankan npm run deploy:prod.',
      });
      return steps;
    }
    steps.push({
      name: 'Deployment API executable',
      ok: true,
      detail: options.devMode
        ? 'Mode pengembangan: menjalankan kode terakhir yang di-push (hanya untuk pemilik skrip).'
        : `Ditemukan: ${executable.map((deployment) => deployment.deploymentId).join(', ')}`,
    });
  } catch (error) {
    steps.push({ name: 'Deployment API executable', ok: false, detail: explainApiError(error) });
    return steps;
  }

  let operation: script_v1.Schema$Operation;
  try {
    const response = await script.scripts.run({
      scriptId: options.scriptId,
      requestBody: { function: options.functionName, devMode: options.devMode },
    });
    operation = response.data;
  } catch (error) {
    steps.push({ name: `Menjalankan ${options.functionName}`, ok: false, detail: explainApiError(error) });
    return steps;
  }
  if (operation.error) {
    const detail = (operation.error.details?.[0] ?? {}) as { errorMessage?: string; errorType?: string };
    const message = detail.errorMessage ?? operation.error.message ?? 'galat tanpa pesan';
    const hint = message.includes('Script function not found')
      ? ` Fungsi ${options.functionName} tidak ada di deployment ini: pastikan src/main.ts mengekspornya dan deploy ulang.`
      : '';
    steps.push({
      name: `Menjalankan ${options.functionName}`,
      ok: false,
      detail: `${detail.errorType ?? 'Error'}: ${message}.${hint}`,
    });
    return steps;
  }
  const result = (operation.response as { result?: unknown } | undefined)?.result;
  if (!isSelfTestResult(result)) {
    steps.push({
      name: `Menjalankan ${options.functionName}`,
      ok: false,
      detail: `Hasil ${options.functionName} tidak dikenali (harus { ok, steps: [{ name, ok, detail }] }): ${JSON.stringify(result)}`,
    });
    return steps;
  }
  steps.push({ name: `Menjalankan ${options.functionName}`, ok: true, detail: 'Selesai dijalankan di Apps Script.' });
  for (const step of result.steps) steps.push({ name: step.name, ok: step.ok, detail: String(step.detail ?? '') });
  if (!result.ok && result.steps.every((step) => step.ok)) {
    steps.push({
      name: 'Hasil akhir selfTest',
      ok: false,
      detail: 'selfTest melaporkan gagal tanpa menyebut langkahnya.',
    });
  }
  return steps;
}

/** Formats the report one line per step. */
export function formatReport(steps: StepReport[]): string {
  return steps
    .map((step) => `${step.ok ? '[OK]   ' : '[GAGAL]'} ${step.name}${step.detail ? ` — ${step.detail}` : ''}`)
    .join('\n');
}

const USAGE = `Pemakaian: npm run check:live -- [--env dev|prod] [--script-id ID] [--dev-mode] [--credentials BERKAS] [--token BERKAS]
  --env dev|prod      proyek dari .clasp.json (dev, bawaan) atau .clasp.prod.json (prod)
  --script-id ID      pakai Script ID ini, bukan dari berkas .clasp
  --dev-mode          jalankan kode terakhir yang di-push (hanya pemilik skrip), bukan deployment API executable
  --credentials FILE  klien OAuth "Aplikasi desktop" (bawaan: credentials.json)
  --token FILE        tempat token disimpan (bawaan: token.json)
Kode keluar: 0 semua langkah lulus, 1 ada langkah gagal, 2 kredensial/konfigurasi belum ada.`;

interface CliArgs {
  env: Environment;
  scriptId?: string;
  devMode: boolean;
  clientFile?: string;
  tokenFile?: string;
}

export function parseLiveCheckArgs(argv: string[]): CliArgs | null {
  const args: CliArgs = { env: 'dev', devMode: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (!next) throw new MissingCredentialsError(`${arg} perlu nilai.\n${USAGE}`);
      return next;
    };
    if (arg === '--help' || arg === '-h') return null;
    if (arg === '--dev-mode') args.devMode = true;
    else if (arg === '--env') {
      const env = value();
      if (env !== 'dev' && env !== 'prod') throw new MissingCredentialsError(`--env harus dev atau prod.\n${USAGE}`);
      args.env = env;
    } else if (arg === '--script-id') args.scriptId = value();
    else if (arg === '--credentials') args.clientFile = value();
    else if (arg === '--token') args.tokenFile = value();
    else throw new MissingCredentialsError(`Opsi tidak dikenal: ${arg}\n${USAGE}`);
  }
  return args;
}

export interface LiveCheckCli {
  root: string;
  env: NodeJS.ProcessEnv;
  interactive: boolean;
  log: (line: string) => void;
  /** Points googleapis at another host (tests' fake endpoints); Google's own when absent. */
  rootUrl?: string;
  /** The OAuth token endpoint (tests' fake endpoints); Google's own when absent. */
  tokenUrl?: string;
}

/** The CLI: exit 0 when every step passed, 1 when one failed, 2 when credentials or configuration are missing. */
export async function main(argv: string[], cli: LiveCheckCli): Promise<number> {
  let args: CliArgs | null;
  let scriptId: string;
  try {
    args = parseLiveCheckArgs(argv);
    if (!args) {
      cli.log(USAGE);
      return 0;
    }
    scriptId = args.scriptId ?? readScriptId(cli.root, args.env);
  } catch (error) {
    cli.log(error instanceof Error ? error.message : String(error));
    return 2;
  }
  let auth: Awaited<ReturnType<typeof authorize>>;
  try {
    auth = await authorize({
      scopes: [...readManifestScopes(cli.root), DEPLOYMENTS_SCOPE],
      root: cli.root,
      interactive: cli.interactive,
      userOnly: true,
      env: cli.env,
      log: cli.log,
      ...(args.clientFile ? { clientFile: args.clientFile } : {}),
      ...(args.tokenFile ? { tokenFile: args.tokenFile } : {}),
      ...(cli.tokenUrl ? { tokenUrl: cli.tokenUrl } : {}),
    });
  } catch (error) {
    if (!(error instanceof MissingCredentialsError)) throw error;
    cli.log(`Pemeriksaan langsung butuh kredensial.\n${error.message}`);
    if (!error.message.startsWith('Kredensial Google')) cli.log(credentialsHelp({ root: cli.root, userOnly: true }));
    cli.log('Catatan: Apps Script API (scripts.run) tidak menerima akun layanan; gunakan klien OAuth desktop.');
    return 2;
  }
  cli.log(`Pemeriksaan langsung: ${SELF_TEST_FUNCTION} di skrip ${scriptId} (${CLASP_PROJECT_FILES[args.env]}).`);
  const script = google.script({ version: 'v1', auth, ...(cli.rootUrl ? { rootUrl: cli.rootUrl } : {}) });
  const steps = await runLiveCheck({ scriptId, functionName: SELF_TEST_FUNCTION, devMode: args.devMode }, script);
  cli.log(formatReport(steps));
  const ok = steps.every((step) => step.ok);
  cli.log(ok ? 'Semua langkah lulus.' : 'Ada langkah yang gagal; lihat di atas.');
  return ok ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  main(process.argv.slice(2), {
    root,
    env: process.env,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    log: (line) => console.log(line),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
