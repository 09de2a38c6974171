// Maps the columns of a file to import onto the register's fields by header text, with a mapping file when the names differ.
import { readFileSync } from 'node:fs';

/** The fields an imported row can carry. */
export type ImportField =
  | 'reference'
  | 'name'
  | 'nik'
  | 'nip'
  | 'employmentStatus'
  | 'position'
  | 'unit'
  | 'email'
  | 'phone'
  | 'service'
  | 'serial'
  | 'issuedAt'
  | 'validUntil'
  | 'status'
  | 'submittedAt';

/** Fields without which a row cannot be checked with the Form's rules. */
export const REQUIRED_FIELDS: readonly ImportField[] = [
  'name',
  'nik',
  'nip',
  'employmentStatus',
  'position',
  'unit',
  'email',
  'phone',
  'service',
];

/** Indonesian names of the fields: the register's own headers (src/core/register-schema.ts), plus the full NIK. */
export const FIELD_LABELS: Record<ImportField, string> = {
  reference: 'Nomor permohonan',
  name: 'Nama (sesuai KTP)',
  nik: 'NIK',
  nip: 'NIP / NI PPPK',
  employmentStatus: 'Status kepegawaian',
  position: 'Jabatan',
  unit: 'Unit kerja / OPD',
  email: 'Email dinas',
  phone: 'Nomor ponsel (WhatsApp)',
  service: 'Kode layanan',
  serial: 'Nomor seri sertifikat',
  issuedAt: 'Sertifikat terbit pada',
  validUntil: 'Berlaku sampai',
  status: 'Kode status',
  submittedAt: 'Diajukan pada',
};

/**
 * Headers recognised without a mapping file, best first (compared case- and space-insensitively). The register's own
 * headers come first, so a backup made by `npm run export -- --with-nik` imports as it is; when a file has two
 * headers for one field (the register's "Kode status" and "Status"), the first listed wins and the other is ignored.
 */
const DEFAULT_ALIASES: Record<ImportField, string[]> = {
  reference: ['Nomor permohonan', 'No Permohonan', 'No. Permohonan'],
  name: ['Nama (sesuai KTP)', 'Nama', 'Nama Lengkap', 'Nama lengkap sesuai KTP', 'Nama Pemohon'],
  nik: ['NIK', 'NIK (Nomor Induk Kependudukan)'],
  nip: ['NIP / NI PPPK', 'NIP', 'NI PPPK', 'NIP/NI PPPK'],
  employmentStatus: ['Status kepegawaian', 'Status ASN'],
  position: ['Jabatan'],
  unit: ['Unit kerja / OPD', 'Unit Kerja', 'Unit kerja / Perangkat Daerah (OPD)', 'Perangkat Daerah', 'OPD'],
  email: ['Email dinas', 'Email', 'Email dinas (.go.id)', 'Surel'],
  phone: ['Nomor ponsel (WhatsApp)', 'Nomor Ponsel', 'No HP', 'No. HP', 'WhatsApp'],
  service: ['Kode layanan', 'Jenis Layanan', 'Layanan'],
  serial: ['Nomor seri sertifikat', 'Nomor Seri', 'No Seri'],
  issuedAt: ['Sertifikat terbit pada', 'Terbit pada', 'Tanggal Terbit'],
  validUntil: ['Berlaku sampai'],
  status: ['Kode status', 'Status'],
  submittedAt: ['Diajukan pada', 'Waktu Pengajuan', 'Tanggal Permohonan'],
};

function normaliseHeader(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

const FIELD_BY_NAME = new Map<string, ImportField>();
for (const field of Object.keys(FIELD_LABELS) as ImportField[]) {
  FIELD_BY_NAME.set(field.toLowerCase(), field);
  FIELD_BY_NAME.set(normaliseHeader(FIELD_LABELS[field]), field);
  for (const alias of DEFAULT_ALIASES[field]) {
    if (!FIELD_BY_NAME.has(normaliseHeader(alias))) FIELD_BY_NAME.set(normaliseHeader(alias), field);
  }
}

/**
 * Reads a mapping file: JSON `{ "<header in the file>": "<field or register header>" }`, e.g.
 * `{ "Nama Pegawai": "Nama", "No KTP": "nik" }`. An unknown target is refused with the list of valid ones.
 */
export function readMappingFile(file: string): Record<string, ImportField> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`Berkas pemetaan ${file} bukan JSON yang sah.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`Berkas pemetaan ${file} harus berisi objek JSON { "judul kolom di berkas": "kolom register" }.`);
  }
  const mapping: Record<string, ImportField> = {};
  for (const [source, target] of Object.entries(parsed as Record<string, unknown>)) {
    const field = typeof target === 'string' ? FIELD_BY_NAME.get(normaliseHeader(target)) : undefined;
    if (!field) {
      throw new Error(
        `Berkas pemetaan: tujuan "${String(target)}" untuk kolom "${source}" tidak dikenal. Pilihan: ${Object.values(FIELD_LABELS).join(', ')}.`,
      );
    }
    mapping[source] = field;
  }
  return mapping;
}

/** The column index of each field found in the header row, and the headers nothing maps to. */
export interface ColumnMap {
  columns: Partial<Record<ImportField, number>>;
  ignored: string[];
  missing: ImportField[];
}

/**
 * Resolves the header row: the mapping file first (a field it names twice is an error), then for each remaining
 * field the best default alias present. Headers nothing claims are reported as ignored.
 */
export function mapColumns(header: string[], mapping: Record<string, ImportField> = {}): ColumnMap {
  const columns: Partial<Record<ImportField, number>> = {};
  const byHeader = new Map<string, number>();
  header.forEach((text, column) => {
    const key = normaliseHeader(text);
    if (key !== '' && !byHeader.has(key)) byHeader.set(key, column);
  });
  const claimed = new Set<number>();
  for (const [source, field] of Object.entries(mapping)) {
    const column = byHeader.get(normaliseHeader(source));
    if (column === undefined) continue;
    if (columns[field] !== undefined) {
      throw new Error(
        `Dua kolom dipetakan ke "${FIELD_LABELS[field]}": "${header[columns[field]]}" dan "${source}". Perbaiki berkas pemetaan.`,
      );
    }
    columns[field] = column;
    claimed.add(column);
  }
  for (const field of Object.keys(DEFAULT_ALIASES) as ImportField[]) {
    if (columns[field] !== undefined) continue;
    for (const alias of DEFAULT_ALIASES[field]) {
      const column = byHeader.get(normaliseHeader(alias));
      if (column !== undefined && !claimed.has(column)) {
        columns[field] = column;
        claimed.add(column);
        break;
      }
    }
  }
  const ignored = header.filter((text, column) => normaliseHeader(text) !== '' && !claimed.has(column));
  const missing = REQUIRED_FIELDS.filter((field) => columns[field] === undefined);
  return { columns, ignored, missing };
}
