// What every event needs, read once per execution: the register spreadsheet, properties, settings, SOP, calendar.
import type { WorkCalendar } from '../core/business-time';
import { SHEET_NAMES, SHELL_MESSAGES } from '../core/messages/shell';
import { missingServiceSops, sopForService, sopsFromTable } from '../core/service-sops';
import type { Settings } from '../core/settings';
import type { SopDefinition } from '../core/sop';
import type { ActingRole, ActionContext } from '../core/workflow-types';
import { type PropertyName, readAllProperties } from './script-config';
import { readSettings } from './settings-reader';
import { cachedSheetValues } from './sheet-cache';

export interface Env {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  props: Record<PropertyName, string>;
  settings: Settings;
  calendar: WorkCalendar;
  sop: SopDefinition;
  /** Every service's SOP (the SOP sheet's blocks, built-in ones for services it lacks); `sop` is the first. */
  sops?: SopDefinition[];
  now: Date;
}

/**
 * Opens the register by its ID (a trigger or a web-app request has no active document) and reads Pengaturan and the
 * SOP sheet (the SOP kept 5 minutes in the script cache), so an edit there changes events without code. A sheet that
 * does not parse stops the event with its Indonesian errors before anything is written. `props` saves reading
 * Script Properties twice when the caller already has them.
 */
export function loadEnv(props: Record<PropertyName, string> = readAllProperties()): Env {
  if (!props.spreadsheetId) throw new Error(SHELL_MESSAGES.notSetUp);
  const spreadsheet = SpreadsheetApp.openById(props.spreadsheetId);
  const { settings, calendar } = readSettings(spreadsheet);
  const parsed = sopsFromTable(
    cachedSheetValues(spreadsheet, SHEET_NAMES.sop, (rows) => !('errors' in sopsFromTable(rows))),
  );
  if ('errors' in parsed) throw new Error(SHELL_MESSAGES.sopInvalid(parsed.errors));
  const sops = [...parsed.sops, ...missingServiceSops(parsed.sops)];
  return { spreadsheet, props, settings, calendar, sop: sops[0]!, sops, now: new Date() };
}

/** The workflow's context for one actor. */
export function actionContext(env: Env, email: string, role: ActingRole): ActionContext {
  return {
    actor: { email, role },
    now: env.now,
    sop: env.sop,
    settings: env.settings,
    calendar: env.calendar,
  };
}

/**
 * The environment of one application: `sop` becomes its service's SOP (renewal, passphrase reset, data change,
 * revocation each route and time their steps by their own SOP). The register is still opened with `env.sop`.
 */
export function forService(env: Env, service: string): Env {
  return env.sops ? { ...env, sop: sopForService(env.sops, service) } : env;
}
