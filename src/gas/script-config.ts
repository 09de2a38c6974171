// Script Properties: the IDs of the register, the Form and the restricted store, the HMAC secret and the web app URL.

/** The Script Properties keys the program owns. Every entry point opens its documents by these IDs. */
export const PROPERTY_KEYS = {
  spreadsheetId: 'SPREADSHEET_ID',
  formId: 'FORM_ID',
  restrictedId: 'RESTRICTED_SPREADSHEET_ID',
  hmacSecret: 'HMAC_SECRET',
  webAppUrl: 'WEBAPP_URL',
} as const;

export type PropertyName = keyof typeof PROPERTY_KEYS;

/** Reads one property; '' when unset, so callers test for emptiness only. */
export function readProperty(name: PropertyName): string {
  return PropertiesService.getScriptProperties().getProperty(PROPERTY_KEYS[name]) ?? '';
}

/** Reads every property in one call: an event needs several of them and each service call costs. */
export function readAllProperties(): Record<PropertyName, string> {
  const all = PropertiesService.getScriptProperties().getProperties();
  const out = {} as Record<PropertyName, string>;
  for (const name of Object.keys(PROPERTY_KEYS) as PropertyName[]) out[name] = all[PROPERTY_KEYS[name]] ?? '';
  return out;
}

export function writeProperty(name: PropertyName, value: string): void {
  PropertiesService.getScriptProperties().setProperty(PROPERTY_KEYS[name], value);
}

/**
 * Creates the HMAC secret once. Four random UUIDs (122 random bits each) hashed together give a 256-bit key;
 * an existing secret is never replaced, because that would void every link already sent.
 */
export function ensureHmacSecret(): { created: boolean } {
  if (readProperty('hmacSecret')) return { created: false };
  const seed = [Utilities.getUuid(), Utilities.getUuid(), Utilities.getUuid(), Utilities.getUuid()].join(':');
  const digest = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, seed);
  writeProperty('hmacSecret', Utilities.base64EncodeWebSafe(digest).replace(/=+$/, '') + seed.replace(/-/g, ''));
  return { created: true };
}

/** The web app's /exec URL: the deployed service's own URL when known, else the one an admin stored. */
export function webAppUrl(stored: string): string {
  if (stored) return stored;
  try {
    return ScriptApp.getService().getUrl() ?? '';
  } catch {
    return '';
  }
}
