// Reads and writes .deploy.json (the web-app deployment ID and last pushed scopes per environment) and the clasp project files.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Environment = 'dev' | 'prod';

/** What the deploy script remembers about one environment between runs. */
export interface EnvironmentRecord {
  /** The web-app deployment whose /exec URL must never change; created on the first deploy. */
  deploymentId?: string;
  /** oauthScopes of the manifest last pushed to this environment, to detect a scope change before pushing. */
  oauthScopes?: string[];
  deployedAt?: string;
}

export type DeployRecord = Partial<Record<Environment, EnvironmentRecord>>;

export const DEPLOY_RECORD_FILE = '.deploy.json';

/** The clasp project file of each environment (passed to `clasp -P`). */
export const CLASP_PROJECT_FILES: Record<Environment, string> = {
  dev: '.clasp.json',
  prod: '.clasp.prod.json',
};

/** Reads .deploy.json; a missing file means nothing was deployed yet. */
export function readDeployRecord(root: string): DeployRecord {
  const path = join(root, DEPLOY_RECORD_FILE);
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DeployRecord;
  } catch {
    throw new Error(`${DEPLOY_RECORD_FILE} tidak dapat dibaca (bukan JSON yang sah). Perbaiki atau hapus berkas itu.`);
  }
}

/** Writes .deploy.json with stable formatting so it diffs cleanly in git. */
export function writeDeployRecord(root: string, record: DeployRecord): void {
  writeFileSync(join(root, DEPLOY_RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
}

/** The script ID of an environment, or an Indonesian error when it is missing or still the placeholder. */
export function readScriptId(root: string, env: Environment): string {
  const file = CLASP_PROJECT_FILES[env];
  const path = join(root, file);
  if (!existsSync(path))
    throw new Error(`Berkas ${file} tidak ada. Salin contoh dari docs/deploy.md dan isi scriptId.`);
  let scriptId: unknown;
  try {
    scriptId = (JSON.parse(readFileSync(path, 'utf8')) as { scriptId?: unknown }).scriptId;
  } catch {
    throw new Error(`Berkas ${file} bukan JSON yang sah.`);
  }
  if (typeof scriptId !== 'string' || scriptId.trim() === '' || scriptId.startsWith('ISI_')) {
    throw new Error(
      `Script ID di ${file} belum diisi. Buka proyek Apps Script > Setelan proyek > ID Skrip, lalu salin ke "scriptId" di ${file}.`,
    );
  }
  return scriptId;
}

/** The oauthScopes the manifest asks for, sorted. */
export function readManifestScopes(root: string): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'appsscript.json'), 'utf8')) as { oauthScopes?: unknown };
  const scopes = Array.isArray(manifest.oauthScopes) ? manifest.oauthScopes.filter((s) => typeof s === 'string') : [];
  return [...new Set(scopes as string[])].sort();
}

/** Scopes added and removed between the last pushed manifest and the current one. */
export function diffScopes(previous: string[] | undefined, current: string[]): { added: string[]; removed: string[] } {
  const before = new Set(previous ?? []);
  const after = new Set(current);
  return {
    added: current.filter((scope) => !before.has(scope)),
    removed: [...before].filter((scope) => !after.has(scope)).sort(),
  };
}

/** The stable web-app URL of a deployment. */
export function execUrl(deploymentId: string): string {
  return `https://script.google.com/macros/s/${deploymentId}/exec`;
}
