// Unit tests of the workflow state machine: happy path, refusals, returns, BSrE outcomes, separation of duties, timing.
import { describe, expect, it } from 'vitest';
import { SEED_SOP, type SopDefinition } from '../../src/core/sop';
import {
  allowedActions,
  applyAction,
  elapsedMinutes,
  isActive,
  openApplication,
  sandimanChecklist,
} from '../../src/core/workflow';
import { routeOf } from '../../src/core/workflow-route';
import type { ActingRole, Action, Application, Effect } from '../../src/core/workflow-types';
import {
  ADMIN,
  APPLICANT_EMAIL,
  ctxOf,
  FULL_NIK,
  KABID,
  KADIS,
  minutesAfter,
  SANDIMAN,
  SANDIMAN2,
  START,
  testSettings,
  VERIFIKATOR,
  validOutcome,
} from './workflow-fixtures';

function open(at = START): { app: Application; effects: Effect[] } {
  return openApplication(
    {
      id: 'TTE-2026-0001',
      responseId: 'resp-1',
      editUrl: 'https://forms/edit/1',
      submittedAt: at,
      outcome: validOutcome(),
    },
    ctxOf(APPLICANT_EMAIL, 'PEMOHON', at),
  );
}

function act(app: Application, action: Action, email: string, role: ActingRole, at: Date, settings = testSettings()) {
  const result = applyAction(app, action, ctxOf(email, role, at, settings));
  if (!result.ok) throw new Error(`${action.type} refused: ${result.message}`);
  return result;
}

function mails(effects: Effect[]) {
  return effects.flatMap((e) => (e.type === 'SEND_MAIL' ? [{ template: e.template, to: e.to }] : []));
}

const fullChecklist = () => Object.fromEntries(sandimanChecklist(SEED_SOP).map((i) => [i, true]));

/** Walks an application to the given point; returns the record. */
function toVerifikator(at = START): Application {
  let app = act(open(at).app, { type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON', at).app;
  app = act(app, { type: 'DISPOSE', toEmail: KABID, instruction: 'Proses' }, KADIS, 'KEPALA_DINAS', at).app;
  app = act(app, { type: 'DISPOSE', toEmail: SANDIMAN, instruction: 'Verifikasi' }, KABID, 'KABID_PERSANDIAN', at).app;
  app = act(app, { type: 'VERIFY', checklist: fullChecklist(), toEmail: '', note: '' }, SANDIMAN, 'SANDIMAN', at).app;
  return app;
}

describe('route from the SOP', () => {
  it('derives the seed chain Kepala Dinas -> Kabid -> Sandiman -> Verifikator, BSrE step 4, issuance 5', () => {
    const route = routeOf(SEED_SOP);
    expect(route.chain.map((s) => [s.role, s.step])).toEqual([
      ['KEPALA_DINAS', 1],
      ['KABID_PERSANDIAN', 2],
      ['SANDIMAN', 3],
      ['VERIFIKATOR', 3],
    ]);
    expect(route.bsreStep).toBe(4);
    expect(route.issueStep).toBe(5);
  });

  it('follows an edited SOP: without the Kabid step, the Kepala Dinas disposes straight to the Sandiman', () => {
    const sop: SopDefinition = {
      ...SEED_SOP,
      steps: SEED_SOP.steps
        .filter((s) => s.no !== 2)
        .map((s) => (s.no > 2 ? { ...s, no: s.no - 1, id: s.id.replace(/^\d/, String(s.no - 1)) } : s)),
    };
    const route = routeOf(sop);
    expect(route.chain.map((s) => s.role)).toEqual(['KEPALA_DINAS', 'SANDIMAN', 'VERIFIKATOR']);
    let app = open().app;
    const ctx = (email: string, role: ActingRole) => ({ ...ctxOf(email, role, START), sop });
    let r = applyAction(app, { type: 'VERIFY_EMAIL' }, ctx(APPLICANT_EMAIL, 'PEMOHON'));
    if (!r.ok) throw new Error(r.message);
    app = r.app;
    r = applyAction(app, { type: 'DISPOSE', toEmail: SANDIMAN, instruction: '' }, ctx(KADIS, 'KEPALA_DINAS'));
    if (!r.ok) throw new Error(r.message);
    expect(r.app.status).toBe('DITERUSKAN_SANDIMAN');
    expect(r.app.currentStep).toBe(2);
  });
});

describe('intake', () => {
  it('a valid submission waits for the e-mail check and mails the applicant the reference, status and verify links', () => {
    const { app, effects } = open();
    expect(app.status).toBe('MENUNGGU_VERIFIKASI_EMAIL');
    expect(app.version).toBe(1);
    expect(effects[0]).toMatchObject({ type: 'AUDIT', event: 'SUBMITTED', after: 'MENUNGGU_VERIFIKASI_EMAIL' });
    const mail = effects[1];
    expect(mail).toMatchObject({ type: 'SEND_MAIL', template: 'APPLICANT_RECEIVED', to: APPLICANT_EMAIL });
    if (mail?.type !== 'SEND_MAIL') throw new Error('no mail');
    expect(mail.links.verify).toMatchObject({ purpose: 'VERIFY_EMAIL', recipient: APPLICANT_EMAIL, version: 1 });
    expect(mail.links.status?.purpose).toBe('STATUS');
    expect(mail.links.status?.expiresAt).toBeNull();
  });

  it('an invalid submission is recorded and the applicant told what to fix', () => {
    const { app, effects } = openApplication(
      {
        id: 'TTE-2026-0002',
        responseId: 'r2',
        editUrl: 'https://forms/edit/2',
        submittedAt: START,
        outcome: {
          ok: false,
          issues: [{ field: 'nik', message: 'NIK harus 16 digit angka; yang Anda isi 15 digit.' }],
          partial: { name: 'Budi', email: APPLICANT_EMAIL },
          noOfficialEmail: false,
        },
      },
      ctxOf(APPLICANT_EMAIL, 'SISTEM', START),
    );
    expect(app.status).toBe('DATA_TIDAK_VALID');
    expect(app.issues).toHaveLength(1);
    expect(mails(effects)).toEqual([{ template: 'APPLICANT_INVALID', to: APPLICANT_EMAIL }]);
    expect(isActive(app.status)).toBe(false);
  });

  it('an applicant without an official address gets the SOP Pembuatan Email Dinas mail', () => {
    const { effects } = openApplication(
      {
        id: 'TTE-2026-0003',
        responseId: 'r3',
        editUrl: 'e',
        submittedAt: START,
        outcome: { ok: false, issues: [], partial: { email: 'budi@gmail.com' }, noOfficialEmail: true },
      },
      ctxOf('budi@gmail.com', 'SISTEM', START),
    );
    expect(mails(effects)).toEqual([{ template: 'APPLICANT_NO_OFFICIAL_EMAIL', to: 'budi@gmail.com' }]);
    const mail = effects.find((e) => e.type === 'SEND_MAIL');
    expect(mail?.type === 'SEND_MAIL' && mail.data.emailSopUrl).toBe('https://example.go.id/sop-email-dinas');
  });

  it('an invalid submission without any usable address sends nothing but is still audited', () => {
    const { effects } = openApplication(
      {
        id: 'TTE-2026-0004',
        responseId: 'r4',
        editUrl: 'e',
        submittedAt: START,
        outcome: {
          ok: false,
          issues: [{ field: 'email', message: 'x' }],
          partial: { email: 'bukan email' },
          noOfficialEmail: false,
        },
      },
      ctxOf('', 'SISTEM', START),
    );
    expect(mails(effects)).toEqual([]);
    expect(effects[0]?.type).toBe('AUDIT');
  });
});

describe('happy path through every actor', () => {
  it('goes from submission to issued certificate with the right mails, timings and dispositions', () => {
    let t = START;
    let r = act(open(t).app, { type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON', t);
    expect(r.app.status).toBe('MENUNGGU_DISPOSISI_KADIS');
    expect(r.app.currentStep).toBe(1);
    expect(mails(r.effects)).toEqual([{ template: 'OFFICIAL_ACTION', to: KADIS }]);

    t = minutesAfter(t, 5);
    r = act(r.app, { type: 'DISPOSE', toEmail: KABID, instruction: 'Mohon diproses' }, KADIS, 'KEPALA_DINAS', t);
    expect(r.app.status).toBe('DIDISPOSISIKAN_KABID');
    expect(r.app.steps[1]).toMatchObject({ businessMinutes: 5, onTime: true, actor: KADIS });
    expect(r.app.dispositions[0]).toMatchObject({
      fromRole: 'KEPALA_DINAS',
      toEmail: KABID,
      instruction: 'Mohon diproses',
    });
    expect(mails(r.effects)).toEqual([{ template: 'OFFICIAL_ACTION', to: KABID }]);

    t = minutesAfter(t, 12);
    r = act(r.app, { type: 'DISPOSE', toEmail: '', instruction: 'Verifikasi berkas' }, KABID, 'KABID_PERSANDIAN', t);
    expect(r.app.status).toBe('DITERUSKAN_SANDIMAN');
    expect(r.app.steps[2]).toMatchObject({ businessMinutes: 12, onTime: false });
    expect(mails(r.effects)).toEqual([
      { template: 'OFFICIAL_ACTION', to: SANDIMAN },
      { template: 'OFFICIAL_ACTION', to: SANDIMAN2 },
    ]);

    t = minutesAfter(t, 4);
    r = act(
      r.app,
      { type: 'VERIFY', checklist: fullChecklist(), toEmail: VERIFIKATOR, note: '' },
      SANDIMAN2,
      'SANDIMAN',
      t,
    );
    expect(r.app.status).toBe('DITERUSKAN_VERIFIKATOR');
    expect(r.app.steps[3]?.endedAt).toBeNull();
    expect(mails(r.effects)).toEqual([{ template: 'OFFICIAL_ACTION', to: VERIFIKATOR }]);

    t = minutesAfter(t, 6);
    r = act(r.app, { type: 'SUBMIT_TO_BSRE' }, VERIFIKATOR, 'VERIFIKATOR', t);
    expect(r.app.status).toBe('DIAJUKAN_BSRE');
    expect(r.app.steps[3]).toMatchObject({ businessMinutes: 10, onTime: true, actor: VERIFIKATOR });
    expect(mails(r.effects)).toEqual([
      { template: 'APPLICANT_BSRE_SUBMITTED', to: APPLICANT_EMAIL },
      { template: 'OFFICIAL_ACTION', to: VERIFIKATOR },
    ]);

    const bsre: [Action, string, string][] = [
      [{ type: 'BSRE_ACCOUNT_SENT' }, 'AKUN_BSRE_DIKIRIM', 'APPLICANT_BSRE_ACCOUNT'],
      [{ type: 'BSRE_VERIFIED' }, 'TERVERIFIKASI_BSRE', 'APPLICANT_BSRE_VERIFIED'],
      [{ type: 'PASSPHRASE_SET' }, 'PASSPHRASE_DIATUR', 'APPLICANT_PASSPHRASE_SET'],
    ];
    for (const [action, status, template] of bsre) {
      t = minutesAfter(t, 3);
      r = act(r.app, action, VERIFIKATOR, 'VERIFIKATOR', t);
      expect(r.app.status).toBe(status);
      expect(mails(r.effects)[0]).toEqual({ template, to: APPLICANT_EMAIL });
    }
    expect(r.app.steps[4]).toMatchObject({ businessMinutes: 9, onTime: true });
    expect(r.app.currentStep).toBe(5);

    t = minutesAfter(t, 30);
    r = act(
      r.app,
      { type: 'CERTIFICATE_ISSUED', serial: 'SN-123', validUntil: '2028-01-05' },
      VERIFIKATOR,
      'VERIFIKATOR',
      t,
    );
    expect(r.app.status).toBe('SERTIFIKAT_TERBIT');
    expect(r.app.bsre).toMatchObject({ serial: 'SN-123', validUntil: '2028-01-05' });
    expect(r.app.steps[5]).toMatchObject({ businessMinutes: 30, onTime: null });
    expect(r.effects.map((e) => e.type)).toEqual(['AUDIT', 'RECORD_CERTIFICATE', 'SEND_MAIL']);
    expect(mails(r.effects)).toEqual([{ template: 'APPLICANT_ISSUED', to: APPLICANT_EMAIL }]);
    expect(r.app.version).toBe(10);
    expect(r.app.history.map((h) => h.to)).toEqual([
      'MENUNGGU_VERIFIKASI_EMAIL',
      'MENUNGGU_DISPOSISI_KADIS',
      'DIDISPOSISIKAN_KABID',
      'DITERUSKAN_SANDIMAN',
      'DITERUSKAN_VERIFIKATOR',
      'DIAJUKAN_BSRE',
      'AKUN_BSRE_DIKIRIM',
      'TERVERIFIKASI_BSRE',
      'PASSPHRASE_DIATUR',
      'SERTIFIKAT_TERBIT',
    ]);
    expect(isActive(r.app.status)).toBe(false);
    expect(JSON.stringify(r)).not.toContain(FULL_NIK);
  });

  it('binds decision links to the new version, the recipient and the stage, expiring after the setting', () => {
    const r = act(open().app, { type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON', START);
    const mail = r.effects.find((e) => e.type === 'SEND_MAIL');
    if (mail?.type !== 'SEND_MAIL') throw new Error('no mail');
    expect(mail.links.action).toEqual({
      purpose: 'DECIDE',
      stage: 'MENUNGGU_DISPOSISI_KADIS',
      recipient: KADIS,
      version: 2,
      expiresAt: new Date(START.getTime() + 72 * 3600000).toISOString(),
    });
  });

  it('counts business minutes only: a step started Friday 16:25 and ended Monday 08:10 took 15 minutes', () => {
    const friday = new Date('2026-01-09T08:25:00Z');
    let app = act(open(friday).app, { type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON', friday).app;
    app = act(
      app,
      { type: 'DISPOSE', toEmail: '', instruction: '' },
      KADIS,
      'KEPALA_DINAS',
      new Date('2026-01-12T00:10:00Z'),
    ).app;
    expect(app.steps[1]).toMatchObject({ businessMinutes: 15, onTime: false });
  });
});

describe('refusals change nothing', () => {
  it('refuses an action not allowed in the status', () => {
    const app = open().app;
    const r = applyAction(app, { type: 'DISPOSE', toEmail: '', instruction: '' }, ctxOf(KADIS, 'KEPALA_DINAS', START));
    expect(r).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
  });

  it('refuses the wrong role and a role claimed without being in the roster', () => {
    const app = toVerifikator();
    expect(applyAction(app, { type: 'SUBMIT_TO_BSRE' }, ctxOf(SANDIMAN, 'SANDIMAN', START))).toMatchObject({
      ok: false,
      code: 'WRONG_ROLE',
    });
    expect(
      applyAction(app, { type: 'SUBMIT_TO_BSRE' }, ctxOf('orang@bolmongkab.go.id', 'VERIFIKATOR', START)),
    ).toMatchObject({
      ok: false,
      code: 'WRONG_ROLE',
    });
  });

  it('refuses the applicant acting on their own application', () => {
    const settings = testSettings();
    settings.roster.KEPALA_DINAS = [APPLICANT_EMAIL];
    const app = act(open().app, { type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON', START).app;
    const r = applyAction(
      app,
      { type: 'DISPOSE', toEmail: '', instruction: '' },
      ctxOf(APPLICANT_EMAIL, 'KEPALA_DINAS', START, settings),
    );
    expect(r).toMatchObject({ ok: false, code: 'SEPARATION_OF_DUTIES' });
  });

  it('refuses one person acting at two levels of one application', () => {
    const settings = testSettings();
    settings.roster.KABID_PERSANDIAN = [KABID, KADIS];
    let app = act(open().app, { type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON', START, settings).app;
    app = act(app, { type: 'DISPOSE', toEmail: KADIS, instruction: '' }, KADIS, 'KEPALA_DINAS', START, settings).app;
    const r = applyAction(
      app,
      { type: 'DISPOSE', toEmail: '', instruction: '' },
      ctxOf(KADIS, 'KABID_PERSANDIAN', START, settings),
    );
    expect(r).toMatchObject({ ok: false, code: 'SEPARATION_OF_DUTIES' });
    expect(r.ok === false && r.message).toContain('Kepala Dinas');
  });

  it('lets an acting official (Plt.) act during the delegation, and mails go to them', () => {
    const settings = testSettings();
    settings.delegations = [
      {
        role: 'KEPALA_DINAS',
        email: 'plt.kadis@bolmongkab.go.id',
        from: '2026-01-01',
        until: '2026-01-10',
        note: 'Plt.',
      },
    ];
    const r = act(open().app, { type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON', START, settings);
    expect(mails(r.effects)).toEqual([{ template: 'OFFICIAL_ACTION', to: 'plt.kadis@bolmongkab.go.id' }]);
    const d = act(
      r.app,
      { type: 'DISPOSE', toEmail: '', instruction: '' },
      'plt.kadis@bolmongkab.go.id',
      'KEPALA_DINAS',
      START,
      settings,
    );
    expect(d.app.status).toBe('DIDISPOSISIKAN_KABID');
    const after = new Date('2026-01-11T00:00:00Z');
    const late = applyAction(
      r.app,
      { type: 'DISPOSE', toEmail: '', instruction: '' },
      ctxOf('plt.kadis@bolmongkab.go.id', 'KEPALA_DINAS', after, settings),
    );
    expect(late).toMatchObject({ ok: false, code: 'WRONG_ROLE' });
  });

  it('a return by an acting official whose delegation ended comes back to the current holders', () => {
    const settings = testSettings();
    const plt = 'plt.kadis@bolmongkab.go.id';
    settings.delegations = [{ role: 'KEPALA_DINAS', email: plt, from: '2026-01-05', until: '2026-01-05', note: '' }];
    let app = act(open().app, { type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON', START, settings).app;
    app = act(app, { type: 'RETURN', reason: 'Lengkapi surat' }, plt, 'KEPALA_DINAS', START, settings).app;
    const nextDay = new Date('2026-01-06T01:00:00Z');
    const back = act(app, { type: 'RESUBMIT', outcome: validOutcome() }, APPLICANT_EMAIL, 'SISTEM', nextDay, settings);
    expect(mails(back.effects)).toEqual([{ template: 'OFFICIAL_ACTION', to: KADIS }]);
  });

  it('refuses a disposition to someone not in the roster of the next role', () => {
    const app = act(open().app, { type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON', START).app;
    const r = applyAction(
      app,
      { type: 'DISPOSE', toEmail: SANDIMAN, instruction: '' },
      ctxOf(KADIS, 'KEPALA_DINAS', START),
    );
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('refuses forwarding when the next role has nobody in the roster', () => {
    const settings = testSettings();
    settings.roster.KABID_PERSANDIAN = [];
    const app = act(open().app, { type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON', START, settings).app;
    const r = applyAction(
      app,
      { type: 'DISPOSE', toEmail: '', instruction: '' },
      ctxOf(KADIS, 'KEPALA_DINAS', START, settings),
    );
    expect(r.ok === false && r.message).toContain('Belum ada alamat email Kabid Persandian');
  });

  it('refuses the Sandiman forwarding before every checklist item, including "data matches the KTP", is checked', () => {
    let app = toVerifikator();
    app = open().app;
    app = act(app, { type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON', START).app;
    app = act(app, { type: 'DISPOSE', toEmail: '', instruction: '' }, KADIS, 'KEPALA_DINAS', START).app;
    app = act(app, { type: 'DISPOSE', toEmail: '', instruction: '' }, KABID, 'KABID_PERSANDIAN', START).app;
    const checklist = fullChecklist();
    checklist['Data permohonan (nama tanpa gelar, NIK, tanggal lahir) sesuai dengan KTP'] = false;
    const r = applyAction(
      app,
      { type: 'VERIFY', checklist, toEmail: '', note: '' },
      ctxOf(SANDIMAN, 'SANDIMAN', START),
    );
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(r.ok === false && r.message).toContain('sesuai dengan KTP');
    expect(sandimanChecklist(SEED_SOP)).toContain('Surat Permohonan');
  });

  it('requires a reason to reject or return, a serial and a future valid-until date, text for "other" BSrE reasons', () => {
    const app = toVerifikator();
    const v = (a: Action, base = app) => applyAction(base, a, ctxOf(VERIFIKATOR, 'VERIFIKATOR', START));
    expect(v({ type: 'REJECT', reason: ' ' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(v({ type: 'RETURN', reason: 'ok' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    let b = act(app, { type: 'SUBMIT_TO_BSRE' }, VERIFIKATOR, 'VERIFIKATOR', START).app;
    expect(v({ type: 'BSRE_REJECTED', code: 'LAINNYA', text: '' }, b)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    for (const t of ['BSRE_ACCOUNT_SENT', 'BSRE_VERIFIED', 'PASSPHRASE_SET'] as const)
      b = act(b, { type: t }, VERIFIKATOR, 'VERIFIKATOR', START).app;
    expect(v({ type: 'CERTIFICATE_ISSUED', serial: '', validUntil: '2028-01-01' }, b)).toMatchObject({ ok: false });
    expect(v({ type: 'CERTIFICATE_ISSUED', serial: 'S', validUntil: '2025-12-31' }, b)).toMatchObject({ ok: false });
    expect(v({ type: 'CERTIFICATE_ISSUED', serial: 'S', validUntil: '2028-02-30' }, b)).toMatchObject({ ok: false });
  });

  it('refuses the e-mail verification from another address', () => {
    const r = applyAction(open().app, { type: 'VERIFY_EMAIL' }, ctxOf('lain@bolmongkab.go.id', 'PEMOHON', START));
    expect(r).toMatchObject({ ok: false, code: 'WRONG_ROLE' });
  });

  it('an edit while the e-mail check is pending sends a fresh verification link on a new version', () => {
    const first = open().app;
    const again = act(first, { type: 'RESUBMIT', outcome: validOutcome() }, APPLICANT_EMAIL, 'SISTEM', START);
    expect(again.app.status).toBe('MENUNGGU_VERIFIKASI_EMAIL');
    const mail = again.effects.find((e) => e.type === 'SEND_MAIL');
    expect(mail?.type === 'SEND_MAIL' && mail.links.verify?.version).toBe(2);
  });

  it('refuses a resubmission by an official', () => {
    const r = applyAction(
      open().app,
      { type: 'RESUBMIT', outcome: validOutcome() },
      ctxOf(KADIS, 'KEPALA_DINAS', START),
    );
    expect(r.ok).toBe(false);
  });
});

describe('reject, return for correction and resubmit', () => {
  it.each([
    ['Kepala Dinas', 0],
    ['Kabid', 1],
    ['Sandiman', 2],
    ['Verifikator', 3],
  ])('rejection at the %s step ends the application and tells the applicant', (_name, depth) => {
    let app = act(open().app, { type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON', START).app;
    const walk: [Action, string, ActingRole][] = [
      [{ type: 'DISPOSE', toEmail: '', instruction: '' }, KADIS, 'KEPALA_DINAS'],
      [{ type: 'DISPOSE', toEmail: '', instruction: '' }, KABID, 'KABID_PERSANDIAN'],
      [{ type: 'VERIFY', checklist: fullChecklist(), toEmail: '', note: '' }, SANDIMAN, 'SANDIMAN'],
    ];
    for (const [a, e, role] of walk.slice(0, depth)) app = act(app, a, e, role, START).app;
    const [email, role] = [
      [KADIS, 'KEPALA_DINAS'],
      [KABID, 'KABID_PERSANDIAN'],
      [SANDIMAN, 'SANDIMAN'],
      [VERIFIKATOR, 'VERIFIKATOR'],
    ][depth] as [string, ActingRole];
    const r = act(
      app,
      { type: 'REJECT', reason: 'Surat permohonan tidak ditandatangani' },
      email,
      role,
      minutesAfter(START, 3),
    );
    expect(r.app.status).toBe('DITOLAK');
    expect(r.app.rejectReason).toBe('Surat permohonan tidak ditandatangani');
    expect(mails(r.effects)).toEqual([{ template: 'APPLICANT_REJECTED', to: APPLICANT_EMAIL }]);
    expect(allowedActions(r.app, role, SEED_SOP)).toEqual([]);
    expect(r.app.steps[r.app.currentStep]?.endedAt).not.toBeNull();
  });

  it('a return re-enters at the step that returned it, same application, history kept, paused clock', () => {
    let app = act(open().app, { type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON', START).app;
    app = act(app, { type: 'DISPOSE', toEmail: '', instruction: '' }, KADIS, 'KEPALA_DINAS', START).app;
    app = act(app, { type: 'DISPOSE', toEmail: SANDIMAN, instruction: '' }, KABID, 'KABID_PERSANDIAN', START).app;
    const returned = act(
      app,
      { type: 'RETURN', reason: 'Scan KTP buram, unggah ulang' },
      SANDIMAN,
      'SANDIMAN',
      minutesAfter(START, 5),
    );
    expect(returned.app.status).toBe('DIKEMBALIKAN');
    expect(returned.app.returnedFrom).toBe('DITERUSKAN_SANDIMAN');
    expect(mails(returned.effects)).toEqual([{ template: 'APPLICANT_RETURNED', to: APPLICANT_EMAIL }]);
    expect(returned.app.steps[3]?.pausedAt).not.toBeNull();
    expect(allowedActions(returned.app, 'PEMOHON', SEED_SOP)).toEqual(['RESUBMIT']);

    const later = minutesAfter(START, 120);
    const back = act(
      returned.app,
      { type: 'RESUBMIT', outcome: validOutcome({ ktpLink: 'https://drive/new' }) },
      APPLICANT_EMAIL,
      'PEMOHON',
      later,
    );
    expect(back.app.status).toBe('DITERUSKAN_SANDIMAN');
    expect(back.app.id).toBe(app.id);
    expect(back.app.applicant.ktpLink).toBe('https://drive/new');
    expect(mails(back.effects)).toEqual([{ template: 'OFFICIAL_ACTION', to: SANDIMAN }]);
    expect(back.app.history.length).toBe(returned.app.history.length + 1);
    const done = act(
      back.app,
      { type: 'VERIFY', checklist: fullChecklist(), toEmail: '', note: '' },
      SANDIMAN,
      'SANDIMAN',
      minutesAfter(later, 2),
    );
    expect(done.app.steps[3]?.endedAt).toBeNull();
    expect(elapsedMinutes(done.app.steps[3]!, minutesAfter(later, 2), ctxOf('', 'SISTEM', START).calendar)).toBe(7);
  });

  it('an invalid correction stays invalid and keeps where to re-enter; a changed e-mail is verified again', () => {
    let app = act(open().app, { type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON', START).app;
    app = act(app, { type: 'RETURN', reason: 'NIP tidak sesuai' }, KADIS, 'KEPALA_DINAS', START).app;
    const bad = act(
      app,
      {
        type: 'RESUBMIT',
        outcome: {
          ok: false,
          issues: [{ field: 'nip', message: 'NIP salah' }],
          partial: { email: APPLICANT_EMAIL },
          noOfficialEmail: false,
        },
      },
      APPLICANT_EMAIL,
      'SISTEM',
      START,
    );
    expect(bad.app.status).toBe('DATA_TIDAK_VALID');
    expect(bad.app.returnedFrom).toBe('MENUNGGU_DISPOSISI_KADIS');
    expect(mails(bad.effects)).toEqual([{ template: 'APPLICANT_INVALID', to: APPLICANT_EMAIL }]);
    const newMail = 'budi.baru@bolmongkab.go.id';
    const good = act(
      bad.app,
      { type: 'RESUBMIT', outcome: validOutcome({ email: newMail }) },
      newMail,
      'SISTEM',
      START,
    );
    expect(good.app.status).toBe('MENUNGGU_VERIFIKASI_EMAIL');
    expect(mails(good.effects)).toEqual([{ template: 'APPLICANT_RECEIVED', to: newMail }]);
    const verified = act(good.app, { type: 'VERIFY_EMAIL' }, newMail, 'PEMOHON', START);
    expect(verified.app.status).toBe('MENUNGGU_DISPOSISI_KADIS');
    expect(mails(verified.effects)).toEqual([{ template: 'OFFICIAL_ACTION', to: KADIS }]);
  });
});

describe('BSrE rejection and resubmission', () => {
  it('records the reason code, tells the applicant, and lets the Verifikator resubmit', () => {
    let app = act(toVerifikator(), { type: 'SUBMIT_TO_BSRE' }, VERIFIKATOR, 'VERIFIKATOR', START).app;
    app = act(app, { type: 'BSRE_ACCOUNT_SENT' }, VERIFIKATOR, 'VERIFIKATOR', START).app;
    const rej = act(
      app,
      { type: 'BSRE_REJECTED', code: 'EMAIL_TIDAK_AKTIF', text: '' },
      VERIFIKATOR,
      'VERIFIKATOR',
      START,
    );
    expect(rej.app.status).toBe('DITOLAK_BSRE');
    expect(rej.app.bsre.rejectCode).toBe('EMAIL_TIDAK_AKTIF');
    expect(mails(rej.effects)).toEqual([
      { template: 'APPLICANT_BSRE_REJECTED', to: APPLICANT_EMAIL },
      { template: 'OFFICIAL_ACTION', to: VERIFIKATOR },
    ]);
    expect(isActive(rej.app.status)).toBe(true);
    const again = act(rej.app, { type: 'BSRE_RESUBMIT', note: 'Email sudah aktif' }, VERIFIKATOR, 'VERIFIKATOR', START);
    expect(again.app.status).toBe('DIAJUKAN_BSRE');
    expect(again.app.bsre.rejectCode).toBeNull();
  });

  it('a KTP mismatch goes back to the applicant and re-enters at the Verifikator', () => {
    let app = act(toVerifikator(), { type: 'SUBMIT_TO_BSRE' }, VERIFIKATOR, 'VERIFIKATOR', START).app;
    app = act(
      app,
      { type: 'BSRE_REJECTED', code: 'KTP_TIDAK_SESUAI', text: 'Nama berbeda' },
      VERIFIKATOR,
      'VERIFIKATOR',
      START,
    ).app;
    app = act(app, { type: 'RETURN', reason: 'Nama harus sama dengan KTP' }, VERIFIKATOR, 'VERIFIKATOR', START).app;
    expect(app.returnedFrom).toBe('DITERUSKAN_VERIFIKATOR');
    const back = act(
      app,
      { type: 'RESUBMIT', outcome: validOutcome({ name: 'Budi Santoso Putra' }) },
      APPLICANT_EMAIL,
      'SISTEM',
      START,
    );
    expect(back.app.status).toBe('DITERUSKAN_VERIFIKATOR');
    expect(mails(back.effects)).toEqual([{ template: 'OFFICIAL_ACTION', to: VERIFIKATOR }]);
  });
});

describe('allowedActions', () => {
  it('offers each holder exactly its choices and nobody else anything', () => {
    const app = act(open().app, { type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON', START).app;
    expect(allowedActions(app, 'KEPALA_DINAS', SEED_SOP)).toEqual(['DISPOSE', 'RETURN', 'REJECT']);
    expect(allowedActions(app, 'SANDIMAN', SEED_SOP)).toEqual([]);
    expect(allowedActions(app, 'PEMOHON', SEED_SOP)).toEqual([]);
    expect(allowedActions(open().app, 'PEMOHON', SEED_SOP)).toEqual(['VERIFY_EMAIL', 'RESUBMIT']);
    expect(allowedActions(toVerifikator(), 'VERIFIKATOR', SEED_SOP)).toEqual(['SUBMIT_TO_BSRE', 'RETURN', 'REJECT']);
    expect(allowedActions(app, 'ADMIN', SEED_SOP)).toEqual([]);
    expect(ADMIN).toContain('@');
  });
});

describe('an edited SOP changes the workflow without code', () => {
  it('a shorter time standard on the SOP sheet makes the same step late', () => {
    const sop: SopDefinition = {
      ...SEED_SOP,
      steps: SEED_SOP.steps.map((s) => (s.id === '1' ? { ...s, timeStandardMinutes: 3 } : s)),
    };
    const c = (email: string, role: ActingRole, at: Date) => ({ ...ctxOf(email, role, at), sop });
    const opened = openApplication(
      { id: 'X', responseId: 'r', editUrl: 'e', submittedAt: START, outcome: validOutcome() },
      c(APPLICANT_EMAIL, 'SISTEM', START),
    ).app;
    const v = applyAction(opened, { type: 'VERIFY_EMAIL' }, c(APPLICANT_EMAIL, 'PEMOHON', START));
    if (!v.ok) throw new Error(v.message);
    const d = applyAction(
      v.app,
      { type: 'DISPOSE', toEmail: '', instruction: '' },
      c(KADIS, 'KEPALA_DINAS', minutesAfter(START, 5)),
    );
    if (!d.ok) throw new Error(d.message);
    expect(d.app.steps[1]).toMatchObject({ businessMinutes: 5, onTime: false });
  });

  it('the Sandiman checklist follows the requirements written on the SOP sheet', () => {
    const sop: SopDefinition = {
      ...SEED_SOP,
      steps: SEED_SOP.steps.map((s) => (s.id === '3' ? { ...s, requirements: ['Surat rekomendasi atasan'] } : s)),
    };
    expect(sandimanChecklist(sop)).toEqual([
      'Surat rekomendasi atasan',
      'Data permohonan (nama tanpa gelar, NIK, tanggal lahir) sesuai dengan KTP',
      'Email dinas (.go.id) aktif dan sudah diverifikasi pemohon',
    ]);
  });

  it('the decision mail carries the step, its activity, requirements and standard from the SOP', () => {
    const r = act(open().app, { type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON', START);
    const mail = r.effects.find((e) => e.type === 'SEND_MAIL');
    if (mail?.type !== 'SEND_MAIL') throw new Error('no mail');
    expect(mail.data).toMatchObject({
      stepNo: 1,
      stepMinutes: 10,
      stepRequirements: SEED_SOP.steps[0]?.requirements,
      recipientLabel: 'Kepala Dinas',
      nikMasked: '7101********0001',
    });
    expect(mail.data.stepActivity).toContain('Pemohon mengajukan surat permohonan');
  });

  it('routes through a Verifikator even when the SOP sheet names no Verifikator', () => {
    const sop: SopDefinition = {
      ...SEED_SOP,
      steps: SEED_SOP.steps.map((s) => ({ ...s, actors: s.actors.filter((a) => a !== 'VERIFIKATOR') })),
    };
    expect(routeOf(sop).chain.map((s) => s.role)).toEqual([
      'KEPALA_DINAS',
      'KABID_PERSANDIAN',
      'SANDIMAN',
      'VERIFIKATOR',
    ]);
  });
});
