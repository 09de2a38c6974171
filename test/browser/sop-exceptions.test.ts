// The SOP's other endings in Chromium against the real program: a rejected application, and one returned for correction and corrected.
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

const KEPALA_DINAS = 'kepala.dinas@bolmongkab.go.id';

describe.skipIf(!availability.run)('SOP rejection and correction in Chromium (real program)', () => {
  let sim: Simulator;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let blocked: string[] = [];
  let you: Visitor;

  beforeAll(async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'sim-sop-x-')), 'simulator.sqlite');
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

  /** The register row of an application, as the grid's display values. */
  async function sheetRows(reference: string): Promise<string[][]> {
    const response = await fetch(`${sim.url}/api/sheets/${encodeURIComponent('Register Permohonan')}`);
    const sheet = (await response.json()) as { values: string[][] };
    return sheet.values.filter((row) => row[0] === reference);
  }

  /** An applicant applies and confirms the address; returns the application's number from the mail subject. */
  async function apply(name: string, email: string, serial: string): Promise<string> {
    await you.signInAs(email);
    await you.fillForm(applicantAnswers(name, email, serial));
    const mail = await you.openMail('verifikasi email dinas');
    const page = await you.followMailLink(mail, 'Verifikasi email dinas');
    await you.press(page, 'Konfirmasi email saya aktif');
    const subject =
      sim.emulator
        .outbox()
        .filter((m) => m.to === email)
        .at(-1)?.subject ?? '';
    return /\[(TTE-\d{4}-\d{4})\]/.exec(subject)?.[1] ?? '';
  }

  it('the Kepala Dinas rejects an application with a reason; the applicant is told why', async () => {
    const email = 'siti.rahma@bolmongkab.go.id';
    const reference = await apply('Siti Rahma', email, '0002');
    await you.signInAs(KEPALA_DINAS);
    const mail = await you.openMail(reference);
    const page = await you.followMailLink(mail);
    const reason = 'Pemohon bukan ASN Pemkab Bolaang Mongondow.';
    const done = await you.pressWith(page, 'Tolak permohonan', { reason });
    expect(await you.appText(done)).toContain('Status sekarang: Ditolak');
    await you.signInAs(email);
    const told = await you.openMail(`[${reference}] Permohonan ditolak`);
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text, as the applicant reads it
    expect(await told.locator('body').innerText()).toContain(reason);
    expect((await sheetRows(reference))[0]).toContain('Ditolak');
  });

  it('the Kepala Dinas returns an application; the applicant corrects it through the edit link', async () => {
    const email = 'andi.pratama@bolmongkab.go.id';
    const reference = await apply('Andi Pratama', email, '0003');
    await you.signInAs(KEPALA_DINAS);
    const mail = await you.openMail(reference);
    const page = await you.followMailLink(mail);
    const done = await you.pressWith(page, 'Kembalikan untuk perbaikan', { reason: 'Jabatan belum lengkap.' });
    expect(await you.appText(done)).toContain('Status sekarang: Dikembalikan untuk perbaikan');
    // The applicant corrects it an hour later (the program tells an edit from a repeated delivery by its time).
    await you.page.goto(`${sim.url}/clock`);
    await you.page.click('button[value="60"]');
    await you.signInAs(email);
    const returned = await you.openMail(`[${reference}] Permohonan dikembalikan untuk perbaikan`);
    await returned.locator('a[href*="/form/edit/"]').first().click();
    await you.page.waitForURL(/\/form\/edit\//);
    const jabatan = you.page.locator('.question[data-title="Jabatan"] input');
    expect(await jabatan.inputValue()).toBe('Analis Kebijakan');
    await jabatan.fill('Analis Kebijakan Ahli Muda');
    await you.page.click('#form-submit');
    await you.page.waitForURL(/\/form\/sent\//);
    const [row] = await sheetRows(reference);
    expect(row).toContain('Analis Kebijakan Ahli Muda');
    expect(row?.[1]).toBe('Menunggu disposisi Kepala Dinas');
    await you.signInAs(KEPALA_DINAS);
    const again = await you.followMailLink(await you.openMail(new RegExp(`\\[Perlu disposisi\\].*\\(${reference}\\)`)));
    expect(await you.appText(again)).toContain(reference);
    const disposed = await you.press(again, 'Disposisikan');
    expect(await you.appText(disposed)).toContain('Status sekarang: Didisposisikan ke Kabid Persandian');

    // The Kabid Persandian can also work from the spreadsheet: custom menu, the prompt, the sidebar.
    await you.signInAs('kabid.persandian@bolmongkab.go.id');
    await you.page.goto(`${sim.url}/spreadsheet`);
    await you.page.click('summary:has-text("Sertifikat Elektronik")');
    await you.page.click('.menubar .items button:has-text("Buka panel tindakan")');
    await you.page.fill('#prompt-answer', reference);
    await you.page.click('form[data-prompt] button[value=OK]');
    const panel = you.page.frameLocator('aside.sidebar iframe');
    const open = panel.locator('a', { hasText: 'Buka halaman keputusan' });
    await open.waitFor();
    await you.shot('13-panel-samping');
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text, as the official reads it
    expect(await panel.locator('body').innerText()).toContain(`Keputusan permohonan ${reference}`);
    // The sidebar decides nothing itself (it runs as the official): its link opens the web app's decision page, which
    // runs as the owner, in a new tab.
    expect(await panel.locator('button', { hasText: 'Disposisikan' }).count()).toBe(0);
    expect(await open.getAttribute('target')).toBe('_blank');
    const [tab] = await Promise.all([context.waitForEvent('page'), open.click()]);
    await tab.waitForURL(/\/exec/);
    const official = new Visitor(tab, sim.url, false);
    tab.setDefaultTimeout(10_000);
    const decisionPage = tab.frameLocator('iframe.webapp-frame');
    expect(await official.appText(decisionPage)).toContain(`Keputusan permohonan ${reference}`);
    const result = await official.press(decisionPage, 'Disposisikan');
    expect(await official.appText(result)).toContain('Diteruskan ke Sandiman');
    await tab.close();
  });
});
