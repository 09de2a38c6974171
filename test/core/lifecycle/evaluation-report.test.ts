// Tests for the monthly SOP evaluation report: figures on the known data set (worked out by hand) and escaped HTML.
import { describe, expect, it } from 'vitest';
import { evaluationReport, previousPeriod, renderEvaluationReportHtml } from '../../../src/core/evaluation-report';
import { defaultLetterhead } from '../../../src/core/letterhead';
import { SERVICE_CODES, SERVICE_SOPS } from '../../../src/core/service-sops';
import { SEED_SOP } from '../../../src/core/sop';
import { KNOWN_NOW, KNOWN_PERIOD, knownApplications } from './known-data';

const SOPS = SERVICE_CODES.map((c) => SERVICE_SOPS[c]);
const report = evaluationReport(knownApplications(), SOPS, KNOWN_PERIOD, KNOWN_NOW);

describe('evaluationReport on the known data set (November 2026)', () => {
  it('names the period and the SOPs in use', () => {
    expect(report.periodLabel).toBe('November 2026');
    expect(report.sops.map((s) => s.code)).toEqual(['PENERBITAN_BARU', 'PEMBARUAN', 'RESET_PASSPHRASE', 'PENCABUTAN']);
    expect(report.sops[0]).toMatchObject({ number: SEED_SOP.number, name: SEED_SOP.name, effective: 'Juli 2024' });
  });

  it('counts volumes per service from submissions and history entries in the month', () => {
    const v = Object.fromEntries(report.volumes.map((x) => [x.service, x]));
    expect(v.PENERBITAN_BARU).toMatchObject({
      submitted: 6,
      finished: 2,
      rejected: 1,
      rejectedBsre: 1,
      returned: 1,
      inProgress: 3,
    });
    expect(v.PEMBARUAN).toMatchObject({ submitted: 1, finished: 0, inProgress: 1 });
    expect(v.RESET_PASSPHRASE).toMatchObject({ submitted: 1, inProgress: 1 });
    expect(v.PERUBAHAN_DATA).toMatchObject({ submitted: 0, inProgress: 0 });
    expect(v.PENCABUTAN).toMatchObject({ submitted: 1, rejected: 1, inProgress: 0 });
    expect(report.total).toEqual({
      submitted: 9,
      finished: 2,
      rejected: 2,
      rejectedBsre: 1,
      returned: 1,
      inProgress: 5,
    });
  });

  it('measures compliance over steps that ended in the month only (October left out)', () => {
    const row = (service: string, step: number) =>
      report.compliance.find((s) => s.service === service && s.step === step)!;
    // stage 1 ended in November: 8, 5, 11, 7 (the October 10 is out)
    expect(row('PENERBITAN_BARU', 1)).toMatchObject({ samples: 4, median: 7.5, p90: 11, onTimeCount: 3, lateCount: 1 });
    expect(row('PENERBITAN_BARU', 2)).toMatchObject({ samples: 4, median: 9.5, p90: 12, onTimeCount: 3 });
    expect(row('PENERBITAN_BARU', 3)).toMatchObject({ samples: 3, median: 15, p90: 30, onTimeCount: 2 });
    expect(row('PENERBITAN_BARU', 4)).toMatchObject({ samples: 2, median: 15, p90: 20, onTimeCount: 1 });
    expect(report.compliance.every((s) => s.samples > 0)).toBe(true);
    expect(report.compliance).toHaveLength(9);
  });

  it('lists every late step with its step, actor and official', () => {
    expect(report.lateCases.map((c) => [c.reference, c.step, c.actorLabel, c.minutes, c.standard])).toEqual([
      ['TTE-2026-0001', 2, 'Kabid Persandian', 12, 10],
      ['TTE-2026-0001', 4, 'BSrE', 20, 15],
      ['TTE-2026-0002', 3, 'Verifikator', 30, 15],
      ['TTE-2026-0003', 1, 'Kepala Dinas', 11, 10],
      ['TTE-2026-0005', 1, 'Kepala Dinas', 25, 10],
      ['TTE-2026-0006', 1, 'Verifikator', 20, 15],
    ]);
    expect(report.lateCases[0]!.official).toBe('kabid.persandian@bolmongkab.go.id');
  });

  it('groups rejection reasons: the office by reason text, BSrE by reason code', () => {
    expect(report.officeRejections).toEqual([{ reason: 'Berkas KTP tidak terbaca', count: 2 }]);
    expect(report.bsreRejections).toEqual([
      { code: 'KTP_TIDAK_SESUAI', label: 'Data tidak sesuai dengan KTP', count: 1 },
    ]);
  });

  it('recommends the stages late most often, then by late share, at most three', () => {
    expect(report.improvements).toHaveLength(3);
    expect(report.improvements[0]).toMatch(/^Tahap 1 Pembaruan \(Kepala Dinas\) terlambat 1 dari 1 kali \(100%\)/);
    expect(report.improvements[1]).toMatch(/^Tahap 1 Reset passphrase \(Verifikator\) terlambat 1 dari 1 kali/);
    expect(report.improvements[2]).toMatch(
      /^Tahap 4 Penerbitan baru \(BSrE\) terlambat 1 dari 2 kali \(50%\); median 15 menit/,
    );
  });

  it('says all is well in a month without late steps', () => {
    const empty = evaluationReport(knownApplications(), SOPS, '2026-09', KNOWN_NOW);
    expect(empty.total.submitted).toBe(0);
    expect(empty.improvements).toEqual([]);
    expect(renderEvaluationReportHtml(empty, defaultLetterhead(SEED_SOP))).toContain(
      'Semua tahap selesai dalam waktu baku',
    );
  });

  it('takes a month at its WITA edges: from 00:00 WITA on the 1st up to the last millisecond of the month', () => {
    const [template] = knownApplications();
    const at = (submittedAt: string) => ({ ...template!, id: submittedAt, submittedAt, history: [] });
    const edges = [
      '2026-10-31T15:59:59.999Z', // 31 October 23:59:59.999 WITA: October
      '2026-10-31T16:00:00.000Z', // 1 November 00:00 WITA: November
      '2026-11-30T15:59:59.999Z', // 30 November 23:59:59.999 WITA: November
      '2026-11-30T16:00:00.000Z', // 1 December 00:00 WITA: December
      '2026-11-15T10:00:00+08:00', // an offset other than Z: November
      'bukan tanggal',
    ];
    const november = evaluationReport(edges.map(at), SOPS, '2026-11', KNOWN_NOW);
    expect(november.total.submitted).toBe(3);
    expect(evaluationReport(edges.map(at), SOPS, '2026-10', KNOWN_NOW).total.submitted).toBe(1);
    expect(evaluationReport(edges.map(at), SOPS, '2026-12', KNOWN_NOW).total.submitted).toBe(1);
  });

  it('reports on the previous WITA month', () => {
    expect(previousPeriod(new Date('2026-12-01T01:00:00Z'))).toBe('2026-11');
    expect(previousPeriod(new Date('2027-01-01T00:30:00Z'))).toBe('2026-12');
    expect(previousPeriod(new Date('2026-12-31T16:30:00Z'))).toBe('2026-12');
  });
});

describe('renderEvaluationReportHtml', () => {
  it('lists at most 100 late cases, the ones furthest over their standard in reference order, and counts the rest', () => {
    const [sample] = report.lateCases;
    if (!sample) throw new Error('the known data set has late cases');
    // 150 cases, case i being i minutes over its standard of 10.
    const many = [...Array(150).keys()].map((i) => ({
      ...sample,
      reference: `TTE-2026-${String(i).padStart(4, '0')}`,
      minutes: 10 + i,
      standard: 10,
    }));
    const html = renderEvaluationReportHtml({ ...report, lateCases: many }, defaultLetterhead(SEED_SOP));
    const listed = [...html.matchAll(/<td>(TTE-2026-\d{4})<\/td>/g)].map((m) => m[1]);
    expect(listed).toEqual([...Array(100).keys()].map((i) => `TTE-2026-${String(i + 50).padStart(4, '0')}`));
    expect(html).toContain('... dan 50 kasus terlambat lain');
    const few = renderEvaluationReportHtml({ ...report, lateCases: many.slice(0, 100) }, defaultLetterhead(SEED_SOP));
    expect([...few.matchAll(/<td>(TTE-2026-\d{4})<\/td>/g)]).toHaveLength(100);
    expect(few).not.toContain('kasus terlambat lain');
  });

  it('is one document with the kop, the title, the sections and the figures', () => {
    const html = renderEvaluationReportHtml(report, defaultLetterhead(SEED_SOP));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('PEMERINTAH KABUPATEN BOLAANG MONGONDOW');
    expect(html).toContain('LAPORAN MONITORING DAN EVALUASI PELAKSANAAN SOP');
    expect(html).toContain('Periode: November 2026');
    for (const h of [
      'A. Identitas SOP',
      'B. Volume layanan',
      'C. Kepatuhan',
      'D. Kasus terlambat',
      'E. Alasan penolakan',
      'F. Rekomendasi',
    ])
      expect(html).toContain(h);
    expect(html).toContain('<td>TTE-2026-0005</td>');
    expect(html).toContain('3/4 (75%)');
    expect(html).not.toMatch(/<script/i);
  });
  it('escapes every text from the register', () => {
    const apps = knownApplications();
    apps[2]!.history[2]!.note = '<img src=x onerror=alert(1)> & "kutip"';
    const html = renderEvaluationReportHtml(evaluationReport(apps, SOPS, KNOWN_PERIOD, KNOWN_NOW), {
      government: '<b>Pemerintah</b>',
      office: 'Dinas',
      address: 'Jl. "A"',
      contact: '',
    });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;kutip&quot;');
    expect(html).toContain('&lt;b&gt;Pemerintah&lt;/b&gt;');
  });
});
