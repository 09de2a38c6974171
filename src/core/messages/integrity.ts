// Indonesian texts of the integrity check: audit-chain alarm, register/audit reconciliation, retention.

export const INTEGRITY_MESSAGES = {
  events: {
    repaired: 'Pemulihan jejak audit',
    retention: 'Data pribadi dihapus (retensi)',
  },
  actor: 'sistem (pemeriksaan integritas)',
  repairedNote: (registerStatus: string, audited: string) =>
    `Status di Register Permohonan (${registerStatus}) berbeda dari status terakhir di Jejak Audit (${audited || 'tidak ada'}). ` +
    'Perubahan ini tidak tercatat saat terjadi (gangguan layanan atau sunting manual); dicatat sekarang oleh pemeriksaan integritas.',
  retentionNote: (days: number, statusLabel: string, fileNote: string) =>
    `NIK lengkap dan tautan berkas dihapus dari Data Terbatas ${days} hari setelah status "${statusLabel}". ${fileNote}`,
  fileTrashed: 'Berkas KTP/permohonan di Drive milik sistem dipindahkan ke sampah.',
  filesTrashed: (count: number) => `${count} berkas KTP/permohonan di Drive milik sistem dipindahkan ke sampah.`,
  fileNotOurs: 'Berkas di Drive bukan milik sistem (milik pemohon); hanya tautannya yang dihapus.',
  noFile: 'Tidak ada berkas di Drive.',
  anchorMismatch: 'baris yang sudah diperiksa utuh kini berbeda atau hilang: log ditulis ulang atau dipotong',
  chainAlarmSubject: (row: number) => `[PERINGATAN] Jejak Audit rusak mulai baris ${row}`,
  chainAlarmBody: (message: string, spreadsheetUrl: string) =>
    `${message}\n\nPemeriksaan otomatis menemukan rantai hash Jejak Audit tidak cocok. Jangan ubah baris mana pun; ` +
    `periksa riwayat versi spreadsheet (File > Riwayat versi) untuk melihat siapa yang mengubahnya.\n\n${spreadsheetUrl}`,
  summary: (parts: { chainOk: boolean; repaired: number; erased: number; triggers: number }) =>
    `Pemeriksaan integritas: rantai audit ${parts.chainOk ? 'utuh' : 'RUSAK'}; ${parts.repaired} catatan audit dipulihkan; ` +
    `${parts.erased} data pribadi dihapus (retensi); ${parts.triggers} pemicu dipasang ulang.`,
} as const;
