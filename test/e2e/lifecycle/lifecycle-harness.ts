// Helpers for the lifecycle e2e tests: issue a certificate through the SOP, keep only the daily triggers, read sheets.
import { expect } from 'vitest';
import { Emulator } from '../../../emulator';
import type { CellValue, EmulatorState } from '../../../emulator/state';
import { applicationToRow, certificateColumns, toRow } from '../../../src/core/register-schema';
import { SEED_SOP } from '../../../src/core/sop';
import { knownApplications, knownCertificates } from '../../core/lifecycle/known-data';
import { bundleDir } from '../../support/bundle';
import { APPLICANT, act, answers, KABID, KADIS, OWNER, SANDIMAN, sheetState, VERIFIKATOR } from '../harness';

export { sheetState };

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

/** A fresh emulator whose clock starts at `start`, set up from the menu as the owner (as the base harness does). */
export function setUpAt(start: string): Emulator {
  const emu = new Emulator({ codeDir: bundleDir(), owner: OWNER, start, bound: true, mailDailyQuota: 100 });
  emu.openSpreadsheet(OWNER);
  const result = emu.runMenuItem('Siapkan/perbaiki sistem', OWNER);
  expect(result.status, result.error ?? '').toBe('COMPLETED');
  return emu;
}

/**
 * Loads the known data set (test/core/lifecycle/known-data.ts) into Register Permohonan and Sertifikat Terbit, row
 * by header as staff importing old records would: "Dicabut" in the state column for the revoked certificate.
 */
export function loadKnownData(emu: { state: EmulatorState }): void {
  const register = sheetState(emu, 'Register Permohonan');
  const header = register.values[0] ?? [];
  for (const app of knownApplications()) register.values.push(applicationToRow(app, header, SEED_SOP) as CellValue[]);
  const issued = sheetState(emu, 'Sertifikat Terbit');
  const certHeader = issued.values[0] ?? [];
  const stateAt = certHeader.indexOf('Status sertifikat');
  for (const cert of knownCertificates()) {
    const row = toRow(cert, certHeader, certificateColumns()) as CellValue[];
    if (cert.revoked) row[stateAt] = 'Dicabut';
    issued.values.push(row);
  }
  register.maxRows = Math.max(register.maxRows, register.values.length + 10);
  issued.maxRows = Math.max(issued.maxRows, issued.values.length + 10);
}
