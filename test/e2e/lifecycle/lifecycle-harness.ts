// Helpers for the lifecycle e2e tests: issue a certificate through the SOP, keep only the daily triggers, read sheets.
import type { Emulator } from '../../../emulator';
import { APPLICANT, act, answers, KABID, KADIS, SANDIMAN, VERIFIKATOR } from '../harness';

/** Runs one application through every SOP step by the links in the mails, to an issued certificate. */
export function issueCertificate(
  emu: Emulator,
  serial: string,
  validUntil: string,
  overrides: Record<string, string | string[]> = {},
  applicant = APPLICANT,
): void {
  emu.submitForm(answers({ email: applicant, ...overrides }));
  act(emu, applicant, { action: 'VERIFY_EMAIL' });
  act(emu, KADIS, { action: 'DISPOSE', toEmail: KABID, instruction: 'Mohon diproses' });
  act(emu, KABID, { action: 'DISPOSE', toEmail: SANDIMAN, instruction: 'Verifikasi berkas' });
  act(emu, SANDIMAN, { action: 'VERIFY', toEmail: VERIFIKATOR, note: 'Berkas lengkap' });
  act(emu, VERIFIKATOR, { action: 'SUBMIT_TO_BSRE' });
  act(emu, VERIFIKATOR, { action: 'BSRE_ACCOUNT_SENT' });
  act(emu, VERIFIKATOR, { action: 'BSRE_VERIFIED' });
  act(emu, VERIFIKATOR, { action: 'PASSPHRASE_SET' });
  act(emu, VERIFIKATOR, { action: 'CERTIFICATE_ISSUED', serial, validUntil });
}

/**
 * Keeps only the given time-driven handlers, so a test can move the clock by weeks without running the 10-minute
 * SLA check thousands of times (what it tests is the daily and monthly jobs).
 */
export function keepClockTriggers(emu: Emulator, handlers: string[]): void {
  const kept = emu.state.triggers.filter((t) => t.source !== 'CLOCK' || handlers.includes(t.handlerFunction));
  emu.state.triggers.splice(0, emu.state.triggers.length, ...kept);
}

/** A sheet's rows as header -> display value. */
export function rowsOf(emu: Emulator, sheet: string): Record<string, string>[] {
  const [header = [], ...rows] = emu.sheetDisplayValues(sheet);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}
