// Each lifecycle service through the built bundle: renewal, passphrase reset, data change and revocation, each by its
// own SOP from the SOP sheet, referring to the issued certificate it concerns.
import { describe, expect, it } from 'vitest';
import type { WebResponse } from '../../../emulator';
import { LIFECYCLE_QUESTIONS as Q, REVOCATION_REASON_LABELS } from '../../../src/core/messages/lifecycle';
import {
  APPLICANT,
  act,
  answers,
  KABID,
  KADIS,
  lastMailTo,
  mailsTo,
  OWNER,
  pageActions,
  registerRows,
  SANDIMAN,
  setUp,
  VERIFIKATOR,
} from '../harness';
import { issueCertificate, keepClockTriggers, rowsOf } from './lifecycle-harness';

const OLD = 'BSRE-2025-000100';

/** The Form answers of a lifecycle request: the base answers plus the lifecycle questions. */
function request(service: string, extra: Record<string, string> = {}): Record<string, string | string[]> {
  return { ...answers({ service }), ...extra };
}

/** The BSrE steps the Verifikator logs after submitting, up to "Passphrase sudah diatur" (before BSrE's outcome). */
function bsreStepsToPassphrase(emu: ReturnType<typeof setUp>): void {
  act(emu, VERIFIKATOR, { action: 'SUBMIT_TO_BSRE' });
  act(emu, VERIFIKATOR, { action: 'BSRE_ACCOUNT_SENT' });
  act(emu, VERIFIKATOR, { action: 'BSRE_VERIFIED' });
  act(emu, VERIFIKATOR, { action: 'PASSPHRASE_SET' });
}

/** The BSrE steps the Verifikator logs after submitting, ending with the certificate BSrE issues. */
function bsreSteps(emu: ReturnType<typeof setUp>, serial: string, validUntil: string): void {
  bsreStepsToPassphrase(emu);
  const last = act(emu, VERIFIKATOR, { action: 'CERTIFICATE_ISSUED', serial, validUntil });
  expect(last.page.content).toContain('name="serial"');
  expect(last.page.content).toContain('name="validUntil"');
}

/** The last decision page of a service that issues no certificate: its own end, and no serial or date to fill in. */
function expectNoIssuanceFields(page: WebResponse, finalAction: string): void {
  expect(pageActions(page)).toContain(finalAction);
  expect(pageActions(page)).not.toContain('CERTIFICATE_ISSUED');
  expect(page.content).not.toContain('name="serial"');
  expect(page.content).not.toContain('name="validUntil"');
  expect(page.content).not.toContain('Berlaku sampai');
  expect(page.content).not.toContain('Konfirmasi: sertifikat terbit');
}

describe('Pembaruan (renewal)', () => {
  it('opens at H-30 for the named certificate, follows its SOP to a new certificate; the old one gets no notices', () => {
    const emu = setUp();
    issueCertificate(emu, OLD, '2026-02-01');
    emu.submitForm(request('Pembaruan', { [Q.serial]: OLD.toLowerCase() }));
    const row = registerRows(emu)[1]!;
    expect(row.Status).toBe('Menunggu verifikasi email');
    expect(row['Rujukan layanan']).toBe(`Nomor seri ${OLD}`);
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    const kadisMail = lastMailTo(emu, KADIS);
    expect(kadisMail.body).toContain('pembaruan sertifikat elektronik');
    act(emu, KADIS, { action: 'DISPOSE', toEmail: KABID, instruction: 'Proses pembaruan' });
    act(emu, KABID, { action: 'DISPOSE', toEmail: SANDIMAN, instruction: 'Periksa' });
    act(emu, SANDIMAN, { action: 'VERIFY', toEmail: VERIFIKATOR, note: 'Sertifikat masih berlaku' });
    bsreSteps(emu, 'BSRE-2026-000200', '2028-02-01');
    expect(registerRows(emu)[1]?.Status).toBe('Sertifikat terbit');

    const run = emu.run('runExpiryCheck_');
    expect(run.status, run.error ?? '').toBe('COMPLETED');
    const certs = rowsOf(emu, 'Sertifikat Terbit');
    expect(certs.map((c) => [c['Nomor seri sertifikat'], c['Status sertifikat']])).toEqual([
      [OLD, 'Diganti sertifikat yang lebih baru'],
      ['BSRE-2026-000200', 'Aktif'],
    ]);
    expect(mailsTo(emu, APPLICANT).filter((m) => m.subject.includes('Masa berlaku'))).toHaveLength(0);
  });

  it('is refused before H-30 and for an expired certificate, saying why and what to do', () => {
    const emu = setUp();
    issueCertificate(emu, OLD, '2026-01-06');
    issueCertificate(
      emu,
      'BSRE-2025-000101',
      '2027-01-31',
      { nik: '7101201508850002', nip: '198508152010011002' },
      'ani@bolmongkab.go.id',
    );
    keepClockTriggers(emu, []);
    emu.advanceClock(2 * 24 * 60); // 7 January: the first certificate's last valid day (6 January) has passed
    emu.submitForm(request('Pembaruan', { [Q.serial]: OLD }));
    expect(registerRows(emu).at(-1)?.Status).toBe('Data tidak valid, menunggu perbaikan');
    expect(lastMailTo(emu, APPLICANT).body).toContain('tidak dapat diperbarui: ajukan Penerbitan baru');
    emu.submitForm({
      ...answers({
        service: 'Pembaruan',
        email: 'ani@bolmongkab.go.id',
        nik: '7101201508850002',
        nip: '198508152010011002',
      }),
      [Q.serial]: 'BSRE-2025-000101',
    });
    expect(lastMailTo(emu, 'ani@bolmongkab.go.id').body).toContain('Pembaruan baru dapat diajukan mulai 2027-01-01');
  });
});

describe('Reset passphrase', () => {
  it('goes straight to the Verifikator; the applicant is told the BSrE link lasts one day; no certificate row is added', () => {
    const emu = setUp();
    issueCertificate(emu, OLD, '2027-06-30');
    emu.submitForm(request('Reset passphrase', { [Q.serial]: OLD }));
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    expect(registerRows(emu)[1]?.Status).toBe('Diteruskan ke Verifikator');
    expect(lastMailTo(emu, VERIFIKATOR).body).toContain('reset passphrase');
    act(emu, VERIFIKATOR, { action: 'SUBMIT_TO_BSRE' });
    expect(lastMailTo(emu, APPLICANT).body).toContain('hanya berlaku 1 hari (24 jam)');
    act(emu, VERIFIKATOR, { action: 'BSRE_ACCOUNT_SENT' });
    expect(lastMailTo(emu, APPLICANT).body).toContain('hanya berlaku 1 hari (24 jam)');
    act(emu, VERIFIKATOR, { action: 'BSRE_VERIFIED' });
    act(emu, VERIFIKATOR, { action: 'PASSPHRASE_SET' });
    const last = act(emu, VERIFIKATOR, { action: 'PASSPHRASE_RESET_DONE' });
    expectNoIssuanceFields(last.page, 'PASSPHRASE_RESET_DONE');
    expect(last.page.content).toContain('Konfirmasi: passphrase baru sudah diatur');
    const row = registerRows(emu)[1]!;
    expect(row.Status).toBe('Passphrase sudah diatur ulang');
    const finalMail = lastMailTo(emu, APPLICANT);
    expect(finalMail.subject).toContain('Passphrase sudah diatur ulang');
    expect(finalMail.body).not.toContain('terbit');
    const run = emu.run('runExpiryCheck_');
    expect(run.status, run.error ?? '').toBe('COMPLETED');
    expect(rowsOf(emu, 'Sertifikat Terbit').map((c) => [c['Nomor seri sertifikat'], c['Status sertifikat']])).toEqual([
      [OLD, 'Aktif'],
    ]);
    expect(row['Tahap 1']).toMatch(/^(Tepat waktu|Terlambat)/);
    expect(row['Tahap 2']).toMatch(/^(Tepat waktu|Terlambat)/);
    expect(rowsOf(emu, 'Sertifikat Terbit')).toHaveLength(1);
    expect(mailsTo(emu, KADIS).filter((m) => m.subject.includes('TTE-2026-0002'))).toHaveLength(0);
  });
});

describe('Perubahan data (data change)', () => {
  it('follows its SOP with the Sandiman checking the new data; the certificate with the new data replaces the old', () => {
    const emu = setUp();
    issueCertificate(emu, OLD, '2027-06-30');
    emu.submitForm(request('Perubahan data', { [Q.serial]: OLD }));
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    act(emu, KADIS, { action: 'DISPOSE', toEmail: KABID, instruction: 'Perubahan jabatan' });
    act(emu, KABID, { action: 'DISPOSE', toEmail: SANDIMAN, instruction: 'Periksa dokumen' });
    const sandiman = act(emu, SANDIMAN, { action: 'VERIFY', toEmail: VERIFIKATOR, note: 'SK mutasi sesuai' });
    expect(sandiman.page.content).toContain('Dokumen pendukung perubahan');
    bsreSteps(emu, 'BSRE-2026-000300', '2028-06-30');
    emu.run('runExpiryCheck_');
    expect(rowsOf(emu, 'Sertifikat Terbit').map((c) => c['Status sertifikat'])).toEqual([
      'Diganti sertifikat yang lebih baru',
      'Aktif',
    ]);
  });
});

describe('Pencabutan (revocation)', () => {
  it('needs a reason; the Kabid forwards to the Verifikator; the certificate is marked Dicabut and gets no notices', () => {
    const emu = setUp();
    issueCertificate(emu, OLD, '2026-02-01');
    emu.submitForm(request('Pencabutan', { [Q.serial]: OLD }));
    expect(registerRows(emu)[1]?.Status).toBe('Data tidak valid, menunggu perbaikan');
    expect(lastMailTo(emu, APPLICANT).body).toContain('Pilih alasan pencabutan');

    emu.advanceClock(1);
    emu.submitForm(
      request('Pencabutan', {
        [Q.serial]: OLD,
        [Q.revocationReason]: REVOCATION_REASON_LABELS.KUNCI_BOCOR,
        [Q.revocationNote]: 'Laptop hilang',
      }),
    );
    const row = registerRows(emu)[2]!;
    expect(row['Rujukan layanan']).toBe(
      `Nomor seri ${OLD}; alasan: ${REVOCATION_REASON_LABELS.KUNCI_BOCOR}; keterangan: Laptop hilang`,
    );
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    act(emu, KADIS, { action: 'DISPOSE', toEmail: KABID, instruction: 'Segera cabut' });
    const kabid = act(emu, KABID, { action: 'DISPOSE', toEmail: VERIFIKATOR, instruction: 'Ajukan pencabutan' });
    expect(kabid.page.content).toContain(VERIFIKATOR);
    expect(mailsTo(emu, SANDIMAN).filter((m) => m.subject.includes('TTE-2026-0003'))).toHaveLength(0);
    bsreStepsToPassphrase(emu);
    const last = act(emu, VERIFIKATOR, { action: 'CERTIFICATE_REVOKED' });
    expectNoIssuanceFields(last.page, 'CERTIFICATE_REVOKED');
    expect(last.page.content).toContain('Konfirmasi: sertifikat dicabut BSrE');
    expect(registerRows(emu)[2]?.Status).toBe('Dicabut');
    const finalMail = lastMailTo(emu, APPLICANT);
    expect(finalMail.subject).toContain('sudah dicabut');
    expect(finalMail.body).not.toContain('terbit');
    expect(rowsOf(emu, 'Sertifikat Terbit').map((c) => [c['Nomor seri sertifikat'], c['Status sertifikat']])).toEqual([
      [OLD, 'Dicabut'],
    ]);
    const run = emu.runMenuItem('Periksa masa berlaku sertifikat', OWNER);
    expect(run.status, run.error ?? '').toBe('COMPLETED');
    expect(rowsOf(emu, 'Sertifikat Terbit').map((c) => [c['Nomor seri sertifikat'], c['Status sertifikat']])).toEqual([
      [OLD, 'Dicabut'],
    ]);
    expect(mailsTo(emu, APPLICANT).filter((m) => m.subject.includes('Masa berlaku'))).toHaveLength(0);
  });
});
