// Shared fixtures for the workflow tests: seed SOP, example roster, a valid applicant, and a context builder.
import { DEFAULT_CALENDAR } from '../../src/core/business-time';
import type { Settings } from '../../src/core/settings';
import { SEED_SOP } from '../../src/core/sop';
import type { ActingRole, ActionContext, ApplicantFields, IntakeOutcome } from '../../src/core/workflow-types';

export const KADIS = 'kepala.dinas@bolmongkab.go.id';
export const KABID = 'kabid.persandian@bolmongkab.go.id';
export const SANDIMAN = 'sandiman@bolmongkab.go.id';
export const SANDIMAN2 = 'sandiman2@bolmongkab.go.id';
export const VERIFIKATOR = 'verifikator@bolmongkab.go.id';
export const ADMIN = 'admin@bolmongkab.go.id';
export const APPLICANT_EMAIL = 'budi.santoso@bolmongkab.go.id';
export const FULL_NIK = '7101011203850001';

export function testSettings(): Settings {
  return {
    roster: {
      KEPALA_DINAS: [KADIS],
      KABID_PERSANDIAN: [KABID],
      KASI_PERSANDIAN: [],
      SANDIMAN: [SANDIMAN, SANDIMAN2],
      VERIFIKATOR: [VERIFIKATOR],
      ADMIN: [ADMIN],
    },
    superiors: {
      KEPALA_DINAS: 'ADMIN',
      KABID_PERSANDIAN: 'KEPALA_DINAS',
      SANDIMAN: 'KABID_PERSANDIAN',
      VERIFIKATOR: 'KABID_PERSANDIAN',
    },
    delegations: [],
    allowedEmailDomains: ['bolmongkab.go.id'],
    emailSopUrl: 'https://example.go.id/sop-email-dinas',
    linkExpiryHours: 72,
    retentionDays: 30,
    calendar: DEFAULT_CALENDAR,
  };
}

export function applicant(overrides: Partial<ApplicantFields> = {}): ApplicantFields {
  return {
    name: 'Budi Santoso',
    nikMasked: '7101********0001',
    nikKey: 'abc123',
    nip: '198503122010011001',
    employmentStatus: 'PNS',
    position: 'Analis Kebijakan',
    unit: 'Dinas Kominfo',
    email: APPLICANT_EMAIL,
    phone: '6281234567890',
    service: 'PENERBITAN_BARU',
    letterLink: 'https://drive.google.com/file/d/letter',
    ktpLink: 'https://drive.google.com/file/d/ktp',
    bringsFiles: false,
    warnings: [],
    ...overrides,
  };
}

export function validOutcome(overrides: Partial<ApplicantFields> = {}): IntakeOutcome {
  return { ok: true, applicant: applicant(overrides) };
}

/** Monday 5 January 2026, 08:00 WITA. */
export const START = new Date('2026-01-05T00:00:00Z');

export function ctxOf(email: string, role: ActingRole, now: Date, settings = testSettings()): ActionContext {
  return { actor: { email, role }, now, sop: SEED_SOP, settings, calendar: DEFAULT_CALENDAR };
}

export function minutesAfter(base: Date, minutes: number): Date {
  return new Date(base.getTime() + minutes * 60000);
}
