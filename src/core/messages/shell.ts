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
  sopInvalid: (errors: string[]) =>
    `Sheet "SOP" tidak dapat dibaca, sehingga tidak ada yang diubah. Perbaiki: ${errors.join(' ')}`,
  settingsInvalid: (errors: string[]) =>
    `Sheet "Pengaturan" tidak dapat dibaca, sehingga tidak ada yang diubah. Perbaiki: ${errors.join(' ')}`,
  mailTooLarge: 'Isi email terlalu panjang untuk disimpan di Kotak Keluar.',
  menu: {
    title: 'Sertifikat Elektronik',
    setup: 'Siapkan/perbaiki sistem',
    sidebar: 'Buka panel tindakan',
    disposition: 'Lembar Disposisi (baris terpilih)',
    flushOutbox: 'Kirim kotak keluar sekarang',
    verifyAudit: 'Periksa jejak audit',
  },
  spreadsheetTitle: 'Register Permohonan Sertifikat Elektronik',
  dashboard: {
    title: 'Dasbor Permohonan Sertifikat Elektronik',
    pending: 'Ringkasan diperbarui otomatis setiap 10 menit.',
  },
  setup: {
    title: 'Penyiapan sistem',
    spreadsheetLost: 'Spreadsheet register yang tercatat tidak dapat dibuka; spreadsheet ini dipakai sebagai register.',
    spreadsheetCreated: 'Spreadsheet register baru dibuat.',
    settingsSeeded:
      'Sheet "Pengaturan" diisi nilai awal. Ganti alamat email contoh dengan alamat pejabat yang sebenarnya.',
    sopSeeded: 'Sheet "SOP" diisi SOP Pendaftaran Penerbitan Sertifikat Elektronik.',
    formName: 'Formulir permohonan',
    noAccess: (what: string) =>
      `${what} tidak dapat dibuka dengan akun Anda, jadi tidak diperiksa (dan tidak dibuat ulang). Minta pemilik sistem menjalankan penyiapan bila perlu diperbaiki.`,
    formCreated: 'Formulir permohonan dibuat.',
    formRepaired: (titles: string[]) =>
      `Pertanyaan ditambahkan ke formulir: ${titles.map((title) => `"${title}"`).join(', ')}.`,
    formLink: (url: string) => `Tautan formulir untuk pemohon: ${url}`,
    restrictedCreated: 'Spreadsheet "Data Terbatas" dibuat (NIK lengkap dan tautan berkas; hanya untuk Verifikator).',
    restrictedShared: (emails: string[]) => `Data Terbatas dibagikan kepada Verifikator: ${emails.join(', ')}.`,
    secretCreated: 'Kunci rahasia tautan (HMAC) dibuat.',
    webAppMissing:
      'Aplikasi web belum di-deploy: tautan di email belum dapat dibuka. Deploy sebagai aplikasi web, lalu jalankan penyiapan lagi.',
    nothingToDo: 'Semua sudah siap; tidak ada yang perlu diperbaiki.',
    sheetCreated: (name: string) => `Sheet "${name}" dibuat.`,
    columnRetired: (header: string) =>
      `Kolom "${header}" dihapus dari Register Permohonan: tautan edit formulir membuka jawaban pemohon (termasuk NIK lengkap), jadi tidak disimpan di lembar bersama.`,
    columnsAdded: (name: string, headers: string[]) =>
      `Kolom ditambahkan ke sheet "${name}": ${headers.map((header) => `"${header}"`).join(', ')}.`,
    sheetProtected: (name: string) =>
      `Sheet "${name}" dilindungi: hanya sistem (pemilik skrip) yang dapat menambah baris.`,
    triggersOwnedBy: (owner: string) =>
      `Pemicu (trigger) sudah dipasang oleh ${owner}; tidak dipasang lagi. Minta ${owner} menjalankan penyiapan bila pemicu perlu diperbaiki.`,
    triggerInstalled: (handler: string) => `Pemicu ${handler} dipasang.`,
    triggerRemoved: (handler: string) => `Pemicu lama ${handler} (untuk formulir lain) dihapus.`,
    auditProtection: 'Jejak Audit: hanya ditambah oleh sistem; setiap perubahan terdeteksi oleh rantai hash.',
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
  audit: {
    title: 'Pemeriksaan Jejak Audit',
    intact: (rows: number) => `Jejak Audit utuh: ${rows} baris, rantai hash cocok dari awal sampai akhir.`,
    broken: (row: number, reason: string) =>
      `Jejak Audit RUSAK mulai baris ${row} (${reason}): ada baris yang diubah, dihapus, atau disisipkan. Laporkan kepada Admin.`,
  },
  outboxFlush: {
    title: 'Kotak Keluar',
    result: (sent: number, waiting: number, failed: number) =>
      `Terkirim: ${sent}. Menunggu kuota: ${waiting}. Gagal dan akan dicoba lagi: ${failed}.`,
  },
  sidebar: {
    promptTitle: 'Pilih permohonan',
    prompt: 'Ketik nomor permohonan (misalnya TTE-2026-0001):',
    viewer: 'pengamat (peran Anda tidak memegang tahap ini)',
    openDecision: 'Buka halaman keputusan',
    openDecisionNote: 'Keputusan dibuat di halaman keputusan (tab baru), sama seperti tautan dalam email.',
  },
  selfTest: {
    ok: 'Baik.',
    ownerOnly: 'Pemeriksaan mandiri hanya dapat dijalankan oleh pemilik skrip.',
    properties: 'ID dokumen dan kunci rahasia di Script Properties',
    settings: 'Sheet Pengaturan dan SOP terbaca',
    sheets: 'Sheet dan kolom register lengkap',
    audit: 'Rantai hash Jejak Audit utuh',
    outbox: 'Kotak Keluar dan kuota email',
    secret: 'Tanda tangan tautan (HMAC) dapat dibuat dan diperiksa',
    triggers: 'Pemicu terpasang untuk akun ini',
    missing: (what: string) => `Belum ada: ${what}. Jalankan menu Sertifikat Elektronik > Siapkan/perbaiki sistem.`,
    triggersMissing: (what: string) =>
      `Pemicu belum terpasang untuk akun ini: ${what}. Pemicu hanya terlihat oleh akun yang memasangnya.`,
    outboxState: (waiting: number, quota: number) =>
      `Email menunggu: ${waiting}. Sisa kuota hari ini: ${quota} penerima.`,
  },
  outboxDeferred: 'Email ditunda di Kotak Keluar dan akan dikirim ulang otomatis',
  auditEvents: {
    ignored: 'Diabaikan',
    linkRefused: 'Tautan ditolak',
  },
  links: {
    done: (statusLabel: string, reference: string) =>
      `Keputusan Anda untuk permohonan ${reference} sudah dicatat. Status sekarang: ${statusLabel}.`,
    unknownAction: 'Pilihan tindakan tidak dikenal. Tidak ada yang diubah. Buka kembali tautan dari email Anda.',
  },
  intake: {
    blankEvent: 'Pengiriman formulir kosong diabaikan.',
    duplicate: 'Pengiriman ganda dari respons yang sama diabaikan; tidak ada yang diubah.',
    editIgnored: 'Perubahan jawaban formulir diabaikan karena permohonan tidak sedang menunggu perbaikan.',
  },
  registerHeaders: {
    responseTime: 'Waktu respons Form',
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
