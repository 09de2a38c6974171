// CacheService: script, user and document caches in EmulatorState, expiring on the emulated clock.
import type { RuntimeContext } from '../runtime/runtime-context';
import { counted } from '../runtime/runtime-context';

/** Ref: docs/reference/apps-script-runtime.md §1 CacheService [CACHE][CACHE-LIM]. */
export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_DEFAULT_EXPIRY_S = 600;
export const CACHE_MAX_EXPIRY_S = 21_600;
export const CACHE_CAPACITY = 1000;
export const CACHE_KEEP_ON_OVERFLOW = 900;

type Entries = Record<string, { value: string; expiresAt: number; insertedAt: number }>;

/** Open: the exact error texts are not in the reference. */
function checkKey(key: string): void {
  if (key.length > CACHE_KEY_MAX_CHARS) throw new Error('Argument too large: key');
}

function checkValue(value: string): void {
  if (Buffer.byteLength(value, 'utf8') > CACHE_VALUE_MAX_BYTES) throw new Error('Argument too large: value');
}

/**
 * Open: what Google does with an expiry outside 1..21600 s is not documented; the emulator refuses it so a program
 * never silently relies on a longer life than Google gives.
 */
function checkExpiry(seconds: number): void {
  if (!(seconds >= 1 && seconds <= CACHE_MAX_EXPIRY_S)) {
    throw new Error(`Invalid argument: expirationInSeconds (must be 1..${CACHE_MAX_EXPIRY_S})`);
  }
}

/** One Cache over a scope of state.cache. Ref: https://developers.google.com/apps-script/reference/cache/cache */
function createCache(ctx: RuntimeContext, scope: string): GoogleAppsScript.Cache.Cache {
  const state = ctx.state;
  const entries = (): Entries => {
    const now = ctx.now().getTime();
    const current = state.cache[scope] ?? {};
    for (const [key, entry] of Object.entries(current)) if (entry.expiresAt <= now) delete current[key];
    state.cache[scope] = current;
    return current;
  };
  /** Past 1,000 items "the cache stores the 900 items farthest from expiration". */
  const trim = (current: Entries) => {
    const keys = Object.keys(current);
    if (keys.length <= CACHE_CAPACITY) return;
    const keep = keys
      .sort((a, b) => current[b]!.expiresAt - current[a]!.expiresAt || current[b]!.insertedAt - current[a]!.insertedAt)
      .slice(0, CACHE_KEEP_ON_OVERFLOW);
    const kept = new Set(keep);
    for (const key of keys) if (!kept.has(key)) delete current[key];
  };
  const store = (current: Entries, key: string, value: string, seconds: number) => {
    const now = ctx.now().getTime();
    current[key] = { value, expiresAt: now + seconds * 1000, insertedAt: now };
  };
  return counted(ctx, 'CacheService', 'Cache', {
    get(key: string) {
      return entries()[String(key)]?.value ?? null;
    },
    getAll(keys: string[]) {
      const current = entries();
      const found: Record<string, string> = {};
      for (const key of keys) {
        const entry = current[String(key)];
        if (entry) found[String(key)] = entry.value;
      }
      return found;
    },
    put(key: string, value: unknown, expirationInSeconds: number = CACHE_DEFAULT_EXPIRY_S) {
      const text = String(value);
      checkKey(String(key));
      checkValue(text);
      checkExpiry(expirationInSeconds);
      const current = entries();
      store(current, String(key), text, expirationInSeconds);
      trim(current);
    },
    putAll(values: Record<string, unknown>, expirationInSeconds: number = CACHE_DEFAULT_EXPIRY_S) {
      checkExpiry(expirationInSeconds);
      const pairs = Object.entries(values).map(([key, value]) => [key, String(value)] as const);
      for (const [key, text] of pairs) {
        checkKey(key);
        checkValue(text);
      }
      const current = entries();
      for (const [key, text] of pairs) store(current, key, text, expirationInSeconds);
      trim(current);
    },
    remove(key: string) {
      delete entries()[String(key)];
    },
    removeAll(keys: string[]) {
      const current = entries();
      for (const key of keys) delete current[String(key)];
    },
  }) as unknown as GoogleAppsScript.Cache.Cache;
}

/**
 * CacheService: getScriptCache is shared by all users, getUserCache is per user, getDocumentCache is per container
 * document (null when standalone). Ref: https://developers.google.com/apps-script/reference/cache/cache-service
 */
export function createCacheService(ctx: RuntimeContext): GoogleAppsScript.Cache.CacheService {
  return counted(ctx, 'CacheService', 'CacheService', {
    getScriptCache() {
      return createCache(ctx, 'script');
    },
    getUserCache() {
      return createCache(ctx, `user:${ctx.users.effective}`);
    },
    getDocumentCache() {
      return ctx.activeSpreadsheetId === null ? null : createCache(ctx, `document:${ctx.activeSpreadsheetId}`);
    },
  }) as unknown as GoogleAppsScript.Cache.CacheService;
}
