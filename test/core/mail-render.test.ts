// Mail templates: every template escapes applicant text, never holds the full NIK, keeps Gmail-safe HTML and text.
import { describe, expect, it } from 'vitest';
import { blankApplication } from '../../src/core/register-schema';
import { SEED_SOP } from '../../src/core/sop';
import { mailDataOf } from '../../src/core/workflow';
import type { MailData, MailTemplate } from '../../src/core/workflow-types';
import { renderMail } from '../../src/ui/mail/render';
import { applicant, ctxOf, FULL_NIK, START } from './workflow-fixtures';

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

const EVIL = '<script>alert(1)</script>"\'&';

function data(): MailData {
  const app = blankApplication();
  app.id = 'TTE-2026-0001';
  app.status = 'MENUNGGU_DISPOSISI_KADIS';
  app.currentStep = 1;
  app.editUrl = 'https://docs.google.com/forms/d/e/x/viewform?edit2=abc';
  app.applicant = applicant({ name: `Budi ${EVIL}`, unit: EVIL, position: EVIL, warnings: [EVIL] });
  app.issues = [{ field: 'nik', message: `NIK salah ${EVIL}` }];
  return mailDataOf(app, ctxOf('', 'SISTEM', START), 'Kepala Dinas', {
    reason: EVIL,
    instruction: EVIL,
    serial: 'SN-1',
    validUntil: '2028-01-05',
    holders: EVIL,
    rejectCode: 'EMAIL_TIDAK_AKTIF',
  });
}

const URLS = {
  action: 'https://script.google.com/macros/s/X/exec?t=act',
  status: 'https://script.google.com/macros/s/X/exec?t=st',
  verify: 'https://script.google.com/macros/s/X/exec?t=ver',
};

describe.each(TEMPLATES)('mail %s', (template) => {
  const mail = renderMail(template, data(), URLS);

  it('escapes applicant text and never carries the full NIK', () => {
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain(FULL_NIK);
    expect(mail.text).not.toContain(FULL_NIK);
    expect(mail.subject).not.toContain(FULL_NIK);
    if (mail.html.includes('Budi')) expect(mail.html).toContain('Budi &lt;script&gt;');
  });

  it('is Gmail-safe: inline styles, no style/script blocks, no remote resources, at most 600px, at most one button', () => {
    expect(mail.html).not.toMatch(/<style|<script|<link|<img|@import|url\(/i);
    expect(mail.html).toContain('max-width:600px');
    expect(mail.html.match(/background:#1d4ed8/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(mail.subject).toContain('TTE-2026-0001');
    expect(Buffer.byteLength(mail.html)).toBeLessThan(20000);
  });

  it('has a plain-text alternative with the same links', () => {
    const hrefs = [...mail.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    for (const href of hrefs) expect(mail.text).toContain(href);
    expect(mail.text).toContain('Petugas tidak pernah meminta passphrase');
  });
});

describe('mail content', () => {
  it('sends officials to the decision link and applicants to verify, edit or status', () => {
    expect(renderMail('OFFICIAL_ACTION', data(), URLS).html).toContain(URLS.action);
    expect(renderMail('APPLICANT_RECEIVED', data(), URLS).html).toContain(URLS.verify);
    expect(renderMail('APPLICANT_RECEIVED', data(), URLS).html).toContain(URLS.status);
    expect(renderMail('APPLICANT_INVALID', data(), URLS).text).toContain('viewform?edit2=abc');
    expect(renderMail('APPLICANT_NO_OFFICIAL_EMAIL', data(), URLS).text).toContain(
      'https://example.go.id/sop-email-dinas',
    );
  });

  it('tells the applicant what to fix, never to share the passphrase, and how to download', () => {
    expect(renderMail('APPLICANT_INVALID', data(), URLS).text).toContain('- NIK salah');
    expect(renderMail('APPLICANT_BSRE_VERIFIED', data(), URLS).text).toContain('Jangan berikan passphrase');
    expect(renderMail('APPLICANT_ISSUED', data(), URLS).text).toContain(
      'Nomor seri sertifikat: SN-1. Berlaku sampai: 2028-01-05.',
    );
    expect(renderMail('APPLICANT_BSRE_REJECTED', data(), URLS).text).toContain('Email dinas tidak aktif');
    expect(renderMail('OFFICIAL_ACTION', data(), URLS).text).toContain('Tahap 1: Pemohon mengajukan');
    expect(renderMail('OFFICIAL_ACTION', data(), URLS).text).toContain('Waktu baku: 10 menit kerja');
    expect(SEED_SOP.steps.length).toBeGreaterThan(0);
  });

  it('drops a button whose link is missing or not http(s)', () => {
    const d = { ...data(), editUrl: 'javascript:alert(1)' };
    const mail = renderMail('APPLICANT_INVALID', d, {});
    expect(mail.html).not.toContain('javascript:');
    expect(mail.html).not.toContain('background:#1d4ed8');
  });
});
