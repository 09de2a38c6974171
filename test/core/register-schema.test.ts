// Register schema: headers, round trip record <-> row by header name, staff columns kept, schema messages.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applicationFromRow,
  applicationToRow,
  certificateColumns,
  checkSchema,
  formatsOf,
  fromRow,
  headersOf,
  ID_HEADER,
  registerColumns,
  statusFromLabel,
  stepSummary,
  toRow,
} from '../../src/core/register-schema';
import { SEED_SOP } from '../../src/core/sop';
import {
  allowedActions,
  applyAction,
  certificateOf,
  openApplication,
  sandimanChecklist,
} from '../../src/core/workflow';
import type { Action, Application, CertificateRecord } from '../../src/core/workflow-types';
import { APPLICANT_EMAIL, ctxOf, FULL_NIK, KADIS, START, validOutcome } from './workflow-fixtures';

function sample(): Application {
  const opened = openApplication(
    {
      id: 'TTE-2026-0001',
      responseId: 'resp-1',
      editUrl: 'https://forms/e',
      submittedAt: START,
      outcome: validOutcome({ name: '=HYPERLINK("x")' }),
    },
    ctxOf(APPLICANT_EMAIL, 'SISTEM', START),
  ).app;
  const v = applyAction(opened, { type: 'VERIFY_EMAIL' }, ctxOf(APPLICANT_EMAIL, 'PEMOHON', START));
  if (!v.ok) throw new Error(v.message);
  const d = applyAction(
    v.app,
    { type: 'DISPOSE', toEmail: '', instruction: 'Segera' },
    ctxOf(KADIS, 'KEPALA_DINAS', new Date(START.getTime() + 300000)),
  );
  if (!d.ok) throw new Error(d.message);
  return d.app;
}

/** Simulates a sheet round trip: Dates stay Dates, strings stay strings. */
function roundTrip(app: Application, headers: string[]) {
  const row = applicationToRow(app, headers, SEED_SOP);
  const check = checkSchema('Register Permohonan', headers, registerColumns(SEED_SOP));
  if (!check.ok) throw new Error(check.message);
  return { row, back: applicationFromRow(row, check.index, SEED_SOP) };
}

describe('register schema', () => {
  it('has Indonesian headers, one per SOP step, no duplicates, and the ID column', () => {
    const headers = headersOf(registerColumns(SEED_SOP));
    expect(new Set(headers).size).toBe(headers.length);
    expect(headers).toContain(ID_HEADER);
    expect(headers.filter((h) => h.startsWith('Tahap ') && /^Tahap \d$/.test(h))).toEqual([
      'Tahap 1',
      'Tahap 2',
      'Tahap 3',
      'Tahap 4',
      'Tahap 5',
    ]);
    expect(headers.filter((h) => /KTP/.test(h))).toEqual(['Nama (sesuai KTP)']);
  });

  it('marks text columns "@" (NIP, phone, masked NIK) and dates with a date format', () => {
    const formats = formatsOf(registerColumns(SEED_SOP));
    expect(formats['NIP / NI PPPK']).toBe('@');
    expect(formats['Nomor ponsel (WhatsApp)']).toBe('@');
    expect(formats['NIK (disamarkan)']).toBe('@');
    expect(formats['Diajukan pada']).toBe('yyyy-mm-dd hh:mm');
    expect(formats.Versi).toBe('0');
  });

  it('round-trips an application, whatever the column order, except the KTP and Form edit links, never stored', () => {
    const app = sample();
    const headers = [...headersOf(registerColumns(SEED_SOP))].reverse();
    const { row, back } = roundTrip(app, headers);
    expect(back).toEqual({ ...app, editUrl: '', applicant: { ...app.applicant, ktpLink: '' } });
    expect(JSON.stringify(row)).not.toContain(FULL_NIK);
    expect(JSON.stringify(row)).not.toContain(app.applicant.ktpLink);
  });

  it('neutralises formulas from applicant text and reads them back unchanged', () => {
    const app = sample();
    const headers = headersOf(registerColumns(SEED_SOP));
    const { row, back } = roundTrip(app, headers);
    expect(row[headers.indexOf('Nama (sesuai KTP)')]).toBe('\'=HYPERLINK("x")');
    expect(back.applicant.name).toBe('=HYPERLINK("x")');
  });

  it('shows the status label and each step as on time or late', () => {
    const app = sample();
    const headers = headersOf(registerColumns(SEED_SOP));
    const { row } = roundTrip(app, headers);
    expect(row[headers.indexOf('Status')]).toBe('Didisposisikan ke Kabid Persandian');
    expect(row[headers.indexOf('Tahap 1')]).toBe('Tepat waktu (5 menit kerja)');
    expect(row[headers.indexOf('Tahap 2')]).toBe('Berjalan');
    expect(stepSummary({ ...app.steps[1]!, onTime: false })).toBe('Terlambat (5 menit kerja)');
    expect(statusFromLabel('Ditolak BSrE')).toBe('DITOLAK_BSRE');
  });

  it('keeps staff columns when writing a row', () => {
    const app = sample();
    const headers = ['Catatan staf', ...headersOf(registerColumns(SEED_SOP))];
    const row = toRow(app, headers, registerColumns(SEED_SOP), ['sudah ditelepon']);
    expect(row[0]).toBe('sudah ditelepon');
  });

  it('names missing and duplicated columns in Indonesian', () => {
    const headers = headersOf(registerColumns(SEED_SOP)).filter((h) => h !== 'Versi');
    headers.push('Status', 'Status');
    const check = checkSchema('Register Permohonan', headers, registerColumns(SEED_SOP));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toContain('kolom yang hilang: "Versi"');
    expect(check.message).toContain('kolom yang ganda: "Status"');
    expect(check.message).toContain('Tidak ada yang diubah');
  });

  it('reads Date cells and date-only "Berlaku sampai" written by Sheets as a Date', () => {
    const app = sample();
    const headers = headersOf(registerColumns(SEED_SOP));
    const row = applicationToRow({ ...app, bsre: { ...app.bsre, validUntil: '2028-01-05' } }, headers, SEED_SOP);
    row[headers.indexOf('Berlaku sampai')] = new Date('2028-01-04T16:00:00Z');
    const check = checkSchema('R', headers, registerColumns(SEED_SOP));
    if (!check.ok) throw new Error();
    expect(applicationFromRow(row, check.index, SEED_SOP).bsre.validUntil).toBe('2028-01-05');
  });
});

describe('Sertifikat Terbit schema', () => {
  it('round-trips a certificate record with the masked NIK only', () => {
    const cert: CertificateRecord = {
      ...certificateOf(sample()),
      serial: 'SN-1',
      issuedAt: START.toISOString(),
      validUntil: '2028-01-05',
    };
    const columns = certificateColumns();
    const headers = headersOf(columns);
    const row = toRow(cert, headers, columns);
    const check = checkSchema('Sertifikat Terbit', headers, columns);
    if (!check.ok) throw new Error(check.message);
    const blank = { ...cert, applicationId: '', serial: '' };
    expect(fromRow(row, check.index, columns, blank)).toEqual(cert);
    expect(JSON.stringify(row)).not.toContain(FULL_NIK);
  });
});

describe('every reachable application survives the register', () => {
  const HOLDERS: Partial<
    Record<string, [string, 'PEMOHON' | 'SISTEM' | 'KEPALA_DINAS' | 'KABID_PERSANDIAN' | 'SANDIMAN' | 'VERIFIKATOR']>
  > = {
    MENUNGGU_VERIFIKASI_EMAIL: [APPLICANT_EMAIL, 'PEMOHON'],
    DATA_TIDAK_VALID: [APPLICANT_EMAIL, 'SISTEM'],
    DIKEMBALIKAN: [APPLICANT_EMAIL, 'SISTEM'],
    MENUNGGU_DISPOSISI_KADIS: [KADIS, 'KEPALA_DINAS'],
    DIDISPOSISIKAN_KABID: ['kabid.persandian@bolmongkab.go.id', 'KABID_PERSANDIAN'],
    DITERUSKAN_SANDIMAN: ['sandiman@bolmongkab.go.id', 'SANDIMAN'],
  };
  const build = (choices: number[]): Application => {
    let app = sample();
    let now = START;
    for (const pick of choices) {
      now = new Date(now.getTime() + 7 * 60000);
      const [email, role] = HOLDERS[app.status] ?? ['verifikator@bolmongkab.go.id', 'VERIFIKATOR'];
      const types = allowedActions(app, role, SEED_SOP);
      const type = types[pick % Math.max(types.length, 1)];
      if (!type) break;
      const action = wellFormed(type);
      const r = applyAction(app, action, ctxOf(email, role, now));
      if (r.ok) app = r.app;
    }
    return app;
  };

  it('round-trips through a row, whatever the path (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.nat(5), weight: 1 }), {
          maxLength: 40,
        }),
        (choices) => {
          const app = build(choices);
          const headers = headersOf(registerColumns(SEED_SOP));
          const { row, back } = roundTrip(app, headers);
          expect(back).toEqual({ ...app, editUrl: '', applicant: { ...app.applicant, ktpLink: '' } });
          expect(JSON.stringify(row)).not.toContain(FULL_NIK);
        },
      ),
      { numRuns: 150 },
    );
  });
});

function wellFormed(type: Action['type']): Action {
  const checklist = Object.fromEntries(sandimanChecklist(SEED_SOP).map((i) => [i, true]));
  const map: Record<Action['type'], Action> = {
    VERIFY_EMAIL: { type: 'VERIFY_EMAIL' },
    DISPOSE: { type: 'DISPOSE', toEmail: '', instruction: '=Segera "diproses"' },
    VERIFY: { type: 'VERIFY', checklist, toEmail: '', note: '+catatan' },
    REJECT: { type: 'REJECT', reason: '@Tidak memenuhi syarat' },
    RETURN: { type: 'RETURN', reason: '-Perbaiki berkas' },
    RESUBMIT: { type: 'RESUBMIT', outcome: validOutcome({ position: '=1+1' }) },
    SUBMIT_TO_BSRE: { type: 'SUBMIT_TO_BSRE' },
    BSRE_ACCOUNT_SENT: { type: 'BSRE_ACCOUNT_SENT' },
    BSRE_VERIFIED: { type: 'BSRE_VERIFIED' },
    PASSPHRASE_SET: { type: 'PASSPHRASE_SET' },
    CERTIFICATE_ISSUED: { type: 'CERTIFICATE_ISSUED', serial: '0012-34', validUntil: '2028-01-05' },
    CERTIFICATE_REVOKED: { type: 'CERTIFICATE_REVOKED' },
    PASSPHRASE_RESET_DONE: { type: 'PASSPHRASE_RESET_DONE' },
    BSRE_REJECTED: { type: 'BSRE_REJECTED', code: 'LAINNYA', text: 'Nama berbeda' },
    BSRE_RESUBMIT: { type: 'BSRE_RESUBMIT', note: '' },
  };
  return map[type];
}
