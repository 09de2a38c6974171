// The simulator's screens in Chromium over a stand-in emulator: Form submission, Gmail link into the web app, google.script.run, menu sidebar and host.close.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../scripts/simulator/server';
import { createFakeEmulator } from '../simulator/fake-emulator';
import { browserAvailability, launchChromium } from './chromium';

const availability = browserAvailability();

describe.skipIf(!availability.run)('simulator screens in Chromium (stand-in emulator)', () => {
  let sim: Simulator;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let blocked: string[] = [];
  let page: Page;

  async function signInAs(email: string): Promise<void> {
    await page.goto(`${sim.url}/`);
    await page.fill('form.whoami input[name=other]', email);
    await page.click('form.whoami button[type=submit]');
    await expect.poll(() => page.inputValue('#whoami-select')).toBe(email);
  }

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-browser-fake-'));
    const codeDir = join(dir, 'bundle');
    mkdirSync(codeDir);
    writeFileSync(
      join(codeDir, 'Code.js'),
      ['setup_', 'openPanel_', 'onOpen', 'decide', 'boom', 'doGet'].map((name) => `function ${name}() {}`).join('\n'),
    );
    sim = await startSimulator({
      port: 0,
      dataFile: join(dir, 'state.json'),
      reset: true,
      codeDir,
      createEmulator: createFakeEmulator,
    });
    ({ context, blocked, close: closeBrowser } = await launchChromium());
    page = await context.newPage();
  });

  afterAll(async () => {
    expect(blocked, 'requests that tried to leave 127.0.0.1').toEqual([]);
    await closeBrowser?.();
    await sim?.close();
  });

  it('refuses an incomplete Form with the reasons beside the questions, then accepts it', async () => {
    await signInAs('pemohon@bolmongkab.go.id');
    await page.goto(`${sim.url}/form`);
    await expect.poll(() => page.textContent('h1')).toBe('Permohonan Sertifikat Elektronik');
    await page.fill('#item-2', '123');
    await page.click('#form-submit');
    await expect.poll(() => page.textContent('[data-title="NIP"] .error-text')).toBe('NIP harus 18 angka');
    await page.fill('#item-1', 'Budi Santoso');
    await page.fill('#item-2', '198001012005011001');
    await page.check('text=Penerbitan baru');
    await page.check('text=Saya setuju');
    await page.setInputFiles('#item-5', {
      name: 'surat.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1'),
    });
    await page.click('#form-submit');
    await page.waitForURL(/\/form\/sent\//);
    expect(await page.textContent('[data-confirmation]')).toBe('Permohonan Anda sudah kami terima.');
    const form = sim.emulator.state.forms.f1!;
    expect(form.responses.at(-1)?.respondentEmail).toBe('pemohon@bolmongkab.go.id');
  });

  it('opens the Kepala Dinas mail, follows its link to the web app and decides through google.script.run', async () => {
    await signInAs('kepala.dinas@bolmongkab.go.id');
    await page.goto(`${sim.url}/gmail`);
    await page.click('text=Permohonan baru menunggu disposisi');
    const mail = page.frameLocator('iframe[title="Isi surel"]');
    await mail.locator('text=Buka halaman keputusan').click();
    await page.waitForURL(/\/exec\?a=decide/);
    const app = page.frameLocator('iframe.webapp-frame');
    await expect.poll(() => app.locator('#who').textContent()).toBe('kepala.dinas@bolmongkab.go.id');
    await app.locator('#go').click();
    await expect.poll(() => app.locator('#out').textContent()).toBe('Didisposisikan ke Kabid Persandian');
    await app.locator('#bad').click();
    await expect.poll(() => app.locator('#out').textContent()).toBe('galat: Sengaja gagal u1');
    const last = sim.emulator
      .executions()
      .filter((run) => run.kind === 'SCRIPT_RUN')
      .at(-2);
    expect(last).toMatchObject({ functionName: 'decide', user: 'kepala.dinas@bolmongkab.go.id' });
  });

  it('shows the register grid, runs the custom menu, and closes the sidebar with google.script.host.close', async () => {
    await signInAs('admin@bolmongkab.go.id');
    await page.goto(`${sim.url}/spreadsheet`);
    await expect
      .poll(() => page.locator('section.sheet:not([hidden]) td').nth(5).textContent())
      .toBe('Didisposisikan ke Kabid Persandian');
    await page.click('summary:has-text("Register TTE")');
    await page.click('button:has-text("Buka panel")');
    const panel = page.frameLocator('aside.sidebar iframe');
    await panel.locator('button:has-text("Tutup")').click();
    await expect.poll(() => page.locator('aside.sidebar').count()).toBe(0);
    await page.click('a[data-tab]:has-text("Pengaturan")');
    await expect.poll(() => page.locator('section.sheet:not([hidden])').getAttribute('data-sheet')).toBe('Pengaturan');
  });

  it('moves the clock from the page and lists the trigger executions', async () => {
    await page.goto(`${sim.url}/clock`);
    await page.click('button[value="60"]');
    await expect.poll(() => page.textContent('[data-flash]')).toContain('1 eksekusi pemicu');
    expect(await page.locator('#executions tbody tr').first().textContent()).toContain('remind_');
  });

  it('is usable at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${sim.url}/gmail`);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});
