// Indonesian words of the certificate lifecycle: services, expiry notices, Dasbor, the monthly SOP evaluation report, printables.

/** Revocation reasons (Pencabutan) the Form offers; the code is what the program keeps. */
export const REVOCATION_REASON_LABELS = {
  PENSIUN: 'Pensiun',
  MUTASI: 'Pindah tugas / mutasi ke luar Pemerintah Kabupaten Bolaang Mongondow',
  MENINGGAL: 'Meninggal dunia',
  KUNCI_BOCOR: 'Kunci privat atau passphrase diketahui orang lain / disalahgunakan',
  LAINNYA: 'Alasan lain',
} as const;

/** Form question titles of the lifecycle services (asked only for the services that need them). */
export const LIFECYCLE_QUESTIONS = {
  serial: 'Nomor seri sertifikat yang dimaksud',
  serialHelp:
    'Wajib untuk Pembaruan dan Pencabutan, dianjurkan untuk Reset passphrase dan Perubahan data: nomor seri sertifikat elektronik Anda yang sudah terbit (lihat email penerbitan atau menu Sertifikat Saya di portal BSrE).',
  revocationReason: 'Alasan pencabutan',
  revocationReasonHelp: 'Wajib untuk Pencabutan.',
  revocationNote: 'Keterangan alasan pencabutan',
  revocationNoteHelp: 'Wajib bila alasan pencabutan "Alasan lain"; boleh diisi untuk alasan lain.',
} as const;

/** Refusals of a lifecycle request, each saying what to do instead. */
export const LIFECYCLE_ERRORS = {
  serialRequired: (service: string) => `Layanan ${service} memerlukan nomor seri sertifikat yang sudah terbit.`,
  serialUnknown: (serial: string) =>
    `Nomor seri "${serial}" tidak ditemukan di daftar Sertifikat Terbit Dinas Kominfo. Periksa kembali nomor seri pada email penerbitan sertifikat Anda.`,
  serialOtherHolder: () =>
    'Nomor seri itu terdaftar atas nama pemegang lain. Anda hanya dapat mengajukan layanan untuk sertifikat Anda sendiri.',
  expiredNoRevoke: (validUntil: string) =>
    `Sertifikat itu sudah kedaluwarsa (berlaku sampai ${validUntil}) sehingga tidak dapat digunakan lagi dan tidak perlu dicabut.`,
  superseded: () =>
    'Sertifikat itu sudah diganti sertifikat yang lebih baru. Tulis nomor seri sertifikat terbaru Anda.',
  revoked: () =>
    'Sertifikat itu sudah dicabut. Ajukan Penerbitan baru bila Anda memerlukan sertifikat elektronik lagi.',
  expiredNeedsNew: (validUntil: string) =>
    `Sertifikat itu sudah kedaluwarsa (berlaku sampai ${validUntil}). Sertifikat yang sudah kedaluwarsa tidak dapat diperbarui: ajukan Penerbitan baru.`,
  renewalNotOpen: (opensOn: string, validUntil: string) =>
    `Pembaruan baru dapat diajukan mulai ${opensOn} (30 hari sebelum masa berlaku berakhir pada ${validUntil}).`,
  reasonRequired: () => 'Pilih alasan pencabutan.',
  reasonUnknown: (value: string) =>
    `Alasan pencabutan "${value}" tidak dikenal. Pilih salah satu pilihan yang tersedia.`,
  noteRequired: () =>
    'Tuliskan keterangan alasan pencabutan (paling sedikit 5 huruf) karena Anda memilih "Alasan lain".',
} as const;

/** Certificate states (glossary: Kedaluwarsa, Dicabut) as the Sertifikat Terbit sheet and the Dasbor show them. */
export const CERTIFICATE_STATE_LABELS = {
  AKTIF: 'Aktif',
  SEGERA_KEDALUWARSA: 'Segera kedaluwarsa (30 hari atau kurang)',
  KEDALUWARSA: 'Kedaluwarsa',
  DICABUT: 'Dicabut',
  DIGANTI: 'Diganti sertifikat yang lebih baru',
} as const;

/** Columns the expiry job keeps in Sertifikat Terbit (added beside the register's own columns). */
export const CERTIFICATE_LIFECYCLE_HEADERS = {
  state: 'Status sertifikat',
  notices: 'Pemberitahuan masa berlaku terkirim',
} as const;

/** The three expiry notices. */
export const NOTICE_LABELS = {
  H30: 'H-30',
  H7: 'H-7',
  EXPIRED: 'Kedaluwarsa',
} as const;

/** Mail text of the expiry notices (to the holder, copy to the Verifikator). */
export const EXPIRY_MAIL = {
  subject: (kind: 'H30' | 'H7' | 'EXPIRED', serial: string) =>
    kind === 'EXPIRED'
      ? `Sertifikat elektronik Anda sudah kedaluwarsa (nomor seri ${serial})`
      : `Masa berlaku sertifikat elektronik Anda berakhir ${kind === 'H30' ? 'dalam 30 hari' : 'dalam 7 hari'} (nomor seri ${serial})`,
  greeting: (name: string) => `Yth. ${name},`,
  body: (kind: 'H30' | 'H7' | 'EXPIRED', validUntil: string, daysLeft: number) =>
    kind === 'EXPIRED'
      ? `Sertifikat elektronik (TTE) BSrE Anda berlaku sampai ${validUntil} dan kini sudah kedaluwarsa. Dokumen tidak dapat lagi ditandatangani dengan sertifikat ini. Sertifikat yang sudah kedaluwarsa tidak dapat diperbarui: ajukan Penerbitan baru melalui formulir permohonan.`
      : `Sertifikat elektronik (TTE) BSrE Anda berlaku sampai ${validUntil} (${daysLeft} hari lagi). Pembaruan dapat diajukan sejak 30 hari sebelum masa berlaku berakhir. Ajukan Pembaruan sekarang agar Anda tetap dapat menandatangani dokumen; setelah kedaluwarsa, sertifikat tidak dapat diperbarui dan Anda harus mengajukan Penerbitan baru.`,
  button: (kind: 'H30' | 'H7' | 'EXPIRED') => (kind === 'EXPIRED' ? 'Ajukan Penerbitan baru' : 'Ajukan Pembaruan'),
  linkHint: (kind: 'H30' | 'H7' | 'EXPIRED', serial: string) =>
    kind === 'EXPIRED'
      ? 'Pada formulir, pilih layanan "Penerbitan baru".'
      : `Pada formulir, pilih layanan "Pembaruan" dan tulis nomor seri ${serial}.`,
  details: 'Data sertifikat',
  serial: 'Nomor seri sertifikat',
  validUntil: 'Berlaku sampai',
  unit: 'Unit kerja / OPD',
  copyNote: 'Tembusan: Verifikator Dinas Kominfo.',
  footer:
    'Email ini dikirim otomatis oleh Register Sertifikat Elektronik Dinas Kominfo Kabupaten Bolaang Mongondow. Jangan pernah membagikan passphrase Anda kepada siapa pun, termasuk petugas.',
} as const;

/** Passphrase reset: the BSrE link lasts one day, which the applicant must be told. */
export const PASSPHRASE_RESET_TEXT = {
  linkExpiryHours: 24,
  notice:
    'Tautan reset passphrase yang dikirim BSrE ke email dinas Anda hanya berlaku 1 hari (24 jam). Buka email dari BSrE dan atur passphrase baru sebelum tautan itu kedaluwarsa; bila terlambat, beri tahu Verifikator agar reset diajukan ulang.',
} as const;

/** Words of the Dasbor sheet. */
export const DASHBOARD_TEXT = {
  sheet: 'Dasbor',
  title: 'Dasbor Register Sertifikat Elektronik',
  refreshedAt: (when: string) =>
    `Diperbarui: ${when} (nilai ditulis oleh skrip; menu "Perbarui Dasbor" untuk memperbarui sekarang)`,
  byStatus: 'Permohonan menurut status',
  byUnit: 'Permohonan menurut unit kerja / OPD',
  perMonth: 'Sertifikat terbit per bulan',
  certStates: 'Sertifikat menurut masa berlaku',
  steps: 'Kepatuhan waktu baku per tahap SOP (menit kerja)',
  colStatus: 'Status',
  colUnit: 'Unit kerja / OPD',
  colMonth: 'Bulan',
  colState: 'Keadaan',
  colCount: 'Jumlah',
  colService: 'Layanan',
  colStep: 'Tahap',
  colActor: 'Pelaksana',
  colSamples: 'Jumlah selesai',
  colMedian: 'Median (menit)',
  colP90: 'Persentil 90 (menit)',
  colStandard: 'Waktu baku (menit)',
  colOnTime: 'Tepat waktu (%)',
  none: '-',
  chartByStatus: 'Permohonan menurut status',
  chartByUnit: 'Permohonan menurut OPD',
  chartPerMonth: 'Sertifikat terbit per bulan',
  chartCertStates: 'Sertifikat aktif, segera kedaluwarsa, kedaluwarsa',
  chartOnTime: 'Tepat waktu per tahap (%)',
  refreshed: 'Dasbor sudah diperbarui.',
  lateNow: 'Tahap yang sedang terlambat',
  colApplication: 'Permohonan (tahap)',
  colMinutesOver: 'Lewat waktu baku (menit kerja)',
  step: 'tahap',
} as const;

/** Words of the monthly report (Laporan Monitoring dan Evaluasi Pelaksanaan SOP). */
export const REPORT_TEXT = {
  title: 'Laporan Monitoring dan Evaluasi Pelaksanaan SOP',
  period: (label: string) => `Periode: ${label}`,
  generatedAt: (when: string) => `Dibuat otomatis: ${when}`,
  identity: 'A. Identitas SOP',
  sopNumber: 'Nomor SOP',
  sopName: 'Nama SOP',
  sopEffective: 'Tanggal efektif',
  sopRevised: 'Tanggal revisi',
  sopApprovedBy: 'Disahkan oleh',
  volumes: 'B. Volume layanan',
  volumeSubmitted: 'Permohonan masuk',
  volumeIssued: 'Selesai (sertifikat terbit / layanan selesai)',
  volumeRejected: 'Ditolak Dinas',
  volumeRejectedBsre: 'Ditolak BSrE',
  volumeReturned: 'Dikembalikan untuk perbaikan',
  volumeInProgress: 'Masih diproses pada akhir periode',
  compliance: 'C. Kepatuhan terhadap waktu baku per tahap',
  late: 'D. Kasus terlambat',
  lateNone: 'Tidak ada tahap yang melewati waktu baku pada periode ini.',
  rejections: 'E. Alasan penolakan',
  rejectionsOffice: 'Ditolak oleh Dinas',
  rejectionsBsre: 'Ditolak oleh BSrE',
  rejectionsNone: 'Tidak ada.',
  improvements: 'F. Rekomendasi perbaikan',
  improvementsNone: 'Semua tahap selesai dalam waktu baku pada periode ini; pertahankan pelaksanaan SOP.',
  improvement: (
    step: string,
    actor: string,
    late: number,
    total: number,
    percent: string,
    median: string,
    standard: number,
  ) =>
    `Tahap ${step} (${actor}) terlambat ${late} dari ${total} kali (${percent}); median ${median} menit kerja terhadap waktu baku ${standard} menit. Tinjau beban kerja dan pengingat pada tahap ini, atau usulkan revisi waktu baku bila tidak realistis.`,
  colReference: 'Nomor permohonan',
  colService: 'Layanan',
  colStep: 'Tahap',
  colActivity: 'Kegiatan',
  colActor: 'Pelaksana',
  colOfficial: 'Petugas',
  colMinutes: 'Waktu (menit kerja)',
  colStandard: 'Waktu baku (menit)',
  colSamples: 'Jumlah selesai',
  colMedian: 'Median',
  colP90: 'Persentil 90',
  colOnTime: 'Tepat waktu',
  colReason: 'Alasan',
  colCount: 'Jumlah',
  colValue: 'Jumlah',
  colItem: 'Uraian',
  footer:
    'Waktu diukur dalam menit kerja (jam kerja dan hari libur sesuai Pengaturan, WITA). Median dan persentil 90 dihitung dari tahap yang selesai pada periode ini; persentil 90 memakai peringkat terdekat.',
  fileName: (period: string) => `Laporan Monev SOP TTE ${period}.pdf`,
  mailSubject: (label: string) => `Laporan Monitoring dan Evaluasi Pelaksanaan SOP — ${label}`,
  mailBody: (label: string, url: string) =>
    `Yth. Kepala Dinas,\n\nTerlampir Laporan Monitoring dan Evaluasi Pelaksanaan SOP layanan sertifikat elektronik periode ${label}. Salinannya tersimpan di Google Drive: ${url}\n\nEmail ini dikirim otomatis oleh Register Sertifikat Elektronik.`,
  done: (label: string, url: string) =>
    `Laporan periode ${label} sudah dibuat dan dikirim ke Kepala Dinas. Berkas: ${url}`,
  folderName: 'Laporan Monev SOP Sertifikat Elektronik',
} as const;

/** Indonesian month names, for period labels. */
export const MONTH_NAMES = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** Words of the printable documents (Surat Permohonan, letterhead). */
export const PRINT_TEXT = {
  suratTitle: 'SURAT PERMOHONAN',
  place: 'Lolak',
  to: 'Yth. Kepala Dinas Komunikasi dan Informatika Kabupaten Bolaang Mongondow',
  at: 'di —',
  subject: 'Perihal',
  subjectText: (service: string) => `Permohonan layanan sertifikat elektronik (TTE) BSrE: ${service}`,
  opening: 'Dengan hormat, saya yang bertanda tangan di bawah ini:',
  name: 'Nama',
  nip: 'NIP / NI PPPK',
  employment: 'Status kepegawaian',
  position: 'Jabatan',
  unit: 'Unit kerja / OPD',
  email: 'Email dinas',
  phone: 'Nomor ponsel',
  reference: 'Nomor permohonan',
  serial: 'Nomor seri sertifikat',
  reason: 'Alasan pencabutan',
  body: (service: string) =>
    `mengajukan permohonan ${service.toLowerCase()} sertifikat elektronik untuk tanda tangan elektronik (TTE) kepada Balai Sertifikasi Elektronik (BSrE) BSSN melalui Dinas Komunikasi dan Informatika Kabupaten Bolaang Mongondow. Saya menyatakan data di atas benar dan sesuai dengan KTP, dan saya tidak akan memberikan passphrase saya kepada siapa pun.`,
  attachments: 'Bersama ini saya lampirkan berkas persyaratan:',
  closing: 'Demikian permohonan ini saya sampaikan. Atas perhatian Bapak/Ibu, saya ucapkan terima kasih.',
  signature: 'Pemohon,',
  signHere: '(tanda tangan)',
  printHint: 'Cetak surat ini, tanda tangani, lalu serahkan bersama berkas persyaratan ke Dinas Kominfo.',
  notFound: 'Permohonan tidak ditemukan. Pilih satu baris permohonan pada lembar Register Permohonan, lalu ulangi.',
  letterheadPrefix: 'Kop surat',
} as const;

/** Labels of the optional Pengaturan rows this module reads (unknown to the base settings reader, which ignores them). */
export const LIFECYCLE_SETTINGS_LABELS = {
  letterheadGovernment: 'Kop surat: pemerintah',
  letterheadOffice: 'Kop surat: instansi',
  letterheadAddress: 'Kop surat: alamat',
  letterheadContact: 'Kop surat: telepon / email / laman',
  reportFolderId: 'Folder laporan Monev SOP (ID Google Drive)',
} as const;

/** Status page by reference number and access code (Cek Status Permohonan). */
export const STATUS_LOOKUP_TEXT = {
  title: 'Cek Status Permohonan',
  intro:
    'Masukkan nomor permohonan dan kode akses dari email tanda terima permohonan Anda. Halaman ini tidak menampilkan data pribadi.',
  reference: 'Nomor permohonan',
  code: 'Kode akses',
  submit: 'Cek status',
  notFound:
    'Nomor permohonan atau kode akses tidak cocok. Periksa kembali email tanda terima permohonan Anda (huruf besar atau kecil tidak berpengaruh).',
  codeInMail: (code: string) => `Kode akses Cek Status Permohonan: ${code}`,
  printLetter: 'Cetak Surat Permohonan (untuk ditandatangani dan dibawa ke Dinas Kominfo)',
} as const;

/** Errors of an SOP sheet holding several services. */
export const SERVICE_SOP_ERRORS = {
  unknownCode: (code: string, known: readonly string[]) =>
    `KODE SOP "${code}" tidak dikenal. Gunakan salah satu: ${known.join(', ')}.`,
  duplicateCode: (code: string, row: number) =>
    `Baris ${row}: KODE SOP "${code}" sudah dipakai oleh SOP lain di lembar ini. Setiap layanan hanya satu SOP.`,
} as const;

/** Lines of the setup report about the lifecycle parts. */
export const LIFECYCLE_SETUP_TEXT = {
  sopBlocksAdded: (codes: string[]) => `SOP layanan ditambahkan ke lembar SOP: ${codes.join(', ')}.`,
  settingsRowsAdded: (n: number) => `${n} baris kop surat dan folder laporan ditambahkan ke Pengaturan.`,
  questionsAdded: (titles: string[]) => `Pertanyaan layanan ditambahkan ke formulir: ${titles.join('; ')}.`,
  triggerInstalled: (handler: string) => `Pemicu ${handler} dipasang.`,
} as const;

/** Menu captions of the lifecycle items. */
export const LIFECYCLE_MENU = {
  refreshDashboard: 'Perbarui Dasbor',
  report: 'Buat Laporan Monev SOP (bulan lalu)',
  expiry: 'Periksa masa berlaku sertifikat',
  suratPermohonan: 'Surat Permohonan (baris terpilih)',
  reportDone: 'Laporan Monev SOP',
  expiryDone: (notices: number, marked: number) =>
    `Pemeriksaan masa berlaku selesai: ${notices} pemberitahuan dikirim, ${marked} status sertifikat diperbarui.`,
} as const;
