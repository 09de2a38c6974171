// Indonesian text of the Apps Script shell: sheet names, menu, setup report, outbox, lock and schema errors.

/** The sheet names (glossary "Screens and sheets"). */
export const SHEET_NAMES = {
  register: 'Register Permohonan',
  issued: 'Sertifikat Terbit',
  audit: 'Jejak Audit',
  settings: 'Pengaturan',
  sop: 'SOP',
  dashboard: 'Dasbor',
  outbox: 'Kotak Keluar',
  restricted: 'Data Terbatas',
} as const;

export const SHELL_MESSAGES = {
  senderName: 'Dinas Kominfo Kab. Bolaang Mongondow',
  lockBusy: 'Sistem sedang memproses permintaan lain. Tidak ada yang diubah. Silakan coba lagi dalam satu menit.',
  sheetMissing: (name: string) =>
    `Sheet "${name}" tidak ditemukan. Jalankan menu Sertifikat Elektronik > Siapkan/perbaiki sistem.`,
  schemaMissing: (sheet: string, headers: string[]) =>
    `Kolom ${headers.map((header) => `"${header}"`).join(', ')} tidak ditemukan di sheet "${sheet}". ` +
    'Jangan menghapus atau mengganti nama judul kolom. Jalankan menu Sertifikat Elektronik > Siapkan/perbaiki sistem.',
  notSetUp: 'Sistem belum disiapkan. Jalankan menu Sertifikat Elektronik > Siapkan/perbaiki sistem.',
  mailTooLarge: 'Isi email terlalu panjang untuk disimpan di Kotak Keluar.',
  outboxHeaders: {
    id: 'ID Surel',
    created: 'Dibuat',
    applicationId: 'Nomor Permohonan',
    kind: 'Jenis',
    to: 'Kepada',
    subject: 'Subjek',
    status: 'Status',
    attempts: 'Percobaan',
    lastAttempt: 'Terakhir dicoba',
    sentAt: 'Terkirim pada',
    lastError: 'Galat terakhir',
    key: 'Kunci',
    text: 'Isi teks',
    html: 'Isi HTML',
  },
  outboxStatus: {
    pending: 'Menunggu',
    sending: 'Sedang dikirim',
    sent: 'Terkirim',
  },
} as const;
