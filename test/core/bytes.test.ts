// Tests for the pure byte helpers: UTF-8, base64url, hex and constant-time comparison against Node's own codecs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64UrlDecode,
  base64UrlEncode,
  constantTimeEqual,
  toHex,
  utf8Decode,
  utf8Encode,
} from '../../src/core/bytes';

const bytesArb = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 200 });

describe('utf8Encode / utf8Decode', () => {
  it('matches Node for any well-formed string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(utf8Encode(s)).toEqual([...Buffer.from(s, 'utf8')]);
        expect(utf8Decode(utf8Encode(s))).toBe(s);
      }),
    );
  });
  it('replaces lone surrogates with U+FFFD like TextEncoder', () => {
    expect(utf8Encode('a\uD800b')).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
    expect(utf8Encode('\uDC00')).toEqual([0xef, 0xbf, 0xbd]);
    expect(utf8Encode('a\uD800')).toEqual([0x61, 0xef, 0xbf, 0xbd]);
  });
  it('refuses invalid, overlong, truncated and surrogate sequences', () => {
    expect(utf8Decode([0xc0, 0x80])).toBeNull();
    expect(utf8Decode([0xe0, 0x80, 0x80])).toBeNull();
    expect(utf8Decode([0xe2, 0x82])).toBeNull();
    expect(utf8Decode([0xed, 0xa0, 0x80])).toBeNull();
    expect(utf8Decode([0xf4, 0x90, 0x80, 0x80])).toBeNull();
    expect(utf8Decode([0x80])).toBeNull();
    expect(utf8Decode([0xff])).toBeNull();
  });
  it('accepts 4-byte characters', () => {
    expect(utf8Decode([0xf0, 0x9f, 0x98, 0x80])).toBe('😀');
  });
});

describe('base64url', () => {
  it('matches Node base64url for any bytes', () => {
    fc.assert(
      fc.property(bytesArb, (bytes) => {
        const enc = base64UrlEncode(bytes);
        expect(enc).toBe(Buffer.from(bytes).toString('base64url'));
        expect(base64UrlDecode(enc)).toEqual(bytes);
      }),
    );
  });
  it('accepts signed bytes as Apps Script returns them', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -128, max: 127 })), (signed) => {
        const unsigned = signed.map((b) => b & 0xff);
        expect(base64UrlEncode(signed)).toBe(base64UrlEncode(unsigned));
      }),
    );
  });
  it('refuses padding, foreign characters, impossible lengths and non-canonical trailing bits', () => {
    expect(base64UrlDecode('AA==')).toBeNull();
    expect(base64UrlDecode('A+')).toBeNull();
    expect(base64UrlDecode('A/')).toBeNull();
    expect(base64UrlDecode('A')).toBeNull();
    expect(base64UrlDecode('AB')).toBeNull();
    expect(base64UrlDecode('AAB')).toBeNull();
    expect(base64UrlDecode('AA')).toEqual([0]);
    expect(base64UrlDecode('')).toEqual([]);
  });
  it('has exactly one accepted spelling per byte string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') }),
        (s) => {
          const bytes = base64UrlDecode(s);
          if (bytes !== null) expect(base64UrlEncode(bytes)).toBe(s);
        },
      ),
    );
  });
});

describe('toHex', () => {
  it('matches Node hex for signed and unsigned bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -128, max: 255 })), (bytes) => {
        expect(toHex(bytes)).toBe(Buffer.from(bytes.map((b) => b & 0xff)).toString('hex'));
      }),
    );
  });
});

describe('constantTimeEqual', () => {
  it('agrees with === on any pair', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(a === b);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (a) => {
        expect(constantTimeEqual(a, a)).toBe(true);
      }),
    );
  });
  it('does not confuse a prefix with the whole', () => {
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', 'a')).toBe(false);
    expect(constantTimeEqual('a\u0000', 'a')).toBe(false);
  });
});
