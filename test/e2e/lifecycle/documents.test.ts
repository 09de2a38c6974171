// Printables and the public status page through the built bundle: Surat Permohonan and Lembar Disposisi in the kop,
// Cek Status Permohonan by reference number and the access code from the receipt mail.
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_QUESTIONS as Q } from '../../../src/core/messages/lifecycle';
import { APPLICANT, act, answers, KABID, KADIS, lastMailTo, OWNER, setUp } from '../harness';
import { issueCertificate } from './lifecycle-harness';

const REFERENCE = 'TTE-2026-0001';

function accessCode(emu: ReturnType<typeof setUp>): string {
  const receipt = lastMailTo(emu, APPLICANT);
  const code = /Kode akses Cek Status Permohonan: ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(receipt.body)?.[1];
  if (!code) throw new Error('no access code in the receipt');
  return code;
}

describe('Cek Status Permohonan', () => {
  it('shows the status by reference number and the code from the receipt, and nothing personal', () => {
    const emu = setUp();
    emu.submitForm(answers());
    const code = accessCode(emu);
    expect(lastMailTo(emu, APPLICANT).htmlBody).toContain(`?cek=1&amp;ref=${REFERENCE}`);

    const form = emu.doGet({ query: { cek: '1', ref: REFERENCE }, user: APPLICANT });
    expect(form.status).toBe(200);
    expect(form.content).toContain('name="kode"');
    expect(form.content).toContain(`value="${REFERENCE}"`);

    const page = emu.doGet({
      query: { cek: '1', ref: REFERENCE.toLowerCase(), kode: code.toLowerCase() },
      user: APPLICANT,
    });
    expect(page.content).toContain('Menunggu verifikasi email');
    expect(page.content).toContain('&amp;cetak=surat');
    for (const personal of ['Budi', '7101', '198508152010011001', APPLICANT, '0812'])
      expect(page.content).not.toContain(personal);

    // "ANYONE" web app access: any signed-in Google account may look; the code is what protects the status.
    const wrong = emu.doGet({ query: { cek: '1', ref: REFERENCE, kode: 'AAAAA-AAAAA' }, user: 'tamu@gmail.com' });
    expect(wrong.content).toContain('tidak cocok');
    const unknown = emu.doGet({ query: { cek: '1', ref: 'TTE-2026-9999', kode: code }, user: 'tamu@gmail.com' });
    expect(unknown.content).toContain('tidak cocok');
    expect(unknown.content).not.toContain('Menunggu');
  });

  it('tells a passphrase-reset applicant that the BSrE link lasts one day', () => {
    const emu = setUp();
    issueCertificate(emu, 'BSRE-2025-000100', '2027-06-30');
    emu.submitForm({ ...answers({ service: 'Reset passphrase' }), [Q.serial]: 'BSRE-2025-000100' });
    const code = accessCode(emu);
    const page = emu.doGet({ query: { cek: '1', ref: 'TTE-2026-0002', kode: code }, user: APPLICANT });
    expect(page.content).toContain('hanya berlaku 1 hari (24 jam)');
    expect(page.content).toContain('Verifikator memastikan identitas pemohon');
  });
});

describe('printables in the letterhead', () => {
  it('the applicant prints the pre-filled Surat Permohonan from the status page; staff print it from the menu', () => {
    const emu = setUp();
    emu.submitForm(answers());
    const code = accessCode(emu);
    const surat = emu.doGet({ query: { cek: '1', ref: REFERENCE, kode: code, cetak: 'surat' }, user: APPLICANT });
    expect(surat.content).toContain('PEMERINTAH KABUPATEN BOLAANG MONGONDOW');
    expect(surat.content).toContain('SURAT PERMOHONAN');
    expect(surat.content).toContain('Budi Santoso');
    expect(surat.content).toContain('198508152010011001');
    expect(surat.content).toContain('Penerbitan baru');
    expect(surat.content).not.toContain('7101201508850001');

    emu.uiResponder = () => ({ button: 'OK', text: REFERENCE });
    const menu = emu.runMenuItem('Surat Permohonan (baris terpilih)', OWNER);
    expect(menu.status, menu.error ?? '').toBe('COMPLETED');
    expect(menu.ui.dialogs[0]?.title).toBe(`SURAT PERMOHONAN ${REFERENCE}`);
    expect(menu.ui.dialogs[0]?.html).toContain('Lolak, 5 Januari 2026');
  });

  it('the Lembar Disposisi carries the kop from Pengaturan', () => {
    const emu = setUp();
    const ss = emu.state.spreadsheets[emu.state.scriptProperties.SPREADSHEET_ID ?? ''];
    const settings = ss?.sheets.find((s) => s.name === 'Pengaturan');
    const contact = settings?.values.find((r) => r[0] === 'Kop surat: telepon / email / laman');
    if (!contact) throw new Error('no kop row in Pengaturan');
    contact[1] = 'Telp. (0434) 21000 · diskominfo@bolmongkab.go.id';
    emu.submitForm(answers());
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    act(emu, KADIS, { action: 'DISPOSE', toEmail: KABID, instruction: 'Segera diproses' });
    emu.uiResponder = () => ({ button: 'OK', text: REFERENCE });
    const sheet = emu.runMenuItem('Lembar Disposisi (baris terpilih)', OWNER);
    const html = sheet.ui.dialogs[0]?.html ?? '';
    expect(html).toContain('class="kop"');
    expect(html).toContain('Telp. (0434) 21000');
    expect(html).toContain('Segera diproses');
  });
});
