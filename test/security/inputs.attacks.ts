// Hostile and malformed submissions through the built bundle: the intact Form first (its own checks, as Google's UI),
// then past the Form's client-side checks (validations removed by an editor), where the program alone must hold.
import { describe, expect, it } from 'vitest';
import { type Emulator, FormSubmitError } from '../../emulator';
import type { SentMail } from '../../emulator/state';
import { FILES_DELIVERY_CHOICES, INTAKE_FORM } from '../../src/core/intake-form';
import { act, answers, KADIS, lastMailTo, OWNER, registerRows, setUp, webLinks } from '../e2e/harness';
import { buildCorpus, type HostileCase } from './corpus';
import { formulaCells, knownNiks, outboxRows, relaxForm, restrictedId, tally, track } from './support';

const INVALID = 'Data tidak valid, menunggu perbaikan';
const ACCEPTED = 'Menunggu verifikasi email';
const TITLES = INTAKE_FORM.questions.filter((q) => q.type !== 'SECTION_HEADER').map((q) => q);

/** The answers a case delivers, keyed by question title. */
function answersOf(c: HostileCase): Record<string, string | string[]> {
  const blank = c.overrides.__blank;
  if (typeof blank === 'string') {
    const filler = blank === 'empty' ? '' : blank === 'space' ? '   ' : '\t\r\n';
    return Object.fromEntries(TITLES.map((q) => [q.title, q.type === 'CHECKBOX' ? [] : filler]));
  }
  const all = answers({ ...c.overrides });
  // An empty override means "left empty": answers() drops it, so the question is unanswered.
  return all;
}

/** Markup fragments that must never reach a page or mail body as live HTML. */
const LIVE_MARKUP = /<script|<img|<svg|<iframe|onerror=|onload=|href="javascript:|palsu<\/td>/i;

/** The case's own markup payloads (any answer holding '<'): none may appear verbatim in HTML. */
function markupOf(c: HostileCase): string[] {
  return Object.values(c.overrides)
    .flat()
    .filter((value) => value.includes('<'));
}

interface Outcome {
  status: string;
  issues: string;
  mails: number;
}

/** Delivers one case and checks the outcome the program owes; returns it for the summary. */
function deliver(emu: Emulator, c: HostileCase): Outcome | 'refused-by-form' {
  const rowsBefore = registerRows(emu).length;
  const mailsBefore = outboxRows(emu).length;
  let executions: { status: string; error?: string | null }[];
  try {
    executions = emu.submitForm(answersOf(c)).executions;
  } catch (error) {
    if (error instanceof FormSubmitError) {
      // The Form's own first line refused it, with its Indonesian help text; nothing reached the program.
      expect(error.errors.length, c.name).toBeGreaterThan(0);
      expect(registerRows(emu).length, c.name).toBe(rowsBefore);
      return 'refused-by-form';
    }
    throw error;
  }
  for (const run of executions) expect(run.status, `${c.name}: ${run.error ?? ''}`).toBe('COMPLETED');
  const rows = registerRows(emu);
  // Queued mail (Kotak Keluar): past the daily quota it waits there for the outbox trigger, still owed.
  const newMails = outboxRows(emu)
    .slice(mailsBefore)
    .map((mail) => ({ to: mail.Kepada ?? '', htmlBody: mail['Isi HTML'] ?? '' }));
  if (c.expected === 'ignored') {
    expect(rows.length, c.name).toBe(rowsBefore);
    expect(newMails, c.name).toHaveLength(0);
    return { status: 'ignored', issues: '', mails: 0 };
  }
  expect(rows.length, c.name).toBe(rowsBefore + 1);
  const row = rows.at(-1) ?? {};
  const status = row.Status ?? '';
  const issues = row['Masalah data (JSON)'] ?? '';
  if (c.expected === 'invalid') {
    expect(status, c.name).toBe(INVALID);
    if (c.field) expect(issues, `${c.name}: issues ${issues}`).toContain(c.field);
  } else if (c.expected === 'accepted') expect(status, c.name).toBe(ACCEPTED);
  else expect([INVALID, ACCEPTED], c.name).toContain(status);
  // A clear answer reaches the applicant whenever the address can take mail.
  if (status === INVALID && /^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$/i.test(row['Email dinas'] ?? '')) {
    expect(newMails.length, `${c.name}: no mail telling what to fix`).toBeGreaterThan(0);
  }
  const markup = markupOf(c);
  const inert = (html: string, where: string) => {
    expect(html, `${c.name}: live markup in ${where}`).not.toMatch(LIVE_MARKUP);
    for (const payload of markup) expect(html.includes(payload), `${c.name}: payload verbatim in ${where}`).toBe(false);
  };
  for (const mail of newMails) {
    inert(mail.htmlBody, 'mail');
    for (const link of webLinks(mail as SentMail)) {
      const page = emu.doGet({ query: { t: decodeURIComponent(link.split('t=')[1] ?? '') }, user: mail.to });
      inert(page.content, 'page');
      expect(page.status).toBe(200);
    }
  }
  for (const cell of Object.values(row)) expect(cell.length, c.name).toBeLessThanOrEqual(50_000);
  // Data Terbatas keeps the NIK as plain digits only: no look-alike, no invisible character, no formula.
  const stored = emu.sheetDisplayValues('Data Terbatas', restrictedId(emu)).at(-1)?.[1] ?? '';
  expect(stored, `${c.name}: Data Terbatas NIK`).toMatch(/^\d*$|^NIK$/);
  expect(formulaCells(emu), c.name).toEqual([]);
  return { status, issues, mails: newMails.length };
}

describe('bad input: a corpus of hostile and malformed submissions', () => {
  const corpus = buildCorpus();

  it('the corpus has at least 200 cases', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
  });

  it('through the intact Form: refused by its own checks, or handled by the program', () => {
    const emu = track(setUp());
    let refusedByForm = 0;
    for (const c of corpus) {
      tally.badInputsTried += 1;
      const outcome = deliver(emu, c);
      if (outcome === 'refused-by-form') refusedByForm += 1;
      tally.badInputsHandled += 1;
    }
    expect(refusedByForm).toBeGreaterThan(0);
  });

  it('past the Form (validations removed by an editor): the program alone gives each the right outcome', () => {
    const emu = track(setUp());
    relaxForm(emu);
    for (const c of corpus) {
      tally.badInputsTried += 1;
      const outcome = deliver(emu, c);
      expect(outcome, c.name).not.toBe('refused-by-form');
      tally.badInputsHandled += 1;
    }
    for (const row of registerRows(emu)) {
      const nik = row['NIK (disamarkan)'] ?? '';
      expect(nik).not.toMatch(/\d{16}/);
    }
    for (const c of corpus)
      if (typeof c.overrides.nik === 'string' && /^[1-9]\d{15}$/.test(c.overrides.nik)) knownNiks.add(c.overrides.nik);
  });

  it('markup the Form took as free text reaches officials only as text: decision pages, sidebar, Lembar Disposisi, Dasbor', () => {
    const emu = track(setUp());
    relaxForm(emu);
    knownNiks.add('7101201508850001');
    const payload = '<img src=x onerror=alert(1)>';
    emu.submitForm(answers({ position: `Analis ${payload}`, unit: `Dinas <script>alert(2)</script> Kominfo` }));
    tally.badInputsTried += 1;
    const status = registerRows(emu)[0]?.Status;
    const htmls: string[] = [];
    if (status === ACCEPTED) {
      const turn = act(emu, 'budi.santoso@bolmongkab.go.id', { action: 'VERIFY_EMAIL' });
      htmls.push(turn.page.content, turn.result.content);
      emu.advanceClock(3);
      const page = emu.doGet({
        query: { t: decodeURIComponent((webLinks(lastMailTo(emu, KADIS))[0] ?? '').split('t=')[1] ?? '') },
        user: KADIS,
      });
      htmls.push(page.content);
    }
    emu.uiResponder = () => ({ button: 'OK', text: 'TTE-2026-0001' });
    const sidebar = emu.runMenuItem('Buka panel tindakan', KADIS);
    htmls.push(...sidebar.ui.sidebars.map((s) => s.html), ...sidebar.ui.dialogs.map((d) => d.html));
    const sheet = emu.runMenuItem('Lembar Disposisi (baris terpilih)', OWNER);
    htmls.push(...sheet.ui.dialogs.map((d) => d.html));
    htmls.push(...emu.outbox().map((m) => m.htmlBody));
    expect(htmls.length).toBeGreaterThan(2);
    for (const html of htmls) {
      expect(html).not.toContain(payload);
      expect(html).not.toContain('<script>alert(2)');
    }
    tally.badInputsHandled += 1;
  });

  it('a files link crafted to break out of the Verifikator page link (no spaces, quotes) stays inert text', () => {
    const payloads = [
      'https://drive.google.com/x"><svg/onload=alert(1)>',
      'https://drive.google.com/x"onmouseover="alert(1)',
      "https://drive.google.com/x'onfocus='alert(1)'autofocus='",
      'https://drive.google.com/"><script>alert(1)</script>',
    ];
    for (const [index, link] of payloads.entries()) {
      const emu = track(setUp());
      relaxForm(emu);
      const nik = `71012015088560${10 + index}`;
      knownNiks.add(nik);
      emu.submitForm(answers({ nik, filesDelivery: FILES_DELIVERY_CHOICES.TAUTAN_DRIVE, filesLink: link }));
      tally.badInputsTried += 1;
      // Refused as not a Drive link (quotes and markup are not part of one); the reply names the field, not the text.
      expect(registerRows(emu)[0]?.Status, link).toBe(INVALID);
      expect(registerRows(emu)[0]?.['Masalah data (JSON)'], link).toContain('filesLink');
      for (const mail of emu.outbox()) expect(mail.htmlBody, link).not.toContain(link);
      tally.badInputsHandled += 1;
    }
  });
});
