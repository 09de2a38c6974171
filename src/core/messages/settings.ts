// Indonesian words of the Pengaturan sheet: notes beside the defaults and the errors of reading it.

const ROLE_NAMES = 'Kepala Dinas, Kabid Persandian, Kasi Persandian, Sandiman, Verifikator, Admin';

/** The Pengaturan sheet's labels (column A); the value is in column B, delegation dates in C and D. */
export const SETTINGS_LABELS = {
  header: ['Pengaturan', 'Nilai', 'Berlaku mulai', 'Berlaku sampai', 'Keterangan'],
  rosterPrefix: 'Peran',
  superiorPrefix: 'Atasan',
  delegationPrefix: 'Plt./Plh.',
  domains: 'Domain email dinas yang diizinkan',
  emailSopUrl: 'Tautan SOP Pembuatan Email Dinas',
  linkExpiryHours: 'Masa berlaku tautan (jam)',
  retentionDays: 'Masa simpan Data Terbatas setelah selesai (hari)',
} as const;

/** Notes written beside the default rows. */
export const SETTINGS_NOTES = {
  example: 'CONTOH: ganti dengan alamat sebenarnya. Beberapa alamat dipisah koma.',
  exampleUrl: 'CONTOH: ganti dengan tautan SOP yang berlaku.',
  superior: 'Penerima eskalasi bila tahap terlambat dua kali waktu baku.',
  delegation:
    'Pejabat pelaksana (Plt./Plh.) selama berhalangan: isi email dan tanggal (yyyy-MM-dd). Boleh beberapa baris, untuk peran apa pun.',
} as const;

/** Indonesian errors of the Pengaturan sheet; each names the row (1-based) and says how to fix it. */
export const SETTINGS_ERRORS = {
  badEmail: (row: number, value: string) => `Pengaturan baris ${row}: "${value}" bukan alamat email yang sah.`,
  badRole: (row: number, value: string) =>
    `Pengaturan baris ${row}: peran "${value}" tidak dikenal. Tulis salah satu: ${ROLE_NAMES}.`,
  badRange: (row: number) =>
    `Pengaturan baris ${row}: tanggal "Berlaku mulai" dan "Berlaku sampai" wajib diisi (yyyy-MM-dd) dan tidak terbalik.`,
  badDomains: (row: number, value: string) =>
    `Pengaturan baris ${row}: domain email dinas harus berakhiran go.id${value ? ` ("${value}" tidak)` : ''}, dipisah koma.`,
  badUrl: (row: number) => `Pengaturan baris ${row}: tautan SOP Pembuatan Email Dinas harus alamat https://.`,
  badNumber: (row: number, value: string, min: number, max: number) =>
    `Pengaturan baris ${row}: "${value}" harus bilangan bulat antara ${min} dan ${max}.`,
  emptyRole: (label: string) => `Pengaturan: peran ${label} belum berisi alamat email. Isi paling sedikit satu alamat.`,
} as const;
