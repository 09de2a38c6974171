// Signed decision-link tokens: HMAC-SHA256 over a web-safe base64 JSON payload, checked in constant time, with expiry.

import { base64UrlDecode, base64UrlEncode, constantTimeEqual, utf8Decode, utf8Encode } from './bytes';
import { ACTOR_ROLES, type ActorRole } from './sop';

/**
 * What a decision link carries. `app` application id, `step` SOP step id, `role` the acting role, `to` the recipient's
 * e-mail, `ver` the application's version when the link was made, `exp` expiry (ms since epoch), `nonce` a random
 * single-use id, `act` an optional action the link proposes (the page still asks for confirmation), `row` an optional
 * hint: the register row the application sat in when the link was made, so using the link reads that one row instead
 * of searching (the row's ID cell is checked against `app`; rows move when staff sort, and then the search is used).
 */
export interface LinkClaims {
  app: string;
  step: string;
  role: ActorRole;
  to: string;
  ver: number;
  exp: number;
  nonce: string;
  act?: string;
  row?: number;
}

/** HMAC-SHA256 of a message with the secret, as signed bytes (what Utilities.computeHmacSha256Signature returns). */
export type Signer = (message: string) => number[];

/** Why a token was refused: unreadable, not signed by us (or altered), or past its expiry. */
export type TokenFailure = 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED';

/** Longest token accepted; a real one is a few hundred characters, so anything longer is refused unread. */
export const MAX_TOKEN_LENGTH = 4096;

function canonicalJson(claims: LinkClaims): string {
  const ordered: Record<string, string | number> = {
    app: claims.app,
    step: claims.step,
    role: claims.role,
    to: claims.to,
    ver: claims.ver,
    exp: claims.exp,
    nonce: claims.nonce,
  };
  if (claims.act !== undefined) ordered.act = claims.act;
  if (claims.row !== undefined) ordered.row = claims.row;
  return JSON.stringify(ordered);
}

/**
 * Makes a decision-link token: base64url(UTF-8 JSON of the claims) "." base64url(HMAC-SHA256 of that first part),
 * no padding, so it sits in a URL query without escaping. Encoding is done here in pure TypeScript (the core cannot
 * use Utilities or atob); only the HMAC comes from the caller, who holds the secret (Script Properties).
 */
export function encodeToken(claims: LinkClaims, sign: Signer): string {
  const payload = base64UrlEncode(utf8Encode(canonicalJson(claims)));
  return `${payload}.${base64UrlEncode(sign(payload))}`;
}

function isClaims(value: unknown): value is LinkClaims {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.app === 'string' &&
    typeof v.step === 'string' &&
    typeof v.role === 'string' &&
    (ACTOR_ROLES as readonly string[]).includes(v.role) &&
    typeof v.to === 'string' &&
    typeof v.ver === 'number' &&
    Number.isInteger(v.ver) &&
    typeof v.exp === 'number' &&
    Number.isFinite(v.exp) &&
    typeof v.nonce === 'string' &&
    (v.act === undefined || typeof v.act === 'string') &&
    (v.row === undefined || (typeof v.row === 'number' && Number.isInteger(v.row) && v.row >= 2))
  );
}

/**
 * Checks a token and returns its claims: the signature is recomputed over the payload text exactly as received and
 * compared in constant time before anything in the payload is parsed; then the claims' shape, then expiry
 * (`exp <= now` is expired).
 * Not checked here, on purpose (it needs the register): that `ver` is still the application's version, that `to`
 * is the signed-in or confirming recipient and still holds `role` for `step`, and that `nonce` was not used before
 * (single use). The workflow checks those against the register inside the script lock.
 */
export function decodeToken(
  token: string,
  sign: Signer,
  now: number,
): { ok: true; claims: LinkClaims } | { ok: false; reason: TokenFailure } {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    return { ok: false, reason: 'MALFORMED' };
  }
  const parts = token.split('.');
  if (parts.length !== 2) return { ok: false, reason: 'MALFORMED' };
  const [payload, signature] = parts as [string, string];
  if (payload === '' || signature === '' || base64UrlDecode(signature) === null) {
    return { ok: false, reason: 'MALFORMED' };
  }
  const payloadBytes = base64UrlDecode(payload);
  if (payloadBytes === null) return { ok: false, reason: 'MALFORMED' };
  if (!constantTimeEqual(base64UrlEncode(sign(payload)), signature)) return { ok: false, reason: 'BAD_SIGNATURE' };
  const json = utf8Decode(payloadBytes);
  if (json === null) return { ok: false, reason: 'MALFORMED' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'MALFORMED' };
  }
  if (!isClaims(parsed)) return { ok: false, reason: 'MALFORMED' };
  if (parsed.exp <= now) return { ok: false, reason: 'EXPIRED' };
  const claims: LinkClaims = {
    app: parsed.app,
    step: parsed.step,
    role: parsed.role,
    to: parsed.to,
    ver: parsed.ver,
    exp: parsed.exp,
    nonce: parsed.nonce,
  };
  if (parsed.act !== undefined) claims.act = parsed.act;
  if (parsed.row !== undefined) claims.row = parsed.row;
  return { ok: true, claims };
}
