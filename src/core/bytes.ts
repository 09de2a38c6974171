// Byte helpers in pure TypeScript (UTF-8, base64url, hex, constant-time compare): Apps Script core code has no TextEncoder or atob.

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Encodes a string as UTF-8 bytes (0..255). Needed because Apps Script V8 has no TextEncoder; lone surrogates
 * become U+FFFD, as TextEncoder does, so every string has exactly one encoding.
 */
export function utf8Encode(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        code = 0xfffd;
      }
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      code = 0xfffd;
    }
    if (code < 0x80) {
      out.push(code);
    } else if (code < 0x800) {
      out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    } else {
      out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    }
  }
  return out;
}

/**
 * Decodes UTF-8 bytes strictly; returns null on any invalid, overlong or truncated sequence, so a forged token
 * payload cannot smuggle in an alternative spelling of the same text.
 */
export function utf8Decode(bytes: readonly number[]): string | null {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i]! & 0xff;
    let code: number;
    let extra: number;
    let min: number;
    if (b0 < 0x80) {
      code = b0;
      extra = 0;
      min = 0;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      code = b0 & 0x1f;
      extra = 1;
      min = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      code = b0 & 0x0f;
      extra = 2;
      min = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      code = b0 & 0x07;
      extra = 3;
      min = 0x10000;
    } else {
      return null;
    }
    for (let k = 1; k <= extra; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) return null;
      code = (code << 6) | (b & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    out += String.fromCodePoint(code);
    i += extra + 1;
  }
  return out;
}

/**
 * Web-safe base64 without padding (RFC 4648 §5). Accepts Java-style signed bytes (-128..127) as Apps Script's
 * Utilities returns them, so callers need not convert.
 */
export function base64UrlEncode(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]! & 0xff;
    const b1 = i + 1 < bytes.length ? bytes[i + 1]! & 0xff : 0;
    const b2 = i + 2 < bytes.length ? bytes[i + 2]! & 0xff : 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    out += BASE64URL_ALPHABET.charAt((n >> 18) & 63) + BASE64URL_ALPHABET.charAt((n >> 12) & 63);
    if (i + 1 < bytes.length) out += BASE64URL_ALPHABET.charAt((n >> 6) & 63);
    if (i + 2 < bytes.length) out += BASE64URL_ALPHABET.charAt(n & 63);
  }
  return out;
}

/**
 * Strict inverse of base64UrlEncode: no padding, only the web-safe alphabet, and unused trailing bits must be zero,
 * so each byte string has exactly one accepted spelling. Returns null otherwise.
 */
export function base64UrlDecode(text: string): number[] | null {
  if (text.length % 4 === 1) return null;
  const values: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const v = BASE64URL_ALPHABET.indexOf(text.charAt(i));
    if (v < 0) return null;
    values.push(v);
  }
  const out: number[] = [];
  for (let i = 0; i < values.length; i += 4) {
    const v0 = values[i]!;
    const v1 = values[i + 1]!;
    const v2 = values[i + 2];
    const v3 = values[i + 3];
    out.push(((v0 << 2) | (v1 >> 4)) & 0xff);
    if (v2 === undefined) {
      if ((v1 & 0x0f) !== 0) return null;
      continue;
    }
    out.push(((v1 << 4) | (v2 >> 2)) & 0xff);
    if (v3 === undefined) {
      if ((v2 & 0x03) !== 0) return null;
      continue;
    }
    out.push(((v2 << 6) | v3) & 0xff);
  }
  return out;
}

/** Lower-case hex of (possibly signed) bytes: the form audit hashes are stored in. */
export function toHex(bytes: readonly number[]): string {
  let out = '';
  for (const b of bytes) out += ((b & 0xff) + 0x100).toString(16).slice(1);
  return out;
}

/**
 * Compares two strings in time that depends only on their lengths, so a signature check leaks nothing about how
 * many leading characters matched.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    diff |= (i < a.length ? a.charCodeAt(i) : 0) ^ (i < b.length ? b.charCodeAt(i) : 0);
  }
  return diff === 0;
}
