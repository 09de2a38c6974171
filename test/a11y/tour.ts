// Drives the built program through the simulator as its users do and collects every page and mail they see.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '../../emulator';
import type { SentMail } from '../../emulator/state';
import { type Simulator, startSimulator } from '../../scripts/simulator/server';
import { bundleDir } from '../support/bundle';

export const OWNER = 'admin@bolmongkab.go.id';
export const APPLICANT = 'budi.santoso@bolmongkab.go.id';
export const KADIS = 'kepala.dinas@bolmongkab.go.id';
export const KABID = 'kabid.persandian@bolmongkab.go.id';
export const SANDIMAN = 'sandiman@bolmongkab.go.id';
export const VERIFIKATOR = 'verifikator@bolmongkab.go.id';
export const REFERENCE = 'TTE-2026-0001';

/** One screen of the program as the simulator serves it: the program's own HtmlService page (meta tags applied). */
export interface TourPage {
  /** File-name slug, e.g. 'keputusan-kepala-dinas'. */
  name: string;
  /** The simulator's /__page/<id>: the page Google would put in its frame, with the google.script.run shim. */
  path: string;
  /** Bytes of the program's HTML (what doGet/doPost or the sidebar returned), before the simulator's shim. */
  bytes: number;
}

/** A long real-world OPD name (wrapping at 360 px), as the register holds it. */
const LONG_UNIT = 'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah';

/** A valid application, keyed by Form question title (the simulator's Form). */
export function applicationAnswers(): Record<string, string | string[]> {
  return {
    'Nama lengkap sesuai KTP': 'Budi Santoso',
    'NIK (Nomor Induk Kependudukan)': '7101011508850001',
    'Status kepegawaian': 'PNS',
    'NIP / NI PPPK': '198508152010011001',
    Jabatan: 'Analis Kebijakan Ahli Muda',
    'Unit kerja / Perangkat Daerah (OPD)': LONG_UNIT,
    'Apakah Anda sudah memiliki email dinas (.go.id) yang aktif?': 'Ya, sudah aktif',
    'Email dinas (.go.id)': APPLICANT,
    'Nomor ponsel (WhatsApp)': '081234567890',
    'Jenis layanan': 'Penerbitan baru',
    'Cara menyerahkan berkas persyaratan': 'Saya akan membawa berkas ke Dinas Kominfo',
    Persetujuan: [
      'Saya menyatakan data yang saya isi benar dan sama dengan KTP, dan saya memahami pemberitahuan privasi di atas.',
    ],
  };
}

/** Undoes escapeHtml for attribute values read back from a page. */
function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The web-app links (…/exec?…) of a mail, in order, as the simulator serves them. */
export function execLinks(mail: SentMail, origin: string): string[] {
  return [...mail.htmlBody.matchAll(/href="([^"]+)"/g)]
    .map((m) => unescapeHtml(m[1] ?? ''))
    .filter((href) => /\/exec\?/.test(href))
    .map((href) => `${origin}/exec?${href.split('?')[1] ?? ''}`);
}

/** A running simulator over the built bundle, and what one visitor does in it. */
export class Tour {
  readonly pages: TourPage[] = [];

  private constructor(readonly sim: Simulator) {}

  /** Starts a fresh simulator (own SQLite file, clean state, setup run) over the built bundle. */
  static async start(): Promise<Tour> {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'sim-a11y-')), 'simulator.sqlite');
    return new Tour(await startSimulator({ port: 0, dataFile, reset: true, codeDir: bundleDir() }));
  }

  get emulator(): Emulator {
    return this.sim.emulator as Emulator;
  }

  close(): Promise<void> {
    return this.sim.close();
  }

  /** The newest mail to `to`. */
  lastMailTo(to: string): SentMail {
    const mail = this.emulator
      .outbox()
      .filter((m) => m.to.split(',').includes(to))
      .at(-1);
    if (!mail) throw new Error(`no mail to ${to}`);
    return mail;
  }

  /** The first web-app link in the newest mail to `to`. */
  linkFor(to: string): string {
    const link = execLinks(this.lastMailTo(to), this.sim.url)[0];
    if (!link) throw new Error(`no web-app link in the last mail to ${to}`);
    return link;
  }

  /**
   * Requests the web app as `user` (API caller: the simulator answers with the program's page itself) and records it
   * under `name`. Returns the page's HTML.
   */
  async visit(name: string, user: string, url: string, form?: Record<string, string | string[]>): Promise<string> {
    const headers: Record<string, string> = { 'X-Simulator-User': user };
    let body: string | undefined;
    if (form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(form))
        for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
      body = params.toString();
    }
    const response = await fetch(url, { method: form ? 'POST' : 'GET', headers, body });
    const html = await response.text();
    if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status} ${html.slice(0, 200)}`);
    this.record(name, html);
    return html;
  }

  /** Submits a decision page's form as its browser would: the page's hidden fields plus `fields`. */
  async decide(name: string, user: string, pageHtml: string, fields: Record<string, string | string[]>) {
    const token = /name="t" value="([^"]+)"/.exec(pageHtml)?.[1];
    if (!token) throw new Error(`${name}: no token on the page`);
    const checks =
      fields.action === 'VERIFY'
        ? [...pageHtml.matchAll(/name="check" value="([^"]*)"/g)].map((m) => unescapeHtml(m[1] ?? ''))
        : [];
    const form = { t: unescapeHtml(token), ...(checks.length > 0 ? { check: checks } : {}), ...fields };
    return this.visit(name, user, `${this.sim.url}/exec`, form);
  }

  /** Runs a spreadsheet menu item as `user` through the simulator's screen; records the sidebar or dialog it opens. */
  async menu(name: string, user: string, caption: string, answer: string): Promise<void> {
    this.emulator.uiResponder = () => ({ button: 'OK', text: answer });
    // Opening the spreadsheet runs onOpen, which builds the custom menu.
    await fetch(`${this.sim.url}/spreadsheet`, { headers: { 'X-Simulator-User': user } });
    const response = await fetch(`${this.sim.url}/spreadsheet/menu`, {
      method: 'POST',
      headers: { 'X-Simulator-User': user, 'Content-Type': 'application/x-www-form-urlencoded' },
      // The visitor's answer to the menu's prompt (the simulator asks for it when no row is selected).
      body: new URLSearchParams({ caption, answerButton: 'OK', answerText: answer }).toString(),
      redirect: 'manual',
    });
    const location = response.headers.get('location');
    if (!location) throw new Error(`${name}: the menu did not answer with the sheet screen (${response.status})`);
    const screen = await (
      await fetch(new URL(location, this.sim.url), { headers: { 'X-Simulator-User': user } })
    ).text();
    const pageId = /<iframe src="\/__page\/([^"]+)"[^>]*name="(?:sidebar|dialog)"/.exec(screen)?.[1];
    if (!pageId) throw new Error(`${name}: no sidebar or dialog opened`);
    const served = await (await fetch(`${this.sim.url}/__page/${pageId}`)).text();
    if (!served.includes(answer)) throw new Error(`${name}: the panel does not show ${answer}`);
    this.record(name, served);
  }

  private record(name: string, served: string): void {
    const pageId = /window\.__SIM__=\{"page":"([^"]+)"/.exec(served)?.[1];
    if (!pageId) throw new Error(`${name}: the simulator did not store the page`);
    this.pages.push({ name, path: `/__page/${pageId}`, bytes: programBytes(served) });
  }
}

/**
 * The weight of what the program sends: the served page without the simulator's google.script shim (Google serves
 * its own). Links are the simulator's local ones, a few bytes shorter than Google's.
 */
function programBytes(served: string): number {
  const own = served.replace(/<script>window\.__SIM__=[\s\S]*?<script src="\/static\/gas-shim\.js"><\/script>/, '');
  return Buffer.byteLength(own, 'utf8');
}

/**
 * The whole SOP for one application, visiting every page an official or the applicant meets: e-mail verification,
 * each official's decision page and its result, the Sandiman's checklist, the Verifikator's BSrE outcome pages, the
 * status page, the sidebar, the Lembar Disposisi and the error pages of a used and a forged link.
 */
export async function walkEveryPage(tour: Tour): Promise<void> {
  const emu = tour.emulator;
  const submitted = emu.submitForm(applicationAnswers(), { respondentEmail: APPLICANT });
  if (submitted.executions.some((e) => e.status !== 'COMPLETED')) throw new Error('form submit failed');

  const verifyLink = tour.linkFor(APPLICANT);
  const verify = await tour.visit('verifikasi-email', APPLICANT, verifyLink);
  await tour.decide('hasil-verifikasi-email', APPLICANT, verify, { action: 'VERIFY_EMAIL' });

  await tour.menu('panel-samping', KADIS, 'Buka panel tindakan', REFERENCE);
  emu.advanceClock(4);
  const kadisLink = tour.linkFor(KADIS);
  const kadis = await tour.visit('keputusan-kepala-dinas', KADIS, kadisLink);
  await tour.decide('hasil-keputusan', KADIS, kadis, {
    action: 'DISPOSE',
    toEmail: KABID,
    instruction: 'Mohon diproses hari ini',
  });
  await tour.visit('galat-tautan-sudah-dipakai', KADIS, kadisLink);
  await tour.visit('galat-tautan-tidak-sah', KADIS, `${tour.sim.url}/exec?t=palsu`);

  emu.advanceClock(6);
  const kabid = await tour.visit('keputusan-kabid-persandian', KABID, tour.linkFor(KABID));
  await tour.decide('hasil-keputusan-kabid', KABID, kabid, {
    action: 'DISPOSE',
    toEmail: SANDIMAN,
    instruction: 'Verifikasi berkas',
  });
  await tour.menu('lembar-disposisi', OWNER, 'Lembar Disposisi (baris terpilih)', REFERENCE);

  emu.advanceClock(8);
  const sandiman = await tour.visit('pemeriksaan-sandiman', SANDIMAN, tour.linkFor(SANDIMAN));
  await tour.decide('hasil-pemeriksaan-sandiman', SANDIMAN, sandiman, {
    action: 'VERIFY',
    toEmail: VERIFIKATOR,
    note: 'Berkas lengkap',
  });

  const steps: [string, Record<string, string>][] = [
    ['verifikator-ajukan-bsre', { action: 'SUBMIT_TO_BSRE' }],
    ['verifikator-akun-bsre-dikirim', { action: 'BSRE_ACCOUNT_SENT' }],
    ['verifikator-terverifikasi-bsre', { action: 'BSRE_VERIFIED' }],
    ['verifikator-passphrase-diatur', { action: 'PASSPHRASE_SET' }],
    [
      'verifikator-sertifikat-terbit',
      { action: 'CERTIFICATE_ISSUED', serial: '3A7F00C1D2E3F4', validUntil: '2028-01-05' },
    ],
  ];
  for (const [name, fields] of steps) {
    emu.advanceClock(3);
    const page = await tour.visit(name, VERIFIKATOR, tour.linkFor(VERIFIKATOR));
    await tour.decide(`hasil-${name}`, VERIFIKATOR, page, fields);
  }

  const statusLink = execLinks(tour.lastMailTo(APPLICANT), tour.sim.url).find((l) => l !== verifyLink);
  if (!statusLink) throw new Error('no status link in the applicant mail');
  await tour.visit('status-permohonan', APPLICANT, statusLink);
  await walkStatusLookup(tour);
}

/**
 * Cek Status Permohonan: the lookup form, a wrong code, the status found by the code from the receipt mail, and the
 * printable Surat Permohonan it links to.
 */
async function walkStatusLookup(tour: Tour): Promise<void> {
  const receipt = tour.emulator.outbox().find((m) => m.to === APPLICANT && /Kode akses/.test(m.body));
  const code = /Kode akses Cek Status Permohonan: (\S+)/.exec(receipt?.body ?? '')?.[1];
  if (!code) throw new Error('no access code in the receipt mail');
  const lookup = `${tour.sim.url}/exec?cek=1`;
  await tour.visit('cek-status', APPLICANT, lookup);
  await tour.visit('cek-status-tidak-ditemukan', APPLICANT, `${lookup}&ref=${REFERENCE}&kode=SALAH-00000`);
  const found = `${lookup}&ref=${REFERENCE}&kode=${encodeURIComponent(code)}`;
  await tour.visit('cek-status-hasil', APPLICANT, found);
  await tour.visit('surat-permohonan', APPLICANT, `${found}&cetak=surat`);
}

/** A mail's screenshot name from its heading: 'surel-permohonan-anda-sudah-kami-terima'. */
export function mailSlug(mail: SentMail): string {
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(mail.htmlBody)?.[1] ?? mail.subject;
  const words = unescapeHtml(heading)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .slice(0, 6);
  return `surel-${words.join('-')}`;
}
