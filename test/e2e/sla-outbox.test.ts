// Time standards (reminder at 1x, escalation at 2x, each once, business minutes) and the outbox (quota, retry).
import { describe, expect, it } from 'vitest';
import { ADMIN_ROLE, APPLICANT, act, answers, auditRows, KABID, KADIS, mailsTo, registerRows, setUp } from './harness';

describe('late steps', () => {
  it('reminds the holder once at the standard and escalates once to the superior at twice it', () => {
    const emu = setUp();
    emu.submitForm(answers());
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    const runs = emu.advanceClock(45);
    expect(runs.every((run) => run.status === 'COMPLETED')).toBe(true);
    const reminders = mailsTo(emu, KADIS).filter((m) => m.subject.includes('Pengingat'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.sentAt.toISOString()).toBe('2026-01-05T00:10:00.000Z');
    const escalations = mailsTo(emu, ADMIN_ROLE);
    expect(escalations).toHaveLength(1);
    expect(escalations[0]?.subject).toContain('Eskalasi');
    expect(escalations[0]?.sentAt.toISOString()).toBe('2026-01-05T00:20:00.000Z');
    expect(auditRows(emu).map((r) => r.Peristiwa)).toEqual([
      'Permohonan diterima',
      'Email dinas terverifikasi',
      'Pengingat terlambat dikirim',
      'Eskalasi ke atasan dikirim',
    ]);
    // The reminder carries a working decision link; the late step shows as late.
    act(emu, KADIS, { action: 'DISPOSE', toEmail: '', instruction: 'Maaf terlambat' });
    expect(registerRows(emu)[0]?.['Tahap 1']).toBe('Terlambat (45 menit kerja)');
    const dashboard = emu.sheetDisplayValues('Dasbor').flat();
    expect(dashboard).toContain('TTE-2026-0001 (tahap 1)');
  });

  it('counts business minutes only: a step waiting overnight is not late until working hours resume', () => {
    const emu = setUp();
    emu.advanceClock(8 * 60 + 25); // Monday 16:25 WITA, after working hours (Mon–Thu end 16:00)
    emu.submitForm(answers());
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    emu.advanceClock(14 * 60); // Tuesday 06:25: still before working hours
    expect(mailsTo(emu, KADIS).filter((m) => m.subject.includes('Pengingat'))).toHaveLength(0);
    emu.advanceClock(2 * 60); // Tuesday 08:25: 25 working minutes
    expect(mailsTo(emu, KADIS).filter((m) => m.subject.includes('Pengingat'))).toHaveLength(1);
    expect(mailsTo(emu, KABID)).toHaveLength(0);
  });
});

describe('the outbox', () => {
  it('keeps mail when the daily quota is spent and sends it after the quota window, never twice', () => {
    const emu = setUp();
    emu.faults.exhaustMailQuota();
    emu.submitForm(answers());
    expect(emu.outbox()).toHaveLength(0);
    const [header = [], row = []] = emu.sheetDisplayValues('Kotak Keluar');
    expect(row[header.indexOf('Status')]).toBe('Menunggu');
    expect(registerRows(emu)[0]?.Status).toBe('Menunggu verifikasi email');

    emu.advanceClock(24 * 60 + 30);
    expect(mailsTo(emu, APPLICANT)).toHaveLength(1);
    const [, sent = []] = emu.sheetDisplayValues('Kotak Keluar');
    expect(sent[header.indexOf('Status')]).toBe('Terkirim');
    emu.advanceClock(60);
    expect(mailsTo(emu, APPLICANT)).toHaveLength(1);
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    expect(registerRows(emu)[0]?.Status).toBe('Menunggu disposisi Kepala Dinas');
  });
});

describe('faults lose nothing', () => {
  it('a submission whose trigger failed (lock timeout) is picked up by the retry trigger', () => {
    const emu = setUp();
    emu.faults.lockTimeout();
    const submitted = emu.submitForm(answers());
    expect(submitted.executions[0]?.status).toBe('FAILED');
    expect(registerRows(emu)).toHaveLength(0);
    emu.advanceClock(16);
    expect(registerRows(emu)).toHaveLength(1);
    expect(mailsTo(emu, APPLICANT)).toHaveLength(1);
    emu.advanceClock(60);
    expect(registerRows(emu)).toHaveLength(1);
    expect(mailsTo(emu, APPLICANT)).toHaveLength(1);
  });

  it('a send that throws leaves the mail waiting; the retry sends it once', () => {
    const emu = setUp();
    emu.faults.throwOn('MailApp.MailApp.sendEmail', { message: 'Service unavailable' });
    emu.submitForm(answers());
    expect(mailsTo(emu, APPLICANT)).toHaveLength(0);
    const [header = [], row = []] = emu.sheetDisplayValues('Kotak Keluar');
    expect(row[header.indexOf('Status')]).toBe('Menunggu');
    expect(row[header.indexOf('Galat terakhir')]).toContain('Service unavailable');
    emu.advanceClock(16);
    expect(mailsTo(emu, APPLICANT)).toHaveLength(1);
  });
});

describe('Kotak Keluar holds no live links once sent', () => {
  it('clears the bodies of sent mail (they carry signed links) and keeps recipient, subject and times', () => {
    const emu = setUp();
    emu.submitForm(answers());
    const [header = [], row = []] = emu.sheetDisplayValues('Kotak Keluar');
    expect(row[header.indexOf('Status')]).toBe('Terkirim');
    expect(row[header.indexOf('Kepada')]).toBe(APPLICANT);
    expect(row[header.indexOf('Subjek')]).toContain('TTE-2026-0001');
    expect(row[header.indexOf('Isi HTML')]).toBe('');
    expect(row[header.indexOf('Isi teks')]).toBe('');
    expect(emu.sheetDisplayValues('Kotak Keluar').flat().join(' ')).not.toContain('/exec?t=');
  });
});
