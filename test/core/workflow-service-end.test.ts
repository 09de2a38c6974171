// Unit tests of how each service ends at BSrE: issuance, revocation ("Dicabut") and passphrase reset, each its own action.
import { describe, expect, it } from 'vitest';
import { mailContent } from '../../src/core/messages/mail';
import { ACTION_LABELS } from '../../src/core/messages/workflow';
import { SEED_SOP } from '../../src/core/sop';
import { allowedActions, applyAction, isActive, openApplication, sandimanChecklist } from '../../src/core/workflow';
import {
  type ActingRole,
  type Action,
  type Application,
  FINAL_STATUSES,
  type ServiceCode,
  STATUS_LABELS,
} from '../../src/core/workflow-types';
import { APPLICANT_EMAIL, ctxOf, KABID, KADIS, SANDIMAN, START, VERIFIKATOR, validOutcome } from './workflow-fixtures';

function act(app: Application, action: Action, email: string, role: ActingRole) {
  const result = applyAction(app, action, ctxOf(email, role, START));
  if (!result.ok) throw new Error(`${action.type} refused: ${result.message}`);
  return result;
}

/** Walks an application of the service to "Passphrase sudah diatur", where the service's last BSrE outcome is due. */
function toLastBsreStep(service: ServiceCode): Application {
  const opened = openApplication(
    { id: 'TTE-2026-0009', responseId: 'r', editUrl: 'e', submittedAt: START, outcome: validOutcome({ service }) },
    ctxOf(APPLICANT_EMAIL, 'PEMOHON', START),
  ).app;
  const checklist = Object.fromEntries(sandimanChecklist(SEED_SOP).map((i) => [i, true]));
  let app = act(opened, { type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON').app;
  app = act(app, { type: 'DISPOSE', toEmail: KABID, instruction: 'Proses' }, KADIS, 'KEPALA_DINAS').app;
  app = act(app, { type: 'DISPOSE', toEmail: SANDIMAN, instruction: 'Periksa' }, KABID, 'KABID_PERSANDIAN').app;
  app = act(app, { type: 'VERIFY', checklist, toEmail: '', note: '' }, SANDIMAN, 'SANDIMAN').app;
  for (const type of ['SUBMIT_TO_BSRE', 'BSRE_ACCOUNT_SENT', 'BSRE_VERIFIED', 'PASSPHRASE_SET'] as const) {
    app = act(app, { type }, VERIFIKATOR, 'VERIFIKATOR').app;
  }
  return app;
}

describe('each service ends with its own BSrE outcome', () => {
  it('offers the Verifikator issuance only for the services that produce a certificate', () => {
    const offered = (service: ServiceCode) => allowedActions(toLastBsreStep(service), 'VERIFIKATOR', SEED_SOP);
    expect(offered('PENERBITAN_BARU')).toEqual(['CERTIFICATE_ISSUED', 'BSRE_REJECTED']);
    expect(offered('PEMBARUAN')).toEqual(['CERTIFICATE_ISSUED', 'BSRE_REJECTED']);
    expect(offered('PERUBAHAN_DATA')).toEqual(['CERTIFICATE_ISSUED', 'BSRE_REJECTED']);
    expect(offered('PENCABUTAN')).toEqual(['CERTIFICATE_REVOKED', 'BSRE_REJECTED']);
    expect(offered('RESET_PASSPHRASE')).toEqual(['PASSPHRASE_RESET_DONE', 'BSRE_REJECTED']);
  });

  it('a revocation ends "Dicabut" without serial or date, marks the named certificate and tells the applicant', () => {
    const done = act(toLastBsreStep('PENCABUTAN'), { type: 'CERTIFICATE_REVOKED' }, VERIFIKATOR, 'VERIFIKATOR');
    expect(done.app.status).toBe('DICABUT');
    expect(STATUS_LABELS[done.app.status]).toBe('Dicabut');
    expect(done.app.bsre.serial).toBe('');
    expect(done.app.bsre.issuedAt).toBeNull();
    expect(done.app.assignee).toBe('');
    expect(done.app.steps[done.app.currentStep]?.endedAt).not.toBeNull();
    expect(done.effects.map((e) => e.type)).toEqual(['AUDIT', 'RECORD_CERTIFICATE', 'SEND_MAIL']);
    const mail = done.effects.find((e) => e.type === 'SEND_MAIL');
    expect(mail).toMatchObject({ template: 'APPLICANT_REVOKED', to: APPLICANT_EMAIL });
    if (mail?.type !== 'SEND_MAIL') throw new Error('no mail');
    const text = JSON.stringify(mailContent(mail.template, mail.data));
    expect(text).toContain('dicabut');
    expect(text).not.toContain('Nomor seri');
    expect(text).not.toContain('terbit');
  });

  it('a passphrase reset ends "Passphrase sudah diatur ulang" without serial or date and tells the applicant', () => {
    const done = act(toLastBsreStep('RESET_PASSPHRASE'), { type: 'PASSPHRASE_RESET_DONE' }, VERIFIKATOR, 'VERIFIKATOR');
    expect(done.app.status).toBe('PASSPHRASE_DIATUR_ULANG');
    expect(STATUS_LABELS[done.app.status]).toBe('Passphrase sudah diatur ulang');
    expect(done.app.bsre.serial).toBe('');
    const mail = done.effects.find((e) => e.type === 'SEND_MAIL');
    expect(mail).toMatchObject({ template: 'APPLICANT_PASSPHRASE_RESET', to: APPLICANT_EMAIL });
    if (mail?.type !== 'SEND_MAIL') throw new Error('no mail');
    const text = JSON.stringify(mailContent(mail.template, mail.data));
    expect(text).toContain('Passphrase sudah diatur ulang');
    expect(text).not.toContain('Nomor seri');
    expect(text).not.toContain('terbit');
  });

  it("refuses issuance for a revocation or a passphrase reset, and the other services' end for an issuance", () => {
    const issue: Action = { type: 'CERTIFICATE_ISSUED', serial: 'SN-1', validUntil: '2028-01-05' };
    for (const service of ['PENCABUTAN', 'RESET_PASSPHRASE'] as const) {
      const app = toLastBsreStep(service);
      const r = applyAction(app, issue, ctxOf(VERIFIKATOR, 'VERIFIKATOR', START));
      expect(r).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    }
    const issuance = toLastBsreStep('PENERBITAN_BARU');
    for (const type of ['CERTIFICATE_REVOKED', 'PASSPHRASE_RESET_DONE'] as const) {
      expect(applyAction(issuance, { type }, ctxOf(VERIFIKATOR, 'VERIFIKATOR', START))).toMatchObject({
        ok: false,
        code: 'NOT_ALLOWED',
      });
    }
    const wrongRole = applyAction(
      toLastBsreStep('PENCABUTAN'),
      { type: 'CERTIFICATE_REVOKED' },
      ctxOf(KADIS, 'KEPALA_DINAS', START),
    );
    expect(wrongRole).toMatchObject({ ok: false });
  });

  it('a finished revocation or passphrase reset accepts nothing more and frees the NIK for a new application', () => {
    const revoked = act(toLastBsreStep('PENCABUTAN'), { type: 'CERTIFICATE_REVOKED' }, VERIFIKATOR, 'VERIFIKATOR').app;
    const reset = act(
      toLastBsreStep('RESET_PASSPHRASE'),
      { type: 'PASSPHRASE_RESET_DONE' },
      VERIFIKATOR,
      'VERIFIKATOR',
    ).app;
    for (const app of [revoked, reset]) {
      expect(FINAL_STATUSES).toContain(app.status);
      expect(isActive(app.status)).toBe(false);
      for (const role of ['VERIFIKATOR', 'KEPALA_DINAS', 'PEMOHON'] as const) {
        expect(allowedActions(app, role, SEED_SOP)).toEqual([]);
      }
      expect(applyAction(app, { type: 'CERTIFICATE_REVOKED' }, ctxOf(VERIFIKATOR, 'VERIFIKATOR', START))).toMatchObject(
        {
          ok: false,
        },
      );
    }
    expect(ACTION_LABELS.CERTIFICATE_REVOKED).toContain('dicabut');
    expect(ACTION_LABELS.PASSPHRASE_RESET_DONE).toContain('passphrase baru');
  });
});
