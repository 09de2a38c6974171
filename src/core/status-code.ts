// The access code for "Cek Status Permohonan": a short secret derived from the reference number, given in the mail.

import { constantTimeEqual } from './bytes';
import type { Signer } from './link-token';

/** Crockford's base32 alphabet: no I, L, O, U, so a code read aloud or copied by hand is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_CHARS = 10;

/**
 * The access code of an application: the first 50 bits of HMAC-SHA256("status-code:" + reference) in base32, shown as
 * XXXXX-XXXXX. Derived (never stored), so the register holds no secret, and a guess succeeds with chance 2^-50.
 */
export function statusAccessCode(reference: string, sign: Signer): string {
  const bytes = sign(`status-code:${reference.trim().toUpperCase()}`).map((b) => (b + 256) % 256);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < CODE_CHARS) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length >= CODE_CHARS) break;
  }
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** A code as typed: spaces and dashes dropped, upper case, and the look-alikes O->0, I/L->1 mapped as Crockford reads them. */
export function normaliseAccessCode(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** Checks a typed code against the reference, in constant time over the code's characters. */
export function accessCodeMatches(reference: string, typed: string, sign: Signer): boolean {
  const want = normaliseAccessCode(statusAccessCode(reference, sign));
  const got = normaliseAccessCode(typed.slice(0, 64));
  return constantTimeEqual(want, got);
}
