// The intake Google Form as data (questions, choices, first-line validations, privacy notice); the adapter builds the Form from it.

/** One Form item. `key` is the program's name for the answer (ApplicantData field); `title` is what FormResponse reports. */
export interface IntakeQuestion {
  key: string;
  title: string;
  helpText: string;
  type: 'TEXT' | 'PARAGRAPH_TEXT' | 'MULTIPLE_CHOICE' | 'LIST' | 'CHECKBOX' | 'DATE' | 'SECTION_HEADER';
  required: boolean;
  choices: string[];
  validation: { kind: 'REGEX' | 'EMAIL' | 'MAX_LENGTH'; pattern?: string; max?: number; helpText: string } | null;
}

/** The whole Form. The description holds the privacy notice; `{{RETENSI_HARI}}` is filled from Pengaturan. */
export interface IntakeFormDefinition {
  title: string;
  description: string;
  confirmationMessage: string;
  questions: IntakeQuestion[];
}

/** Service labels shown on the Form, in the glossary's words; intake-validation maps them to ServiceType codes. */
export const SERVICE_CHOICES = {
  PENERBITAN_BARU: 'Penerbitan baru',
  PEMBARUAN: 'Pembaruan',
  RESET_PASSPHRASE: 'Reset passphrase',
  PERUBAHAN_DATA: 'Perubahan data',
  PENCABUTAN: 'Pencabutan',
} as const;

/** The two ways to hand over the requirement files. Apps Script cannot create file-upload questions, hence a link. */
export const FILES_DELIVERY_CHOICES = {
  BAWA_KE_DINAS: 'Saya akan membawa berkas ke Dinas Kominfo',
  TAUTAN_DRIVE: 'Saya mengunggah berkas (tautan Google Drive)',
} as const;

/** Answers to "do you have an active .go.id address"; "Belum" is sent to the SOP Pembuatan Email Dinas. */
export const OFFICIAL_EMAIL_CHOICES = {
  YES: 'Ya, sudah aktif',
  NO: 'Belum (ajukan dahulu pembuatan email dinas sesuai SOP Pembuatan Email Dinas)',
} as const;

/** The single consent box; ticking it is required. */
export const CONSENT_CHOICE =
  'Saya menyatakan data yang saya isi benar dan sama dengan KTP, dan saya memahami pemberitahuan privasi di atas.';

/** Employment statuses as the Form offers them (also their codes). */
export const EMPLOYMENT_STATUS_CHOICES = ['PNS', 'PPPK'] as const;

/** Placeholder in the description replaced by the retention period (days) from Pengaturan. */
export const RETENTION_PLACEHOLDER = '{{RETENSI_HARI}}';

/**
 * Patterns mirrored by the server rules (identity.ts). They are the first line of defence only: Forms checks them in
 * the browser, the server re-validates everything. Anchored, and limited to syntax that RE2 and Java regexes share
 * (literal non-ASCII letters rather than \u escapes), since the Forms reference does not name its regex dialect.
 */
export const FORM_PATTERNS = {
  name: "^[A-Za-zÀ-ɏ][A-Za-zÀ-ɏ' .\\-]{0,99}$",
  nik: '^[0-9]{16}$',
  nip: '^[0-9]{18}$',
  email: '^[A-Za-z0-9][A-Za-z0-9._%+\\-]*@([A-Za-z0-9\\-]+\\.)+go\\.id$',
  phone: '^(\\+62|62|0)[ \\-]?8[0-9 \\-]{8,16}$',
  driveLink: '^https://(drive|docs)\\.google\\.com/\\S+$',
  noFormulaLead: '^[^=+\\-@\\s<>][^<>]*$',
} as const;

/** Greatest length the server accepts per field (a Sheets cell holds 50,000 characters; these are far below). */
export const FIELD_MAX_LENGTH: Record<string, number> = {
  name: 200,
  nik: 40,
  nip: 40,
  employmentStatus: 20,
  position: 200,
  unit: 200,
  email: 254,
  phone: 30,
  service: 100,
  filesDelivery: 200,
  filesLink: 2000,
  hasOfficialEmail: 200,
  consent: 500,
};

/**
 * The intake Form. Order follows the SOP's step 1 requirements: who you are (as on the KTP), your ASN data, your
 * active .go.id address (SOP warning 1), the service, how the files reach Dinas Kominfo, consent.
 */
export const INTAKE_FORM: IntakeFormDefinition = {
  title: 'Permohonan Sertifikat Elektronik (TTE) BSrE — Dinas Kominfo Kabupaten Bolaang Mongondow',
  description: [
    'Formulir ini untuk ASN (PNS/PPPK) Pemerintah Kabupaten Bolaang Mongondow yang mengajukan layanan sertifikat elektronik BSrE untuk tanda tangan elektronik (TTE), sesuai SOP Pendaftaran Penerbitan Sertifikat Elektronik.',
    'Isi nama, NIK, dan data lain persis seperti pada KTP: BSrE menolak penerbitan bila data tidak sesuai KTP. Jangan pernah menulis passphrase, kata sandi, atau kode OTP di formulir ini.',
    '',
    'Pemberitahuan privasi',
    'Data yang disimpan: nama, NIK, NIP / NI PPPK, status kepegawaian, jabatan, unit kerja, email dinas, nomor ponsel, jenis layanan, dan tautan berkas persyaratan bila Anda mengunggahnya.',
    'Tujuan: memproses permohonan sertifikat elektronik Anda ke BSrE. Dasar pemrosesan: pelaksanaan tugas pelayanan publik Dinas Kominfo (UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi, Pasal 20 ayat (2) huruf e).',
    'NIK lengkap dan berkas KTP hanya dapat dilihat Verifikator; petugas lain hanya melihat NIK tersamar (misalnya 7101********0001). NIK lengkap tidak pernah dikirim lewat email.',
    `Lama penyimpanan: data permohonan dan berkas disimpan paling lama ${RETENTION_PLACEHOLDER} hari setelah permohonan selesai, lalu dihapus dan penghapusannya dicatat. Data pemohon yang sertifikatnya telah terbit tetap dicatat dalam register sesuai SOP (nama, NIP, unit kerja, tanggal, status).`,
    'Anda dapat meminta akses, perbaikan, atau penghapusan data Anda kepada Dinas Kominfo Kabupaten Bolaang Mongondow.',
  ].join('\n'),
  confirmationMessage:
    'Terima kasih. Permohonan Anda sudah kami terima. Periksa email dinas Anda: kami mengirim tautan untuk memastikan email dinas Anda aktif, lalu kabar setiap tahap permohonan.',
  questions: [
    {
      key: 'sectionIdentity',
      title: 'Data diri sesuai KTP',
      helpText: 'Tulis persis seperti pada KTP.',
      type: 'SECTION_HEADER',
      required: false,
      choices: [],
      validation: null,
    },
    {
      key: 'name',
      title: 'Nama lengkap sesuai KTP',
      helpText:
        'Tulis persis seperti pada KTP, tanpa gelar akademik atau profesi (misalnya tanpa Dr., Drs., Ir., S.Kom, M.Si, A.Md).',
      type: 'TEXT',
      required: true,
      choices: [],
      validation: {
        kind: 'REGEX',
        pattern: FORM_PATTERNS.name,
        helpText: 'Nama hanya berisi huruf, spasi, titik, tanda petik, dan tanda hubung; tanpa angka dan tanpa gelar.',
      },
    },
    {
      key: 'nik',
      title: 'NIK (Nomor Induk Kependudukan)',
      helpText: '16 digit angka sesuai KTP. NIK lengkap hanya dilihat Verifikator.',
      type: 'TEXT',
      required: true,
      choices: [],
      validation: { kind: 'REGEX', pattern: FORM_PATTERNS.nik, helpText: 'NIK harus 16 digit angka, tanpa spasi.' },
    },
    {
      key: 'sectionEmployment',
      title: 'Data kepegawaian',
      helpText: '',
      type: 'SECTION_HEADER',
      required: false,
      choices: [],
      validation: null,
    },
    {
      key: 'employmentStatus',
      title: 'Status kepegawaian',
      helpText: '',
      type: 'MULTIPLE_CHOICE',
      required: true,
      choices: [...EMPLOYMENT_STATUS_CHOICES],
      validation: null,
    },
    {
      key: 'nip',
      title: 'NIP / NI PPPK',
      helpText: '18 digit angka sesuai kartu pegawai atau SK.',
      type: 'TEXT',
      required: true,
      choices: [],
      validation: {
        kind: 'REGEX',
        pattern: FORM_PATTERNS.nip,
        helpText: 'NIP / NI PPPK harus 18 digit angka, tanpa spasi.',
      },
    },
    {
      key: 'position',
      title: 'Jabatan',
      helpText: 'Sesuai SK jabatan; jika tidak ada, tulis "Pegawai ASN".',
      type: 'TEXT',
      required: true,
      choices: [],
      validation: { kind: 'REGEX', pattern: FORM_PATTERNS.noFormulaLead, helpText: 'Awali dengan huruf.' },
    },
    {
      key: 'unit',
      title: 'Unit kerja / Perangkat Daerah (OPD)',
      helpText: 'Misalnya: Dinas Komunikasi dan Informatika.',
      type: 'TEXT',
      required: true,
      choices: [],
      validation: { kind: 'REGEX', pattern: FORM_PATTERNS.noFormulaLead, helpText: 'Awali dengan huruf.' },
    },
    {
      key: 'hasOfficialEmail',
      title: 'Apakah Anda sudah memiliki email dinas (.go.id) yang aktif?',
      helpText:
        'Email dinas yang aktif wajib untuk sertifikat elektronik (SOP, Peringatan 1). Jika belum, ajukan dahulu pembuatan email dinas sesuai SOP Pembuatan Email Dinas di Dinas Kominfo, lalu isi formulir ini kembali.',
      type: 'MULTIPLE_CHOICE',
      required: true,
      choices: [OFFICIAL_EMAIL_CHOICES.YES, OFFICIAL_EMAIL_CHOICES.NO],
      validation: null,
    },
    {
      key: 'email',
      title: 'Email dinas (.go.id)',
      helpText:
        'Email dinas pribadi Anda yang aktif, misalnya nama.pegawai@bolmongkab.go.id. Ketik sendiri, jangan salin-tempel.',
      type: 'TEXT',
      required: true,
      choices: [],
      validation: {
        kind: 'REGEX',
        pattern: FORM_PATTERNS.email,
        helpText: 'Email harus email dinas yang berakhiran .go.id.',
      },
    },
    {
      key: 'phone',
      title: 'Nomor ponsel (WhatsApp)',
      helpText: 'Nomor seluler aktif, misalnya 081234567890.',
      type: 'TEXT',
      required: true,
      choices: [],
      validation: {
        kind: 'REGEX',
        pattern: FORM_PATTERNS.phone,
        helpText: 'Nomor seluler Indonesia diawali 08, 628, atau +628.',
      },
    },
    {
      key: 'sectionService',
      title: 'Layanan dan berkas persyaratan',
      helpText: 'Berkas persyaratan: Surat Permohonan, KTP, dan kartu pegawai / SK yang memuat NIP (SOP langkah 1).',
      type: 'SECTION_HEADER',
      required: false,
      choices: [],
      validation: null,
    },
    {
      key: 'service',
      title: 'Jenis layanan',
      helpText: '',
      type: 'MULTIPLE_CHOICE',
      required: true,
      choices: Object.values(SERVICE_CHOICES),
      validation: null,
    },
    {
      key: 'filesDelivery',
      title: 'Cara menyerahkan berkas persyaratan',
      helpText:
        'Sesuai SOP, berkas dapat dibawa langsung ke Dinas Kominfo. Anda juga dapat mengunggahnya ke Google Drive dan menuliskan tautannya di bawah.',
      type: 'MULTIPLE_CHOICE',
      required: true,
      choices: [FILES_DELIVERY_CHOICES.BAWA_KE_DINAS, FILES_DELIVERY_CHOICES.TAUTAN_DRIVE],
      validation: null,
    },
    {
      key: 'filesLink',
      title: 'Tautan Google Drive berkas persyaratan',
      helpText:
        'Isi hanya jika Anda memilih mengunggah berkas. Bagikan folder atau berkas hanya kepada Verifikator, jangan "siapa saja yang memiliki link".',
      type: 'TEXT',
      required: false,
      choices: [],
      validation: {
        kind: 'REGEX',
        pattern: FORM_PATTERNS.driveLink,
        helpText: 'Tautan harus diawali https://drive.google.com/ atau https://docs.google.com/.',
      },
    },
    {
      key: 'consent',
      title: 'Persetujuan',
      helpText: '',
      type: 'CHECKBOX',
      required: true,
      choices: [CONSENT_CHOICE],
      validation: null,
    },
  ],
};

/** The description with the retention period filled in (days from Pengaturan). */
export function formDescription(form: IntakeFormDefinition, retentionDays: number): string {
  return form.description.split(RETENTION_PLACEHOLDER).join(String(retentionDays));
}

/** Maps each answer-bearing question's title to its key, as FormResponse answers arrive keyed by title. */
export function questionKeysByTitle(form: IntakeFormDefinition): Map<string, string> {
  const map = new Map<string, string>();
  for (const q of form.questions) if (q.type !== 'SECTION_HEADER') map.set(q.title, q.key);
  return map;
}
