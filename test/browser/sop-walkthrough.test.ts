// The whole SOP in Chromium against the real program in the emulator: one application from the Form to "certificate issued", with the guide's screenshots.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../scripts/simulator/server';
import { bundleDir } from '../support/bundle';
import { browserAvailability, launchChromium } from './chromium';
import { applicantAnswers, Visitor } from './sop-steps';

const availability = browserAvailability();

const APPLICANT = 'budi.santoso@bolmongkab.go.id';
const KEPALA_DINAS = 'kepala.dinas@bolmongkab.go.id';
const KABID = 'kabid.persandian@bolmongkab.go.id';
const SANDIMAN = 'sandiman@bolmongkab.go.id';
const VERIFIKATOR = 'verifikator@bolmongkab.go.id';

describe.skipIf(!availability.run)('SOP walk-through in Chromium (real program)', () => {
  let sim: Simulator;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let blocked: string[] = [];
  let you: Visitor;

  beforeAll(async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'sim-sop-')), 'simulator.sqlite');
    sim = await startSimulator({ port: 0, dataFile, reset: true, codeDir: bundleDir() });
    ({ context, blocked, close: closeBrowser } = await launchChromium());
    you = new Visitor(await context.newPage(), sim.url, true);
    you.page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    expect(blocked, 'requests that tried to leave 127.0.0.1').toEqual([]);
    await closeBrowser?.();
    await sim?.close();
  });

  it('the applicant fills the Form and confirms the official e-mail address', async () => {
    await you.signInAs(APPLICANT);
    await you.fillForm(applicantAnswers('Budi Santoso', APPLICANT), '01-formulir');
    await you.shot('02-formulir-terkirim');
    const mail = await you.openMail('verifikasi email dinas', '03-gmail-pemohon');
    const page = await you.followMailLink(mail, 'Verifikasi email dinas');
    const done = await you.press(page, 'Konfirmasi email saya aktif', '04-verifikasi-email');
    expect(await you.appText(done)).toContain('Menunggu disposisi Kepala Dinas');
  });

  it('the Kepala Dinas disposes it to the Kabid Persandian', async () => {
    await you.signInAs(KEPALA_DINAS);
    const mail = await you.openMail('TTE-2026-0001', '05-gmail-kepala-dinas');
    const page = await you.followMailLink(mail);
    expect(await you.appText(page)).toContain('NIK 7101********0001');
    const done = await you.press(page, 'Disposisikan', '06-disposisi-kepala-dinas');
    expect(await you.appText(done)).toContain('Status sekarang: Didisposisikan ke Kabid Persandian');
  });

  it('the Kabid Persandian forwards it to a Sandiman', async () => {
    await you.signInAs(KABID);
    const mail = await you.openMail('TTE-2026-0001');
    const page = await you.followMailLink(mail);
    expect(await you.appText(page)).toContain('sebagai Kabid Persandian');
    const done = await you.press(page, 'Disposisikan', '07-disposisi-kabid');
    expect(await you.appText(done)).toContain('Status sekarang: Diteruskan ke Sandiman');
  });

  it('the Sandiman checks the files and forwards to the Verifikator', async () => {
    await you.signInAs(SANDIMAN);
    const mail = await you.openMail('TTE-2026-0001');
    const page = await you.followMailLink(mail);
    for (const box of await page.locator('input[name=check]').all()) await box.check();
    const done = await you.press(page, 'Setujui dan teruskan ke Verifikator', '08-pemeriksaan-sandiman');
    expect(await you.appText(done)).toContain('Status sekarang: Diteruskan ke Verifikator');
  });

  it('the Verifikator submits to BSrE and logs its outcomes until the certificate is issued', async () => {
    await you.signInAs(VERIFIKATOR);
    let mail = await you.openMail('[Perlu diajukan ke BSrE]');
    let page = await you.followMailLink(mail);
    page = await you.press(page, 'Konfirmasi: sudah diajukan ke BSrE', '09-verifikator-ajukan-bsre');
    expect(await you.appText(page)).toContain('Status sekarang: Diajukan ke BSrE');
    const outcomes: [string, string, string][] = [
      ['Perlu konfirmasi akun BSrE', 'Konfirmasi: akun BSrE sudah dikirim ke pemohon (4a)', 'Akun BSrE dikirim'],
      ['Perlu konfirmasi verifikasi BSrE', 'Konfirmasi: pendaftaran terverifikasi BSrE (4b)', 'Terverifikasi BSrE'],
      ['Perlu konfirmasi passphrase', 'Konfirmasi: passphrase sudah diatur (4c)', 'Passphrase sudah diatur'],
    ];
    for (const [need, button, next] of outcomes) {
      mail = await you.openMail(`[${need}]`);
      page = await you.followMailLink(mail);
      page = await you.press(page, button);
      expect(await you.appText(page)).toContain(`Status sekarang: ${next}`);
    }
    mail = await you.openMail('[Perlu konfirmasi sertifikat terbit]');
    page = await you.followMailLink(mail);
    await page.locator('input[name=serial]').fill('3A7F00C1D2E3F4');
    await page.locator('input[name=validUntil]').fill('2028-01-05');
    page = await you.press(page, 'Konfirmasi: sertifikat terbit', '10-verifikator-sertifikat-terbit');
    expect(await you.appText(page)).toContain('Status sekarang: Sertifikat terbit');
  });

  it('the applicant receives the "certificate issued" mail and the register shows the row issued', async () => {
    await you.signInAs(APPLICANT);
    const mail = await you.openMail('Sertifikat elektronik Anda sudah terbit', '11-gmail-sertifikat-terbit');
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text, as the applicant reads it
    expect(await mail.locator('body').innerText()).toContain('Nomor seri sertifikat: 3A7F00C1D2E3F4');
    await you.signInAs(sim.emulator.state.owner);
    await you.page.goto(`${sim.url}/spreadsheet`);
    await you.page.click('a[data-tab]:has-text("Register Permohonan")');
    const row = you.page.locator('section.sheet:not([hidden]) tr', { hasText: 'TTE-2026-0001' });
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text of the row
    await expect.poll(() => row.innerText()).toContain('Sertifikat terbit');
    await you.shot('12-register');
  });

  it('the clock moves an hour forward and the executions page lists the trigger runs', async () => {
    await you.page.goto(`${sim.url}/clock`);
    await you.page.click('button[value="60"]');
    await expect.poll(() => you.page.textContent('[data-flash]')).toContain('Waktu dimajukan 60 menit');
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text of the executions table
    expect(await you.page.locator('#executions').innerText()).toContain('runSlaCheck_');
    await you.shot('14-jam-eksekusi');
  });
});
