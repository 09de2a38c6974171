// Indonesian text of every mail: subject, heading, paragraphs, the one button; plain strings (the renderer escapes).
import { type MailData, type MailTemplate, STATUS_LABELS } from '../workflow-types';
import { BSRE_REJECT_ADVICE, BSRE_REJECT_LABELS } from './workflow';

/** Where a mail button or text link points: a signed link, the Form's edit link, or the SOP Pembuatan Email Dinas. */
export type MailLinkKey = 'action' | 'status' | 'verify' | 'edit' | 'emailSop';

/** The content of one mail before layout. */
export interface MailContent {
  subject: string;
  heading: string;
  paragraphs: string[];
  /** A short list under the paragraphs (issues to fix, requirements). */
  bullets: string[];
  /** Show the application summary table (NIK masked). */
  details: boolean;
  button: { label: string; link: MailLinkKey } | null;
  /** Further links, shown as plain text links under the button. */
  links: { label: string; link: MailLinkKey }[];
}

export const MAIL_FRAME = {
  brand: 'Dinas Kominfo Kabupaten Bolaang Mongondow',
  product: 'Layanan Sertifikat Elektronik (TTE)',
  footer:
    'Email ini dikirim otomatis oleh sistem Register Sertifikat Elektronik Dinas Kominfo Kabupaten Bolaang Mongondow. Petugas tidak pernah meminta passphrase, password, atau kode OTP Anda.',
  detailsTitle: 'Ringkasan permohonan',
  linkFallback: 'Jika tombol tidak berfungsi, salin alamat ini ke peramban:',
  details: {
    reference: 'Nomor permohonan',
    name: 'Nama (sesuai KTP)',
    nik: 'NIK',
    nip: 'NIP / NI PPPK',
    position: 'Jabatan',
    unit: 'Unit kerja / OPD',
    email: 'Email dinas',
    service: 'Jenis layanan',
    status: 'Status',
  },
} as const;

const statusLink = { label: 'Cek status permohonan', link: 'status' as const };

function stepLine(d: MailData): string {
  const minutes = d.stepMinutes === null ? '' : ` Waktu baku: ${d.stepMinutes} menit kerja.`;
  return `Tahap ${d.stepNo}: ${d.stepActivity}.${minutes}`;
}

/** The Verifikator's next step by the status the application waits in (the buttons of the decision page). */
const VERIFIKATOR_NEED: Readonly<Record<string, string>> = {
  [STATUS_LABELS.DITERUSKAN_VERIFIKATOR]: 'Perlu diajukan ke BSrE',
  [STATUS_LABELS.DIAJUKAN_BSRE]: 'Perlu konfirmasi akun BSrE',
  [STATUS_LABELS.AKUN_BSRE_DIKIRIM]: 'Perlu konfirmasi verifikasi BSrE',
  [STATUS_LABELS.TERVERIFIKASI_BSRE]: 'Perlu konfirmasi passphrase',
  [STATUS_LABELS.PASSPHRASE_DIATUR]: 'Perlu konfirmasi sertifikat terbit',
  [STATUS_LABELS.DITOLAK_BSRE]: 'Perlu kirim ulang ke BSrE',
};

/**
 * What the official is asked for, as the first words of the subject (Gmail on a phone shows about 35 characters):
 * the disposing roles dispose, the Sandiman checks the files, the Verifikator takes the next BSrE step.
 */
function officialNeed(d: MailData): string {
  if (['Kepala Dinas', 'Kabid Persandian', 'Kasi Persandian'].includes(d.recipientLabel)) return 'Perlu disposisi';
  if (d.recipientLabel === 'Sandiman') return 'Perlu pemeriksaan berkas';
  return VERIFIKATOR_NEED[d.statusLabel] ?? `Perlu tindakan ${d.recipientLabel}`;
}

/** An official's subject: what is needed, from whom, which OPD, then the number. */
function officialSubject(tag: string, d: MailData): string {
  return `[${tag}] Permohonan TTE – ${d.applicantName} – ${d.unit} (${d.reference})`;
}

function base(d: MailData, subject: string, heading: string): MailContent {
  return {
    subject: `[${d.reference}] ${subject}`,
    heading,
    paragraphs: [],
    bullets: [],
    details: false,
    button: null,
    links: [],
  };
}

/** The text of each template. */
export function mailContent(template: MailTemplate, d: MailData): MailContent {
  switch (template) {
    case 'APPLICANT_RECEIVED':
      return {
        ...base(d, 'Permohonan diterima: verifikasi email dinas Anda', 'Permohonan Anda sudah kami terima'),
        paragraphs: [
          `Nomor permohonan Anda: ${d.reference}. Simpan nomor ini untuk menanyakan permohonan.`,
          'Sesuai SOP, email dinas (.go.id) harus aktif karena dipakai BSrE untuk verifikasi. Tekan tombol di bawah untuk memastikan email ini aktif. Permohonan diteruskan ke Kepala Dinas setelah email terverifikasi.',
          'Bila tautan verifikasi sudah kedaluwarsa, buka "Ubah jawaban formulir" dan kirim ulang; kami mengirim tautan baru.',
        ],
        details: true,
        button: { label: 'Verifikasi email dinas', link: 'verify' },
        links: [statusLink, { label: 'Ubah jawaban formulir', link: 'edit' }],
      };
    case 'APPLICANT_INVALID':
      return {
        ...base(d, 'Data permohonan perlu diperbaiki', 'Permohonan belum dapat diproses'),
        paragraphs: [
          'Data yang Anda kirim belum memenuhi syarat. Perbaiki hal berikut melalui tombol di bawah; jawaban Anda yang lain tetap tersimpan:',
        ],
        bullets: d.issues.map((i) => i.message),
        button: { label: 'Perbaiki data permohonan', link: 'edit' },
      };
    case 'APPLICANT_NO_OFFICIAL_EMAIL':
      return {
        ...base(d, 'Anda memerlukan email dinas (.go.id)', 'Email dinas (.go.id) diperlukan'),
        paragraphs: [
          'Pendaftaran sertifikat elektronik mensyaratkan email pribadi kedinasan (.go.id) yang aktif. Alamat yang Anda isi bukan email dinas.',
          'Ikuti SOP Pembuatan Email Dinas melalui tombol di bawah. Setelah email dinas aktif, perbaiki permohonan Anda dengan tautan "Perbaiki data permohonan".',
        ],
        bullets: d.issues.map((i) => i.message),
        button: { label: 'Buka SOP Pembuatan Email Dinas', link: 'emailSop' },
        links: [{ label: 'Perbaiki data permohonan', link: 'edit' }],
      };
    case 'APPLICANT_RETURNED':
      return {
        ...base(d, 'Permohonan dikembalikan untuk perbaikan', 'Permohonan dikembalikan untuk perbaikan'),
        paragraphs: [
          `Petugas mengembalikan permohonan ${d.reference} dengan alasan: ${d.reason}`,
          'Perbaiki melalui tombol di bawah. Setelah Anda mengirim perbaikan, permohonan yang sama kembali ke petugas yang mengembalikannya; riwayatnya tetap tersimpan.',
        ],
        button: { label: 'Perbaiki data permohonan', link: 'edit' },
        links: [statusLink],
      };
    case 'APPLICANT_REJECTED':
      return {
        ...base(d, 'Permohonan ditolak', 'Permohonan ditolak'),
        paragraphs: [
          `Permohonan ${d.reference} ditolak dengan alasan: ${d.reason}`,
          'Bila alasan tersebut sudah Anda selesaikan, Anda dapat mengajukan permohonan baru melalui formulir pendaftaran.',
        ],
        button: { label: 'Cek status permohonan', link: 'status' },
      };
    case 'APPLICANT_BSRE_SUBMITTED':
      return {
        ...base(d, 'Permohonan diajukan ke BSrE: periksa email Anda', 'Permohonan sudah diajukan ke BSrE'),
        paragraphs: [
          `Verifikator sudah mengajukan permohonan Anda ke BSrE. BSrE akan mengirim username dan password ke ${d.email}.`,
          'Periksa kotak masuk email dinas Anda, termasuk folder Spam, dan jangan hapus email dari BSrE.',
        ],
        button: { label: 'Cek status permohonan', link: 'status' },
      };
    case 'APPLICANT_BSRE_ACCOUNT':
      return {
        ...base(d, 'Akun BSrE sudah dikirim: lakukan pendaftaran', 'Akun BSrE sudah dikirim ke email Anda'),
        paragraphs: [
          'BSrE telah mengirim username dan password ke email dinas Anda. Masuk ke sistem pendaftaran sertifikat elektronik BSrE dan lengkapi pendaftaran.',
          'Isi data sama persis dengan KTP (nama tanpa gelar, NIK, tanggal lahir). Ketidaksesuaian dengan KTP menyebabkan BSrE menolak penerbitan.',
        ],
        button: { label: 'Cek status permohonan', link: 'status' },
      };
    case 'APPLICANT_BSRE_VERIFIED':
      return {
        ...base(d, 'Terverifikasi BSrE: atur passphrase Anda', 'Pendaftaran Anda terverifikasi BSrE'),
        paragraphs: [
          'BSrE akan mengirim formulir untuk mengatur passphrase. Passphrase dipakai setiap kali Anda menandatangani secara elektronik.',
          'Jangan berikan passphrase kepada siapa pun, termasuk petugas Dinas Kominfo. Petugas tidak pernah menanyakannya.',
        ],
        button: { label: 'Cek status permohonan', link: 'status' },
      };
    case 'APPLICANT_PASSPHRASE_SET':
      return {
        ...base(d, 'Passphrase sudah diatur', 'Passphrase sudah diatur'),
        paragraphs: [
          'Terima kasih. BSrE sedang menerbitkan sertifikat elektronik Anda; kami kabari bila sudah terbit.',
          'Ingat: passphrase hanya untuk Anda sendiri. Jangan menuliskannya di email atau pesan.',
        ],
        button: { label: 'Cek status permohonan', link: 'status' },
      };
    case 'APPLICANT_ISSUED':
      return {
        ...base(d, 'Sertifikat elektronik Anda sudah terbit', 'Sertifikat elektronik Anda sudah terbit'),
        paragraphs: [
          `Nomor seri sertifikat: ${d.serial}. Berlaku sampai: ${d.validUntil}.`,
          'Unduh sertifikat elektronik Anda melalui akun BSrE Anda. Simpan passphrase hanya untuk Anda sendiri.',
          'Pembaruan dapat diajukan mulai 30 hari sebelum masa berlaku berakhir; sertifikat yang sudah kedaluwarsa memerlukan permohonan baru.',
        ],
        button: { label: 'Cek status permohonan', link: 'status' },
      };
    case 'APPLICANT_REVOKED':
      return {
        ...base(d, 'Sertifikat elektronik Anda sudah dicabut', 'Sertifikat elektronik Anda sudah dicabut'),
        paragraphs: [
          'BSrE sudah mencabut sertifikat elektronik yang Anda ajukan untuk dicabut. Sertifikat itu tidak dapat dipakai lagi untuk menandatangani.',
          'Bila kelak memerlukan sertifikat elektronik lagi, ajukan permohonan Penerbitan baru.',
        ],
        button: { label: 'Cek status permohonan', link: 'status' },
      };
    case 'APPLICANT_PASSPHRASE_RESET':
      return {
        ...base(d, 'Passphrase sudah diatur ulang', 'Passphrase sudah diatur ulang'),
        paragraphs: [
          'Passphrase baru Anda sudah diatur. Sertifikat elektronik Anda tetap sama; pakai passphrase baru setiap kali menandatangani.',
          'Jangan berikan passphrase kepada siapa pun, termasuk petugas Dinas Kominfo. Petugas tidak pernah menanyakannya.',
        ],
        button: { label: 'Cek status permohonan', link: 'status' },
      };
    case 'APPLICANT_BSRE_REJECTED': {
      const code = d.rejectCode ?? 'LAINNYA';
      return {
        ...base(d, 'BSrE menolak permohonan: tindakan diperlukan', 'BSrE menolak permohonan Anda'),
        paragraphs: [
          `Alasan dari BSrE: ${BSRE_REJECT_LABELS[code]}${d.reason ? ` (${d.reason})` : ''}.`,
          BSRE_REJECT_ADVICE[code],
        ],
        button: { label: 'Cek status permohonan', link: 'status' },
      };
    }
    case 'OFFICIAL_ACTION':
      return {
        ...base(d, '', 'Permohonan menunggu tindakan Anda'),
        subject: officialSubject(officialNeed(d), d),
        paragraphs: [
          `Permohonan sertifikat elektronik ${d.reference} menunggu tindakan Anda sebagai ${d.recipientLabel}.`,
          stepLine(d),
          ...(d.instruction ? [`Catatan/instruksi sebelumnya: ${d.instruction}`] : []),
          'Tidak ada yang berubah sebelum Anda memilih tindakan dan menekan tombolnya di halaman keputusan. Tautan ini hanya untuk Anda dan hanya dapat dipakai sekali.',
        ],
        bullets: d.warnings.map((w) => `Perhatian: ${w}`),
        details: true,
        button: { label: 'Buka dan putuskan', link: 'action' },
      };
    case 'OFFICIAL_REMINDER':
      return {
        ...base(d, '', 'Pengingat: permohonan melewati waktu baku'),
        subject: officialSubject(`Pengingat: tahap ${d.stepNo} terlambat`, d),
        paragraphs: [
          `Permohonan ${d.reference} di tahap ${d.stepNo} sudah melewati waktu baku ${d.stepMinutes ?? '-'} menit kerja (terlambat ${d.lateMinutes} menit kerja).`,
          stepLine(d),
          'Mohon segera ditindaklanjuti. Bila belum ditindaklanjuti sampai dua kali waktu baku, atasan Anda menerima eskalasi.',
        ],
        details: true,
        button: { label: 'Buka dan putuskan', link: 'action' },
      };
    case 'OFFICIAL_ESCALATION':
      return {
        ...base(d, '', 'Eskalasi keterlambatan'),
        subject: officialSubject(`Eskalasi: tahap ${d.stepNo} terlambat dua kali waktu baku`, d),
        paragraphs: [
          `Permohonan ${d.reference} di tahap ${d.stepNo} sudah melewati dua kali waktu baku (${d.stepMinutes ?? '-'} menit kerja; terlambat ${d.lateMinutes} menit kerja).`,
          `Pemegang tahap: ${d.holders}.`,
          'Mohon arahan Anda agar permohonan segera diproses, atau tunjuk Plt./Plh. di lembar Pengaturan.',
        ],
        details: true,
      };
  }
}

/**
 * Whether a template's mail carries the applicant's Form edit link. The link opens the applicant's answers (the full
 * NIK among them), so it is kept in no shared sheet: the shell asks Forms for it only for these mails.
 */
export function mailUsesEditLink(template: MailTemplate, d: MailData): boolean {
  const content = mailContent(template, d);
  return content.button?.link === 'edit' || content.links.some((link) => link.link === 'edit');
}
