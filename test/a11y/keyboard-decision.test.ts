// Keyboard only: officials decide on the mail-link decision page at phone size with Tab, Space and Enter, in Chromium against the real program in the simulator.
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchChromium } from '../browser/chromium';
import { PHONE } from './checks';
import { APPLICANT, applicationAnswers, KABID, KADIS, SANDIMAN, Tour, VERIFIKATOR } from './tour';

const availability = browserAvailability();

/** The most Tab presses a decision may take (a guard against an endless loop, not a target). */
const MAX_TABS = 60;

describe.skipIf(!availability.run)('deciding with the keyboard alone (real program, simulator, 360×740)', () => {
  let tour: Tour;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    tour = await Tour.start();
    const submitted = tour.emulator.submitForm(applicationAnswers(), { respondentEmail: APPLICANT });
    expect(submitted.executions.map((e) => e.status)).toEqual(['COMPLETED']);
    const verify = await tour.visit('verifikasi-email', APPLICANT, tour.linkFor(APPLICANT));
    await tour.decide('hasil-verifikasi-email', APPLICANT, verify, { action: 'VERIFY_EMAIL' });
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.setViewportSize(PHONE);
  });

  afterAll(async () => {
    await browser?.close();
    await tour?.close();
  });

  /** Opens the official's decision page (the program's page as Google frames it) signed in as `user`. */
  async function openDecisionPage(user: string): Promise<void> {
    await tour.visit('keputusan', user, tour.linkFor(user));
    const opened = tour.pages.at(-1);
    if (!opened) throw new Error('no page');
    await page.setExtraHTTPHeaders({ 'X-Simulator-User': user });
    await page.goto(`${tour.sim.url}${opened.path}`);
  }

  /** What has the keyboard focus: tag, type and text, and whether it is in view and shows a focus indicator. */
  async function focused(): Promise<{ tag: string; type: string; text: string; visible: boolean; ring: boolean }> {
    return (await page.evaluate(`(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return { tag: 'body', type: '', text: '', visible: true, ring: true };
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      return {
        tag: el.tagName.toLowerCase(),
        type: el.getAttribute('type') || '',
        text: (el.textContent || '').trim(),
        visible: box.bottom > 0 && box.top < window.innerHeight && box.width > 0,
        ring,
      };
    })()`)) as { tag: string; type: string; text: string; visible: boolean; ring: boolean };
  }

  /** Presses Tab until the focus is on a control matching `wanted`; every stop is in view with a focus indicator. */
  async function tabTo(wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean): Promise<void> {
    for (let i = 0; i < MAX_TABS; i++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      if (now.tag !== 'body') {
        expect(now.visible, `${now.tag} "${now.text}" scrolled into view`).toBe(true);
        expect(now.ring, `${now.tag} "${now.text}" shows where the focus is`).toBe(true);
      }
      if (wanted(now)) return;
    }
    throw new Error('the control was not reached with Tab');
  }

  /** The web app's answer after the form posted (Google's frame around the program's result page). */
  async function resultText(): Promise<string> {
    await page.waitForURL(/\/exec/);
    const frame: Frame | null = await (await page.waitForSelector('iframe.webapp-frame')).contentFrame();
    if (!frame) throw new Error('no web-app frame');
    await frame.waitForSelector('main h1');
    return ((await frame.textContent('main')) ?? '').replace(/\s+/g, ' ');
  }

  it('the Kepala Dinas disposes with Tab and Enter until the result shows', async () => {
    await openDecisionPage(KADIS);
    await tabTo((f) => f.tag === 'button' && f.text === 'Disposisikan');
    await page.keyboard.press('Enter');
    expect(await resultText()).toContain('Didisposisikan ke Kabid Persandian');
  });

  it('the skip link takes the keyboard straight to the choices', async () => {
    await openDecisionPage(KABID);
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'a', text: 'Langsung ke pilihan tindakan' });
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect((await focused()).tag).toBe('select');
  });

  it('the Kabid Persandian picks the Sandiman with the arrow keys, types an instruction and disposes', async () => {
    await openDecisionPage(KABID);
    await tabTo((f) => f.tag === 'select');
    await page.keyboard.press('ArrowDown');
    await tabTo((f) => f.tag === 'textarea');
    await page.keyboard.type('Mohon diperiksa hari ini');
    await tabTo((f) => f.tag === 'button' && f.text === 'Disposisikan');
    await page.keyboard.press('Enter');
    expect(await resultText()).toContain('Diteruskan ke Sandiman');
    const disposed = tour.emulator.sheetDisplayValues('Register Permohonan');
    expect(disposed.flat().join(' ')).toContain('Mohon diperiksa hari ini');
  });

  it('the Sandiman ticks every checklist box with Space and approves with Enter', async () => {
    await openDecisionPage(SANDIMAN);
    const boxes = (await page.evaluate("document.querySelectorAll('input[name=check]').length")) as number;
    expect(boxes).toBeGreaterThan(0);
    for (let i = 0; i < boxes; i++) {
      await tabTo((f) => f.tag === 'input' && f.type === 'checkbox');
      await page.keyboard.press('Space');
    }
    expect(await page.evaluate("document.querySelectorAll('input[name=check]:checked').length")).toBe(boxes);
    await tabTo((f) => f.tag === 'button' && /Verifikator/.test(f.text));
    await page.keyboard.press('Enter');
    expect(await resultText()).toContain('Diteruskan ke Verifikator');
    expect(tour.lastMailTo(VERIFIKATOR).subject).toContain('TTE-2026-0001');
  });
});
