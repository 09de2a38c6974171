// The monthly SOP evaluation report through the built bundle: a PDF in Drive, mailed to the Kepala Dinas, whose figures
// match the known data set (computed independently here), made once a month by its trigger and on demand.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { SERVICE_SOPS } from '../../../src/core/service-sops';
import { sopStages } from '../../../src/core/sop';
import { knownApplications } from '../../core/lifecycle/known-data';
import { KADIS, mailsTo, OWNER } from '../harness';
import { keepClockTriggers, loadKnownData, setUpAt } from './lifecycle-harness';
import { pdfPageCount, pdfTextLines } from './pdf-text';

const NOW = '2026-12-01T09:00:00+08:00';
const wita = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
const inNovember = (iso: string | null) => iso !== null && wita(iso).startsWith('2026-11');

function reportFiles(emu: Emulator) {
  return Object.values(emu.state.files).filter((f) => f.mimeType === 'application/pdf');
}

function pdfText(emu: Emulator, name: string): { lines: string[]; text: string; bytes: Uint8Array } {
  const file = reportFiles(emu).find((f) => f.name === name);
  if (!file) throw new Error(`no file ${name}`);
  const bytes = new Uint8Array(Buffer.from(file.content, 'base64'));
  const lines = pdfTextLines(bytes);
  return { lines, text: lines.join(' ').replace(/\s+/g, ' '), bytes };
}

describe('Laporan Monitoring dan Evaluasi Pelaksanaan SOP', () => {
  it('on demand: a PDF of last month in Drive, mailed to the Kepala Dinas, with the figures of the data set', () => {
    const emu = setUpAt(NOW);
    loadKnownData(emu);
    const run = emu.runMenuItem('Buat Laporan Monev SOP (bulan lalu)', OWNER);
    expect(run.status, run.error ?? '').toBe('COMPLETED');
    expect(run.value).toMatchObject({ period: '2026-11', mailedTo: [KADIS], skipped: false });

    const [file] = reportFiles(emu);
    expect(file?.name).toBe('Laporan Monev SOP TTE 2026-11.pdf');
    const folder = emu.state.folders[file?.parents[0] ?? ''];
    expect(folder?.name).toBe('Laporan Monev SOP Sertifikat Elektronik');
    const mail = mailsTo(emu, KADIS).at(-1)!;
    expect(mail.subject).toBe('Laporan Monitoring dan Evaluasi Pelaksanaan SOP — November 2026');
    expect(mail.attachments).toEqual([
      expect.objectContaining({ name: 'Laporan Monev SOP TTE 2026-11.pdf', mimeType: 'application/pdf' }),
    ]);
    expect(mail.body).toContain(String(run.value && (run.value as { fileUrl: string }).fileUrl));

    const { lines, text, bytes } = pdfText(emu, 'Laporan Monev SOP TTE 2026-11.pdf');
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBeGreaterThanOrEqual(1);
    expect(lines).toContain('PEMERINTAH KABUPATEN BOLAANG MONGONDOW');
    expect(lines).toContain('LAPORAN MONITORING DAN EVALUASI PELAKSANAAN SOP');
    expect(lines).toContain('Periode: November 2026');
    expect(text).toContain('800 /D.19/ Kominfo/ 275 / VII / 2024');

    // Volumes, worked out again from the data set.
    const apps = knownApplications();
    const submitted = apps.filter((a) => inNovember(a.submittedAt)).length;
    const count = (action: string) =>
      apps.flatMap((a) => a.history).filter((h) => h.action === action && inNovember(h.at)).length;
    const volumeRow = (label: string) => {
      const at = lines.indexOf(label);
      return lines.slice(at + 1, at + 7);
    };
    expect(volumeRow('Permohonan masuk').at(-1)).toBe(String(submitted));
    expect(volumeRow('Ditolak Dinas').at(-1)).toBe(String(count('REJECT')));
    expect(volumeRow('Ditolak BSrE').at(-1)).toBe(String(count('BSRE_REJECTED')));
    expect(volumeRow('Dikembalikan untuk perbaikan').at(-1)).toBe(String(count('RETURN')));

    // Per-stage compliance of the seed SOP: on time / finished in November.
    for (const stage of sopStages(SERVICE_SOPS.PENERBITAN_BARU)) {
      const standard = stage.timeStandardMinutes;
      if (!standard) continue;
      const minutes = apps
        .filter((a) => a.applicant.service === 'PENERBITAN_BARU')
        .flatMap((a) => {
          const t = a.steps[stage.no];
          return t?.endedAt && t.businessMinutes !== null && inNovember(t.endedAt) ? [t.businessMinutes] : [];
        });
      const onTime = minutes.filter((m) => m <= standard).length;
      const percent = `${Math.round((1000 * onTime) / minutes.length) / 10}%`.replace('.', ',');
      expect(lines, `tahap ${stage.no}`).toContain(`${onTime}/${minutes.length} (${percent})`);
    }

    // Late cases: every step over its standard that ended in November, by reference.
    const late = apps.flatMap((a) => {
      const sop = SERVICE_SOPS[a.applicant.service];
      return Object.values(a.steps).flatMap((t) => {
        const standard = sopStages(sop).find((s) => s.no === t.step)?.timeStandardMinutes ?? null;
        return t.endedAt && inNovember(t.endedAt) && standard && (t.businessMinutes ?? 0) > standard ? [a.id] : [];
      });
    });
    expect(late).toHaveLength(6);
    const lateSection = text.slice(text.indexOf('D. Kasus terlambat'), text.indexOf('E. Alasan penolakan'));
    for (const id of new Set(late)) {
      expect(lateSection.split(id).length - 1, id).toBe(late.filter((x) => x === id).length);
    }

    // Rejection reasons and what to improve.
    expect(text).toContain('Berkas KTP tidak terbaca 2');
    expect(text).toContain('Data tidak sesuai dengan KTP 1');
    expect(text).toContain('Tahap 1 Pembaruan (Kepala Dinas) terlambat 1 dari 1 kali (100%)');
    expect(text).not.toContain('7101');
  });

  it('monthly: the trigger on day 1 reports on the previous month once', () => {
    const emu = setUpAt(NOW);
    loadKnownData(emu);
    keepClockTriggers(emu, ['runMonthlyReport_']);
    const runs = emu.advanceClock(32 * 24 * 60);
    expect(runs.filter((r) => r.functionName === 'runMonthlyReport_')).toHaveLength(1);
    expect(runs.every((r) => r.status === 'COMPLETED')).toBe(true);
    expect(reportFiles(emu).map((f) => f.name)).toEqual(['Laporan Monev SOP TTE 2026-12.pdf']);
    expect(mailsTo(emu, KADIS).filter((m) => m.subject.includes('Desember 2026'))).toHaveLength(1);
    const retried = emu.run('runMonthlyReport_');
    expect(retried.value).toMatchObject({ period: '2026-12', skipped: true });
    expect(reportFiles(emu)).toHaveLength(1);
  });
});
