// Indonesian words of the workflow: role and action labels, BSrE rejection reasons, refusals, audit event names.
import { SERVICE_CHOICES } from '../intake-form';
import type { RosterRole } from '../settings';
import type { ActionType, BsreRejectCode, ServiceCode } from '../workflow-types';

/** Role names as officials write them (glossary "Peran"). */
export const ROLE_LABELS: Readonly<Record<RosterRole | 'PEMOHON' | 'SISTEM', string>> = {
  KEPALA_DINAS: 'Kepala Dinas',
  KABID_PERSANDIAN: 'Kabid Persandian',
  KASI_PERSANDIAN: 'Kasi Persandian',
  SANDIMAN: 'Sandiman',
  VERIFIKATOR: 'Verifikator',
  ADMIN: 'Admin',
  PEMOHON: 'Pemohon',
  SISTEM: 'Sistem',
};

/** Button and history words for each action (glossary "Tombol"). */
export const ACTION_LABELS: Readonly<Record<ActionType | 'SUBMIT', string>> = {
  SUBMIT: 'Permohonan diajukan',
  VERIFY_EMAIL: 'Verifikasi email dinas',
  DISPOSE: 'Disposisikan',
  VERIFY: 'Setujui verifikasi berkas dan teruskan ke Verifikator',
  REJECT: 'Tolak',
  RETURN: 'Kembalikan untuk perbaikan',
  RESUBMIT: 'Perbaikan dikirim pemohon',
  SUBMIT_TO_BSRE: 'Catat: diajukan ke BSrE',
  BSRE_ACCOUNT_SENT: 'Catat hasil BSrE: akun dikirim ke pemohon',
  BSRE_VERIFIED: 'Catat hasil BSrE: pendaftaran terverifikasi',
  PASSPHRASE_SET: 'Catat hasil BSrE: passphrase sudah diatur',
  CERTIFICATE_ISSUED: 'Catat hasil BSrE: sertifikat terbit',
  CERTIFICATE_REVOKED: 'Catat hasil BSrE: sertifikat dicabut',
  PASSPHRASE_RESET_DONE: 'Catat hasil BSrE: passphrase baru sudah diatur',
  BSRE_REJECTED: 'Catat hasil BSrE: ditolak BSrE',
  BSRE_RESUBMIT: 'Kirim ulang ke BSrE',
};

/** BSrE rejection reasons the Verifikator chooses from. */
export const BSRE_REJECT_LABELS: Readonly<Record<BsreRejectCode, string>> = {
  KTP_TIDAK_SESUAI: 'Data tidak sesuai dengan KTP',
  EMAIL_TIDAK_AKTIF: 'Email dinas tidak aktif',
  NIK_TIDAK_TERDAFTAR: 'NIK tidak terdaftar di Dukcapil',
  LAINNYA: 'Alasan lain',
};

/** What the applicant should do after each BSrE rejection reason. */
export const BSRE_REJECT_ADVICE: Readonly<Record<BsreRejectCode, string>> = {
  KTP_TIDAK_SESUAI:
    'Pastikan nama (tanpa gelar), NIK, dan tanggal lahir pada permohonan sama persis dengan KTP. Verifikator akan menghubungi Anda bila data perlu diperbaiki.',
  EMAIL_TIDAK_AKTIF:
    'Pastikan email dinas Anda aktif dan dapat menerima email (periksa juga folder Spam), lalu beri tahu Verifikator.',
  NIK_TIDAK_TERDAFTAR:
    'NIK Anda belum terbaca di data Dukcapil. Hubungi Dinas Kependudukan dan Pencatatan Sipil untuk memastikan data kependudukan Anda, lalu beri tahu Verifikator.',
  LAINNYA: 'Ikuti keterangan di atas; Verifikator akan menghubungi Anda bila ada yang perlu dilengkapi.',
};

/** Service names (glossary "Layanan"): the Form's own choices, so the Form, mails and pages use one word. */
export const SERVICE_NAMES: Readonly<Record<ServiceCode, string>> = SERVICE_CHOICES;

/** Fixed items of the Sandiman's checklist, added to the requirements of the Sandiman's SOP step. */
export const CHECKLIST_FIXED = {
  KTP_MATCH: 'Data permohonan (nama tanpa gelar, NIK, tanggal lahir) sesuai dengan KTP',
  EMAIL_ACTIVE: 'Email dinas (.go.id) aktif dan sudah diverifikasi pemohon',
} as const;

/** Why an action was refused; shown on the page, nothing has changed. */
export const WORKFLOW_ERRORS = {
  NOT_ALLOWED: (statusLabel: string, action: string) =>
    `Tindakan "${action}" tidak dapat dilakukan karena status permohonan saat ini "${statusLabel}". Tidak ada yang diubah.`,
  WRONG_ROLE: (roleLabel: string) =>
    `Tindakan ini hanya dapat dilakukan oleh ${roleLabel} yang terdaftar di Pengaturan (termasuk Plt./Plh. yang sedang berlaku). Tidak ada yang diubah.`,
  OWN_APPLICATION: () =>
    'Anda tidak dapat memutuskan permohonan Anda sendiri. Permohonan ini harus diputuskan pejabat lain. Tidak ada yang diubah.',
  OTHER_LEVEL: (roleLabel: string) =>
    `Anda sudah bertindak sebagai ${roleLabel} pada permohonan ini. Satu orang tidak boleh bertindak pada dua tingkat dalam satu permohonan. Tidak ada yang diubah.`,
  REASON_REQUIRED: () => 'Alasan wajib diisi (paling sedikit 5 karakter) agar pemohon tahu apa yang harus dilakukan.',
  CHECKLIST_INCOMPLETE: (missing: string[]) =>
    `Semua butir pemeriksaan harus dicentang sebelum diteruskan. Belum dicentang: ${missing.join('; ')}.`,
  UNKNOWN_RECIPIENT: (roleLabel: string) =>
    `Penerima yang dipilih bukan ${roleLabel} yang terdaftar di Pengaturan. Pilih salah satu dari daftar.`,
  NO_RECIPIENT: (roleLabel: string) =>
    `Belum ada alamat email ${roleLabel} di Pengaturan. Minta Admin mengisi daftar peran, lalu coba lagi.`,
  SERIAL_REQUIRED: () => 'Nomor seri sertifikat (atau nomor referensi BSrE) wajib diisi.',
  VALID_UNTIL_INVALID: () =>
    'Tanggal "Berlaku sampai" harus tanggal yang ada dengan format TTTT-BB-HH dan setelah hari ini.',
  WRONG_EMAIL: () => 'Tautan verifikasi ini bukan untuk alamat email pemohon yang tercatat. Tidak ada yang diubah.',
  REJECT_TEXT_REQUIRED: () => 'Untuk alasan "Alasan lain", keterangan wajib diisi.',
} as const;

/** Audit event names as the Jejak Audit sheet shows them. */
export const AUDIT_EVENTS = {
  SUBMITTED: 'Permohonan diterima',
  SUBMITTED_INVALID: 'Permohonan tidak valid dicatat',
  EMAIL_VERIFIED: 'Email dinas terverifikasi',
  DISPOSED: 'Disposisi',
  VERIFIED: 'Berkas diverifikasi Sandiman',
  REJECTED: 'Permohonan ditolak',
  RETURNED: 'Dikembalikan untuk perbaikan',
  RESUBMITTED: 'Perbaikan diterima',
  RESUBMITTED_INVALID: 'Perbaikan masih tidak valid',
  SUBMITTED_TO_BSRE: 'Diajukan ke BSrE',
  BSRE_ACCOUNT_SENT: 'Akun BSrE dikirim',
  BSRE_VERIFIED: 'Terverifikasi BSrE',
  PASSPHRASE_SET: 'Passphrase sudah diatur',
  CERTIFICATE_ISSUED: 'Sertifikat terbit',
  CERTIFICATE_REVOKED: 'Dicabut',
  PASSPHRASE_RESET_DONE: 'Passphrase sudah diatur ulang',
  BSRE_REJECTED: 'Ditolak BSrE',
  BSRE_RESUBMITTED: 'Dikirim ulang ke BSrE',
  REMINDER: 'Pengingat terlambat dikirim',
  ESCALATION: 'Eskalasi ke atasan dikirim',
} as const;
