// Hash-chained audit log (Jejak Audit): each row's hash covers the previous hash, so an edited or deleted row is detectable.

import { toHex, utf8Encode } from './bytes';
import { sha256 } from './sha256';

/** Column heads of the "Jejak Audit" sheet, in the order rows are written. */
export const AUDIT_COLUMNS = [
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
] as const;

/** Number of content columns (everything before "Hash Sebelumnya"). */
export const AUDIT_FIELD_COUNT = AUDIT_COLUMNS.length - 2;

/** The previous hash of the very first row. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** SHA-256 of a string's UTF-8 bytes, as signed bytes (Utilities.computeDigest(SHA_256, text, UTF_8)). */
export type Digest = (text: string) => number[];

/**
 * SHA-256 of a string's UTF-8 bytes computed in JavaScript, as signed bytes: the same digest
 * Utilities.computeDigest(SHA_256, text, UTF_8) returns, without one service call per row, so checking a log of
 * hundreds of thousands of rows costs only the reads. Lone surrogates are encoded as U+FFFD (utf8Encode).
 */
export const sha256Digest: Digest = (text: string) =>
  sha256(utf8Encode(text)).map((byte) => (byte > 127 ? byte - 256 : byte));

/** Why verifyChain stopped. */
export type ChainBreak = 'MALFORMED_ROW' | 'PREV_HASH_MISMATCH' | 'HASH_MISMATCH';

/** Versioned, unambiguous serialisation: a JSON array of strings cannot be confused by separators inside fields. */
function canonical(prevHash: string, fields: readonly string[]): string {
  return JSON.stringify(['jejak-audit-v1', prevHash, ...fields]);
}

/**
 * The hash of an audit row: lower-case hex SHA-256 of the previous row's hash and this row's fields (the 8 content
 * columns, as text). Writing it beside the row makes any later edit, deletion or reordering break the chain.
 * Hash exactly the text that reading the sheet back will return (write Waktu as text, not as a date cell).
 */
export function chainRow(prevHash: string, fields: string[], digest: Digest): string {
  return toHex(digest(canonical(prevHash, fields)));
}

/** The full sheet row for an event: its fields, the previous hash and its own hash, in AUDIT_COLUMNS order. */
export function buildAuditRow(prevHash: string, fields: string[], digest: Digest): string[] {
  return [...fields, prevHash, chainRow(prevHash, fields, digest)];
}

/**
 * Verifies the whole log from the genesis hash. `rows` are the data rows in AUDIT_COLUMNS order, or the sheet's
 * values with its header row first (then columns are found by header text, so moved columns still verify).
 * `firstBrokenRow` is the 0-based index into `rows` as given (the header, when present, is index 0).
 */
export function verifyChain(
  rows: string[][],
  digest: Digest,
): { ok: true } | { ok: false; firstBrokenRow: number; reason: ChainBreak } {
  let order: number[] = AUDIT_COLUMNS.map((_, i) => i);
  let start = 0;
  const first = rows[0];
  if (first !== undefined && AUDIT_COLUMNS.every((c) => first.includes(c))) {
    order = AUDIT_COLUMNS.map((c) => first.indexOf(c));
    start = 1;
  }
  let prev = AUDIT_GENESIS_HASH;
  for (let r = start; r < rows.length; r++) {
    const row = rows[r]!;
    const cells = order.map((i) => row[i]);
    if (cells.some((c) => typeof c !== 'string')) return { ok: false, firstBrokenRow: r, reason: 'MALFORMED_ROW' };
    const text = cells as string[];
    const fields = text.slice(0, AUDIT_FIELD_COUNT);
    const prevHash = text[AUDIT_FIELD_COUNT]!;
    const hash = text[AUDIT_FIELD_COUNT + 1]!;
    if (prevHash !== prev) return { ok: false, firstBrokenRow: r, reason: 'PREV_HASH_MISMATCH' };
    if (chainRow(prevHash, fields, digest) !== hash) return { ok: false, firstBrokenRow: r, reason: 'HASH_MISMATCH' };
    prev = hash;
  }
  return { ok: true };
}
