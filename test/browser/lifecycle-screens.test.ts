// The Dasbor and the monthly report PDF looked at in Chromium, on the known data set, through the simulator with the
// real program; screenshots go to docs/screenshots/ (dasbor.png, laporan-monev-sop.png).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../scripts/simulator/server';
import { loadKnownData, sheetState } from '../e2e/lifecycle/lifecycle-harness';
import { bundleDir } from '../support/bundle';
import { browserAvailability, launchChromium } from './chromium';
import { dasborHtml } from './dasbor-view';

const availability = browserAvailability();
const OWNER = 'admin@bolmongkab.go.id';
const SHOTS = join(process.cwd(), 'docs', 'screenshots');

describe.skipIf(!availability.run)('Dasbor and Laporan Monev SOP in Chromium (real program)', () => {
  let sim: Simulator;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'sim-lifecycle-')), 'simulator.sqlite');
    sim = await startSimulator({
      port: 0,
      dataFile,
      reset: true,
      codeDir: bundleDir(),
      start: '2026-12-01T09:00:00+08:00',
    });
    loadKnownData(sim.emulator);
    ({ context, close: closeBrowser } = await launchChromium());
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await sim?.close();
  });

  it('the Dasbor: the values the script wrote and its five charts', async () => {
    const run = sim.emulator.run('refreshDashboard_', [], { user: OWNER, kind: 'MENU' });
    expect(run.status, run.error ?? '').toBe('COMPLETED');
    const grid = sim.emulator.sheetDisplayValues('Dasbor');
    const charts = sheetState(sim.emulator, 'Dasbor').charts;
    await page.setViewportSize({ width: 1400, height: 1500 });
    await page.setContent(dasborHtml(grid, charts));
    await expect.poll(() => page.locator('figure').count()).toBe(5);
    expect(await page.locator('figcaption').allTextContents()).toEqual([
      'Permohonan menurut status',
      'Permohonan menurut OPD',
      'Sertifikat terbit per bulan',
      'Sertifikat aktif, segera kedaluwarsa, kedaluwarsa',
      'Tepat waktu per tahap (%)',
    ]);
    expect(await page.textContent('table')).toContain('Dinas Kesehatan');
    await page.screenshot({ path: join(SHOTS, 'dasbor.png'), fullPage: true });
  });

  it('the report: the PDF in Drive opens in Chromium from the simulator', async () => {
    const run = sim.emulator.run('generateReport_', [], { user: OWNER, kind: 'MENU' });
    expect(run.status, run.error ?? '').toBe('COMPLETED');
    const { fileId } = run.value as { fileId: string };
    await page.setViewportSize({ width: 1100, height: 1400 });
    await page.goto(`${sim.url}/`);
    await page.fill('form.whoami input[name=other]', OWNER);
    await page.click('form.whoami button[type=submit]');
    const download = await page.request.get(`${sim.url}/drive/${fileId}`);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const response = await page.goto(`${sim.url}/drive/${fileId}`);
    expect(response?.status()).toBe(200);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(SHOTS, 'laporan-monev-sop.png') });
  });
});
