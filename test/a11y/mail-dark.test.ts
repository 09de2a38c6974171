// The mails in dark mode as the Gmail app on Android shows them: Chromium's algorithmic darkening (the engine of Android WebView's force dark) at 360×740, with screenshots.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, chromiumPath } from '../browser/chromium';
import { horizontalOverflow, PHONE, screenshot } from './checks';
import { APPLICANT, KADIS, mailSlug, Tour, walkEveryPage } from './tour';

const availability = browserAvailability();

describe.skipIf(!availability.run)('mails in dark mode (Gmail app, Android force dark)', () => {
  let tour: Tour;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    tour = await Tour.start();
    await walkEveryPage(tour);
    const executablePath = chromiumPath();
    if (!executablePath) throw new Error('Chromium not found');
    profile = mkdtempSync(join(tmpdir(), 'sim-chromium-dark-'));
    // The same flags as test/browser/chromium.ts, plus Blink's force dark (what Android WebView applies for Gmail).
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      viewport: PHONE,
      colorScheme: 'dark',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--blink-settings=forceDarkModeEnabled=true',
      ],
    });
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await tour?.close();
  });

  it.each([
    ['the Kepala Dinas', KADIS, 0],
    ['the applicant (certificate issued)', APPLICANT, -1],
  ] as const)('the mail to %s keeps its layout in dark mode', async (_who, to, index) => {
    const mails = tour.emulator.outbox().filter((m) => m.to === to);
    const mail = mails.at(index);
    if (!mail) throw new Error(`no mail to ${to}`);
    const page = await context.newPage();
    await page.setContent(mail.htmlBody, { waitUntil: 'load' });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'mobile', `gelap-${mailSlug(mail)}`);
    await page.close();
  });
});
