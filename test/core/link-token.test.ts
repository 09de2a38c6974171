// Tests for decision-link tokens: round trip, tampering of any character, expiry, malformed input; HMAC from node:crypto.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64UrlDecode, base64UrlEncode, utf8Encode } from '../../src/core/bytes';
import { decodeToken, encodeToken, type LinkClaims, MAX_TOKEN_LENGTH } from '../../src/core/link-token';
import { ACTOR_ROLES } from '../../src/core/sop';

/** HMAC-SHA256 as Java-style signed bytes, the way Utilities.computeHmacSha256Signature returns it. */
function signerWith(secret: string) {
  return (message: string): number[] =>
    [...createHmac('sha256', secret).update(message, 'utf8').digest()].map((b) => (b > 127 ? b - 256 : b));
}
const sign = signerWith('rahasia-uji');
const NOW = Date.UTC(2026, 0, 5, 0, 0, 0);

const claims: LinkClaims = {
  app: 'TTE-2026-0001',
  step: '1',
  role: 'KEPALA_DINAS',
  to: 'kadis@bolmongkab.go.id',
  ver: 3,
  exp: NOW + 3600000,
  nonce: 'n-123',
};

const claimsArb: fc.Arbitrary<LinkClaims> = fc
  .record({
    app: fc.string(),
    step: fc.string(),
    role: fc.constantFrom(...ACTOR_ROLES),
    to: fc.string({ unit: 'grapheme' }),
    ver: fc.integer({ min: 0, max: 1_000_000 }),
    exp: fc.integer({ min: NOW + 1, max: NOW + 10 * 86400000 }),
    nonce: fc.string(),
    act: fc.option(fc.string(), { nil: undefined }),
    row: fc.option(fc.integer({ min: 2, max: 10_000_000 }), { nil: undefined }),
  })
  .map((c) => {
    const out: LinkClaims = {
      app: c.app,
      step: c.step,
      role: c.role,
      to: c.to,
      ver: c.ver,
      exp: c.exp,
      nonce: c.nonce,
    };
    if (c.act !== undefined) out.act = c.act;
    if (c.row !== undefined) out.row = c.row;
    return out;
  });

/** A token signed over an arbitrary payload object (claims the encoder would never write). */
function signedPayload(payload: Record<string, unknown>): string {
  const text = base64UrlEncode(utf8Encode(JSON.stringify(payload)));
  return `${text}.${base64UrlEncode(sign(text))}`;
}

describe('row hint claim', () => {
  it('round-trips a row and is covered by the signature', () => {
    const token = encodeToken({ ...claims, row: 17 }, sign);
    expect(decodeToken(token, sign, NOW)).toEqual({ ok: true, claims: { ...claims, row: 17 } });
    const [payload = '', signature = ''] = token.split('.');
    const json = JSON.parse(new TextDecoder().decode(new Uint8Array(base64UrlDecode(payload) ?? [])));
    const moved = base64UrlEncode(utf8Encode(JSON.stringify({ ...json, row: 18 })));
    expect(decodeToken(`${moved}.${signature}`, sign, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });
  it('leaves tokens made before the hint unchanged (no row claim)', () => {
    const result = decodeToken(encodeToken(claims, sign), sign, NOW);
    expect(result.ok && 'row' in result.claims).toBe(false);
  });
  it('refuses a row that is not a data row number, even when signed', () => {
    for (const row of [0, 1, -3, 2.5, '5', null]) {
      expect(decodeToken(signedPayload({ ...claims, row }), sign, NOW)).toEqual({ ok: false, reason: 'MALFORMED' });
    }
  });
});

describe('encodeToken / decodeToken', () => {
  it('round-trips the claims', () => {
    const token = encodeToken(claims, sign);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeToken(token, sign, NOW)).toEqual({ ok: true, claims });
  });
  it('round-trips any claims (property)', () => {
    fc.assert(
      fc.property(claimsArb, (c) => {
        expect(decodeToken(encodeToken(c, sign), sign, NOW)).toEqual({ ok: true, claims: c });
      }),
    );
  });
  it('keeps the optional action', () => {
    const token = encodeToken({ ...claims, act: 'SETUJUI' }, sign);
    const out = decodeToken(token, sign, NOW);
    expect(out.ok && out.claims.act).toBe('SETUJUI');
  });
  it('has a URL-safe 43-character signature (32 bytes, no padding)', () => {
    const sig = encodeToken(claims, sign).split('.')[1]!;
    expect(sig).toHaveLength(43);
    expect(base64UrlDecode(sig)).toHaveLength(32);
  });
  it('refuses a token signed with another secret', () => {
    const token = encodeToken(claims, signerWith('lain'));
    expect(decodeToken(token, sign, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });
  it('refuses at and after expiry, accepts just before', () => {
    const token = encodeToken(claims, sign);
    expect(decodeToken(token, sign, claims.exp - 1).ok).toBe(true);
    expect(decodeToken(token, sign, claims.exp)).toEqual({ ok: false, reason: 'EXPIRED' });
    expect(decodeToken(token, sign, claims.exp + 86400000)).toEqual({ ok: false, reason: 'EXPIRED' });
  });
  it('checks the signature before expiry: a forged expired token is BAD_SIGNATURE', () => {
    const token = encodeToken({ ...claims, exp: NOW - 1 }, signerWith('lain'));
    expect(decodeToken(token, sign, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });
  it('refuses a change of any single character in payload or signature (property)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(claimsArb, fc.nat(), fc.constantFrom(...alphabet), (c, pos, ch) => {
        const token = encodeToken(c, sign);
        const i = pos % token.length;
        if (token[i] === '.' || token[i] === ch) return;
        const tampered = token.slice(0, i) + ch + token.slice(i + 1);
        const out = decodeToken(tampered, sign, NOW);
        expect(out.ok).toBe(false);
      }),
    );
  });
  it('refuses every single-character change of a fixed token, exhaustively', () => {
    const token = encodeToken(claims, sign);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let tried = 0;
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue;
      for (const ch of alphabet) {
        if (ch === token[i]) continue;
        const out = decodeToken(token.slice(0, i) + ch + token.slice(i + 1), sign, NOW);
        expect(out.ok).toBe(false);
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(1000);
  });
  it('refuses a re-signed payload whose claims were edited without the secret', () => {
    const [, sig] = encodeToken(claims, sign).split('.');
    const forged = base64UrlEncode(utf8Encode(JSON.stringify({ ...claims, ver: 99 })));
    expect(decodeToken(`${forged}.${sig}`, sign, NOW)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });
  it.each([
    ['', 'MALFORMED'],
    ['abc', 'MALFORMED'],
    ['a.b.c', 'MALFORMED'],
    ['.abc', 'MALFORMED'],
    ['abc.', 'MALFORMED'],
    ['ab=.cd', 'MALFORMED'],
    ['ab+c.dd', 'MALFORMED'],
    ['a.AAAA', 'MALFORMED'],
    [`${'A'.repeat(MAX_TOKEN_LENGTH)}.AA`, 'MALFORMED'],
  ])('refuses %j as %s', (token, reason) => {
    expect(decodeToken(token, sign, NOW)).toEqual({ ok: false, reason });
  });
  it('refuses a correctly signed payload that is not valid claims', () => {
    const payloads = [
      'not json',
      '[]',
      'null',
      JSON.stringify({ ...claims, role: 'ADMIN' }),
      JSON.stringify({ ...claims, ver: '3' }),
      JSON.stringify({ ...claims, ver: 1.5 }),
      JSON.stringify({ ...claims, exp: 'tomorrow' }),
      JSON.stringify({ ...claims, act: 5 }),
      JSON.stringify({ app: 'x' }),
    ];
    for (const text of payloads) {
      const payload = base64UrlEncode(utf8Encode(text));
      const token = `${payload}.${base64UrlEncode(sign(payload))}`;
      expect(decodeToken(token, sign, NOW)).toEqual({ ok: false, reason: 'MALFORMED' });
    }
    const invalidUtf8 = base64UrlEncode([0xc0, 0x80]);
    expect(decodeToken(`${invalidUtf8}.${base64UrlEncode(sign(invalidUtf8))}`, sign, NOW)).toEqual({
      ok: false,
      reason: 'MALFORMED',
    });
  });
  it('drops unknown claim fields', () => {
    const payload = base64UrlEncode(utf8Encode(JSON.stringify({ ...claims, admin: true })));
    const out = decodeToken(`${payload}.${base64UrlEncode(sign(payload))}`, sign, NOW);
    expect(out).toEqual({ ok: true, claims });
  });
});
