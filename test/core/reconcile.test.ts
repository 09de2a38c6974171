// Incremental reconciliation: which applications the hourly check compares, and when it must read the whole log.
import { describe, expect, it } from 'vitest';
import {
  formatReconcileCursor,
  lastAfterById,
  mismatches,
  parseReconcileCursor,
  type RegisterStatus,
  statusOfCode,
  unexplainedChanges,
} from '../../src/core/reconcile';
import { STATUS_LABELS } from '../../src/core/workflow-types';

const WAITING = STATUS_LABELS.MENUNGGU_DISPOSISI_KADIS;
const ISSUED = STATUS_LABELS.SERTIFIKAT_TERBIT;

function row(id: string, status: RegisterStatus['status'], updatedAt = 1_000): RegisterStatus {
  return { id, status, updatedAt };
}

describe('reconcile cursor', () => {
  it('round-trips, and a missing or malformed value means "reconcile everything"', () => {
    expect(parseReconcileCursor(formatReconcileCursor({ row: 42, since: 1767571200000 }))).toEqual({
      row: 42,
      since: 1767571200000,
    });
    for (const bad of [null, '', '1:5', 'x:5', '42', '42:abc', '-3:5', '42:5:6'])
      expect(parseReconcileCursor(bad)).toBeNull();
  });

  it('reads a blank status code as the register does (Data tidak valid)', () => {
    expect(statusOfCode('')).toBe('DATA_TIDAK_VALID');
    expect(statusOfCode('SERTIFIKAT_TERBIT')).toBe('SERTIFIKAT_TERBIT');
  });
});

describe('which applications are compared', () => {
  const register = [
    row('A', 'MENUNGGU_DISPOSISI_KADIS'),
    row('B', 'SERTIFIKAT_TERBIT'),
    row('C', 'SERTIFIKAT_TERBIT', 5_000),
  ];

  it('the last non-blank "after" of each application wins, blank ones (notices) do not count', () => {
    const last = lastAfterById([
      { id: 'A', after: STATUS_LABELS.MENUNGGU_VERIFIKASI_EMAIL },
      { id: 'A', after: WAITING },
      { id: 'A', after: '' },
      { id: '', after: ISSUED },
    ]);
    expect([...last]).toEqual([['A', WAITING]]);
  });

  it('incremental: only applications in the new rows or changed since; an untouched one is not compared', () => {
    // B's last audited status lies before the cursor: not in the new rows, unchanged since, so not compared.
    const fresh = new Map([['A', STATUS_LABELS.DITOLAK]]);
    expect(mismatches(register, fresh, { full: false, since: 2_000 })).toEqual([
      { id: 'A', current: WAITING, audited: STATUS_LABELS.DITOLAK },
      { id: 'C', current: ISSUED, audited: '' },
    ]);
  });

  it('full: every application, one never audited included', () => {
    const all = new Map([
      ['A', WAITING],
      ['C', ISSUED],
    ]);
    expect(mismatches(register, all, { full: true })).toEqual([{ id: 'B', current: ISSUED, audited: '' }]);
  });

  it('a register change since the last run with no new audit row is unexplained (the run then reads the whole log)', () => {
    expect(unexplainedChanges(register, new Map(), 2_000).map((r) => r.id)).toEqual(['C']);
    expect(unexplainedChanges(register, new Map([['C', ISSUED]]), 2_000)).toEqual([]);
    expect(unexplainedChanges(register, new Map(), 6_000)).toEqual([]);
  });
});
