// Test helper: an empty EmulatorState and a hand-made ExecutionContext, so document services are tested without the runtime.
import type { ExecutionContext, UiEvents, UiResponder } from '../../../emulator/context';
import type { EmulatorState } from '../../../emulator/state';

export const OWNER = 'admin@bolmongkab.go.id';

/** A fresh world: no documents, a Drive root folder owned by OWNER, the clock at 2026-01-05 08:00 WITA. */
export function emptyState(): EmulatorState {
  return {
    version: 1,
    scriptId: 'script-test',
    owner: OWNER,
    now: Date.parse('2026-01-05T08:00:00+08:00'),
    containerSpreadsheetId: null,
    spreadsheets: {},
    forms: {},
    files: {},
    folders: {
      root: { id: 'root', name: 'My Drive', parents: [], owner: OWNER, editors: [], viewers: [], trashed: false },
    },
    rootFolderId: 'root',
    scriptProperties: {},
    userProperties: {},
    documentProperties: {},
    cache: {},
    triggers: [],
    mail: [],
    mailQuota: {},
    executions: [],
    seq: 0,
  };
}

export interface TestContext extends ExecutionContext {
  calls: Map<string, number>;
  /** Makes the next call of 'Service.Class.method' throw `message`. */
  failNext(key: string, message: string): void;
}

export interface ContextOptions {
  user?: string;
  activeSpreadsheetId?: string | null;
  uiAvailable?: boolean;
  responder?: UiResponder;
}

/** An ExecutionContext over `state` running as `user` (effective and active), counting calls. */
export function makeContext(state: EmulatorState, options: ContextOptions = {}): TestContext {
  const user = options.user ?? OWNER;
  const calls = new Map<string, number>();
  const faults = new Map<string, string>();
  const ui: UiEvents = { menus: [], sidebars: [], dialogs: [], alerts: [], toasts: [] };
  const logs: string[] = [];
  return {
    state,
    users: { active: user, effective: user },
    timeZone: 'Asia/Makassar',
    now: () => new Date(state.now),
    advance: (ms: number) => {
      state.now += ms;
    },
    call(service: string, method: string) {
      const key = `${service}.${method}`;
      calls.set(key, (calls.get(key) ?? 0) + 1);
      const fault = faults.get(key);
      if (fault !== undefined) {
        faults.delete(key);
        throw new Error(fault);
      }
    },
    log: (line: string) => {
      logs.push(line);
    },
    activeSpreadsheetId: options.activeSpreadsheetId ?? null,
    projectFiles: {},
    ui,
    uiAvailable: options.uiAvailable,
    uiResponder: options.responder ?? (() => ({ button: 'OK', text: '' })),
    newId: (prefix: string) => {
      state.seq += 1;
      return `${prefix}${state.seq}`;
    },
    calls,
    failNext(key: string, message: string) {
      faults.set(key, message);
    },
  };
}
