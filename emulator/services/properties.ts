// PropertiesService: script, user and document stores in EmulatorState with Google's size limits.
import type { RuntimeContext } from '../runtime/runtime-context';
import { counted } from '../runtime/runtime-context';

/** 9 KB per value, 500 KB per store. Ref: docs/reference/apps-script-runtime.md §1 Hard limits (Properties). */
export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;

/** Open: the exact exception texts are not in the reference; these are the ones Apps Script users report. */
const VALUE_TOO_LARGE = 'Argument too large: value';
const STORE_FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Open: whether keys count toward the 500 KB store size is undocumented; keys plus values are counted (conservative). */
function storeBytes(store: Record<string, string>): number {
  let total = 0;
  for (const [key, value] of Object.entries(store)) total += bytes(key) + bytes(value);
  return total;
}

/** Checks a candidate store against the limits before anything is written, so a refused write changes nothing. */
function assertWithinLimits(candidate: Record<string, string>, changed: string[]): void {
  for (const key of changed) {
    const value = candidate[key];
    if (value !== undefined && bytes(value) > PROPERTY_VALUE_MAX_BYTES) throw new Error(VALUE_TOO_LARGE);
  }
  if (storeBytes(candidate) > PROPERTY_STORE_MAX_BYTES) throw new Error(STORE_FULL);
}

/** One Properties object over a store held in state. Ref: https://developers.google.com/apps-script/reference/properties/properties */
function createProperties(
  ctx: RuntimeContext,
  read: () => Record<string, string>,
  write: (next: Record<string, string>) => void,
) {
  const properties = counted(ctx, 'PropertiesService', 'Properties', {
    deleteAllProperties() {
      write({});
      return properties;
    },
    deleteProperty(key: string) {
      const next = { ...read() };
      delete next[String(key)];
      write(next);
      return properties;
    },
    getKeys() {
      return Object.keys(read());
    },
    getProperties() {
      return { ...read() };
    },
    getProperty(key: string) {
      return read()[String(key)] ?? null;
    },
    setProperties(values: Record<string, unknown>, deleteAllOthers?: boolean) {
      const next: Record<string, string> = deleteAllOthers ? {} : { ...read() };
      const changed: string[] = [];
      for (const [key, value] of Object.entries(values)) {
        next[key] = String(value);
        changed.push(key);
      }
      assertWithinLimits(next, changed);
      write(next);
      return properties;
    },
    setProperty(key: string, value: unknown) {
      const next = { ...read(), [String(key)]: String(value) };
      assertWithinLimits(next, [String(key)]);
      write(next);
      return properties;
    },
  });
  return properties as unknown as GoogleAppsScript.Properties.Properties;
}

/**
 * PropertiesService: script properties shared by all users, user properties per effective user, document properties
 * per container document (null for a standalone script).
 * Ref: https://developers.google.com/apps-script/reference/properties/properties-service
 */
export function createPropertiesService(ctx: RuntimeContext): GoogleAppsScript.Properties.PropertiesService {
  const state = ctx.state;
  const user = ctx.users.effective;
  return counted(ctx, 'PropertiesService', 'PropertiesService', {
    getScriptProperties() {
      return createProperties(
        ctx,
        () => state.scriptProperties,
        (next) => {
          state.scriptProperties = next;
        },
      );
    },
    getUserProperties() {
      return createProperties(
        ctx,
        () => state.userProperties[user] ?? {},
        (next) => {
          state.userProperties[user] = next;
        },
      );
    },
    getDocumentProperties() {
      const documentId = ctx.activeSpreadsheetId;
      if (documentId === null) return null;
      return createProperties(
        ctx,
        () => state.documentProperties[documentId] ?? {},
        (next) => {
          state.documentProperties[documentId] = next;
        },
      );
    },
  }) as unknown as GoogleAppsScript.Properties.PropertiesService;
}
