// The Google accounts a visitor can "sign in" as: the example roles of the walk-through plus every address the state knows.
import type { EmulatorState } from '../../emulator/state';
import { addresses } from './html';

/** A signed-in identity offered by the "who am I" switch. */
export interface Account {
  email: string;
  label: string;
}

/**
 * The example people of the walk-through: an applicant, and the role addresses the program's setup seeds into
 * Pengaturan (src/core/settings.ts DEFAULT_SETTINGS). Addresses found in the settings sheet are offered too.
 */
export const EXAMPLE_ACCOUNTS: Account[] = [
  { email: 'pemohon@bolmongkab.go.id', label: 'Pemohon' },
  { email: 'kepala.dinas@bolmongkab.go.id', label: 'Kepala Dinas' },
  { email: 'kabid.persandian@bolmongkab.go.id', label: 'Kabid Persandian' },
  { email: 'sandiman@bolmongkab.go.id', label: 'Sandiman' },
  { email: 'verifikator@bolmongkab.go.id', label: 'Verifikator' },
  { email: 'admin.kominfo@bolmongkab.go.id', label: 'Admin' },
];

const EMAIL = /^[^\s@,;<>"']+@[^\s@,;<>"']+\.[a-z]{2,}$/i;

/** True when the text is a single plain e-mail address. */
export function isEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}

/**
 * Every account worth offering: the owner, the example roles, the addresses written in a settings sheet (labelled by
 * the cell left of them), form respondents and mail recipients. Order: owner, roles, then the rest.
 */
export function knownAccounts(state: EmulatorState): Account[] {
  const found = new Map<string, string>();
  const add = (email: string, label: string) => {
    const key = email.trim().toLowerCase();
    if (!isEmail(key)) return;
    if (!found.has(key) || found.get(key) === '') found.set(key, label);
  };
  add(state.owner, 'Admin / pemilik');
  for (const account of EXAMPLE_ACCOUNTS) add(account.email, account.label);
  for (const spreadsheet of Object.values(state.spreadsheets)) {
    for (const sheet of spreadsheet.sheets) {
      if (!/pengaturan|setting/i.test(sheet.name)) continue;
      for (const row of sheet.values) {
        row.forEach((cell, column) => {
          if (typeof cell !== 'string') return;
          const left = column > 0 ? row[column - 1] : '';
          for (const email of cell.split(/[,;\s]+/)) add(email, typeof left === 'string' ? left : '');
        });
      }
    }
  }
  for (const form of Object.values(state.forms))
    for (const response of form.responses) add(response.respondentEmail, '');
  for (const mail of state.mail) for (const email of addresses(`${mail.to},${mail.cc},${mail.bcc}`)) add(email, '');
  return [...found.entries()].map(([email, label]) => ({ email, label }));
}
