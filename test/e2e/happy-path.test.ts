// One application from form submit to issued certificate through every actor, following the links in their mails.
import { describe, expect, it } from 'vitest';
import {
  ADMIN_ROLE,
  APPLICANT,
  act,
  answers,
  auditRows,
  KABID,
  KADIS,
  OWNER,
  pageActions,
  registerRows,
  SANDIMAN,
  setUp,
  sharedText,
  VERIFIKATOR,
} from './harness';

const NIK = '7101201508850001';

describe('happy path: submit to issued certificate', () => {
  it('walks every SOP step by the links in the mails, with register, audit and mails as the SOP asks', () => {
    const emu = setUp();
    const submitted = emu.submitForm(answers());
    expect(submitted.executions.map((e) => e.status)).toEqual(['COMPLETED']);

    // Pemohon confirms the .go.id address is active (SOP warning 1): verified, not trusted.
    const verify = act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    expect(verify.page.title).toBe('Verifikasi email dinas');
    expect(verify.page.metaTags).toContainEqual({ name: 'viewport', content: 'width=device-width, initial-scale=1' });

    emu.advanceClock(4);
    const kadis = act(emu, KADIS, { action: 'DISPOSE', toEmail: KABID, instruction: 'Mohon diproses segera' });
    expect(pageActions(kadis.page)).toEqual(['DISPOSE', 'RETURN', 'REJECT']);
    expect(kadis.page.content).toContain('7101********0001');
    expect(kadis.page.content).not.toContain(NIK);
    expect(kadis.result.content).toContain('Didisposisikan ke Kabid Persandian');

    emu.advanceClock(6);
    act(emu, KABID, { action: 'DISPOSE', toEmail: SANDIMAN, instruction: 'Verifikasi berkas' });
    emu.advanceClock(8);
    const sandiman = act(emu, SANDIMAN, { action: 'VERIFY', toEmail: VERIFIKATOR, note: 'Berkas lengkap' });
    expect(sandiman.page.content).toContain('sesuai dengan KTP');

    emu.advanceClock(5);
    act(emu, VERIFIKATOR, { action: 'SUBMIT_TO_BSRE' });
    emu.advanceClock(3);
    act(emu, VERIFIKATOR, { action: 'BSRE_ACCOUNT_SENT' });
    emu.advanceClock(3);
    act(emu, VERIFIKATOR, { action: 'BSRE_VERIFIED' });
    emu.advanceClock(3);
    act(emu, VERIFIKATOR, { action: 'PASSPHRASE_SET' });
    emu.advanceClock(3);
    act(emu, VERIFIKATOR, { action: 'CERTIFICATE_ISSUED', serial: 'BSRE-2026-000123', validUntil: '2028-01-05' });

    // The register row.
    const [row, ...others] = registerRows(emu);
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      'Nomor permohonan': 'TTE-2026-0001',
      Status: 'Sertifikat terbit',
      'Kode status': 'SERTIFIKAT_TERBIT',
      'NIK (disamarkan)': '7101********0001',
      'Nama (sesuai KTP)': 'Budi Santoso',
      'Nomor ponsel (WhatsApp)': '6281234567890',
      'Nomor seri sertifikat': 'BSRE-2026-000123',
      'Berlaku sampai': '2028-01-05',
      'Tahap 1': 'Tepat waktu (4 menit kerja)',
      'Tahap 2': 'Tepat waktu (6 menit kerja)',
      'Tahap 3': 'Tepat waktu (13 menit kerja)',
      'Tahap 4': 'Tepat waktu (9 menit kerja)',
    });
    expect(row?.['Tahap 5']).toMatch(/^Selesai/);
    expect(JSON.parse(row?.['Disposisi (JSON)'] ?? '[]')).toMatchObject([
      { fromRole: 'KEPALA_DINAS', toRole: 'KABID_PERSANDIAN', toEmail: KABID, instruction: 'Mohon diproses segera' },
      { fromRole: 'KABID_PERSANDIAN', toRole: 'SANDIMAN', toEmail: SANDIMAN, instruction: 'Verifikasi berkas' },
    ]);

    // The audit log: every event, in order, chained.
    expect(auditRows(emu).map((r) => [r.Peristiwa, r.Pelaku, r['Status Sesudah']])).toEqual([
      ['Permohonan diterima', APPLICANT, 'Menunggu verifikasi email'],
      ['Email dinas terverifikasi', APPLICANT, 'Menunggu disposisi Kepala Dinas'],
      ['Disposisi', KADIS, 'Didisposisikan ke Kabid Persandian'],
      ['Disposisi', KABID, 'Diteruskan ke Sandiman'],
      ['Berkas diverifikasi Sandiman', SANDIMAN, 'Diteruskan ke Verifikator'],
      ['Diajukan ke BSrE', VERIFIKATOR, 'Diajukan ke BSrE'],
      ['Akun BSrE dikirim', VERIFIKATOR, 'Akun BSrE dikirim'],
      ['Terverifikasi BSrE', VERIFIKATOR, 'Terverifikasi BSrE'],
      ['Passphrase sudah diatur', VERIFIKATOR, 'Passphrase sudah diatur'],
      ['Sertifikat terbit', VERIFIKATOR, 'Sertifikat terbit'],
    ]);
    const check = emu.run('verifyAuditLog_', [], { user: OWNER });
    expect(check.value).toMatchObject({ ok: true });

    // Every mail, in order; officials' subjects say what is needed, from whom and which OPD.
    const FROM = ' – Budi Santoso – Dinas Komunikasi dan Informatika (TTE-2026-0001)';
    expect(emu.outbox().map((m) => [m.to, m.subject])).toEqual([
      [APPLICANT, '[TTE-2026-0001] Permohonan diterima: verifikasi email dinas Anda'],
      [KADIS, `[Perlu disposisi] Permohonan TTE${FROM}`],
      [KABID, `[Perlu disposisi] Permohonan TTE${FROM}`],
      [SANDIMAN, `[Perlu pemeriksaan berkas] Permohonan TTE${FROM}`],
      [VERIFIKATOR, `[Perlu diajukan ke BSrE] Permohonan TTE${FROM}`],
      [APPLICANT, '[TTE-2026-0001] Permohonan diajukan ke BSrE: periksa email Anda'],
      [VERIFIKATOR, `[Perlu konfirmasi akun BSrE] Permohonan TTE${FROM}`],
      [APPLICANT, '[TTE-2026-0001] Akun BSrE sudah dikirim: lakukan pendaftaran'],
      [VERIFIKATOR, `[Perlu konfirmasi verifikasi BSrE] Permohonan TTE${FROM}`],
      [APPLICANT, '[TTE-2026-0001] Terverifikasi BSrE: atur passphrase Anda'],
      [VERIFIKATOR, `[Perlu konfirmasi passphrase] Permohonan TTE${FROM}`],
      [APPLICANT, '[TTE-2026-0001] Passphrase sudah diatur'],
      [VERIFIKATOR, `[Perlu konfirmasi sertifikat terbit] Permohonan TTE${FROM}`],
      [APPLICANT, '[TTE-2026-0001] Sertifikat elektronik Anda sudah terbit'],
    ]);
    for (const mail of emu.outbox()) {
      expect(mail.from).toBe(OWNER);
      expect(mail.body.length).toBeGreaterThan(0);
      expect(mail.htmlBody).not.toMatch(/<script|<style|<img|<link/i);
    }
    expect(emu.outbox().some((m) => m.to === ADMIN_ROLE)).toBe(false);

    // Kotak Keluar: every row sent once.
    const [outboxHeader = [], ...outboxRows] = emu.sheetDisplayValues('Kotak Keluar');
    const status = outboxHeader.indexOf('Status');
    expect(outboxRows.map((r) => r[status])).toEqual(Array(14).fill('Terkirim'));

    // Sertifikat Terbit: the SOP's record of issued certificates.
    const [, cert] = emu.sheetDisplayValues('Sertifikat Terbit');
    expect(cert).toEqual(expect.arrayContaining(['TTE-2026-0001', 'Budi Santoso', 'BSRE-2026-000123', '2028-01-05']));

    // The full NIK only in Data Terbatas.
    expect(sharedText(emu)).not.toContain(NIK);
    const restrictedId = emu.state.scriptProperties.RESTRICTED_SPREADSHEET_ID ?? '';
    expect(emu.sheetValues('Data Terbatas', restrictedId).flat()).toContain(NIK);
  });
});
