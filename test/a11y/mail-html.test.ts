// Every mail's HTML is what Gmail keeps: no script, link or style blocks, no remote resources, inline styles, at most 600 px, one primary button, a plain-text alternative; from the built program's outbox and from every template.
import { describe, expect, it } from 'vitest';
import { blankApplication } from '../../src/core/register-schema';
import { mailDataOf } from '../../src/core/workflow';
import type { MailTemplate } from '../../src/core/workflow-types';
import { renderMail } from '../../src/ui/mail/render';
import { applicant, ctxOf, START } from '../core/workflow-fixtures';
import { APPLICANT, act, answers, KABID, KADIS, SANDIMAN, setUp, VERIFIKATOR } from '../e2e/harness';

const TEMPLATES: MailTemplate[] = [
  'APPLICANT_RECEIVED',
  'APPLICANT_INVALID',
  'APPLICANT_NO_OFFICIAL_EMAIL',
  'APPLICANT_RETURNED',
  'APPLICANT_REJECTED',
  'APPLICANT_BSRE_SUBMITTED',
  'APPLICANT_BSRE_ACCOUNT',
  'APPLICANT_BSRE_VERIFIED',
  'APPLICANT_PASSPHRASE_SET',
  'APPLICANT_ISSUED',
  'APPLICANT_BSRE_REJECTED',
  'OFFICIAL_ACTION',
  'OFFICIAL_REMINDER',
  'OFFICIAL_ESCALATION',
];

/** The web app's own links: a signed link (?t=) or Cek Status Permohonan (?cek=1&ref=). */
const WEB_APP = /^https:\/\/script\.google\.com\/macros\/s\/[^/]+\/exec\?(t=|cek=1&ref=)[^"\s]+$/;
const FORM_EDIT = /^https:\/\/docs\.google\.com\/forms\/d\/e\/[^/]+\/viewform\?edit2=[^"\s]+$/;

interface Mail {
  name: string;
  subject: string;
  html: string;
  text: string;
  /** Links besides the web app's own that this mail may carry (the Form's edit link, the SOP page). */
  otherLinks: RegExp[];
  /** Sent to an official (who must act), not to the applicant. */
  official: boolean;
  applicantName: string;
  unit: string;
}

/** Every template rendered from a realistic application (what the unit tests do not walk to). */
function templateMails(): Mail[] {
  const app = blankApplication();
  app.id = 'TTE-2026-0001';
  app.status = 'MENUNGGU_DISPOSISI_KADIS';
  app.currentStep = 1;
  app.editUrl = 'https://docs.google.com/forms/d/e/FORM/viewform?edit2=abc';
  const unit = 'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah';
  app.applicant = applicant({ unit });
  app.issues = [{ field: 'nik', message: 'NIK harus 16 angka' }];
  const data = mailDataOf(app, ctxOf('', 'SISTEM', START), 'Kepala Dinas', {
    reason: 'Surat permohonan belum ditandatangani',
    instruction: 'Mohon diproses',
    serial: '3A7F00C1D2E3F4',
    validUntil: '2028-01-05',
    holders: 'Kepala Dinas',
    rejectCode: 'EMAIL_TIDAK_AKTIF',
  });
  const urls = {
    action: 'https://script.google.com/macros/s/X/exec?t=act',
    status: 'https://script.google.com/macros/s/X/exec?t=st',
    verify: 'https://script.google.com/macros/s/X/exec?t=ver',
  };
  return TEMPLATES.map((template) => ({
    name: template,
    ...renderMail(template, data, urls),
    otherLinks: [FORM_EDIT, /^https:\/\/example\.go\.id\/sop-email-dinas$/],
    official: template.startsWith('OFFICIAL_'),
    applicantName: app.applicant.name,
    unit,
  }));
}

/** The built program's outbox over the whole SOP (every mail an official and the applicant receive). */
function outboxMails(): Mail[] {
  const emu = setUp();
  emu.submitForm(answers());
  act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
  const turns: [string, Record<string, string>][] = [
    [KADIS, { action: 'DISPOSE', toEmail: KABID, instruction: 'Mohon diproses' }],
    [KABID, { action: 'DISPOSE', toEmail: SANDIMAN, instruction: 'Periksa berkas' }],
    [SANDIMAN, { action: 'VERIFY', toEmail: VERIFIKATOR, note: '' }],
    [VERIFIKATOR, { action: 'SUBMIT_TO_BSRE' }],
    [VERIFIKATOR, { action: 'BSRE_ACCOUNT_SENT' }],
    [VERIFIKATOR, { action: 'BSRE_VERIFIED' }],
    [VERIFIKATOR, { action: 'PASSPHRASE_SET' }],
    [VERIFIKATOR, { action: 'CERTIFICATE_ISSUED', serial: '3A7F00C1D2E3F4', validUntil: '2028-01-05' }],
  ];
  for (const [who, fields] of turns) {
    emu.advanceClock(3);
    act(emu, who, fields);
  }
  return emu.outbox().map((mail, i) => ({
    name: `outbox #${i + 1} to ${mail.to}: ${mail.subject}`,
    subject: mail.subject,
    html: mail.htmlBody,
    text: mail.body,
    otherLinks: [FORM_EDIT, /^https:\/\/diskominfo\.bolmongkab\.go\.id\/sop\/pembuatan-email-dinas$/],
    official: mail.to !== APPLICANT,
    applicantName: 'Budi Santoso',
    unit: 'Dinas Komunikasi dan Informatika',
  }));
}

function unescapeAttr(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const mails = [...templateMails(), ...outboxMails()];

describe.each(mails.map((m) => [m.name, m] as const))('mail %s', (_name, mail) => {
  it('has nothing Gmail drops: no script, link, style or embedded blocks, no classes, styles inline', () => {
    expect(mail.html).not.toMatch(/<(script|link|style|iframe|object|embed|form|input|button|svg|video|audio)\b/i);
    expect(mail.html).not.toMatch(/\sclass=|\sid=|@import|@media|url\(/i);
    expect(mail.html).not.toMatch(/\son[a-z]+=/i);
  });

  it('loads no remote resource, and links only to the web app (or the Form edit link, the SOP page)', () => {
    expect(mail.html).not.toMatch(/\s(src|srcset|background|poster|data)=/i);
    const hrefs = [...mail.html.matchAll(/\shref="([^"]*)"/gi)].map((m) => unescapeAttr(m[1] ?? ''));
    const foreign = hrefs.filter((href) => !WEB_APP.test(href) && !mail.otherLinks.some((ok) => ok.test(href)));
    expect(foreign).toEqual([]);
  });

  it('is a table layout at most 600 px wide', () => {
    expect(mail.html).toMatch(/<table role="presentation"[^>]*style="[^"]*max-width:600px/);
    const widths = [...mail.html.matchAll(/(?:\swidth="|[;"]width:)(\d+)(?:px)?/g)].map((m) => Number(m[1]));
    expect(widths.filter((w) => w > 600)).toEqual([]);
  });

  it('has at most one primary button, and exactly one when it leads to the web app', () => {
    const buttons = [
      ...mail.html.matchAll(/<td style="background:#[0-9a-f]{6};border-radius[^"]*"><a href="([^"]+)"/g),
    ];
    expect(buttons.length).toBeLessThanOrEqual(1);
    const webAppLinks = [...mail.html.matchAll(/\shref="([^"]*)"/g)].filter((m) =>
      WEB_APP.test(unescapeAttr(m[1] ?? '')),
    );
    if (webAppLinks.length > 0) expect(buttons).toHaveLength(1);
  });

  it('says in the subject what is needed, from whom and which OPD (officials) or the number (applicants)', () => {
    if (/^\[(Perlu|Pengingat|Eskalasi)/.test(mail.subject)) {
      expect(mail.subject).toMatch(/^\[[^\]]+\] Permohonan TTE – .+ – .+ \(TTE-\d{4}-\d{4}\)$/);
      expect(mail.subject).toContain(mail.applicantName);
      expect(mail.subject).toContain(mail.unit);
    } else expect(mail.subject).toMatch(/^\[TTE-\d{4}-\d{4}\] /);
    expect(mail.official).toBe(/^\[(Perlu|Pengingat|Eskalasi)/.test(mail.subject));
  });

  it('has a plain-text alternative with the same links', () => {
    expect(mail.text.trim().length).toBeGreaterThan(0);
    for (const match of mail.html.matchAll(/\shref="([^"]*)"/g))
      expect(mail.text).toContain(unescapeAttr(match[1] ?? ''));
    expect(mail.text).not.toMatch(/<[a-z][^>]*>/i);
  });
});
