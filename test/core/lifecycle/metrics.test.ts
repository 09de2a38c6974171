// Tests for the Dasbor figures on the known data set (expected values worked out by hand in the comments).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dashboardFigures, median, monthLabel, monthsEnding, percentile } from '../../../src/core/metrics';
import { SERVICE_CODES, SERVICE_SOPS } from '../../../src/core/service-sops';
import { KNOWN_NOW, knownApplications, knownTracked } from './known-data';

const SOPS = SERVICE_CODES.map((c) => SERVICE_SOPS[c]);

describe('median and percentile', () => {
  it('follow their definitions on small cases', () => {
    expect(median([])).toBeNull();
    expect(median([3])).toBe(3);
    expect(median([4, 1, 3])).toBe(3);
    expect(median([14, 15, 16, 30])).toBe(15.5);
    expect(percentile([], 90)).toBeNull();
    expect(percentile([10, 12, 20], 90)).toBe(20);
    expect(percentile([5, 7, 8, 10, 11], 90)).toBe(11);
    expect(
      percentile(
        Array.from({ length: 10 }, (_, i) => i + 1),
        90,
      ),
    ).toBe(9);
  });
  it('the 90th percentile is a sample with at least 90% of samples at or below it, and the least such', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 60 }), (xs) => {
        const p = percentile(xs, 90)!;
        expect(xs).toContain(p);
        expect(xs.filter((x) => x <= p).length / xs.length).toBeGreaterThanOrEqual(0.9);
        expect(xs.filter((x) => x < p).length / xs.length).toBeLessThan(0.9);
        const m = median(xs)!;
        expect(xs.filter((x) => x < m).length).toBeLessThanOrEqual(xs.length / 2);
        expect(xs.filter((x) => x > m).length).toBeLessThanOrEqual(xs.length / 2);
      }),
    );
  });
});

describe('months', () => {
  it('lists the months ending with a month, across a year end', () => {
    expect(monthsEnding('2027-02', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthLabel('2026-11')).toBe('November 2026');
  });
});

describe('dashboardFigures on the known data set', () => {
  const f = dashboardFigures(knownApplications(), knownTracked(), SOPS, KNOWN_NOW);

  it('counts applications by status, in the workflow order, leaving out empty statuses', () => {
    expect(f.byStatus.map((c) => [c.key, c.count])).toEqual([
      ['DATA_TIDAK_VALID', 1],
      ['DITERUSKAN_SANDIMAN', 1],
      ['PASSPHRASE_DIATUR', 1],
      ['SERTIFIKAT_TERBIT', 3],
      ['DIKEMBALIKAN', 1],
      ['DITOLAK', 2],
      ['DITOLAK_BSRE', 1],
    ]);
    expect(f.byStatus[3]!.label).toBe('Sertifikat terbit');
  });

  it('counts applications by OPD, most first, then by name', () => {
    expect(f.byUnit.map((c) => [c.label, c.count])).toEqual([
      ['Dinas Kesehatan', 3],
      ['Dinas Kominfo', 3],
      ['Dinas Pendidikan', 2],
      ['(tanpa unit kerja)', 1],
      ['Badan Keuangan Daerah', 1],
    ]);
  });

  it('counts certificates issued per month over the last twelve months (WITA)', () => {
    expect(f.issuedPerMonth).toHaveLength(12);
    expect(f.issuedPerMonth[0]!.key).toBe('2026-01');
    const nonZero = f.issuedPerMonth.filter((m) => m.count > 0).map((m) => [m.key, m.count]);
    expect(nonZero).toEqual([
      ['2026-06', 1],
      ['2026-10', 1],
      ['2026-11', 2],
    ]);
  });

  it('counts certificates by state: active, expiring, expired, revoked, replaced', () => {
    expect(f.certificateStates.map((c) => [c.key, c.count])).toEqual([
      ['AKTIF', 2],
      ['SEGERA_KEDALUWARSA', 1],
      ['KEDALUWARSA', 1],
      ['DICABUT', 1],
      ['DIGANTI', 1],
    ]);
  });

  it('gives median, p90 and on-time share per SOP stage of every service', () => {
    const row = (service: string, step: number) => f.steps.find((s) => s.service === service && s.step === step)!;
    expect(f.steps).toHaveLength(SOPS.reduce((n, s) => n + new Set(s.steps.map((x) => x.no)).size, 0));
    // Penerbitan baru stage 1: 8, 5, 11, 7, 10 -> [5,7,8,10,11]
    expect(row('PENERBITAN_BARU', 1)).toMatchObject({
      samples: 5,
      median: 8,
      p90: 11,
      standard: 10,
      onTimeCount: 4,
      lateCount: 1,
      onTimeShare: 0.8,
      actorLabel: 'Kepala Dinas',
    });
    // stage 3: 15, 30, 14, 16 -> median 15.5, p90 30, 2 of 4 within 15
    expect(row('PENERBITAN_BARU', 3)).toMatchObject({
      samples: 4,
      median: 15.5,
      p90: 30,
      standard: 15,
      onTimeShare: 0.5,
    });
    // stage 4: 20, 10, 12
    expect(row('PENERBITAN_BARU', 4)).toMatchObject({ samples: 3, median: 12, p90: 20, standard: 15, lateCount: 1 });
    // stage 5 has no standard
    expect(row('PENERBITAN_BARU', 5)).toMatchObject({ samples: 1, median: 30, standard: null, onTimeShare: null });
    expect(row('PEMBARUAN', 1)).toMatchObject({ samples: 1, median: 25, onTimeShare: 0 });
    expect(row('PEMBARUAN', 2)).toMatchObject({ samples: 0, median: null, p90: null, onTimeShare: null });
    expect(row('RESET_PASSPHRASE', 2)).toMatchObject({ samples: 1, standard: 15, onTimeShare: 1 });
    expect(row('PENCABUTAN', 1)).toMatchObject({ samples: 1, median: 6, onTimeShare: 1 });
  });
});
