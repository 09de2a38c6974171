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
  menu: {
    title: 'Sertifikat Elektronik',
    setup: 'Siapkan/perbaiki sistem',
    sidebar: 'Buka panel tindakan',
    disposition: 'Lembar Disposisi (baris terpilih)',
    flushOutbox: 'Kirim kotak keluar sekarang',
    verifyAudit: 'Periksa jejak audit',
  },
  setup: {
    title: 'Penyiapan sistem',
    sheetCreated: (name: string) => `Sheet "${name}" dibuat.`,
    columnsAdded: (name: string, headers: string[]) =>
      `Kolom ditambahkan ke sheet "${name}": ${headers.map((header) => `"${header}"`).join(', ')}.`,
    sheetProtected: (name: string) => `Sheet "${name}" dilindungi: hanya pemilik skrip yang dapat mengubahnya.`,
    triggersOwnedBy: (owner: string) =>
      `Pemicu (trigger) sudah dipasang oleh ${owner}; tidak dipasang lagi. Minta ${owner} menjalankan penyiapan bila pemicu perlu diperbaiki.`,
    triggerInstalled: (handler: string) => `Pemicu ${handler} dipasang.`,
    triggerRemoved: (handler: string) => `Pemicu lama ${handler} (untuk formulir lain) dihapus.`,
    auditProtection: 'Jejak Audit: hanya ditambah oleh sistem, tidak pernah diubah.',
  },
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
  restrictedHeaders: {
    applicationId: 'Nomor permohonan',
    nik: 'NIK',
    filesLink: 'Tautan berkas (Surat Permohonan dan KTP)',
    recordedAt: 'Dicatat pada',
    updatedAt: 'Diperbarui pada',
  },
  restrictedTitle: 'Data Terbatas — Permohonan Sertifikat Elektronik (hanya Verifikator)',
  outboxStatus: {
    pending: 'Menunggu',
    sending: 'Sedang dikirim',
    sent: 'Terkirim',
  },
} as const;
