// Rejections at each step, return for correction and resubmission, BSrE rejection and resubmission.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator';
import {
  APPLICANT,
  act,
  answers,
  auditRows,
  KABID,
  KADIS,
  lastMailTo,
  mailsTo,
  openLink,
  pageActions,
  post,
  registerRows,
  SANDIMAN,
  setUp,
  tokenOf,
  VERIFIKATOR,
  webLinks,
} from './harness';

/** Submits and walks the application up to (not including) the turn of `until`. */
function walkTo(emu: Emulator, until: string): void {
  emu.submitForm(answers());
  act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
  const turns: [string, Record<string, string>][] = [
    [KADIS, { action: 'DISPOSE', toEmail: '', instruction: 'Proses' }],
    [KABID, { action: 'DISPOSE', toEmail: '', instruction: 'Periksa' }],
    [SANDIMAN, { action: 'VERIFY', toEmail: '', note: '' }],
  ];
  for (const [who, fields] of turns) {
    if (who === until) return;
    emu.advanceClock(2);
    act(emu, who, fields);
  }
}

describe('rejection at each office step', () => {
  for (const who of [KADIS, KABID, SANDIMAN, VERIFIKATOR]) {
    it(`${who} rejects with a reason: the applicant is told why, the links die, the application is final`, () => {
      const emu = setUp();
      walkTo(emu, who);
      const link = webLinks(lastMailTo(emu, who))[0] ?? '';
      const refused = post(emu, tokenOf(link), { action: 'REJECT', reason: 'x' }, who);
      expect(refused.title).toBe('Tindakan tidak dapat dilakukan');
      expect(registerRows(emu)[0]?.Status).not.toBe('Ditolak');

      act(emu, who, { action: 'REJECT', reason: 'Surat permohonan tidak ditandatangani' });
      const row = registerRows(emu)[0];
      expect(row?.Status).toBe('Ditolak');
      expect(row?.['Alasan penolakan']).toBe('Surat permohonan tidak ditandatangani');
      const mail = lastMailTo(emu, APPLICANT);
      expect(mail.subject).toContain('ditolak');
      expect(mail.body).toContain('Surat permohonan tidak ditandatangani');
      expect(auditRows(emu).at(-1)).toMatchObject({ Peristiwa: 'Permohonan ditolak', Pelaku: who });

      // The used link only shows that it was used; nothing changes.
      const again = openLink(emu, link, who);
      expect(again.title).toBe('Tautan sudah dipakai');
      const before = emu.outbox().length;
      expect(post(emu, tokenOf(link), { action: 'REJECT', reason: 'sekali lagi' }, who).title).toBe(
        'Tautan sudah dipakai',
      );
      expect(emu.outbox().length).toBe(before);
      expect(auditRows(emu).at(-1)).toMatchObject({ Peristiwa: 'Tautan ditolak', Keterangan: 'POST USED' });
    });
  }
});

describe('return for correction', () => {
  it('the Kabid returns, the applicant edits the same response, the application re-enters at the Kabid', () => {
    const emu = setUp();
    const submitted = emu.submitForm(answers({ unit: 'Dinas Kominfo' }));
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    emu.advanceClock(3);
    act(emu, KADIS, { action: 'DISPOSE', toEmail: '', instruction: 'Proses' });
    emu.advanceClock(4);
    act(emu, KABID, { action: 'RETURN', reason: 'Tulis unit kerja sesuai SK' });
    expect(registerRows(emu)[0]?.Status).toBe('Dikembalikan untuk perbaikan');
    const returned = lastMailTo(emu, APPLICANT);
    expect(returned.subject).toContain('dikembalikan');
    expect(returned.body).toContain('Tulis unit kerja sesuai SK');
    expect(returned.body).toContain(submitted.editUrl);

    emu.advanceClock(60);
    emu.faults.duplicateFormSubmit();
    const edited = emu.editResponse(submitted.responseId, answers({ unit: 'Dinas Komunikasi dan Informatika' }));
    // Google delivers the edit twice: the second delivery changes nothing.
    expect(edited.executions.map((e) => e.status)).toEqual(['COMPLETED', 'COMPLETED']);
    const rows = registerRows(emu);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      'Nomor permohonan': 'TTE-2026-0001',
      Status: 'Didisposisikan ke Kabid Persandian',
      'Unit kerja / OPD': 'Dinas Komunikasi dan Informatika',
      'Tahap 1': 'Tepat waktu (3 menit kerja)',
    });
    // The Kabid gets a fresh decision mail; the history is kept.
    expect(mailsTo(emu, KABID)).toHaveLength(2);
    expect(auditRows(emu).map((r) => r.Peristiwa)).toEqual([
      'Permohonan diterima',
      'Email dinas terverifikasi',
      'Disposisi',
      'Dikembalikan untuk perbaikan',
      'Perbaikan diterima',
    ]);
    const history = JSON.parse(rows[0]?.['Riwayat (JSON)'] ?? '[]') as { action: string }[];
    expect(history.map((h) => h.action)).toEqual(['SUBMIT', 'VERIFY_EMAIL', 'DISPOSE', 'RETURN', 'RESUBMIT']);

    // The Kabid's new link works; the application goes on as one.
    const before = emu.outbox().length;
    act(emu, KABID, { action: 'DISPOSE', toEmail: '', instruction: 'Lanjut' });
    expect(registerRows(emu)[0]?.Status).toBe('Diteruskan ke Sandiman');
    expect(emu.outbox().length).toBe(before + 1);
  });

  it('an edit while the application is in process is recorded and ignored', () => {
    const emu = setUp();
    const submitted = emu.submitForm(answers());
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    emu.advanceClock(5);
    emu.editResponse(submitted.responseId, answers({ position: 'Kepala Seksi' }));
    expect(registerRows(emu)[0]).toMatchObject({
      Status: 'Menunggu disposisi Kepala Dinas',
      Jabatan: 'Analis Kebijakan',
    });
    expect(auditRows(emu).at(-1)?.Peristiwa).toBe('Diabaikan');
  });
});

describe('BSrE rejection and resubmission', () => {
  it('the Verifikator logs a BSrE rejection with a reason code, the applicant is advised, then resubmits to issue', () => {
    const emu = setUp();
    walkTo(emu, VERIFIKATOR);
    act(emu, VERIFIKATOR, { action: 'SUBMIT_TO_BSRE' });
    act(emu, VERIFIKATOR, { action: 'BSRE_ACCOUNT_SENT' });
    const rejected = act(emu, VERIFIKATOR, { action: 'BSRE_REJECTED', code: 'KTP_TIDAK_SESUAI', text: 'Nama berbeda' });
    expect(pageActions(rejected.page)).toEqual(['BSRE_VERIFIED', 'BSRE_REJECTED']);
    expect(registerRows(emu)[0]).toMatchObject({
      Status: 'Ditolak BSrE',
      'Kode penolakan BSrE': 'KTP_TIDAK_SESUAI',
      'Keterangan penolakan BSrE': 'Nama berbeda',
    });
    const advice = lastMailTo(emu, APPLICANT);
    expect(advice.subject).toContain('BSrE');
    expect(advice.body).toContain('KTP');

    const resubmit = act(emu, VERIFIKATOR, { action: 'BSRE_RESUBMIT', note: 'Nama diperbaiki di BSrE' });
    expect(pageActions(resubmit.page)).toEqual(['BSRE_RESUBMIT', 'RETURN', 'REJECT']);
    expect(registerRows(emu)[0]?.Status).toBe('Diajukan ke BSrE');
    act(emu, VERIFIKATOR, { action: 'BSRE_ACCOUNT_SENT' });
    act(emu, VERIFIKATOR, { action: 'BSRE_VERIFIED' });
    act(emu, VERIFIKATOR, { action: 'PASSPHRASE_SET' });
    act(emu, VERIFIKATOR, { action: 'CERTIFICATE_ISSUED', serial: 'SN-9', validUntil: '2028-02-01' });
    expect(registerRows(emu)[0]?.Status).toBe('Sertifikat terbit');
    expect(auditRows(emu).map((r) => r.Peristiwa)).toContain('Ditolak BSrE');
    expect(auditRows(emu).map((r) => r.Peristiwa)).toContain('Dikirim ulang ke BSrE');
  });

  it('a BSrE rejection for data not matching the KTP goes back to the applicant, whose correction returns to the Verifikator', () => {
    const emu = setUp();
    const submitted = emu.submitForm(answers({ name: 'Budi Santoso Putra' }));
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    for (const [who, fields] of [
      [KADIS, { action: 'DISPOSE', toEmail: '', instruction: 'Proses' }],
      [KABID, { action: 'DISPOSE', toEmail: '', instruction: 'Periksa' }],
      [SANDIMAN, { action: 'VERIFY', toEmail: '', note: '' }],
      [VERIFIKATOR, { action: 'SUBMIT_TO_BSRE' }],
      [VERIFIKATOR, { action: 'BSRE_ACCOUNT_SENT' }],
      [VERIFIKATOR, { action: 'BSRE_REJECTED', code: 'KTP_TIDAK_SESUAI', text: 'Nama di KTP: Budi Santoso' }],
    ] as [string, Record<string, string>][]) {
      emu.advanceClock(2);
      act(emu, who, fields);
    }
    act(emu, VERIFIKATOR, { action: 'RETURN', reason: 'Tulis nama persis seperti di KTP: Budi Santoso' });
    expect(registerRows(emu)[0]?.Status).toBe('Dikembalikan untuk perbaikan');
    emu.advanceClock(30);
    emu.editResponse(submitted.responseId, answers());
    expect(registerRows(emu)[0]).toMatchObject({
      Status: 'Diteruskan ke Verifikator',
      'Nama (sesuai KTP)': 'Budi Santoso',
    });
    act(emu, VERIFIKATOR, { action: 'SUBMIT_TO_BSRE' });
    act(emu, VERIFIKATOR, { action: 'BSRE_ACCOUNT_SENT' });
    act(emu, VERIFIKATOR, { action: 'BSRE_VERIFIED' });
    act(emu, VERIFIKATOR, { action: 'PASSPHRASE_SET' });
    act(emu, VERIFIKATOR, { action: 'CERTIFICATE_ISSUED', serial: 'SN-10', validUntil: '2028-03-01' });
    expect(registerRows(emu)).toHaveLength(1);
    expect(registerRows(emu)[0]?.Status).toBe('Sertifikat terbit');
  });
});
