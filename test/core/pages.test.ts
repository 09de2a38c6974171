// Web-app pages: escaping, no full NIK, no personal data on the status page, forms only POST, small and self-contained.
import { describe, expect, it } from 'vitest';
import { ERROR_PAGES, type ErrorKind } from '../../src/core/messages/pages';
import { SEED_SOP } from '../../src/core/sop';
import {
  allowedActions,
  applyAction,
  forwardOptions,
  openApplication,
  sandimanChecklist,
} from '../../src/core/workflow';
import type { ActingRole, Application } from '../../src/core/workflow-types';
import { renderDecisionPage } from '../../src/ui/pages/decision';
import { renderLembarDisposisi } from '../../src/ui/pages/lembar-disposisi';
import { renderSidebar } from '../../src/ui/pages/sidebar';
import { renderErrorPage, renderResultPage, renderVerifyEmailPage } from '../../src/ui/pages/simple';
import { renderStatusPage } from '../../src/ui/pages/status';
import { APPLICANT_EMAIL, ctxOf, FULL_NIK, KABID, KADIS, START, testSettings, validOutcome } from './workflow-fixtures';

const EVIL = '<img src=x onerror=alert(1)>';
const URL = 'https://script.google.com/macros/s/X/exec';

function app(): Application {
  const opened = openApplication(
    {
      id: 'TTE-2026-0001',
      responseId: 'r',
      editUrl: 'e',
      submittedAt: START,
      outcome: validOutcome({
        name: `Budi ${EVIL}`,
        unit: EVIL,
        warnings: [`Tanggal lahir ${EVIL}`],
        letterLink: 'javascript:alert(1)',
      }),
    },
    ctxOf(APPLICANT_EMAIL, 'SISTEM', START),
  ).app;
  const v = applyAction(opened, { type: 'VERIFY_EMAIL' }, ctxOf(APPLICANT_EMAIL, 'PEMOHON', START));
  if (!v.ok) throw new Error(v.message);
  const d = applyAction(
    v.app,
    { type: 'DISPOSE', toEmail: KABID, instruction: `Segera ${EVIL}` },
    ctxOf(KADIS, 'KEPALA_DINAS', START),
  );
  if (!d.ok) throw new Error(d.message);
  return d.app;
}

function decision(a: Application, role: ActingRole, ktpUrl = '') {
  const fwd = forwardOptions(a, SEED_SOP, testSettings(), START);
  return renderDecisionPage({
    app: a,
    sop: SEED_SOP,
    roleLabel: 'Kabid Persandian',
    allowed: allowedActions(a, role, SEED_SOP),
    submit: { kind: 'post', url: URL },
    hidden: { t: 'tok"en' },
    forward: fwd ? { roleLabel: fwd.roleLabel, options: fwd.options } : null,
    checklist: sandimanChecklist(SEED_SOP),
    ktpUrl,
  });
}

function commonChecks(html: string) {
  expect(html).not.toContain(FULL_NIK);
  expect(html).not.toContain('<img');
  expect(html).not.toMatch(/<(img|link|iframe)\b|<script[^>]*\ssrc=|@import|url\(/i);
  expect(html).not.toContain('javascript:');
  expect(Buffer.byteLength(html)).toBeLessThan(50 * 1024);
  expect(html).toMatch(/^<!DOCTYPE html><html lang="id">/);
}

describe('decision page', () => {
  it('shows the application with the masked NIK, escaped, and each choice as its own POST form', () => {
    const html = decision(app(), 'KABID_PERSANDIAN');
    commonChecks(html);
    expect(html).toContain('7101********0001');
    expect(html).toContain('Budi &lt;img');
    expect(html).toContain('Tanggal lahir &lt;img');
    expect(
      html.match(/<form method="post" action="https:\/\/script.google.com\/macros\/s\/X\/exec" target="_top">/g),
    ).toHaveLength(3);
    expect(html).toContain('name="action" value="DISPOSE"');
    expect(html).toContain('name="action" value="RETURN"');
    expect(html).toContain('name="action" value="REJECT"');
    expect(html).toContain('name="t" value="tok&quot;en"');
    expect(html).toContain('<option value="sandiman@bolmongkab.go.id">');
    expect(html).toContain('Segera &lt;img');
    expect(html).not.toContain('<script');
  });

  it('offers the Sandiman the checklist including "data matches the KTP", and the KTP only when given', () => {
    let a = app();
    const r = applyAction(
      a,
      { type: 'DISPOSE', toEmail: '', instruction: '' },
      ctxOf(KABID, 'KABID_PERSANDIAN', START),
    );
    if (!r.ok) throw new Error();
    a = r.app;
    const html = decision(a, 'SANDIMAN', 'https://drive.google.com/file/d/KTP');
    expect(html).toContain(
      'name="check" value="Data permohonan (nama tanpa gelar, NIK, tanggal lahir) sesuai dengan KTP" required',
    );
    expect(html).toContain('https://drive.google.com/file/d/KTP');
    expect(decision(a, 'SANDIMAN')).not.toContain('drive.google.com/file/d/KTP');
  });

  it('says so when the viewer has no choice', () => {
    expect(decision(app(), 'KEPALA_DINAS')).toContain('Tidak ada tindakan yang dapat Anda lakukan');
  });
});

describe('other pages', () => {
  it('status page shows no personal data at all', () => {
    const html = renderStatusPage(app(), SEED_SOP);
    commonChecks(html);
    for (const personal of [
      'Budi',
      '7101',
      '198503122010011001',
      APPLICANT_EMAIL,
      '6281234567890',
      'Dinas Kominfo &lt;',
    ]) {
      expect(html).not.toContain(personal);
    }
    expect(html).toContain('TTE-2026-0001');
    expect(html).toContain('Didisposisikan ke Kabid Persandian');
    expect(html).toContain('Tepat waktu (0 menit kerja)');
  });

  it('every error page says nothing changed', () => {
    for (const kind of Object.keys(ERROR_PAGES) as ErrorKind[]) {
      const html = renderErrorPage(kind, kind === 'REFUSED' ? `Ditolak ${EVIL}. Tidak ada yang diubah.` : '');
      commonChecks(html);
      expect(html).toContain('Tidak ada yang diubah');
    }
  });

  it('result, verification, Lembar Disposisi and sidebar pages escape and stay small', () => {
    commonChecks(
      renderResultPage({ heading: 'Tercatat', message: EVIL, reference: 'TTE-2026-0001', statusLabel: 'Ditolak' }),
    );
    const verify = renderVerifyEmailPage({ reference: 'TTE-2026-0001', url: URL, token: 'abc' });
    commonChecks(verify);
    expect(verify).toContain('name="action" value="VERIFY_EMAIL"');
    const sheet = renderLembarDisposisi(app(), SEED_SOP);
    commonChecks(sheet);
    expect(sheet).toContain('LEMBAR DISPOSISI');
    expect(sheet).toContain('Kepala Dinas');
    expect(sheet).toContain('kabid.persandian@bolmongkab.go.id');
    expect(sheet).toContain('Segera &lt;img');
    expect(sheet).toContain('800 /D.19/ Kominfo/ 275 / VII / 2024');
    const side = renderSidebar(null);
    expect(side).toContain('Pilih satu baris');
    const withApp = renderSidebar({
      app: app(),
      sop: SEED_SOP,
      roleLabel: 'Kabid',
      ktpUrl: '',
      decisionUrl: `${URL}?t=sidebar-token`,
    });
    commonChecks(withApp);
    expect(withApp).not.toContain('<form');
    expect(withApp).not.toContain('<script');
    expect(withApp).toContain(
      `href="${URL}?t=sidebar-token" target="_blank" rel="noopener">Buka halaman keputusan</a>`,
    );
    expect(
      renderSidebar({ app: app(), sop: SEED_SOP, roleLabel: 'pengamat', ktpUrl: '', decisionUrl: '' }),
    ).not.toContain('Buka halaman keputusan');
  });
});
