// Indonesian texts of the KTP scans and Data Terbatas: the restricted folder, scans' names, Form notice, sharing.

export const KTP_FILES_TEXT = {
  /** The Drive folder that alone holds uploaded KTP scans (shared only with the Verifikator). */
  folderName: 'KTP – Data Terbatas',
  /** An uploaded scan's new name: the application ID, never the applicant's name; `ext` keeps the file type. */
  fileName: (applicationId: string, index: number, count: number, ext: string) =>
    `${applicationId} KTP${count > 1 ? ` (${index + 1})` : ''}${ext}`,
  setup: {
    folderCreated:
      'Folder Drive "KTP – Data Terbatas" dibuat (pindaian KTP yang diunggah lewat formulir; hanya untuk Verifikator).',
    folderReplaced:
      'Folder "KTP – Data Terbatas" yang tercatat sudah ada di sampah; folder baru dibuat. Pulihkan berkas lama dari sampah bila masih diperlukan.',
    folderShared: (emails: string[]) =>
      `Folder "KTP – Data Terbatas" dibagikan (lihat saja) kepada Verifikator: ${emails.join(', ')}.`,
    folderUnshared: (emails: string[]) =>
      `Akses ke folder "KTP – Data Terbatas" dicabut dari: ${emails.join(', ')} (bukan Verifikator menurut Pengaturan).`,
    folderMadePrivate: 'Berbagi lewat tautan pada folder "KTP – Data Terbatas" dimatikan.',
    restrictedUnshared: (emails: string[]) =>
      `Akses ke spreadsheet "Data Terbatas" dicabut dari: ${emails.join(', ')} (bukan Verifikator menurut Pengaturan).`,
  },
  /** Appended to the Form's privacy notice. */
  privacyNotice:
    'Pindaian KTP yang Anda unggah lewat formulir ini dipindahkan ke folder Drive terbatas yang hanya dapat dibuka Verifikator (dan pemilik sistem), diberi nama nomor permohonan, lalu dihapus bersama NIK lengkap setelah masa penyimpanan. ' +
    'Jika Anda memberikan tautan Google Drive, berkas tetap milik Anda dan tidak kami pindahkan: kami hanya menyimpan tautannya di Data Terbatas. Bagikan hanya kepada Verifikator, dan hapus sendiri setelah permohonan selesai.',
  /** Execution log line when an uploaded file cannot be opened or moved (no file ID: logs never carry it). */
  replacedTrashed: (applicationId: string) =>
    `${applicationId}: pindaian KTP lama yang diganti pemohon lewat perbaikan dipindahkan ke sampah.`,
  uploadMissing: (applicationId: string) =>
    `${applicationId}: satu berkas unggahan KTP tidak dapat dibuka atau dipindahkan; berkas lain tetap diproses.`,
} as const;
