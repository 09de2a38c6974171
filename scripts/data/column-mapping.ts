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

/** Indonesian names of the fields, for messages and the mapping file's documentation. */
export const FIELD_LABELS: Record<ImportField, string> = {
  reference: 'Nomor Permohonan',
  name: 'Nama',
  nik: 'NIK',
  nip: 'NIP / NI PPPK',
  employmentStatus: 'Status Kepegawaian',
  position: 'Jabatan',
  unit: 'Unit Kerja',
  email: 'Email Dinas',
  phone: 'Nomor Ponsel',
  service: 'Jenis Layanan',
  serial: 'Nomor Seri Sertifikat',
  issuedAt: 'Tanggal Terbit',
  validUntil: 'Berlaku Sampai',
  status: 'Status',
  submittedAt: 'Waktu Pengajuan',
};

/** Headers recognised without a mapping file (compared case- and space-insensitively). */
const DEFAULT_ALIASES: Record<ImportField, string[]> = {
  reference: ['Nomor Permohonan', 'No Permohonan', 'No. Permohonan'],
  name: ['Nama', 'Nama Lengkap', 'Nama lengkap sesuai KTP', 'Nama Pemohon'],
  nik: ['NIK', 'NIK (Nomor Induk Kependudukan)'],
  nip: ['NIP / NI PPPK', 'NIP', 'NI PPPK', 'NIP/NI PPPK'],
  employmentStatus: ['Status Kepegawaian', 'Status ASN'],
  position: ['Jabatan'],
  unit: ['Unit Kerja', 'Unit kerja / Perangkat Daerah (OPD)', 'Perangkat Daerah', 'OPD'],
  email: ['Email Dinas', 'Email', 'Email dinas (.go.id)', 'Surel'],
  phone: ['Nomor Ponsel', 'Nomor ponsel (WhatsApp)', 'No HP', 'No. HP', 'WhatsApp'],
  service: ['Jenis Layanan', 'Layanan'],
  serial: ['Nomor Seri Sertifikat', 'Nomor Seri', 'No Seri'],
  issuedAt: ['Tanggal Terbit'],
  validUntil: ['Berlaku Sampai'],
  status: ['Status'],
  submittedAt: ['Waktu Pengajuan', 'Tanggal Permohonan'],
};

function normaliseHeader(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

const FIELD_BY_NAME = new Map<string, ImportField>();
for (const field of Object.keys(FIELD_LABELS) as ImportField[]) {
  FIELD_BY_NAME.set(field.toLowerCase(), field);
  FIELD_BY_NAME.set(normaliseHeader(FIELD_LABELS[field]), field);
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

/** Resolves the header row: the mapping file first, then the default aliases; a field claimed twice is an error. */
export function mapColumns(header: string[], mapping: Record<string, ImportField> = {}): ColumnMap {
  const columns: Partial<Record<ImportField, number>> = {};
  const ignored: string[] = [];
  const explicit = new Map(Object.entries(mapping).map(([source, field]) => [normaliseHeader(source), field]));
  const aliases = new Map<string, ImportField>();
  for (const field of Object.keys(DEFAULT_ALIASES) as ImportField[]) {
    for (const alias of DEFAULT_ALIASES[field]) aliases.set(normaliseHeader(alias), field);
  }
  header.forEach((text, column) => {
    const key = normaliseHeader(text);
    if (key === '') return;
    const field = explicit.get(key) ?? aliases.get(key);
    if (!field) {
      ignored.push(text);
      return;
    }
    if (columns[field] !== undefined) {
      throw new Error(
        `Dua kolom dipetakan ke "${FIELD_LABELS[field]}": "${header[columns[field]]}" dan "${text}". Perbaiki judul kolom atau berkas pemetaan.`,
      );
    }
    columns[field] = column;
  });
  const missing = REQUIRED_FIELDS.filter((field) => columns[field] === undefined);
  return { columns, ignored, missing };
}
