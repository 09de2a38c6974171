// Indonesian messages for identity and intake validation: each says what is wrong and how to fix it, never echoing a NIK.

/** Short Indonesian names of the intake fields, used when a message has to name the field. */
export const FIELD_LABELS: Record<string, string> = {
  name: 'Nama sesuai KTP',
  nik: 'NIK',
  nip: 'NIP / NI PPPK',
  employmentStatus: 'Status kepegawaian',
  position: 'Jabatan',
  unit: 'Unit kerja / Perangkat Daerah',
  email: 'Email dinas',
  phone: 'Nomor ponsel (WhatsApp)',
  service: 'Jenis layanan',
  filesDelivery: 'Cara menyerahkan berkas',
  filesLink: 'Tautan Google Drive berkas',
  hasOfficialEmail: 'Email dinas aktif',
  consent: 'Persetujuan',
};

function label(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/**
 * Every validation message, keyed by issue code. One place for the wording so the Form, the mail to the applicant
 * and the officials' pages say the same thing.
 */
export const VALIDATION_MESSAGES = {
  REQUIRED: (field: string) => `${label(field)} wajib diisi.`,
  TOO_LONG: (field: string, max: number, actual: number) =>
    `${label(field)} terlalu panjang: paling banyak ${max} karakter; yang Anda isi ${actual} karakter.`,
  INVALID_CHOICE: (field: string) => `${label(field)}: pilih salah satu pilihan yang tersedia pada formulir.`,
  NIK_NOT_DIGITS: () => 'NIK hanya boleh berisi angka 0–9 (tanpa huruf, tanda baca, atau angka dari papan ketik lain).',
  NIK_LENGTH: (actual: number) => `NIK harus 16 digit angka; yang Anda isi ${actual} digit.`,
  NIK_PROVINCE: (code: string) =>
    `Dua digit pertama NIK (${code}) bukan kode provinsi yang berlaku. Periksa kembali NIK pada KTP Anda.`,
  NIK_PROVINCE_PAPUA_NEW: (code: string) =>
    `Kode provinsi ${code} pada NIK adalah kode provinsi baru di Papua yang belum dapat kami pastikan. Pastikan NIK sama persis dengan KTP.`,
  NIK_DATE: () =>
    'Digit ke-7 sampai ke-12 NIK (tanggal lahir DDMMYY; untuk perempuan tanggal ditambah 40) bukan tanggal yang ada. Periksa kembali NIK pada KTP Anda.',
  NIK_SERIAL: () => 'Empat digit terakhir NIK tidak boleh 0000. Periksa kembali NIK pada KTP Anda.',
  NIP_NOT_DIGITS: () => 'NIP / NI PPPK hanya boleh berisi angka 0–9.',
  NIP_LENGTH: (actual: number) => `NIP / NI PPPK harus 18 digit angka; yang Anda isi ${actual} digit.`,
  NIP_BIRTH_DATE: () =>
    'Delapan digit pertama NIP / NI PPPK (tanggal lahir YYYYMMDD) bukan tanggal yang ada atau berada di masa depan. Periksa kembali.',
  NIP_TMT_MONTH: () => 'Digit ke-13 dan ke-14 NIP (bulan TMT CPNS) harus 01 sampai 12. Periksa kembali NIP Anda.',
  NIP_TMT_FUTURE: () =>
    'Digit ke-9 sampai ke-14 NIP (TMT CPNS, YYYYMM) berada di masa depan. Periksa kembali NIP Anda.',
  NIP_TMT_TOO_EARLY: () =>
    'TMT CPNS pada NIP (digit ke-9 sampai ke-12) kurang dari 18 tahun setelah tahun lahir. Periksa kembali NIP Anda.',
  NIP_GENDER: () => 'Digit ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan). Periksa kembali NIP Anda.',
  NIP_SERIAL: () => 'Tiga digit terakhir NIP tidak boleh 000. Periksa kembali NIP Anda.',
  CROSS_BIRTH_DATE: () =>
    'Tanggal lahir pada NIK tidak sama dengan tanggal lahir pada NIP / NI PPPK. Pastikan keduanya sama persis dengan KTP dan kartu pegawai; BSrE mencocokkan data dengan KTP.',
  CROSS_GENDER: () =>
    'Jenis kelamin pada NIK (tanggal lahir +40 untuk perempuan) tidak sama dengan digit jenis kelamin pada NIP. Pastikan NIK dan NIP sama persis dengan KTP dan kartu pegawai.',
  PHONE_FORMAT: () =>
    'Nomor ponsel harus nomor seluler Indonesia yang diawali 08, 628, atau +628, panjang 10–13 digit (contoh: 081234567890).',
  EMAIL_INVISIBLE: () =>
    'Email dinas memuat karakter tersembunyi (misalnya spasi tanpa lebar) hasil salin-tempel. Ketik ulang alamat email secara manual.',
  EMAIL_NON_ASCII: () =>
    'Email dinas memuat huruf yang bukan huruf Latin biasa (misalnya huruf Kiril yang mirip huruf Latin). Ketik ulang alamat email secara manual.',
  EMAIL_FORMAT: () => 'Alamat email dinas tidak sah. Contoh yang benar: nama.pegawai@bolmongkab.go.id',
  EMAIL_NOT_GO_ID: () =>
    'Email harus email dinas yang berakhiran .go.id; email pribadi (Gmail, Yahoo, dan lain-lain) tidak dapat dipakai.',
  EMAIL_DOMAIN_NOT_ALLOWED: (allowed: string[]) =>
    `Domain email dinas tidak termasuk domain yang dilayani. Gunakan email dengan domain: ${allowed.join(', ')}.`,
  NO_OFFICIAL_EMAIL: () =>
    'Permohonan sertifikat elektronik memerlukan email dinas (.go.id) yang aktif. Ajukan dahulu pembuatan email dinas sesuai SOP Pembuatan Email Dinas di Dinas Kominfo, lalu isi formulir ini kembali.',
  NAME_DIGITS: () => 'Nama tidak boleh memuat angka. Tulis nama persis seperti pada KTP.',
  NAME_FORMULA: () => 'Nama tidak boleh diawali tanda = + - atau @. Tulis nama persis seperti pada KTP.',
  NAME_CHARACTERS: () =>
    "Nama hanya boleh berisi huruf, spasi, titik, tanda petik ('), dan tanda hubung (-). Tulis nama persis seperti pada KTP.",
  NAME_TITLE: (titles: string[]) =>
    `Nama tidak boleh memuat gelar (${titles.join(', ')}). Tulis nama persis seperti pada KTP tanpa gelar akademik atau profesi; BSrE menolak data yang tidak sesuai KTP.`,
  NAME_COMMA: () => 'Nama tidak boleh memuat koma. Tulis nama persis seperti pada KTP, tanpa gelar di belakang nama.',
  NAME_RELIGIOUS_TITLE: (titles: string[]) =>
    `Nama memuat sebutan ${titles.join(', ')}. Tulis hanya jika tercantum persis demikian pada KTP; jika tidak, hapus sebutan itu.`,
  NAME_LONG: () =>
    'Nama lebih dari 60 huruf, padahal KTP-el memuat paling banyak 60 huruf. Pastikan nama sama persis dengan KTP.',
  TEXT_FORMULA: (field: string) => `${label(field)} tidak boleh diawali tanda = + - @ atau petik (').`,
  TEXT_MARKUP: (field: string) => `${label(field)} tidak boleh memuat tanda < atau >.`,
  FILES_LINK_REQUIRED: () =>
    'Anda memilih mengunggah berkas: isi tautan Google Drive berkas persyaratan, atau pilih membawa berkas ke Dinas Kominfo.',
  FILES_LINK_FORMAT: () =>
    'Tautan berkas harus tautan Google Drive yang diawali https://drive.google.com/ atau https://docs.google.com/.',
  CONSENT_REQUIRED: () =>
    'Centang pernyataan persetujuan: permohonan tidak dapat diproses tanpa pernyataan bahwa data sesuai KTP dan persetujuan pemrosesan data pribadi.',
  DUPLICATE_ACTIVE: (service: string) =>
    `Masih ada permohonan ${service} atas NIK ini yang sedang diproses. Tunggu sampai permohonan itu selesai, atau hubungi Dinas Kominfo.`,
} as const;

/** An issue code: the key of its message. */
export type IssueCode = keyof typeof VALIDATION_MESSAGES;

/** Heading and line format of the list of issues sent back to the applicant. */
export const ISSUE_LIST_TEXT = {
  errorsHeading: 'Mohon perbaiki hal berikut, lalu kirim kembali formulir:',
  warningsHeading: 'Mohon periksa kembali hal berikut:',
  none: 'Tidak ada yang perlu diperbaiki.',
} as const;
