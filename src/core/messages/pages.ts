// Indonesian text of the web-app pages: decision, e-mail verification, status, results, errors, Lembar Disposisi.

export const PAGE_TEXT = {
  brand: 'Dinas Kominfo Kabupaten Bolaang Mongondow',
  product: 'Layanan Sertifikat Elektronik (TTE)',
  decisionTitle: 'Keputusan permohonan',
  summary: {
    status: 'Status',
    name: 'Nama (sesuai KTP)',
    nik: 'NIK',
    nip: 'NIP / NI PPPK',
    employmentStatus: 'Status kepegawaian',
    position: 'Jabatan',
    unit: 'Unit kerja / OPD',
    email: 'Email dinas',
    phone: 'Nomor ponsel',
    service: 'Jenis layanan',
    submittedAt: 'Diajukan',
    emailVerifiedAt: 'Email terverifikasi',
  },
  decisionIntro: (roleLabel: string) =>
    `Anda membuka permohonan ini sebagai ${roleLabel}. Tidak ada yang berubah sebelum Anda memilih tindakan dan menekan tombolnya.`,
  stepTitle: 'Tahap SOP',
  standard: (minutes: number | null) => (minutes === null ? 'Tanpa waktu baku' : `Waktu baku ${minutes} menit kerja`),
  requirements: 'Kelengkapan',
  warnings: 'Catatan pemeriksaan data (bukan penolakan otomatis)',
  files: 'Berkas',
  letter: 'Surat Permohonan',
  ktp: 'KTP (Data Terbatas)',
  bringsFiles: 'Pemohon membawa berkas langsung ke Dinas Kominfo.',
  noFileLink: 'Tautan belum diisi.',
  dispositions: 'Disposisi sebelumnya',
  noChoices: 'Tidak ada tindakan yang dapat Anda lakukan pada status ini.',
  reasonLabel: 'Alasan (dibaca pemohon)',
  instructionLabel: 'Isi disposisi / instruksi',
  toLabel: (roleLabel: string) => `Diteruskan kepada ${roleLabel}`,
  anyHolder: (roleLabel: string) => `Semua ${roleLabel} yang terdaftar`,
  checklistTitle: 'Pemeriksaan berkas (semua wajib dicentang)',
  noteLabel: 'Catatan (tidak wajib)',
  serialLabel: 'Nomor seri sertifikat / nomor referensi BSrE',
  validUntilLabel: 'Berlaku sampai',
  rejectCodeLabel: 'Alasan penolakan BSrE',
  rejectTextLabel: 'Keterangan',
  buttons: {
    DISPOSE: 'Disposisikan',
    VERIFY: 'Setujui dan teruskan ke Verifikator',
    REJECT: 'Tolak permohonan',
    RETURN: 'Kembalikan untuk perbaikan',
    SUBMIT_TO_BSRE: 'Konfirmasi: sudah diajukan ke BSrE',
    BSRE_ACCOUNT_SENT: 'Konfirmasi: akun BSrE sudah dikirim ke pemohon (4a)',
    BSRE_VERIFIED: 'Konfirmasi: pendaftaran terverifikasi BSrE (4b)',
    PASSPHRASE_SET: 'Konfirmasi: passphrase sudah diatur (4c)',
    CERTIFICATE_ISSUED: 'Konfirmasi: sertifikat terbit',
    CERTIFICATE_REVOKED: 'Konfirmasi: sertifikat dicabut BSrE',
    PASSPHRASE_RESET_DONE: 'Konfirmasi: passphrase baru sudah diatur',
    BSRE_REJECTED: 'Catat: ditolak BSrE',
    BSRE_RESUBMIT: 'Kirim ulang ke BSrE',
    VERIFY_EMAIL: 'Konfirmasi email saya aktif',
    RESUBMIT: '',
  },
  /** The link at the top of the decision page that jumps to the choices (the page is long on a phone). */
  skipToChoices: 'Langsung ke pilihan tindakan',
  sections: {
    forward: 'Teruskan',
    bsre: 'Catat hasil BSrE',
    back: 'Kembalikan atau tolak',
  },
  verifyTitle: 'Verifikasi email dinas',
  verifyIntro: (reference: string) =>
    `Permohonan ${reference}: tekan tombol di bawah untuk memastikan email dinas Anda aktif. Permohonan lalu diteruskan ke Kepala Dinas.`,
  statusTitle: 'Cek Status Permohonan',
  statusIntro: 'Halaman ini hanya menampilkan status, tanpa data pribadi.',
  statusNow: 'Status saat ini',
  submittedAt: 'Diajukan',
  updatedAt: 'Terakhir diperbarui',
  stepColumn: 'Tahap',
  activityColumn: 'Kegiatan',
  stateColumn: 'Keadaan',
  nextForApplicant: {
    DATA_TIDAK_VALID: 'Perbaiki data permohonan melalui tautan di email kami.',
    MENUNGGU_VERIFIKASI_EMAIL: 'Buka email dari kami dan tekan "Verifikasi email dinas".',
    DIKEMBALIKAN: 'Perbaiki permohonan melalui tautan di email kami.',
    DIAJUKAN_BSRE: 'Pantau email dinas Anda: BSrE akan mengirim username dan password.',
    AKUN_BSRE_DIKIRIM: 'Masuk ke sistem BSrE dengan akun dari email BSrE dan lengkapi pendaftaran sesuai KTP.',
    TERVERIFIKASI_BSRE: 'Atur passphrase melalui formulir dari BSrE. Jangan berikan passphrase kepada siapa pun.',
    PASSPHRASE_DIATUR: 'Tunggu penerbitan sertifikat oleh BSrE.',
    SERTIFIKAT_TERBIT: 'Unduh sertifikat elektronik melalui akun BSrE Anda.',
    DICABUT: 'Sertifikat elektronik sudah dicabut BSrE dan tidak dapat dipakai lagi.',
    PASSPHRASE_DIATUR_ULANG: 'Pakai passphrase baru Anda untuk menandatangani. Jangan berikan kepada siapa pun.',
    DITOLAK_BSRE: 'Ikuti petunjuk di email kami; Verifikator akan menghubungi Anda.',
    DITOLAK: 'Permohonan ditolak. Alasannya ada di email kami.',
  } as Record<string, string>,
  nextForOffice: 'Permohonan sedang diproses petugas.',
  resultDone: 'Tercatat',
  resultReference: 'Nomor permohonan',
  resultStatus: 'Status sekarang',
  resultClose: 'Halaman ini boleh ditutup.',
  disposisi: {
    title: 'LEMBAR DISPOSISI',
    subject: 'Perihal',
    subjectText: 'Permohonan Pendaftaran Penerbitan Sertifikat Elektronik',
    reference: 'Nomor permohonan',
    received: 'Tanggal diterima',
    applicant: 'Pemohon',
    nip: 'NIP / NI PPPK',
    unit: 'Unit kerja / OPD',
    nik: 'NIK',
    from: 'Dari',
    to: 'Kepada',
    instruction: 'Isi disposisi',
    date: 'Tanggal',
    none: 'Belum ada disposisi.',
    allHolders: 'semua yang terdaftar',
    footer: 'Dicatat secara elektronik oleh Register Sertifikat Elektronik. Cetak dengan menu Cetak pada peramban.',
    sop: 'Dasar',
  },
} as const;

/** The staff sidebar in the spreadsheet. */
export const SIDEBAR_TEXT = {
  title: 'Tindakan permohonan',
  pickRow: 'Pilih satu baris permohonan di lembar Register Permohonan, lalu buka lagi menu ini.',
} as const;

/** Why a link or request could not be served; each page says what happened and what to do. */
export type ErrorKind =
  | 'INVALID_LINK'
  | 'EXPIRED'
  | 'USED'
  | 'OTHER_RECIPIENT'
  | 'ROSTER_CHANGED'
  | 'NOT_FOUND'
  | 'REFUSED'
  | 'BUSY'
  | 'SETUP'
  | 'SYSTEM';

export const ERROR_PAGES: Readonly<Record<ErrorKind, { title: string; message: string }>> = {
  INVALID_LINK: {
    title: 'Tautan tidak sah',
    message:
      'Tautan ini tidak dapat dibaca atau sudah diubah. Tidak ada yang diubah. Buka tautan langsung dari email aslinya, atau minta Admin mengirim ulang.',
  },
  EXPIRED: {
    title: 'Tautan kedaluwarsa',
    message:
      'Masa berlaku tautan ini sudah habis. Tidak ada yang diubah. Gunakan tautan dari email terbaru, atau minta Admin mengirim ulang.',
  },
  USED: {
    title: 'Tautan sudah dipakai',
    message:
      'Permohonan ini sudah diputuskan atau berubah sejak email ini dikirim, sehingga tautannya tidak berlaku lagi. Tidak ada yang diubah. Lihat status terbaru di lembar Register Permohonan.',
  },
  OTHER_RECIPIENT: {
    title: 'Tautan bukan untuk Anda',
    message:
      'Tautan ini dikirim kepada pejabat lain. Tidak ada yang diubah. Gunakan tautan yang dikirim ke email Anda sendiri.',
  },
  ROSTER_CHANGED: {
    title: 'Peran Anda sudah berubah',
    message:
      'Menurut Pengaturan saat ini Anda tidak lagi memegang peran untuk tahap ini (misalnya masa Plt./Plh. sudah berakhir). Tidak ada yang diubah.',
  },
  NOT_FOUND: {
    title: 'Permohonan tidak ditemukan',
    message: 'Permohonan untuk tautan ini tidak ada di Register Permohonan. Tidak ada yang diubah. Hubungi Admin.',
  },
  REFUSED: { title: 'Tindakan tidak dapat dilakukan', message: '' },
  BUSY: {
    title: 'Sistem sedang sibuk',
    message: 'Ada proses lain yang sedang berjalan. Tidak ada yang diubah. Coba lagi dalam satu menit.',
  },
  SETUP: {
    title: 'Sistem belum disiapkan',
    message: 'Admin perlu menjalankan menu "Siapkan / perbaiki" di spreadsheet terlebih dahulu. Tidak ada yang diubah.',
  },
  SYSTEM: {
    title: 'Terjadi kesalahan sistem',
    message:
      'Permintaan Anda tidak dapat diproses. Tidak ada yang diubah. Coba lagi, atau hubungi Admin bila berulang.',
  },
};
