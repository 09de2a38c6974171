// Indonesian words of the "SOP" sheet: header labels, table columns, actor names and the errors of reading an edited SOP.

/** Labels of the header block, in the seed SOP's own words (glossary: SOP words). */
export const SOP_HEADER_LABELS = {
  code: 'KODE SOP',
  officeName: 'INSTANSI',
  officeRegency: 'KABUPATEN',
  officeAddress: 'ALAMAT',
  number: 'NOMOR SOP',
  created: 'TGL. PEMBUATAN',
  revised: 'TGL. REVISI',
  effective: 'TGL. EFEKTIF',
  approvedBy: 'DISAHKAN OLEH',
  name: 'NAMA SOP',
  legalBasis: 'DASAR HUKUM',
  qualifications: 'KUALIFIKASI PELAKSANA',
  related: 'KETERKAITAN',
  equipment: 'PERALATAN/PERLENGKAPAN',
  warnings: 'PERINGATAN',
  recordKeeping: 'PENCATATAN DAN PENDATAAN',
} as const;

/** Column heads of the step table, as in the seed (WAKTU in minutes). */
export const SOP_TABLE_COLUMNS = [
  'NO',
  'KEGIATAN',
  'PELAKSANA',
  'KELENGKAPAN',
  'WAKTU (menit)',
  'OUTPUT',
  'KET',
] as const;

/** How the actors are named on the sheet (glossary: People). */
export const ACTOR_LABEL_TEXT = {
  PEMOHON: 'Pemohon',
  KEPALA_DINAS: 'Kepala Dinas',
  KABID_PERSANDIAN: 'Kabid Persandian',
  SANDIMAN: 'Sandiman',
  VERIFIKATOR: 'Verifikator',
  BSRE: 'BSrE',
} as const;

/** Errors found while reading an edited SOP sheet; each names the sheet row (1-based) so staff can find it. */
export const SOP_ERRORS = {
  missingHeader: (label: string) => `Baris "${label}" tidak ditemukan di bagian atas lembar SOP. Tambahkan baris itu.`,
  missingTable: () =>
    `Tabel langkah tidak ditemukan. Baris judul tabel harus berisi kolom ${SOP_TABLE_COLUMNS.join(' | ')}.`,
  missingColumn: (column: string) => `Kolom "${column}" tidak ada pada baris judul tabel langkah SOP.`,
  noSteps: () => 'Tabel langkah SOP kosong. Isi paling sedikit satu langkah.',
  badStepNumber: (row: number, value: string) =>
    `Baris ${row}: NO "${value}" tidak sah. Tulis angka (1, 2, 3) atau angka dengan huruf untuk sub-langkah (4a, 4b).`,
  duplicateStep: (row: number, id: string) => `Baris ${row}: langkah ${id} tertulis lebih dari sekali.`,
  missingStep: (expected: string) => `Langkah ${expected} tidak ada. Nomor langkah harus berurutan tanpa loncatan.`,
  emptyActivity: (row: number, id: string) => `Baris ${row}: KEGIATAN langkah ${id} kosong.`,
  noActor: (row: number, id: string) => `Baris ${row}: PELAKSANA langkah ${id} kosong.`,
  unknownActor: (row: number, name: string, known: string[]) =>
    `Baris ${row}: pelaksana "${name}" tidak dikenal. Gunakan salah satu dari: ${known.join(', ')}.`,
  badTime: (row: number, value: string) =>
    `Baris ${row}: WAKTU "${value}" bukan angka menit. Tulis angka bulat, misalnya 10, atau kosongkan jika tidak ada standar waktu.`,
  timeOnSubStep: (row: number, id: string, stage: string) =>
    `Baris ${row}: WAKTU, KELENGKAPAN dan OUTPUT tahap ${stage} ditulis pada baris pertama tahap itu saja, bukan pada langkah ${id}.`,
} as const;
