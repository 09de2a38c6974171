// Tests for certificate expiry: states on a date, and H-30 / H-7 / expiry notices sent exactly once.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  certificateState,
  dayOf,
  daysLeft,
  dueNotice,
  formatNoticesSent,
  type NoticeKind,
  parseNoticesSent,
  planExpiry,
  renewalOpensOn,
  supersededSerials,
  type TrackedCertificate,
  witaDay,
} from '../../../src/core/expiry';
import { NOTICE_LABELS } from '../../../src/core/messages/lifecycle';

function cert(overrides: Partial<TrackedCertificate> = {}): TrackedCertificate {
  return {
    serial: 'AB12CD',
    applicationId: 'TTE-2026-0001',
    name: 'Budi Santoso',
    nip: '198503122010011001',
    unit: 'Dinas Kominfo',
    email: 'budi.santoso@bolmongkab.go.id',
    issuedAt: '2026-01-05T02:00:00.000Z',
    validUntil: '2027-01-31',
    revoked: false,
    noticesSent: [],
    ...overrides,
  };
}

/** Runs the daily job once a day from `from` for `days` days, recording what it sends (the notices-sent record). */
function simulate(
  c: TrackedCertificate,
  from: string,
  days: number,
  runsPerDay = 1,
): { day: string; kind: NoticeKind }[] {
  const sent: { day: string; kind: NoticeKind }[] = [];
  const record = { ...c, noticesSent: [...c.noticesSent] };
  for (let i = 0; i < days; i++) {
    const day = addDays(from, i);
    for (let r = 0; r < runsPerDay; r++) {
      const kind = dueNotice(record, day);
      if (kind) {
        sent.push({ day, kind });
        record.noticesSent.push(kind);
      }
    }
  }
  return sent;
}

describe('dates', () => {
  it('reads the WITA day of an instant and of sheet cells', () => {
    expect(witaDay(new Date('2026-01-31T16:00:00Z'))).toBe('2026-02-01');
    expect(witaDay(new Date('2026-01-31T15:59:59Z'))).toBe('2026-01-31');
    expect(dayOf('2027-01-31')).toBe('2027-01-31');
    expect(dayOf(new Date('2027-01-30T16:00:00Z'))).toBe('2027-01-31');
    expect(dayOf('2027-02-30')).toBe('');
    expect(dayOf('31-01-2027')).toBe('');
    expect(dayOf(42)).toBe('');
  });
  it('counts days left: 0 on the last valid day, -1 the day after', () => {
    expect(daysLeft('2027-01-31', '2027-01-31')).toBe(0);
    expect(daysLeft('2027-01-31', '2027-02-01')).toBe(-1);
    expect(daysLeft('2027-01-31', '2027-01-01')).toBe(30);
    expect(renewalOpensOn('2027-01-31')).toBe('2027-01-01');
    expect(renewalOpensOn('2028-03-01')).toBe('2028-01-31');
  });
});

describe('certificateState', () => {
  it('is active, expiring within 30 days, expired after the last day, revoked, or replaced', () => {
    const c = cert();
    expect(certificateState(c, '2026-12-31')).toBe('AKTIF');
    expect(certificateState(c, '2027-01-01')).toBe('SEGERA_KEDALUWARSA');
    expect(certificateState(c, '2027-01-31')).toBe('SEGERA_KEDALUWARSA');
    expect(certificateState(c, '2027-02-01')).toBe('KEDALUWARSA');
    expect(certificateState({ ...c, revoked: true }, '2026-06-01')).toBe('DICABUT');
    expect(certificateState(c, '2026-06-01', true)).toBe('DIGANTI');
  });
  it('treats the older certificate of the same holder as replaced', () => {
    const old = cert({ serial: 'OLD', issuedAt: '2025-01-05T00:00:00Z', validUntil: '2026-01-31' });
    const renewed = cert({ serial: 'NEW', issuedAt: '2026-01-10T00:00:00Z', validUntil: '2028-01-31' });
    const other = cert({ serial: 'X', nip: '199001012015011002', email: 'lain@bolmongkab.go.id' });
    expect([...supersededSerials([old, renewed, other])]).toEqual(['OLD']);
    const again = cert({ serial: 'NEW', issuedAt: '2026-01-11T00:00:00Z', validUntil: '2028-01-31' });
    expect([...supersededSerials([old, renewed, again])]).toEqual(['OLD']);
  });
});

describe('dueNotice: each notice exactly once', () => {
  it('sends H-30 on day H-30, H-7 on day H-7 and the expiry notice the day after the last valid day', () => {
    expect(simulate(cert(), '2026-12-01', 90)).toEqual([
      { day: '2027-01-01', kind: 'H30' },
      { day: '2027-01-24', kind: 'H7' },
      { day: '2027-02-01', kind: 'EXPIRED' },
    ]);
  });
  it('sends nothing more when the job runs several times a day', () => {
    expect(simulate(cert(), '2026-12-01', 90, 3)).toHaveLength(3);
  });
  it('catches up with the most urgent notice only, after missed days', () => {
    expect(dueNotice(cert(), '2027-01-26')).toBe('H7');
    expect(dueNotice(cert({ noticesSent: ['H7'] }), '2027-01-10')).toBeNull();
    expect(dueNotice(cert(), '2027-03-01')).toBe('EXPIRED');
    expect(dueNotice(cert({ noticesSent: ['EXPIRED'] }), '2027-01-26')).toBeNull();
  });
  it('gives a certificate recorded with 20 days left H-30 at once, then H-7', () => {
    const c = cert({ validUntil: '2027-01-21' });
    expect(simulate(c, '2027-01-01', 30).map((s) => s.kind)).toEqual(['H30', 'H7', 'EXPIRED']);
  });
  it('never notifies a revoked or replaced certificate, or one without a readable date', () => {
    expect(dueNotice(cert({ revoked: true }), '2027-01-24')).toBeNull();
    expect(dueNotice(cert(), '2027-01-24', true)).toBeNull();
    expect(dueNotice(cert({ validUntil: 'besok' }), '2027-01-24')).toBeNull();
  });
});

describe('planExpiry', () => {
  it('plans notices and states for all certificates, skipping replaced ones', () => {
    const old = cert({ serial: 'OLD', issuedAt: '2025-01-05T00:00:00Z', validUntil: '2027-01-20' });
    const renewed = cert({ serial: 'NEW', issuedAt: '2027-01-10T00:00:00Z', validUntil: '2029-01-20' });
    const expiring = cert({ serial: 'EXP', nip: '199001012015011002', email: 'ani@bolmongkab.go.id' });
    const plan = planExpiry([old, renewed, expiring], '2027-01-24');
    expect(plan.notices.map((n) => [n.serial, n.kind, n.daysLeft])).toEqual([['EXP', 'H7', 7]]);
    expect(plan.states).toEqual([
      { serial: 'OLD', state: 'DIGANTI' },
      { serial: 'NEW', state: 'AKTIF' },
      { serial: 'EXP', state: 'SEGERA_KEDALUWARSA' },
    ]);
  });
});

describe('the notices-sent cell', () => {
  it('round-trips in due order and ignores unknown words', () => {
    expect(formatNoticesSent(['H7', 'H30'], NOTICE_LABELS)).toBe('H-30, H-7');
    expect(parseNoticesSent('H-30, h-7; catatan staf', NOTICE_LABELS)).toEqual(['H30', 'H7']);
    expect(parseNoticesSent('Kedaluwarsa', NOTICE_LABELS)).toEqual(['EXPIRED']);
    expect(parseNoticesSent('', NOTICE_LABELS)).toEqual([]);
  });
});
