// The JavaScript SHA-256 that hashes the audit chain gives bit for bit what node:crypto and Utilities.computeDigest give.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS_HASH, chainRow, sha256Digest } from '../../src/core/audit-chain';
import { utf8Encode } from '../../src/core/bytes';
import { sha256 } from '../../src/core/sha256';
import { emulate } from '../emulator/runtime/bundle-fixture';

const signed = (bytes: Iterable<number>) => Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
const node = (text: string) => signed(createHash('sha256').update(text, 'utf8').digest());

/** Texts around every padding boundary (55/56/63/64/119/120 bytes), multi-byte UTF-8, astral characters, long text. */
const EDGES = [
  '',
  'abc',
  'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
  ...[54, 55, 56, 57, 63, 64, 65, 111, 119, 120, 121, 127, 128, 129].map((n) => 'x'.repeat(n)),
  'é'.repeat(28),
  'Kabid Persandian — “kutip” | TAB\tbaris\nbaru',
  '😀 emoji and 𝄞 astral',
  '\u0000\u007f\u0080\u07ff\u0800\uffff',
  'x'.repeat(5000),
];

describe('sha256 in JavaScript', () => {
  it('matches the FIPS 180-4 examples', () => {
    const hex = (text: string) => Buffer.from(sha256(utf8Encode(text))).toString('hex');
    expect(hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('equals node:crypto on edge lengths and on any text (signed bytes, as Utilities returns)', () => {
    for (const text of EDGES) expect(sha256Digest(text), JSON.stringify(text.slice(0, 20))).toEqual(node(text));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(sha256Digest(text)).toEqual(node(text));
      }),
      { numRuns: 500 },
    );
  });

  it("equals the emulator's Utilities.computeDigest(SHA_256, text, UTF_8), lone surrogates included", () => {
    const texts = [...EDGES, 'lone \ud800 high', 'lone \udc00 low', JSON.stringify(['jejak-audit-v1', 'a', 'b'])];
    const emu = emulate(`function digests(texts) {
      return texts.map(function (t) {
        return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, t, Utilities.Charset.UTF_8);
      });
    }`);
    const result = emu.run('digests', [texts]);
    expect(result.status, result.error ?? '').toBe('COMPLETED');
    expect(texts.map((text) => sha256Digest(text))).toEqual(result.value);
  });

  it('chains an audit row to the same hash as node:crypto does', () => {
    const fields = ['2026-01-05 08:00:00 WITA', 'TTE-2026-0001', 'Disposisi', 'a@b.go.id', 'Kepala Dinas', '', '', ''];
    expect(chainRow(AUDIT_GENESIS_HASH, fields, sha256Digest)).toBe(chainRow(AUDIT_GENESIS_HASH, fields, node));
  });
});
