// Intake: invalid submissions kept and answered, the no-official-email path, one active application, duplicate and blank deliveries.
import { describe, expect, it } from 'vitest';
import { OFFICIAL_EMAIL_CHOICES } from '../../src/core/intake-form';
import { escapeHtml } from '../../src/core/sanitize';
import {
  APPLICANT,
  act,
  answers,
  auditRows,
  KADIS,
  lastMailTo,
  mailsTo,
  registerRows,
  setUp,
  tokenOf,
  webLinks,
} from './harness';

describe('invalid submissions', () => {
  it('a name with an academic title is recorded as invalid, the applicant is told exactly what to fix, the edit makes it valid', () => {
    const emu = setUp();
    const submitted = emu.submitForm(answers({ name: 'Dr. Budi Santoso' }));
    const [row] = registerRows(emu);
    expect(row).toMatchObject({ 'Nomor permohonan': 'TTE-2026-0001', Status: 'Data tidak valid, menunggu perbaikan' });
    const issues = JSON.parse(row?.['Masalah data (JSON)'] ?? '[]') as { field: string; message: string }[];
    expect(issues.map((i) => i.field)).toEqual(['name']);
    const mail = lastMailTo(emu, APPLICANT);
    expect(mail.body).toContain(issues[0]?.message ?? '?');
    expect(mail.body).toContain(submitted.editUrl);
    expect(auditRows(emu).map((r) => r.Peristiwa)).toEqual(['Permohonan tidak valid dicatat']);

    emu.advanceClock(10);
    emu.editResponse(submitted.responseId, answers());
    expect(registerRows(emu)).toHaveLength(1);
    expect(registerRows(emu)[0]?.Status).toBe('Menunggu verifikasi email');
    expect(lastMailTo(emu, APPLICANT).subject).toContain('verifikasi email');
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    expect(registerRows(emu)[0]?.Status).toBe('Menunggu disposisi Kepala Dinas');
  });

  it('a NIK whose structure is impossible and an address outside the allowed domains are refused with reasons', () => {
    const emu = setUp();
    emu.submitForm(answers({ nik: '7101209908850001', email: 'budi@kemenkeu.go.id' }));
    const issues = JSON.parse(registerRows(emu)[0]?.['Masalah data (JSON)'] ?? '[]') as { field: string }[];
    expect(issues.map((i) => i.field).sort()).toEqual(['email', 'nik']);
    const mail = lastMailTo(emu, 'budi@kemenkeu.go.id');
    expect(mail.body).toContain('NIK');
    expect(mail.body).not.toContain('7101209908850001');
    expect(registerRows(emu)[0]?.['NIK (disamarkan)']).not.toContain('2099');
  });

  it('an applicant without an official address is pointed to the SOP Pembuatan Email Dinas (a setting)', () => {
    const emu = setUp();
    emu.submitForm(answers({ hasOfficialEmail: OFFICIAL_EMAIL_CHOICES.NO }));
    const mail = lastMailTo(emu, APPLICANT);
    expect(mail.body).toContain('https://diskominfo.bolmongkab.go.id/sop/pembuatan-email-dinas');
    expect(registerRows(emu)[0]?.Status).toBe('Data tidak valid, menunggu perbaikan');
  });

  it('one active application per NIK and service: a second is recorded as invalid; another service is fine', () => {
    const emu = setUp();
    emu.submitForm(answers());
    emu.advanceClock(1);
    emu.submitForm(answers());
    emu.advanceClock(1);
    emu.submitForm(answers({ service: 'Reset passphrase' }));
    expect(registerRows(emu).map((r) => r.Status)).toEqual([
      'Menunggu verifikasi email',
      'Data tidak valid, menunggu perbaikan',
      'Menunggu verifikasi email',
    ]);
    const issues = JSON.parse(registerRows(emu)[1]?.['Masalah data (JSON)'] ?? '[]') as { field: string }[];
    expect(issues.map((i) => i.field)).toEqual(['nik']);
  });
});

describe('warnings', () => {
  it('a NIK/NIP birth-date mismatch is a warning, not a refusal: recorded and shown to the officials', () => {
    const emu = setUp();
    emu.submitForm(answers({ nip: '198601012010011001' }));
    const row = registerRows(emu)[0];
    expect(row?.Status).toBe('Menunggu verifikasi email');
    const warnings = JSON.parse(row?.['Catatan pemeriksaan data'] ?? '[]') as string[];
    expect(warnings.length).toBeGreaterThan(0);
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    const page = emu.doGet({ query: { t: tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '') }, user: KADIS });
    expect(page.content).toContain(escapeHtml(warnings[0] ?? '?'));
  });
});

describe('deliveries', () => {
  it('a duplicate delivery and a blank one change nothing', () => {
    const emu = setUp();
    emu.faults.duplicateFormSubmit();
    emu.faults.blankFormSubmit();
    const submitted = emu.submitForm(answers());
    expect(submitted.executions.length).toBeGreaterThanOrEqual(3);
    for (const execution of submitted.executions) expect(execution.status, execution.error ?? '').toBe('COMPLETED');
    expect(registerRows(emu)).toHaveLength(1);
    expect(mailsTo(emu, APPLICANT)).toHaveLength(1);
    expect(auditRows(emu)).toHaveLength(1);
  });

  it('the reference numbers count up per year', () => {
    const emu = setUp();
    emu.submitForm(answers());
    emu.submitForm(
      answers({
        nik: '7101204101900002',
        email: 'siti@bolmongkab.go.id',
        nip: '199001012015032001',
        name: 'Siti Aminah',
      }),
    );
    expect(registerRows(emu).map((r) => r['Nomor permohonan'])).toEqual(['TTE-2026-0001', 'TTE-2026-0002']);
  });
});
