// The simulator at phone size as a Kepala Dinas uses it: the Gmail inbox, the open mail, its link into the web app frame; nothing scrolls sideways, inside or outside the frames.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchChromium } from '../browser/chromium';
import { horizontalOverflow, PHONE, screenshot } from './checks';
import { APPLICANT, applicationAnswers, KADIS, Tour } from './tour';

const availability = browserAvailability();

describe.skipIf(!availability.run)('the simulator at 360×740 (real program)', () => {
  let tour: Tour;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    tour = await Tour.start();
    tour.emulator.submitForm(applicationAnswers(), { respondentEmail: APPLICANT });
    const verify = await tour.visit('verifikasi-email', APPLICANT, tour.linkFor(APPLICANT));
    await tour.decide('hasil-verifikasi-email', APPLICANT, verify, { action: 'VERIFY_EMAIL' });
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
    await page.setExtraHTTPHeaders({ 'X-Simulator-User': KADIS });
  });

  afterAll(async () => {
    await browser?.close();
    await tour?.close();
  });

  async function frameOf(selector: string): Promise<Frame> {
    const frame = await (await page.waitForSelector(selector)).contentFrame();
    if (!frame) throw new Error(`no frame ${selector}`);
    await frame.waitForLoadState();
    return frame;
  }

  it('shows the Kepala Dinas mail and the decision page it links to without sideways scrolling', async () => {
    const mail = tour.lastMailTo(KADIS);
    await page.goto(`${tour.sim.url}/gmail/${mail.id}`);
    const body = await frameOf('iframe[title="Isi surel"]');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await body.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await screenshot(page, 'mobile', 'simulator-gmail-kepala-dinas');

    await body.locator('a[href*="/exec"]').first().click();
    await page.waitForURL(/\/exec\?/);
    const app = await frameOf('iframe.webapp-frame');
    await app.waitForSelector('main h1');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await app.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    expect(await app.textContent('main')).toContain('Budi Santoso');
    await screenshot(page, 'mobile', 'simulator-keputusan-kepala-dinas');
  });
});
