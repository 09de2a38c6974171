// The program's pages and mails in real Chromium at 360 px: no horizontal scroll, no external request, tap targets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_SOP } from '../../src/core/sop';
import {
  allowedActions,
  applyAction,
  forwardOptions,
  mailDataOf,
  openApplication,
  sandimanChecklist,
} from '../../src/core/workflow';
import type { ActingRole, Action, Application, MailTemplate } from '../../src/core/workflow-types';
import { renderMail } from '../../src/ui/mail/render';
import { renderDecisionPage } from '../../src/ui/pages/decision';
import { renderLembarDisposisi } from '../../src/ui/pages/lembar-disposisi';
import { renderErrorPage, renderVerifyEmailPage } from '../../src/ui/pages/simple';
import { renderStatusPage } from '../../src/ui/pages/status';
import { APPLICANT_EMAIL, ctxOf, KABID, KADIS, START, testSettings, validOutcome } from '../core/workflow-fixtures';
import { browserAvailability, launchChromium } from './chromium';

const { run } = browserAvailability();

function atSandiman(): Application {
  let app = openApplication(
    {
      id: 'TTE-2026-0001',
      responseId: 'r',
      editUrl: 'https://docs.google.com/forms/d/e/x/viewform?edit2=1',
      submittedAt: START,
      outcome: validOutcome({
        unit: 'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah',
        warnings: ['Tanggal lahir pada NIK tidak sama dengan tanggal lahir pada NIP'],
      }),
    },
    ctxOf(APPLICANT_EMAIL, 'SISTEM', START),
  ).app;
  const steps: [Action, string, ActingRole][] = [
    [{ type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON'],
    [{ type: 'DISPOSE', toEmail: KABID, instruction: 'Mohon diproses hari ini' }, KADIS, 'KEPALA_DINAS'],
    [{ type: 'DISPOSE', toEmail: '', instruction: 'Verifikasi berkas' }, KABID, 'KABID_PERSANDIAN'],
  ];
  for (const [action, email, role] of steps) {
    const r = applyAction(app, action, ctxOf(email, role, START));
    if (!r.ok) throw new Error(r.message);
    app = r.app;
  }
  return app;
}

function pages(): [string, string][] {
  const app = atSandiman();
  const fwd = forwardOptions(app, SEED_SOP, testSettings(), START);
  const decision = renderDecisionPage({
    app,
    sop: SEED_SOP,
    roleLabel: 'Sandiman',
    allowed: allowedActions(app, 'SANDIMAN', SEED_SOP),
    submit: { kind: 'post', url: 'https://script.google.com/macros/s/X/exec' },
    hidden: { t: 'token' },
    forward: fwd ? { roleLabel: fwd.roleLabel, options: fwd.options } : null,
    checklist: sandimanChecklist(SEED_SOP),
    ktpUrl: 'https://drive.google.com/file/d/KTP',
  });
  const data = mailDataOf(app, ctxOf('', 'SISTEM', START), 'Sandiman');
  const mails = (['OFFICIAL_ACTION', 'APPLICANT_RECEIVED', 'APPLICANT_ISSUED'] as MailTemplate[]).map(
    (t): [string, string] => [
      `mail ${t}`,
      renderMail(t, data, {
        action: 'https://script.google.com/x?t=1',
        status: 'https://script.google.com/x?t=2',
        verify: 'https://script.google.com/x?t=3',
      }).html,
    ],
  );
  return [
    ['decision', decision],
    ['status', renderStatusPage(app, SEED_SOP)],
    ['lembar disposisi', renderLembarDisposisi(app, SEED_SOP)],
    ['verify', renderVerifyEmailPage({ reference: app.id, url: 'https://script.google.com/x', token: 't' })],
    ['error', renderErrorPage('EXPIRED')],
    ...mails,
  ];
}

describe.runIf(run)('pages and mails at 360 px', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(pages())('%s fits 360 px without requests and with tap targets of at least 44 px', async (_name, html) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
    });
    // The shell adds the viewport with HtmlOutput.addMetaTag; the test does the same in the document head.
    await page.setContent(
      html.replace('<head>', '<head><meta name="viewport" content="width=device-width, initial-scale=1">'),
    );
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(requests).toEqual([]);
    // Buttons that are laid out (those in a closed <details> have no box yet) are at least 44 px tall.
    const small = await page.evaluate(
      "Array.from(document.querySelectorAll('button')).filter((b) => { const h = b.getBoundingClientRect().height; return h > 0 && h < 44; }).length",
    );
    expect(small).toBe(0);
    await page.close();
  });
});
