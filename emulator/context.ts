// What every emulated service gets from the runtime for one execution: the shared state, who runs it, the clock, counting and faults.
import type { EmulatorState, MenuState } from './state';

/** Who the execution runs as, following Session's reference (developers.google.com/apps-script/reference/base/session). */
export interface ExecutionUsers {
  /** Session.getActiveUser(): '' where Google withholds it. */
  active: string;
  /** Session.getEffectiveUser(): whose authority the script runs with. */
  effective: string;
}

/** What the spreadsheet Ui records during an execution, read by the host (tests, simulator). */
export interface UiEvents {
  menus: MenuState[];
  sidebars: { title: string; html: string }[];
  dialogs: { title: string; html: string; modal: boolean }[];
  alerts: { title: string; prompt: string; buttons: string }[];
  toasts: { message: string; title: string }[];
}

/**
 * Answers for Ui.alert/prompt, scripted by the host. Returns the button name ('OK', 'YES', 'NO', 'CANCEL', 'CLOSE')
 * and, for prompts, the text typed.
 */
export type UiResponder = (request: { kind: 'alert' | 'prompt'; title: string; prompt: string; buttons: string }) => {
  button: string;
  text?: string;
};

export interface ExecutionContext {
  readonly state: EmulatorState;
  readonly users: ExecutionUsers;
  /** The manifest time zone (appsscript.json), e.g. Asia/Makassar. */
  readonly timeZone: string;
  /** The emulated clock; services stamp times with it. */
  now(): Date;
  /** Moves the emulated clock forward (Utilities.sleep, lock waits). */
  advance(ms: number): void;
  /**
   * Called by every service method on entry, before it does anything: counts the call and lets an injected fault
   * throw. `service` is the global's name ('SpreadsheetApp'), `method` is 'Class.method' ('Range.setValues').
   */
  call(service: string, method: string): void;
  /** Logger.log / console.* lines of this execution. */
  log(line: string): void;
  /** The spreadsheet this script is bound to (getActiveSpreadsheet), or null for a standalone script. */
  readonly activeSpreadsheetId: string | null;
  /** Project files other than Code.js (HtmlService.createHtmlOutputFromFile), name without extension -> content. */
  readonly projectFiles: Record<string, string>;
  readonly ui: UiEvents;
  /**
   * False where the execution has no editor UI (triggers, web apps): SpreadsheetApp.getUi() then throws. Absent
   * means available (editor run, menu item).
   */
  readonly uiAvailable?: boolean;
  readonly uiResponder: UiResponder;
  /** Allocates a fresh ID with a prefix; deterministic per state. */
  newId(prefix: string): string;
}
