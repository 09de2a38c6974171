// Indonesian words of the register: how a step's timing reads, the schema refusal, SLA audit notes.

/** How a step shows in its register column and on the status page. */
export const STEP_SUMMARY = {
  running: 'Berjalan',
  paused: 'Ditunda (menunggu pemohon)',
  minutes: (n: number) => `${n} menit kerja`,
  done: (minutes: string) => `Selesai (${minutes})`,
  onTime: (minutes: string) => `Tepat waktu (${minutes})`,
  late: (minutes: string) => `Terlambat (${minutes})`,
} as const;

/** The refusal when a sheet's header row no longer matches the columns the program needs. */
export const SCHEMA_MESSAGES = {
  missing: (headers: string[]) => `kolom yang hilang: ${headers.map((h) => `"${h}"`).join(', ')}`,
  duplicated: (headers: string[]) => `kolom yang ganda: ${headers.map((h) => `"${h}"`).join(', ')}`,
  mismatch: (sheet: string, parts: string[]) =>
    `Lembar "${sheet}" tidak sesuai: ${parts.join('; ')}. Jalankan menu "Siapkan / perbaiki" atau kembalikan judul kolom persis seperti semula. Tidak ada yang diubah.`,
} as const;

/** Notes of the SLA audit rows and of the certificate audit row. */
export const SLA_NOTES = {
  reminder: (step: number, minutes: number) => `Tahap ${step}: ${minutes} menit kerja`,
  escalation: (step: number, minutes: number, to: string) => `Tahap ${step}: ${minutes} menit kerja; ke ${to || '-'}`,
  issued: (serial: string, validUntil: string) => `${serial}; berlaku sampai ${validUntil}`,
} as const;
