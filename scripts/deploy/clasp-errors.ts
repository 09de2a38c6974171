// Recognises the errors people meet when deploying (clasp 3.4.1 and Apps Script API texts) and explains them in Indonesian.

/** A known failure: the exact text clasp or Google prints, and what the office admin should do about it. */
export interface KnownError {
  code: 'NOT_LOGGED_IN' | 'WRONG_SCRIPT_ID' | 'SCOPES_NOT_GRANTED' | 'API_DISABLED' | 'PUSH_SKIPPED';
  /** Substrings of clasp's or Google's message, matched case-sensitively as printed. */
  patterns: string[];
  /** What happened, in Indonesian. */
  meaning: string;
  /** What to do, in Indonesian. */
  fix: string;
}

/**
 * The texts are quoted from @google/clasp 3.4.1 (build/src/core/utils.js "No credentials found.", "Project settings
 * not found."; commands/show-authorized-user.js "Not logged in."; commands/push.js "Skipping push.") and from the
 * Apps Script API responses clasp passes through (google/clasp issues #244, #256, #973, #1128 for the disabled API).
 */
export const KNOWN_ERRORS: KnownError[] = [
  {
    code: 'API_DISABLED',
    patterns: ['User has not enabled the Apps Script API'],
    meaning: 'Apps Script API belum diaktifkan untuk akun Google ini.',
    fix: 'Buka https://script.google.com/home/usersettings, aktifkan "Google Apps Script API", tunggu beberapa menit, lalu jalankan ulang.',
  },
  {
    code: 'NOT_LOGGED_IN',
    patterns: ['No credentials found.', 'Not logged in.'],
    meaning: 'clasp belum masuk (login) ke akun Google.',
    fix: 'Jalankan `npx clasp login`, masuk dengan akun pemilik proyek Apps Script, lalu jalankan ulang.',
  },
  {
    code: 'SCOPES_NOT_GRANTED',
    patterns: ['Request had insufficient authentication scopes', 'insufficient authentication scopes'],
    meaning: 'Izin (scope) yang diberikan saat login tidak mencukupi.',
    fix: 'Jalankan `npx clasp logout` lalu `npx clasp login` lagi dan setujui semua izin yang diminta.',
  },
  {
    code: 'WRONG_SCRIPT_ID',
    patterns: ['Requested entity was not found', 'Project settings not found.', 'Invalid ID', 'Script ID is not set'],
    meaning: 'Script ID di berkas .clasp tidak ditemukan atau bukan milik akun yang sedang login.',
    fix: 'Buka proyek Apps Script > Setelan proyek (ikon roda gigi) > ID Skrip, salin ke "scriptId" di .clasp.json (pengembangan) atau .clasp.prod.json (produksi), dan pastikan login dengan akun pemiliknya (`npx clasp show-authorized-user`).',
  },
  {
    code: 'PUSH_SKIPPED',
    patterns: ['Skipping push.'],
    meaning: 'clasp melewati push karena manifest (appsscript.json) berubah dan perubahan itu tidak dikonfirmasi.',
    fix: 'Jalankan `npm run deploy:prod` di terminal interaktif dan jawab "y" pada pertanyaan clasp "Manifest file has been updated. Do you want to push and overwrite?".',
  },
];

/** Finds the first known error whose text appears in what a command printed. */
export function recogniseError(output: string): KnownError | null {
  for (const known of KNOWN_ERRORS) {
    if (known.patterns.some((pattern) => output.includes(pattern))) return known;
  }
  return null;
}
