// Tests for the hash-chained audit log with SHA-256 from node:crypto standing in for Utilities.computeDigest.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_COLUMNS,
  AUDIT_FIELD_COUNT,
  AUDIT_GENESIS_HASH,
  buildAuditRow,
  chainRow,
  verifyChain,
} from '../../src/core/audit-chain';

/** SHA-256 of UTF-8 text as signed bytes, as Utilities.computeDigest returns. */
const digest = (text: string): number[] =>
  [...createHash('sha256').update(text, 'utf8').digest()].map((b) => (b > 127 ? b - 256 : b));

function event(i: number): string[] {
  return [
    `2026-01-05T08:${String(i % 60).padStart(2, '0')}:00+08:00`,
    `TTE-2026-${String(i).padStart(4, '0')}`,
    'DISPOSISI',
    'kadis@bolmongkab.go.id',
    'KEPALA_DINAS',
    'MENUNGGU_DISPOSISI_KADIS',
    'DIDISPOSISIKAN_KABID',
    i % 2 === 0 ? '' : 'catatan, dengan "kutip" | dan\tTAB',
  ];
}

function buildLog(events: string[][]): string[][] {
  const rows: string[][] = [];
  let prev = AUDIT_GENESIS_HASH;
  for (const fields of events) {
    const row = buildAuditRow(prev, fields, digest);
    rows.push(row);
    prev = row[row.length - 1]!;
  }
  return rows;
}

const fieldsArb = fc.array(fc.string({ unit: 'grapheme' }), {
  minLength: AUDIT_FIELD_COUNT,
  maxLength: AUDIT_FIELD_COUNT,
});

describe('audit chain', () => {
  it('has the ten columns in order', () => {
    expect(AUDIT_COLUMNS).toEqual([
      'Waktu',
      'Nomor Permohonan',
      'Peristiwa',
      'Pelaku',
      'Peran',
      'Status Sebelum',
      'Status Sesudah',
      'Keterangan',
      'Hash Sebelumnya',
      'Hash',
    ]);
    expect(AUDIT_FIELD_COUNT).toBe(8);
  });
  it('hashes to 64 lower-case hex characters, deterministically, over the previous hash', () => {
    const h = chainRow(AUDIT_GENESIS_HASH, event(1), digest);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(chainRow(AUDIT_GENESIS_HASH, event(1), digest)).toBe(h);
    expect(chainRow('a'.repeat(64), event(1), digest)).not.toBe(h);
    const expected = createHash('sha256')
      .update(JSON.stringify(['jejak-audit-v1', AUDIT_GENESIS_HASH, ...event(1)]))
      .digest('hex');
    expect(h).toBe(expected);
  });
  it('is unambiguous: moving text between fields changes the hash', () => {
    const a = ['ab', 'c', '', '', '', '', '', ''];
    const b = ['a', 'bc', '', '', '', '', '', ''];
    expect(chainRow(AUDIT_GENESIS_HASH, a, digest)).not.toBe(chainRow(AUDIT_GENESIS_HASH, b, digest));
    const c = ['a","b', '', '', '', '', '', '', ''];
    const d = ['a', 'b', '', '', '', '', '', ''];
    expect(chainRow(AUDIT_GENESIS_HASH, c, digest)).not.toBe(chainRow(AUDIT_GENESIS_HASH, d, digest));
  });
  it('verifies an empty log and an intact log, with or without the header row', () => {
    expect(verifyChain([], digest)).toEqual({ ok: true });
    const rows = buildLog([0, 1, 2, 3, 4].map(event));
    expect(verifyChain(rows, digest)).toEqual({ ok: true });
    expect(verifyChain([[...AUDIT_COLUMNS], ...rows], digest)).toEqual({ ok: true });
  });
  it('finds columns by header text when staff moved them', () => {
    const rows = buildLog([0, 1, 2].map(event));
    const perm = [9, 0, 8, 1, 2, 3, 4, 5, 6, 7];
    const moved = [perm.map((i) => AUDIT_COLUMNS[i]!), ...rows.map((r) => perm.map((i) => r[i]!))];
    expect(verifyChain(moved, digest)).toEqual({ ok: true });
  });
  it('reports the first edited row', () => {
    const rows = buildLog([0, 1, 2, 3, 4].map(event));
    rows[2]![7] = 'diubah';
    expect(verifyChain(rows, digest)).toEqual({ ok: false, firstBrokenRow: 2, reason: 'HASH_MISMATCH' });
  });
  it('reports a deleted row as a broken link at the row after it', () => {
    const rows = buildLog([0, 1, 2, 3, 4].map(event));
    rows.splice(1, 1);
    expect(verifyChain(rows, digest)).toEqual({ ok: false, firstBrokenRow: 1, reason: 'PREV_HASH_MISMATCH' });
  });
  it('reports swapped rows', () => {
    const rows = buildLog([0, 1, 2].map(event));
    [rows[0], rows[1]] = [rows[1]!, rows[0]!];
    expect(verifyChain(rows, digest)).toEqual({ ok: false, firstBrokenRow: 0, reason: 'PREV_HASH_MISMATCH' });
  });
  it('catches a rewritten row even when its own hash was recomputed (the next link breaks)', () => {
    const rows = buildLog([0, 1, 2].map(event));
    const fields = [...rows[1]!.slice(0, AUDIT_FIELD_COUNT)];
    fields[2] = 'TOLAK';
    rows[1] = buildAuditRow(rows[1]![AUDIT_FIELD_COUNT]!, fields, digest);
    expect(verifyChain(rows, digest)).toEqual({ ok: false, firstBrokenRow: 2, reason: 'PREV_HASH_MISMATCH' });
  });
  it('reports a short row as malformed, with the header counted as row 0', () => {
    const rows = buildLog([0, 1].map(event));
    rows[1] = rows[1]!.slice(0, 5);
    expect(verifyChain([[...AUDIT_COLUMNS], ...rows], digest)).toEqual({
      ok: false,
      firstBrokenRow: 2,
      reason: 'MALFORMED_ROW',
    });
  });
  it('any change to any cell of any row is detected (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fieldsArb, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.nat(),
        fc.string({ minLength: 1 }),
        (events, r, c, extra) => {
          const rows = buildLog(events);
          expect(verifyChain(rows, digest)).toEqual({ ok: true });
          const ri = r % rows.length;
          const ci = c % AUDIT_COLUMNS.length;
          rows[ri]![ci] = rows[ri]![ci]! + extra;
          const out = verifyChain(rows, digest);
          expect(out.ok).toBe(false);
          if (!out.ok) expect(out.firstBrokenRow).toBeLessThanOrEqual(ri + 1);
        },
      ),
    );
  });
});
