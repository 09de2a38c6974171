// Every page and mail of the real program, served by the simulator, at phone (360×740) and desktop (1280×800) sizes in Chromium: no horizontal scroll, no external request, 44 px tap targets, axe-core without serious or critical violations, screenshots in docs/screenshots (UPDATE_SCREENSHOTS=1 refreshes them).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankApplication } from '../../src/core/register-schema';
import { mailDataOf } from '../../src/core/workflow';
import type { MailTemplate } from '../../src/core/workflow-types';
import { renderMail } from '../../src/ui/mail/render';
import { browserAvailability, launchChromium } from '../browser/chromium';
import { applicant, ctxOf, START } from '../core/workflow-fixtures';
import {
  type AxeFinding,
  axeViolations,
  DESKTOP,
  horizontalOverflow,
  openAllDetails,
  PHONE,
  screenshot,
  seriousOrCritical,
  smallTapTargets,
} from './checks';
import { mailSlug, Tour, walkEveryPage } from './tour';

const availability = browserAvailability();

/** The web app's page budget (issue 8: light on slow connections). */
const PAGE_BUDGET_BYTES = 50 * 1024;

/** Google Sheets' sidebar is 300 px wide. */
const SIDEBAR = { width: 300, height: 740 } as const;

type Size = 'phone' | 'desktop';

interface Seen {
  name: string;
  overflow: number;
  external: string[];
  small: string[];
  axe: AxeFinding[];
  /** The decision page's primary button: inside the viewport's width (reachable by scrolling down only). */
  primaryInWidth: boolean | null;
  viewportMeta: string;
  /** Ids used twice, and labels whose `for` names no field (a label must name exactly its own field). */
  idProblems: string[];
}

/** Pages with a phone screenshot: every page but the repeated result pages. */
function phoneShot(name: string): boolean {
  return !name.startsWith('hasil-') || name === 'hasil-keputusan';
}

/** Pages and mails with a desktop screenshot: the ones an official decides on, and two mails. */
const DESKTOP_SHOTS = new Set([
  'keputusan-kepala-dinas',
  'pemeriksaan-sandiman',
  'verifikator-sertifikat-terbit',
  'status-permohonan',
  'hasil-keputusan',
  'surel-permohonan-menunggu-tindakan-anda',
  'surel-permohonan-anda-sudah-kami-terima',
]);

/** Every template rendered from a realistic application, for the templates the walk does not reach. */
function templateMails(): [string, string][] {
  const templates: MailTemplate[] = [
    'APPLICANT_INVALID',
    'APPLICANT_NO_OFFICIAL_EMAIL',
    'APPLICANT_RETURNED',
    'APPLICANT_REJECTED',
    'APPLICANT_BSRE_REJECTED',
    'OFFICIAL_REMINDER',
    'OFFICIAL_ESCALATION',
  ];
  const app = blankApplication();
  app.id = 'TTE-2026-0001';
  app.status = 'MENUNGGU_DISPOSISI_KADIS';
  app.currentStep = 1;
  app.editUrl = 'https://docs.google.com/forms/d/e/FORM/viewform?edit2=abc';
  app.applicant = applicant({ unit: 'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah' });
  app.issues = [{ field: 'nik', message: 'NIK harus 16 angka' }];
  const data = mailDataOf(app, ctxOf('', 'SISTEM', START), 'Kepala Dinas', {
    reason: 'Surat permohonan belum ditandatangani',
    holders: 'Kepala Dinas',
    rejectCode: 'EMAIL_TIDAK_AKTIF',
  });
  const url = 'https://script.google.com/macros/s/X/exec?t=';
  return templates.map((t) => [
    `template-${t}`,
    renderMail(t, data, { action: `${url}a`, status: `${url}s`, verify: `${url}v` }).html,
  ]);
}

describe.skipIf(!availability.run)('every page and mail at phone and desktop size (real program, simulator)', () => {
  let tour: Tour;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const external: string[] = [];
  const inspected = new Map<string, Promise<Seen[]>>();

  beforeAll(async () => {
    tour = await Tour.start();
    await walkEveryPage(tour);
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('request', (request) => {
      const url = request.url();
      // The simulator's google.script.run shim stands in for Google's own frame script; anything else is external.
      const shim = url === `${tour.sim.url}/static/gas-shim.js`;
      const self = url.startsWith(`${tour.sim.url}/__page/`);
      if (!shim && !self && !url.startsWith('data:') && url !== 'about:blank') external.push(url);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await tour?.close();
  });

  /** Looks at what is on the page now, at `size`; takes the screenshot first (what the person sees on arrival). */
  async function inspect(name: string, size: { width: number; height: number }, shot: 'mobile' | 'desktop' | '') {
    await page.setViewportSize(size);
    if (shot) await screenshot(page, shot, name);
    const overflow = await horizontalOverflow(page);
    const small = size.width <= PHONE.width ? await smallTapTargets(page) : [];
    const primaryInWidth = (await page.evaluate(`(() => {
      const b = document.querySelector('form button[type=submit]');
      if (!b) return null;
      const box = b.getBoundingClientRect();
      return box.left >= 0 && box.right <= window.innerWidth;
    })()`)) as boolean | null;
    const viewportMeta = (await page.evaluate(
      "document.querySelector('meta[name=viewport]')?.getAttribute('content') ?? ''",
    )) as string;
    const idProblems = (await page.evaluate(`(() => {
      const seen = new Map();
      for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) || 0) + 1);
      const twice = [...seen].filter(([, n]) => n > 1).map(([id]) => 'id "' + id + '" used twice');
      const orphan = [...document.querySelectorAll('label[for]')]
        .filter((l) => !document.getElementById(l.htmlFor))
        .map((l) => 'label for "' + l.htmlFor + '" names no field');
      return twice.concat(orphan);
    })()`)) as string[];
    await openAllDetails(page);
    const axe = await axeViolations(page);
    return { name, overflow, small, axe, primaryInWidth, viewportMeta, idProblems, external: [...external] };
  }

  /** Every page and mail at one size, once (the tests below each assert one aspect of it). */
  function seen(size: Size): Promise<Seen[]> {
    const cached = inspected.get(size);
    if (cached) return cached;
    const run = (async () => {
      const viewport = size === 'phone' ? PHONE : DESKTOP;
      const out: Seen[] = [];
      for (const visited of tour.pages) {
        external.length = 0;
        await page.goto(`${tour.sim.url}${visited.path}`);
        const shot =
          size === 'phone'
            ? phoneShot(visited.name)
              ? 'mobile'
              : ''
            : DESKTOP_SHOTS.has(visited.name)
              ? 'desktop'
              : '';
        out.push(await inspect(visited.name, viewport, shot));
      }
      const mails = new Map<string, string>();
      for (const mail of tour.emulator.outbox())
        if (!mails.has(mailSlug(mail))) mails.set(mailSlug(mail), mail.htmlBody);
      for (const [name, html] of [...mails.entries(), ...templateMails()]) {
        external.length = 0;
        await page.setContent(html, { waitUntil: 'load' });
        const outboxMail = name.startsWith('surel-');
        const shot = !outboxMail ? '' : size === 'phone' ? 'mobile' : DESKTOP_SHOTS.has(name) ? 'desktop' : '';
        out.push(await inspect(name, viewport, shot));
      }
      return out;
    })();
    inspected.set(size, run);
    return run;
  }

  it('visits every kind of page an official or the applicant meets, each under 50 KB', () => {
    expect(tour.pages.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'verifikasi-email',
        'panel-samping',
        'keputusan-kepala-dinas',
        'hasil-keputusan',
        'galat-tautan-sudah-dipakai',
        'galat-tautan-tidak-sah',
        'keputusan-kabid-persandian',
        'lembar-disposisi',
        'pemeriksaan-sandiman',
        'verifikator-ajukan-bsre',
        'verifikator-akun-bsre-dikirim',
        'verifikator-sertifikat-terbit',
        'status-permohonan',
        'cek-status',
        'cek-status-tidak-ditemukan',
        'cek-status-hasil',
        'surat-permohonan',
      ]),
    );
    const heavy = tour.pages.filter((p) => p.bytes >= PAGE_BUDGET_BYTES).map((p) => `${p.name}: ${p.bytes} B`);
    expect(heavy).toEqual([]);
    console.info(`page weights (bytes): ${tour.pages.map((p) => `${p.name} ${p.bytes}`).join(', ')}`);
  });

  it.each(['phone', 'desktop'] as const)(
    'at %s size nothing scrolls sideways and nothing is fetched from outside',
    async (size) => {
      const found = (await seen(size))
        .filter((s) => s.overflow > 0 || s.external.length > 0)
        .map((s) => `${s.name}: ${s.overflow} px wider, requests ${s.external.join(' ')}`);
      expect(found).toEqual([]);
    },
    300_000,
  );

  it.each(['phone', 'desktop'] as const)(
    'at %s size axe-core finds no serious or critical violation',
    async (size) => {
      const all = await seen(size);
      const found = all.flatMap((s) =>
        seriousOrCritical(s.axe).map((f) => `${s.name}: ${f.id} (${f.impact}) ${f.nodes.join(', ')}`),
      );
      const minor = all.flatMap((s) =>
        s.axe.filter((f) => !seriousOrCritical([f]).length).map((f) => `${s.name}: ${f.id}`),
      );
      if (minor.length > 0) console.info(`axe moderate/minor findings at ${size}: ${minor.join('; ')}`);
      expect(found).toEqual([]);
    },
    300_000,
  );

  it('at phone size the web-app pages set the viewport (addMetaTag) and the decision button fits the width', async () => {
    const pages = (await seen('phone')).filter((s) => !s.name.startsWith('surel-') && !s.name.startsWith('template-'));
    expect(
      pages
        .filter(
          (s) =>
            s.name !== 'panel-samping' && s.name !== 'lembar-disposisi' && !/width=device-width/.test(s.viewportMeta),
        )
        .map((s) => s.name),
    ).toEqual([]);
    expect(pages.filter((s) => s.primaryInWidth === false).map((s) => s.name)).toEqual([]);
  }, 300_000);

  it('at phone size every control a finger hits is at least 44 px', async () => {
    const found = (await seen('phone'))
      .filter((s) => s.small.length > 0)
      .map((s) => `${s.name}: ${s.small.join(', ')}`);
    expect(found).toEqual([]);
  }, 300_000);

  it('no id is used twice and every label names its own field', async () => {
    const found = (await seen('phone'))
      .filter((s) => s.idProblems.length > 0)
      .map((s) => `${s.name}: ${s.idProblems.join(', ')}`);
    expect(found).toEqual([]);
  }, 300_000);

  it("the sidebar fits Google Sheets' 300 px panel", async () => {
    const sidebar = tour.pages.find((p) => p.name === 'panel-samping');
    if (!sidebar) throw new Error('no sidebar');
    await page.goto(`${tour.sim.url}${sidebar.path}`);
    await page.setViewportSize(SIDEBAR);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});
