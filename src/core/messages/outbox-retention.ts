// Indonesian texts of Kotak Keluar's retention: the audit row written when old sent mails are removed.

export const OUTBOX_RETENTION_MESSAGES = {
  event: 'Kotak Keluar dibersihkan',
  actor: 'sistem (kotak keluar)',
  note: (count: number, days: number) =>
    `${count} email yang terkirim lebih dari ${days} hari lalu dihapus dari Kotak Keluar. ` +
    'Email yang menunggu, sedang dikirim, atau gagal tidak dihapus.',
} as const;
