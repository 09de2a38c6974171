// What each person does in the simulator's browser screens during the SOP, shared by the walk-through tests.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FrameLocator, Page } from 'playwright-core';
import { expect } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The guide's screenshots (docs/panduan-simulator.md). */
export const SCREENSHOT_DIR = join(root, 'docs/screenshots');

/** The intake Form answers of one applicant, keyed by question title. */
export type Answers = Record<string, string | string[]>;

/** A valid applicant: NIK and NIP agree on the birth date (15-08-1985) and gender. */
export function applicantAnswers(name: string, email: string, nikSerial = '0001'): Answers {
  return {
    'Nama lengkap sesuai KTP': name,
    'NIK (Nomor Induk Kependudukan)': `71010115088500${nikSerial.slice(-2)}`,
    'Status kepegawaian': 'PNS',
    'NIP / NI PPPK': `19850815201001100${nikSerial.slice(-1)}`,
    Jabatan: 'Analis Kebijakan',
    'Unit kerja / Perangkat Daerah (OPD)': 'Dinas Komunikasi dan Informatika',
    'Apakah Anda sudah memiliki email dinas (.go.id) yang aktif?': 'Ya, sudah aktif',
    'Email dinas (.go.id)': email,
    'Nomor ponsel (WhatsApp)': '081234567890',
    'Jenis layanan': 'Penerbitan baru',
    'Cara menyerahkan berkas persyaratan': 'Saya akan membawa berkas ke Dinas Kominfo',
    Persetujuan: [
      'Saya menyatakan data yang saya isi benar dan sama dengan KTP, dan saya memahami pemberitahuan privasi di atas.',
    ],
  };
}

/** Drives one browser tab through the simulator. */
export class Visitor {
  constructor(
    readonly page: Page,
    readonly url: string,
    private readonly shots: boolean,
  ) {}

  /** Takes a guide screenshot (only in the main walk-through, so the guide's pictures are stable). */
  async shot(name: string): Promise<void> {
    if (!this.shots) return;
    const file = join(SCREENSHOT_DIR, `${name}.png`);
    // Each run signs new link tokens and times, so a committed picture is rewritten only when asked to.
    if (existsSync(file) && process.env.UPDATE_SCREENSHOTS !== '1') return;
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({ path: file, fullPage: false });
  }

  /** Signs in as `email` with the "Masuk sebagai" switch, as staff would. */
  async signInAs(email: string): Promise<void> {
    await this.page.goto(`${this.url}/`);
    await this.page.fill('form.whoami input[name=other]', email);
    await this.page.click('form.whoami button[type=submit]');
    await expect.poll(() => this.page.inputValue('#whoami-select')).toBe(email);
  }

  /** Fills the intake Form question by question and sends it; returns to the confirmation page. */
  async fillForm(answers: Answers, shot = ''): Promise<void> {
    await this.page.goto(`${this.url}/form`);
    for (const [title, value] of Object.entries(answers)) {
      const card = this.page.locator(`.question[data-title="${title.replace(/"/g, '\\"')}"]`);
      const type = await card.getAttribute('data-type');
      if (type === 'MULTIPLE_CHOICE' || type === 'CHECKBOX') {
        for (const choice of Array.isArray(value) ? value : [value]) {
          await card.locator(`input[value="${choice.replace(/"/g, '\\"')}"]`).check();
        }
      } else if (type === 'LIST') {
        await card.locator('select').selectOption(String(value));
      } else {
        await card.locator('input, textarea').first().fill(String(value));
      }
    }
    if (shot) await this.shot(shot);
    await this.page.click('#form-submit');
    await this.page.waitForURL(/\/form\/sent\//);
  }

  /** Opens the newest mail whose subject contains `subject` in the signed-in account's inbox. */
  async openMail(subject: string | RegExp, shot = ''): Promise<FrameLocator> {
    await this.page.goto(`${this.url}/gmail`);
    await this.page.locator('.mail-list a', { hasText: subject }).first().click();
    await this.page.waitForSelector('article[data-mail]');
    if (shot) await this.shot(shot);
    return this.page.frameLocator('iframe[title="Isi surel"]');
  }

  /** Follows the mail's link into the web app (the link with `text`, else its first web-app link). */
  async followMailLink(mail: FrameLocator, text?: string | RegExp): Promise<FrameLocator> {
    const link = text ? mail.locator('a', { hasText: text }).first() : mail.locator('a[href*="/exec"]').first();
    await link.click();
    await this.page.waitForURL(/\/exec/);
    const app = this.page.frameLocator('iframe.webapp-frame');
    await app.locator('body').waitFor();
    return app;
  }

  /** Presses a button on the web-app page; the page's form posts to /exec and the result replaces the frame. */
  async press(app: FrameLocator, button: string, shot = ''): Promise<FrameLocator> {
    const target = app.locator('button', { hasText: button }).first();
    await target.waitFor();
    if (shot) await this.shot(shot);
    await Promise.all([this.page.waitForNavigation(), target.click()]);
    const next = this.page.frameLocator('iframe.webapp-frame');
    await next.locator('body').waitFor();
    return next;
  }

  /** Fills fields of the form that holds `button` (name -> value), then presses it. */
  async pressWith(app: FrameLocator, button: string, fields: Record<string, string>, shot = ''): Promise<FrameLocator> {
    const form = app.locator('form', { has: app.locator('button', { hasText: button }) }).first();
    const summary = app.locator('details', { has: form }).locator('summary');
    if ((await summary.count()) > 0 && !(await form.isVisible())) await summary.first().click();
    for (const [name, value] of Object.entries(fields)) await form.locator(`[name="${name}"]`).fill(value);
    return this.press(app, button, shot);
  }

  /** The web app frame's visible text. */
  async appText(app: FrameLocator): Promise<string> {
    // biome-ignore lint/performance/useDomNodeTextContent: the visible text, as the official reads it
    return (await app.locator('body').innerText()).replace(/\s+/g, ' ');
  }
}
