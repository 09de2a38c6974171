// Property tests of the state machine: random actions by random actors never leave what the SOP allows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED_SOP } from '../../src/core/sop';
import { allowedActions, applyAction, openApplication, sandimanChecklist } from '../../src/core/workflow';
import type {
  ActingRole,
  Action,
  Application,
  IntakeOutcome,
  ServiceCode,
  Status,
} from '../../src/core/workflow-types';
import { FINAL_STATUSES, STATUS } from '../../src/core/workflow-types';
import {
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

/** The transitions the SOP allows (from -> to), written out independently of the implementation. */
const ALLOWED: Record<Status, Status[]> = {
  // An invalid correction of a returned application re-enters where it was returned once it is valid.
  DATA_TIDAK_VALID: [
    'DATA_TIDAK_VALID',
    'MENUNGGU_VERIFIKASI_EMAIL',
    'MENUNGGU_DISPOSISI_KADIS',
    'DIDISPOSISIKAN_KABID',
    'DITERUSKAN_SANDIMAN',
    'DITERUSKAN_VERIFIKATOR',
  ],
  MENUNGGU_VERIFIKASI_EMAIL: [
    'MENUNGGU_VERIFIKASI_EMAIL',
    'DATA_TIDAK_VALID',
    'MENUNGGU_DISPOSISI_KADIS',
    'DIDISPOSISIKAN_KABID',
    'DITERUSKAN_SANDIMAN',
    'DITERUSKAN_VERIFIKATOR',
  ],
  MENUNGGU_DISPOSISI_KADIS: ['DIDISPOSISIKAN_KABID', 'DIKEMBALIKAN', 'DITOLAK'],
  DIDISPOSISIKAN_KABID: ['DITERUSKAN_SANDIMAN', 'DIKEMBALIKAN', 'DITOLAK'],
  DITERUSKAN_SANDIMAN: ['DITERUSKAN_VERIFIKATOR', 'DIKEMBALIKAN', 'DITOLAK'],
  DITERUSKAN_VERIFIKATOR: ['DIAJUKAN_BSRE', 'DIKEMBALIKAN', 'DITOLAK'],
  DIAJUKAN_BSRE: ['AKUN_BSRE_DIKIRIM', 'DITOLAK_BSRE'],
  AKUN_BSRE_DIKIRIM: ['TERVERIFIKASI_BSRE', 'DITOLAK_BSRE'],
  TERVERIFIKASI_BSRE: ['PASSPHRASE_DIATUR', 'DITOLAK_BSRE'],
  // The BSrE outcome that ends the service: issuance, or the revocation's and the passphrase reset's own end.
  PASSPHRASE_DIATUR: ['SERTIFIKAT_TERBIT', 'DICABUT', 'PASSPHRASE_DIATUR_ULANG', 'DITOLAK_BSRE'],
  DITOLAK_BSRE: ['DIAJUKAN_BSRE', 'DIKEMBALIKAN', 'DITOLAK'],
  DIKEMBALIKAN: [
    'DATA_TIDAK_VALID',
    'MENUNGGU_VERIFIKASI_EMAIL',
    'MENUNGGU_DISPOSISI_KADIS',
    'DIDISPOSISIKAN_KABID',
    'DITERUSKAN_SANDIMAN',
    'DITERUSKAN_VERIFIKATOR',
  ],
  SERTIFIKAT_TERBIT: [],
  DICABUT: [],
  PASSPHRASE_DIATUR_ULANG: [],
  DITOLAK: [],
};

/** The status each service ends in at BSrE (written out independently of the implementation). */
const FINAL_OF: Record<string, Status> = {
  PENERBITAN_BARU: 'SERTIFIKAT_TERBIT',
  PENCABUTAN: 'DICABUT',
  RESET_PASSPHRASE: 'PASSPHRASE_DIATUR_ULANG',
};
const SERVICES: ServiceCode[] = ['PENERBITAN_BARU', 'PENCABUTAN', 'RESET_PASSPHRASE'];

const ACTORS: [string, ActingRole][] = [
  [APPLICANT_EMAIL, 'PEMOHON'],
  [APPLICANT_EMAIL, 'SISTEM'],
  [KADIS, 'KEPALA_DINAS'],
  [KABID, 'KABID_PERSANDIAN'],
  [SANDIMAN, 'SANDIMAN'],
  [SANDIMAN2, 'SANDIMAN'],
  [VERIFIKATOR, 'VERIFIKATOR'],
  [KADIS, 'KABID_PERSANDIAN'], // claims a role it may hold in a doubled roster
  [SANDIMAN, 'VERIFIKATOR'],
  [APPLICANT_EMAIL, 'VERIFIKATOR'],
  ['orang.lain@bolmongkab.go.id', 'KEPALA_DINAS'],
];

const checklist = Object.fromEntries(sandimanChecklist(SEED_SOP).map((i) => [i, true]));
const invalidOutcome: IntakeOutcome = {
  ok: false,
  issues: [{ field: 'nik', message: 'NIK salah' }],
  partial: { email: APPLICANT_EMAIL },
  noOfficialEmail: false,
};

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.constant<Action>({ type: 'VERIFY_EMAIL' }),
  fc
    .constantFrom('', KABID, SANDIMAN, VERIFIKATOR, KADIS)
    .map<Action>((to) => ({ type: 'DISPOSE', toEmail: to, instruction: 'Proses' })),
  fc.boolean().map<Action>((all) => ({ type: 'VERIFY', checklist: all ? checklist : {}, toEmail: '', note: '' })),
  fc.constantFrom('', 'Alasan yang jelas').map<Action>((reason) => ({ type: 'REJECT', reason })),
  fc.constantFrom('', 'Perbaiki berkas').map<Action>((reason) => ({ type: 'RETURN', reason })),
  fc.boolean().map<Action>((ok) => ({ type: 'RESUBMIT', outcome: ok ? validOutcome() : invalidOutcome })),
  fc.constant<Action>({ type: 'SUBMIT_TO_BSRE' }),
  fc.constant<Action>({ type: 'BSRE_ACCOUNT_SENT' }),
  fc.constant<Action>({ type: 'BSRE_VERIFIED' }),
  fc.constant<Action>({ type: 'PASSPHRASE_SET' }),
  fc
    .constantFrom('2028-01-01', '2020-01-01')
    .map<Action>((d) => ({ type: 'CERTIFICATE_ISSUED', serial: 'SN-1', validUntil: d })),
  fc
    .constantFrom('KTP_TIDAK_SESUAI', 'LAINNYA')
    .map<Action>((code) => ({ type: 'BSRE_REJECTED', code: code as 'LAINNYA', text: '' })),
  fc.constant<Action>({ type: 'CERTIFICATE_REVOKED' }),
  fc.constant<Action>({ type: 'PASSPHRASE_RESET_DONE' }),
  fc.constant<Action>({ type: 'BSRE_RESUBMIT', note: '' }),
);

/** The rightful actor of each status, so random runs also get far (null actor = "whoever holds it now"). */
const HOLDER: Partial<Record<Status, [string, ActingRole]>> = {
  DATA_TIDAK_VALID: [APPLICANT_EMAIL, 'SISTEM'],
  MENUNGGU_VERIFIKASI_EMAIL: [APPLICANT_EMAIL, 'PEMOHON'],
  DIKEMBALIKAN: [APPLICANT_EMAIL, 'SISTEM'],
  MENUNGGU_DISPOSISI_KADIS: [KADIS, 'KEPALA_DINAS'],
  DIDISPOSISIKAN_KABID: [KABID, 'KABID_PERSANDIAN'],
  DITERUSKAN_SANDIMAN: [SANDIMAN2, 'SANDIMAN'],
};

/** A well-formed action of a type (used when the run lets the rightful holder pick one of its choices). */
function wellFormed(type: Action['type']): Action {
  const map: Record<Action['type'], Action> = {
    VERIFY_EMAIL: { type: 'VERIFY_EMAIL' },
    DISPOSE: { type: 'DISPOSE', toEmail: '', instruction: 'Proses' },
    VERIFY: { type: 'VERIFY', checklist, toEmail: '', note: '' },
    REJECT: { type: 'REJECT', reason: 'Tidak memenuhi syarat' },
    RETURN: { type: 'RETURN', reason: 'Perbaiki berkas' },
    RESUBMIT: { type: 'RESUBMIT', outcome: validOutcome() },
    SUBMIT_TO_BSRE: { type: 'SUBMIT_TO_BSRE' },
    BSRE_ACCOUNT_SENT: { type: 'BSRE_ACCOUNT_SENT' },
    BSRE_VERIFIED: { type: 'BSRE_VERIFIED' },
    PASSPHRASE_SET: { type: 'PASSPHRASE_SET' },
    CERTIFICATE_ISSUED: { type: 'CERTIFICATE_ISSUED', serial: 'SN-9', validUntil: '2029-01-01' },
    CERTIFICATE_REVOKED: { type: 'CERTIFICATE_REVOKED' },
    PASSPHRASE_RESET_DONE: { type: 'PASSPHRASE_RESET_DONE' },
    BSRE_REJECTED: { type: 'BSRE_REJECTED', code: 'KTP_TIDAK_SESUAI', text: '' },
    BSRE_RESUBMIT: { type: 'BSRE_RESUBMIT', note: '' },
  };
  return map[type];
}

const stepArb = fc.record({
  action: fc.option(actionArb, { freq: 2 }),
  // Mostly the first choice (forward), so runs get deep; sometimes any choice (return, reject, BSrE rejection).
  pick: fc.oneof({ arbitrary: fc.constant(0), weight: 6 }, { arbitrary: fc.nat(), weight: 1 }),
  actor: fc.option(fc.constantFrom(...ACTORS), { freq: 2 }),
  minutes: fc.integer({ min: 0, max: 600 }),
});

function run(
  initialValid: boolean,
  steps: { action: Action | null; pick: number; actor: [string, ActingRole] | null; minutes: number }[],
  doubled: boolean,
  service: ServiceCode = 'PENERBITAN_BARU',
) {
  const settings = testSettings();
  if (doubled) settings.roster.KABID_PERSANDIAN = [KABID, KADIS];
  let now = START;
  let app: Application = openApplication(
    {
      id: 'TTE-2026-0001',
      responseId: 'r',
      editUrl: 'e',
      submittedAt: now,
      outcome: initialValid ? validOutcome({ service }) : invalidOutcome,
    },
    ctxOf(APPLICANT_EMAIL, 'SISTEM', now, settings),
  ).app;
  const trace: { from: Status; to: Status; version: [number, number] }[] = [];
  for (const s of steps) {
    now = minutesAfter(now, s.minutes);
    const [email, role] = s.actor ?? HOLDER[app.status] ?? [VERIFIKATOR, 'VERIFIKATOR'];
    const choices = allowedActions(app, role, SEED_SOP);
    const action = s.action ?? wellFormed(choices[s.pick % Math.max(choices.length, 1)] ?? 'VERIFY_EMAIL');
    const r = applyAction(app, action, ctxOf(email, role, now, settings));
    if (r.ok) {
      trace.push({ from: app.status, to: r.app.status, version: [app.version, r.app.version] });
      expect(JSON.stringify(r)).not.toContain(FULL_NIK);
      app = r.app;
    }
  }
  return { app, trace };
}

describe('state machine properties', () => {
  const runs = fc.tuple(
    fc.boolean(),
    fc.array(stepArb, { minLength: 10, maxLength: 150, size: 'max' }),
    fc.boolean(),
    fc.constantFrom(...SERVICES),
  );

  it('every successful action follows an SOP transition and raises the version by exactly one', () => {
    fc.assert(
      fc.property(runs, ([valid, steps, doubled, service]) => {
        const { trace } = run(valid, steps, doubled, service);
        for (const t of trace) {
          expect(ALLOWED[t.from]).toContain(t.to);
          expect(t.version[1]).toBe(t.version[0] + 1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('every sequence leaves the application finished (its own service end or rejected) or open in a known status; final states absorb', () => {
    fc.assert(
      fc.property(runs, ([valid, steps, doubled, service]) => {
        const { app, trace } = run(valid, steps, doubled, service);
        expect(Object.values(STATUS)).toContain(app.status);
        const finalAt = trace.findIndex((t) => FINAL_STATUSES.includes(t.to));
        if (finalAt >= 0) expect(trace.length).toBe(finalAt + 1);
        if (app.status !== 'DITOLAK' && FINAL_STATUSES.includes(app.status)) {
          expect(app.status).toBe(FINAL_OF[app.applicant.service]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('random runs do reach issuance and rejection (the generator explores the whole machine)', () => {
    const seen = new Set<Status>();
    fc.assert(
      fc.property(runs, ([valid, steps, doubled, service]) => {
        for (const t of run(valid, steps, doubled, service).trace) seen.add(t.to);
      }),
      { numRuns: 400, seed: 42 },
    );
    expect(Object.values(STATUS).filter((s) => !seen.has(s))).toEqual([]);
  });

  it('an issued certificate went through every SOP actor, and nobody acted at two levels or on their own application', () => {
    fc.assert(
      fc.property(runs, ([valid, steps, doubled, service]) => {
        const { app } = run(valid, steps, doubled, service);
        const officials = app.history.filter((h) => h.role !== 'PEMOHON' && h.role !== 'SISTEM');
        for (const h of officials) expect(h.actor).not.toBe(APPLICANT_EMAIL);
        const rolesByPerson = new Map<string, Set<string>>();
        for (const h of officials) rolesByPerson.set(h.actor, (rolesByPerson.get(h.actor) ?? new Set()).add(h.role));
        for (const roles of rolesByPerson.values()) expect(roles.size).toBe(1);
        if (app.status === 'SERTIFIKAT_TERBIT') {
          const done = new Set(app.history.map((h) => `${h.role}:${h.action}`));
          for (const needed of [
            'PEMOHON:VERIFY_EMAIL',
            'KEPALA_DINAS:DISPOSE',
            'KABID_PERSANDIAN:DISPOSE',
            'SANDIMAN:VERIFY',
            'VERIFIKATOR:SUBMIT_TO_BSRE',
            'VERIFIKATOR:BSRE_ACCOUNT_SENT',
            'VERIFIKATOR:BSRE_VERIFIED',
            'VERIFIKATOR:PASSPHRASE_SET',
            'VERIFIKATOR:CERTIFICATE_ISSUED',
          ]) {
            expect(done).toContain(needed);
          }
          expect(app.bsre.serial).not.toBe('');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('guided walks reach issuance (the generator is not only producing refusals)', () => {
    const walk: [Action, string, ActingRole][] = [
      [{ type: 'VERIFY_EMAIL' }, APPLICANT_EMAIL, 'PEMOHON'],
      [{ type: 'DISPOSE', toEmail: '', instruction: '' }, KADIS, 'KEPALA_DINAS'],
      [{ type: 'DISPOSE', toEmail: '', instruction: '' }, KABID, 'KABID_PERSANDIAN'],
      [{ type: 'VERIFY', checklist, toEmail: '', note: '' }, SANDIMAN, 'SANDIMAN'],
      [{ type: 'SUBMIT_TO_BSRE' }, VERIFIKATOR, 'VERIFIKATOR'],
      [{ type: 'BSRE_ACCOUNT_SENT' }, VERIFIKATOR, 'VERIFIKATOR'],
      [{ type: 'BSRE_VERIFIED' }, VERIFIKATOR, 'VERIFIKATOR'],
      [{ type: 'PASSPHRASE_SET' }, VERIFIKATOR, 'VERIFIKATOR'],
      [{ type: 'CERTIFICATE_ISSUED', serial: 'SN', validUntil: '2028-01-01' }, VERIFIKATOR, 'VERIFIKATOR'],
    ];
    const { app } = run(
      true,
      walk.map(([action, email, role]) => ({ action, pick: 0, actor: [email, role], minutes: 1 })),
      false,
    );
    expect(app.status).toBe('SERTIFIKAT_TERBIT');
  });
});
