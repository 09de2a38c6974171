// The Dasbor through the built bundle on the known data set: values written by the script, native charts, and figures
// computed independently here (not with src/core/metrics.ts).
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { SERVICE_CODES, SERVICE_SOPS } from '../../../src/core/service-sops';
import { sopStages } from '../../../src/core/sop';
import { STATUS_LABELS } from '../../../src/core/workflow-types';
import { knownApplications, knownCertificates } from '../../core/lifecycle/known-data';
import { OWNER } from '../harness';
import { loadKnownData, setUpAt, sheetState } from './lifecycle-harness';

const NOW = '2026-12-01T09:00:00+08:00';
const TODAY = '2026-12-01';

/** A block of the Dasbor: the rows under its title and header, up to the blank row. */
function block(emu: Emulator, title: string): string[][] {
  const rows = emu.sheetDisplayValues('Dasbor');
  const at = rows.findIndex((r) => r[0] === title);
  if (at < 0) throw new Error(`no block ${title}`);
  const out: string[][] = [];
  for (let i = at + 2; i < rows.length && (rows[i]?.[0] ?? '') !== ''; i++) out.push(rows[i]!);
  return out;
}

function sortedCounts(keys: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Nearest-rank percentile and the usual median, written out again for the check. */
function nearestRank(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.ceil((p / 100) * s.length) - 1]!;
}
function middle(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}
const wita = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
const oneDecimal = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

describe('the Dasbor on the known data set', () => {
  it('shows the figures the data set implies, as values, with native charts, unchanged by a sorted register', () => {
    const emu = setUpAt(NOW);
    loadKnownData(emu);
    const run = emu.runMenuItem('Perbarui Dasbor', OWNER);
    expect(run.status, run.error ?? '').toBe('COMPLETED');

    const apps = knownApplications();
    // By status: the glossary label of every status that occurs, with its count.
    const byStatus = block(emu, 'Permohonan menurut status').map((r) => [r[0], Number(r[1])]);
    const statusOrder = Object.keys(STATUS_LABELS);
    const expectedStatus = sortedCounts(apps.map((a) => a.status))
      .sort((a, b) => statusOrder.indexOf(a[0]) - statusOrder.indexOf(b[0]))
      .map(([s, n]) => [STATUS_LABELS[s as keyof typeof STATUS_LABELS], n]);
    expect(byStatus).toEqual(expectedStatus);
    expect(byStatus.reduce((n, r) => n + Number(r[1]), 0)).toBe(10);

    // By OPD, most first.
    const byUnit = block(emu, 'Permohonan menurut unit kerja / OPD').map((r) => [r[0], Number(r[1])]);
    expect(byUnit).toEqual(sortedCounts(apps.map((a) => a.applicant.unit || '(tanpa unit kerja)')));

    // Certificates issued per month (WITA), the last twelve months.
    const perMonth = block(emu, 'Sertifikat terbit per bulan');
    expect(perMonth).toHaveLength(12);
    const certs = knownCertificates();
    const inMonth = (m: string) => certs.filter((c) => wita(c.issuedAt).slice(0, 7) === m).length;
    expect(perMonth.find((r) => r[0] === 'November 2026')?.[1]).toBe(String(inMonth('2026-11')));
    expect(perMonth.find((r) => r[0] === 'Oktober 2026')?.[1]).toBe(String(inMonth('2026-10')));
    expect(perMonth.find((r) => r[0] === 'Juni 2026')?.[1]).toBe(String(inMonth('2026-06')));
    expect(perMonth.reduce((n, r) => n + Number(r[1]), 0)).toBe(4);

    // Active / expiring / expired / revoked / replaced, by the rules written out here.
    const state = (c: (typeof certs)[number]) => {
      if (c.revoked) return 'Dicabut';
      if (certs.some((o) => o !== c && o.nip === c.nip && o.issuedAt > c.issuedAt))
        return 'Diganti sertifikat yang lebih baru';
      const days = (Date.parse(c.validUntil) - Date.parse(TODAY)) / 86_400_000;
      return days < 0 ? 'Kedaluwarsa' : days <= 30 ? 'Segera kedaluwarsa (30 hari atau kurang)' : 'Aktif';
    };
    const states = block(emu, 'Sertifikat menurut masa berlaku');
    for (const [label, count] of sortedCounts(certs.map(state))) {
      expect(states.find((r) => r[0] === label)?.[1], label).toBe(String(count));
    }

    // Every SOP stage of every service: samples, median, p90, standard, on-time share.
    const steps = block(emu, 'Kepatuhan waktu baku per tahap SOP (menit kerja)');
    let checked = 0;
    for (const code of SERVICE_CODES) {
      for (const stage of sopStages(SERVICE_SOPS[code])) {
        const minutes = apps
          .filter((a) => a.applicant.service === code)
          .flatMap((a) => {
            const t = a.steps[stage.no];
            return t && t.endedAt !== null && t.businessMinutes !== null ? [t.businessMinutes] : [];
          });
        const row = steps.find((r) => r[1] === String(stage.no) && r[0] === labelOf(code));
        expect(row, `${code} ${stage.no}`).toBeDefined();
        expect(Number(row![3])).toBe(minutes.length);
        if (minutes.length === 0) {
          expect(row![4]).toBe('-');
          continue;
        }
        expect(row![4]).toBe(oneDecimal(middle(minutes)));
        expect(row![5]).toBe(oneDecimal(nearestRank(minutes, 90)));
        const standard = stage.timeStandardMinutes;
        if (standard) {
          expect(row![6]).toBe(String(standard));
          expect(row![7]).toBe(oneDecimal((100 * minutes.filter((m) => m <= standard).length) / minutes.length));
        } else expect(row![7]).toBe('-');
        checked++;
      }
    }
    expect(checked).toBe(9);

    // Values, not formulas; native charts over them.
    expect(
      emu
        .sheetFormulas('Dasbor')
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    const charts = sheetState(emu, 'Dasbor').charts;
    expect(charts.map((c) => c.type)).toEqual(['BAR', 'BAR', 'COLUMN', 'PIE', 'COLUMN']);
    expect(charts.every((c) => c.ranges.length === 1)).toBe(true);

    // Staff sort the register (newest first) and the SLA trigger refreshes: the same figures.
    const before = emu.sheetDisplayValues('Dasbor').slice(3);
    const register = sheetState(emu, 'Register Permohonan');
    const [head, ...rows] = register.values;
    register.values.splice(0, register.values.length, head!, ...rows.reverse());
    const sla = emu.run('runSlaCheck_');
    expect(sla.status, sla.error ?? '').toBe('COMPLETED');
    expect(emu.sheetDisplayValues('Dasbor').slice(3)).toEqual(before);
    expect(sheetState(emu, 'Dasbor').charts).toHaveLength(5);
  });
});

function labelOf(code: string): string {
  return {
    PENERBITAN_BARU: 'Penerbitan baru',
    PEMBARUAN: 'Pembaruan',
    RESET_PASSPHRASE: 'Reset passphrase',
    PERUBAHAN_DATA: 'Perubahan data',
    PENCABUTAN: 'Pencabutan',
  }[code]!;
}
