// Command-line plumbing shared by import and export: argument parsing, opening the local or live target, WITA timestamps.
import { join } from 'node:path';
import { google } from 'googleapis';
import { authorize } from '../google/auth';
import { type DataTarget, LocalTarget, SheetsTarget } from './targets';

/** The simulator's state file (architecture.md, storage sqlite). */
export const DEFAULT_STATE_FILE = join('.local', 'simulator.sqlite');

/** A user-facing failure before anything was written; exit code 2. */
export class UsageError extends Error {}

/** Parses `--flag value` and `--switch` options; positional arguments are returned in order. */
export function parseArgs(
  argv: string[],
  spec: { values: string[]; switches: string[]; repeatable?: string[] },
  usage: string,
): { positional: string[]; values: Record<string, string>; lists: Record<string, string[]>; switches: Set<string> } {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (spec.switches.includes(arg)) switches.add(arg);
    else if (spec.values.includes(arg) || spec.repeatable?.includes(arg)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} perlu nilai.\n${usage}`);
      if (spec.repeatable?.includes(arg)) lists[arg] = [...(lists[arg] ?? []), value];
      else values[arg] = value;
    } else if (arg.startsWith('--')) throw new UsageError(`Opsi tidak dikenal: ${arg}\n${usage}`);
    else positional.push(arg);
  }
  return { positional, values, lists, switches };
}

export interface TargetRequest {
  /** 'local' or a spreadsheet ID. */
  where: string;
  restrictedId?: string;
  stateFile?: string;
  root: string;
  readOnly: boolean;
  clientFile?: string;
  tokenFile?: string;
  interactive: boolean;
  log: (line: string) => void;
  batchSize?: number;
}

/** Opens the simulator state or a live spreadsheet (authorised through scripts/google/auth.ts). */
export async function openTarget(request: TargetRequest): Promise<DataTarget> {
  if (request.where === 'local') return new LocalTarget(join(request.root, request.stateFile ?? DEFAULT_STATE_FILE));
  if (!/^[A-Za-z0-9_-]{20,}$/.test(request.where)) {
    throw new UsageError(
      `"${request.where}" bukan ID spreadsheet. Gunakan "local" atau ID dari URL spreadsheet (/d/<ID>/edit).`,
    );
  }
  const auth = await authorize({
    scopes: [
      request.readOnly
        ? 'https://www.googleapis.com/auth/spreadsheets.readonly'
        : 'https://www.googleapis.com/auth/spreadsheets',
    ],
    root: request.root,
    interactive: request.interactive,
    log: request.log,
    ...(request.clientFile ? { clientFile: request.clientFile } : {}),
    ...(request.tokenFile ? { tokenFile: request.tokenFile } : {}),
  });
  const sheets = google.sheets({ version: 'v4', auth });
  return new SheetsTarget(
    sheets,
    request.where,
    request.restrictedId ?? null,
    request.batchSize ?? 500,
    (done, total) => request.log(`  ditulis ${done}/${total} baris`),
  );
}

/** A time as the sheets show it: WITA (UTC+8, no daylight saving), yyyy-MM-dd HH:mm:ss. */
export function witaTimestamp(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  return local.toISOString().slice(0, 19).replace('T', ' ');
}
