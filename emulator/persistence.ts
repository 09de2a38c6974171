// Where EmulatorState lives between executions: in memory, or one row of an embedded SQLite file saved after each execution.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { EmulatorState } from './state';

export type StorageOption = { kind: 'memory' } | { kind: 'sqlite'; file: string };

/** Keeps EmulatorState somewhere; the Emulator saves after every execution. */
export interface StateStore {
  load(): EmulatorState | null;
  save(state: EmulatorState): void;
  close(): void;
}

/** JSON with Dates kept as {"$date": ms} (JSON.stringify alone would turn them into strings). */
export function encodeState(state: EmulatorState): string {
  return JSON.stringify(state, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.getTime() } : value;
  });
}

/** The inverse of encodeState: every {"$date": ms} becomes a Date again. */
export function decodeState(json: string): EmulatorState {
  return JSON.parse(json, (_key, value) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === '$date' && typeof value.$date === 'number') return new Date(value.$date);
    }
    return value;
  }) as EmulatorState;
}

class MemoryStore implements StateStore {
  load(): EmulatorState | null {
    return null;
  }
  save(): void {}
  close(): void {}
}

/**
 * The whole state in one row, written in one transaction after every execution, so killing the process loses at most
 * the execution in progress. WAL keeps a reader (another tool looking at the file) from blocking the writer.
 */
class SqliteStore implements StateStore {
  private db: Database.Database;
  private readonly upsert: Database.Statement;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS emulator_state (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL, saved_at TEXT NOT NULL)',
    );
    this.upsert = this.db.prepare(
      'INSERT INTO emulator_state (id, json, saved_at) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json, saved_at = excluded.saved_at',
    );
  }

  load(): EmulatorState | null {
    const row = this.db.prepare('SELECT json FROM emulator_state WHERE id = 1').get() as { json: string } | undefined;
    return row ? decodeState(row.json) : null;
  }

  save(state: EmulatorState): void {
    const json = encodeState(state);
    this.db.transaction(() => this.upsert.run(json, new Date().toISOString()))();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Opens the store the Emulator option names. */
export function openStore(option: StorageOption): StateStore {
  return option.kind === 'sqlite' ? new SqliteStore(option.file) : new MemoryStore();
}
