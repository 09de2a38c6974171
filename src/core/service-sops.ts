// The lifecycle services as SOPs (renewal, passphrase reset, data change, revocation) and the SOP sheet holding every service.

import { SERVICE_SOP_ERRORS } from './messages/lifecycle';
import { SEED_SOP, type SopDefinition, sopFromTable, sopToTable } from './sop';

/** Service codes (glossary "Layanan"); an SOP's KODE SOP is its service's code. */
export type ServiceSopCode = 'PENERBITAN_BARU' | 'PEMBARUAN' | 'RESET_PASSPHRASE' | 'PERUBAHAN_DATA' | 'PENCABUTAN';

/** Every service in the order the Form and the SOP sheet show them. */
export const SERVICE_CODES: readonly ServiceSopCode[] = [
  'PENERBITAN_BARU',
  'PEMBARUAN',
  'RESET_PASSPHRASE',
  'PERUBAHAN_DATA',
  'PENCABUTAN',
];

/** Services that concern a certificate already issued: the serial number is checked when the Form names one. */
export const SERVICES_WITH_CERTIFICATE: readonly ServiceSopCode[] = [
  'PEMBARUAN',
  'RESET_PASSPHRASE',
  'PERUBAHAN_DATA',
  'PENCABUTAN',
];

/** Services that must name the certificate they concern (renewal and revocation act on that certificate). */
export const SERVICES_REQUIRING_CERTIFICATE: readonly ServiceSopCode[] = ['PEMBARUAN', 'PENCABUTAN'];

/**
 * The header the lifecycle SOPs share with the seed: same office, legal basis, qualifications and equipment. Their
 * numbers are drafts: the office gives each its own number when the Kepala Dinas signs it (edited in the SOP sheet).
 */
function lifecycleHeader(
  code: ServiceSopCode,
  name: string,
  warnings: string[],
  recordKeeping: string,
): Omit<SopDefinition, 'steps'> {
  return {
    code,
    number: `Draf ${code} (nomor diisi Dinas setelah disahkan)`,
    name,
    office: { ...SEED_SOP.office },
    dates: { created: '', revised: '', effective: '' },
    approvedBy: '',
    legalBasis: [...SEED_SOP.legalBasis],
    qualifications: [...SEED_SOP.qualifications],
    related: [`SOP ${SEED_SOP.name} (${SEED_SOP.number})`, 'SOP Pembuatan Email Dinas'],
    equipment: [...SEED_SOP.equipment],
    warnings,
    recordKeeping,
  };
}

const EMAIL_ACTIVE = 'Memiliki email pribadi kedinasan (.go.id) yang aktif';

/**
 * Renewal (Pembaruan). Follows the seed's five stages and actors, so an office that knows the seed knows this one.
 * BSrE opens renewal 30 days before expiry (H-30); an expired certificate cannot be renewed and needs a new
 * application (docs/reference/bsre-domain.md §0 and §1.4, AMS Juknis pp. 38–41 as cited there).
 */
export const RENEWAL_SOP: SopDefinition = {
  ...lifecycleHeader(
    'PEMBARUAN',
    'PEMBARUAN SERTIFIKAT ELEKTRONIK',
    [
      'Pembaruan hanya dapat diajukan mulai 30 hari sebelum masa berlaku sertifikat berakhir (H-30). Sertifikat yang sudah kedaluwarsa tidak dapat diperbarui; pemohon mengajukan Penerbitan baru.',
      'Ketidaksesuaian antara data pada saat pembaruan dengan KTP akan menyebabkan ditolaknya pembaruan sertifikat elektronik pada saat verifikasi oleh BSRe',
    ],
    'Disimpan sebagai data pemohon yang sudah memperbarui sertifikat elektronik (nomor seri lama dan baru)',
  ),
  steps: [
    {
      id: '1',
      no: 1,
      activity:
        'Pemohon mengajukan surat permohonan pembaruan sertifikat elektronik paling cepat 30 hari sebelum masa berlaku berakhir, dengan menyebut nomor seri sertifikat yang masih berlaku',
      actor: 'KEPALA_DINAS',
      actors: ['PEMOHON', 'KEPALA_DINAS'],
      requirements: ['Surat Permohonan pembaruan', 'Nomor seri sertifikat elektronik yang masih berlaku', EMAIL_ACTIVE],
      timeStandardMinutes: 10,
      output: 'Surat Permohonan pembaruan yang telah didisposisi Kepala Dinas',
      note: '',
    },
    {
      id: '2',
      no: 2,
      activity: 'Kabid Persandian menerima disposisi dan meneruskan permohonan pembaruan ke Sandiman',
      actor: 'KABID_PERSANDIAN',
      actors: ['KABID_PERSANDIAN'],
      requirements: ['Surat Permohonan pembaruan yang telah didisposisi Kepala Dinas'],
      timeStandardMinutes: 10,
      output: 'Surat Permohonan pembaruan yang telah didisposisi Kepala Bidang Persandian',
      note: '',
    },
    {
      id: '3',
      no: 3,
      activity:
        'Sandiman memeriksa bahwa sertifikat masih berlaku dan data pemohon sesuai KTP, lalu meneruskan ke Verifikator untuk pengajuan pembaruan ke BSRe',
      actor: 'VERIFIKATOR',
      actors: ['SANDIMAN', 'VERIFIKATOR'],
      requirements: ['Surat Permohonan pembaruan', 'Nomor seri sertifikat elektronik yang masih berlaku', EMAIL_ACTIVE],
      timeStandardMinutes: 15,
      output: 'Proses pengajuan pembaruan sertifikat elektronik',
      note: '',
    },
    {
      id: '4a',
      no: 4,
      activity: 'BSRe mengirim pemberitahuan pembaruan ke email pribadi kedinasan pemohon',
      actor: 'BSRE',
      actors: ['BSRE'],
      requirements: ['Email pribadi kedinasan', 'Sistem pendaftaran sertifikat elektronik BSRe'],
      timeStandardMinutes: 15,
      output: 'Proses pembaruan sertifikat elektronik',
      note: 'Waktu 15 menit berlaku untuk seluruh tahap 4 (4a sampai 4c).',
    },
    {
      id: '4b',
      no: 4,
      activity: 'Pemohon melakukan pembaruan pada sistem BSRe dan selanjutnya akan diverifikasi oleh BSRe',
      actor: 'BSRE',
      actors: ['PEMOHON', 'BSRE'],
      requirements: [],
      timeStandardMinutes: null,
      output: '',
      note: '',
    },
    {
      id: '4c',
      no: 4,
      activity: 'Pemohon mengatur passphrase untuk sertifikat yang diperbarui',
      actor: 'PEMOHON',
      actors: ['PEMOHON'],
      requirements: [],
      timeStandardMinutes: null,
      output: '',
      note: '',
    },
    {
      id: '5',
      no: 5,
      activity: 'BSRe menerbitkan sertifikat elektronik yang diperbarui dan pemohon dapat mendownloadnya',
      actor: 'BSRE',
      actors: ['BSRE'],
      requirements: [],
      timeStandardMinutes: null,
      output: 'Sertifikat elektronik yang diperbarui',
      note: '',
    },
  ],
};

/**
 * Passphrase reset. The holder's identity was checked at issuance, so no disposition chain: the Verifikator checks
 * the request and asks BSrE for the reset; BSrE mails a reset link that expires after one day, which the applicant is
 * told (bsre-domain.md §1.1 portal "Sertifikat Saya → Aksi", §1.4; AMS Juknis pp. 44–45 as cited there).
 */
export const PASSPHRASE_RESET_SOP: SopDefinition = {
  ...lifecycleHeader(
    'RESET_PASSPHRASE',
    'RESET PASSPHRASE SERTIFIKAT ELEKTRONIK',
    [
      'Tautan reset passphrase yang dikirim BSRe berlaku 1 hari (24 jam). Bila tautan kedaluwarsa, reset diajukan ulang oleh Verifikator.',
      'Passphrase tidak boleh diberitahukan kepada siapa pun, termasuk petugas Dinas Kominfo; petugas tidak pernah meminta passphrase.',
    ],
    'Disimpan sebagai catatan reset passphrase pada data pemohon yang sudah menerbitkan sertifikat elektronik',
  ),
  steps: [
    {
      id: '1',
      no: 1,
      activity:
        'Pemohon mengajukan permohonan reset passphrase dengan menyebut nomor seri sertifikat; Verifikator memastikan identitas pemohon dan mengajukan reset passphrase ke BSRe',
      actor: 'VERIFIKATOR',
      actors: ['PEMOHON', 'VERIFIKATOR'],
      requirements: ['Surat Permohonan reset passphrase', 'Nomor seri sertifikat elektronik', EMAIL_ACTIVE],
      timeStandardMinutes: 15,
      output: 'Pengajuan reset passphrase ke BSRe',
      note: '',
    },
    {
      id: '2a',
      no: 2,
      activity:
        'BSRe mengirim tautan reset passphrase ke email pribadi kedinasan pemohon; tautan berlaku 1 hari (24 jam)',
      actor: 'BSRE',
      actors: ['BSRE'],
      requirements: ['Email pribadi kedinasan', 'Sistem pendaftaran sertifikat elektronik BSRe'],
      timeStandardMinutes: 15,
      output: 'Passphrase baru sudah diatur pemohon',
      note: 'Waktu 15 menit berlaku untuk seluruh tahap 2 (2a sampai 2b).',
    },
    {
      id: '2b',
      no: 2,
      activity: 'Pemohon mengatur passphrase baru melalui tautan itu sebelum tautan kedaluwarsa',
      actor: 'PEMOHON',
      actors: ['PEMOHON'],
      requirements: [],
      timeStandardMinutes: null,
      output: '',
      note: '',
    },
    {
      id: '3',
      no: 3,
      activity: 'Sertifikat elektronik dapat digunakan kembali dengan passphrase baru',
      actor: 'BSRE',
      actors: ['BSRE'],
      requirements: [],
      timeStandardMinutes: null,
      output: 'Sertifikat elektronik aktif dengan passphrase baru',
      note: '',
    },
  ],
};

/** Data change (Perubahan data): BSrE re-issues the certificate with the new data; same stages as the seed. */
export const DATA_CHANGE_SOP: SopDefinition = {
  ...lifecycleHeader(
    'PERUBAHAN_DATA',
    'PERUBAHAN DATA SERTIFIKAT ELEKTRONIK',
    [
      'Data baru (nama, jabatan, unit kerja atau email dinas) harus didukung dokumen resmi dan sesuai KTP; ketidaksesuaian menyebabkan ditolaknya perubahan oleh BSRe.',
      'Sertifikat dengan data lama tidak digunakan lagi setelah sertifikat dengan data baru terbit.',
    ],
    'Disimpan sebagai data pemohon yang sudah menerbitkan sertifikat elektronik (data lama dan data baru)',
  ),
  steps: [
    {
      id: '1',
      no: 1,
      activity:
        'Pemohon mengajukan surat permohonan perubahan data sertifikat elektronik dengan dokumen pendukung perubahan ke Dinas Kominfo',
      actor: 'KEPALA_DINAS',
      actors: ['PEMOHON', 'KEPALA_DINAS'],
      requirements: [
        'Surat Permohonan perubahan data',
        'Dokumen pendukung perubahan (SK jabatan, SK mutasi, atau KTP terbaru)',
        'Nomor seri sertifikat elektronik yang berlaku',
        EMAIL_ACTIVE,
      ],
      timeStandardMinutes: 10,
      output: 'Surat Permohonan perubahan data yang telah didisposisi Kepala Dinas',
      note: '',
    },
    {
      id: '2',
      no: 2,
      activity: 'Kabid Persandian menerima disposisi dan meneruskan permohonan perubahan data ke Sandiman',
      actor: 'KABID_PERSANDIAN',
      actors: ['KABID_PERSANDIAN'],
      requirements: ['Surat Permohonan perubahan data yang telah didisposisi Kepala Dinas'],
      timeStandardMinutes: 10,
      output: 'Surat Permohonan perubahan data yang telah didisposisi Kepala Bidang Persandian',
      note: '',
    },
    {
      id: '3',
      no: 3,
      activity:
        'Sandiman memverifikasi kesesuaian data baru dengan KTP dan dokumen pendukung, lalu meneruskan ke Verifikator untuk pengajuan perubahan data ke BSRe',
      actor: 'VERIFIKATOR',
      actors: ['SANDIMAN', 'VERIFIKATOR'],
      requirements: [
        'Surat Permohonan perubahan data',
        'Dokumen pendukung perubahan (SK jabatan, SK mutasi, atau KTP terbaru)',
        EMAIL_ACTIVE,
      ],
      timeStandardMinutes: 15,
      output: 'Proses pengajuan perubahan data sertifikat elektronik',
      note: '',
    },
    {
      id: '4a',
      no: 4,
      activity: 'BSRe mengirim pemberitahuan pendaftaran data baru ke email pribadi kedinasan pemohon',
      actor: 'BSRE',
      actors: ['BSRE'],
      requirements: ['Email pribadi kedinasan', 'Sistem pendaftaran sertifikat elektronik BSRe'],
      timeStandardMinutes: 15,
      output: 'Proses pendaftaran data baru dan pembuatan sertifikat elektronik',
      note: 'Waktu 15 menit berlaku untuk seluruh tahap 4 (4a sampai 4c).',
    },
    {
      id: '4b',
      no: 4,
      activity: 'Pemohon memperbarui data pada sistem BSRe dan selanjutnya akan diverifikasi oleh BSRe',
      actor: 'BSRE',
      actors: ['PEMOHON', 'BSRE'],
      requirements: [],
      timeStandardMinutes: null,
      output: '',
      note: '',
    },
    {
      id: '4c',
      no: 4,
      activity: 'Pemohon mengatur passphrase untuk sertifikat dengan data baru',
      actor: 'PEMOHON',
      actors: ['PEMOHON'],
      requirements: [],
      timeStandardMinutes: null,
      output: '',
      note: '',
    },
    {
      id: '5',
      no: 5,
      activity: 'BSRe menerbitkan sertifikat elektronik dengan data baru dan pemohon dapat mendownloadnya',
      actor: 'BSRE',
      actors: ['BSRE'],
      requirements: [],
      timeStandardMinutes: null,
      output: 'Sertifikat elektronik dengan data baru',
      note: '',
    },
  ],
};

/**
 * Revocation (Pencabutan), with a reason: retirement, transfer, death, compromised key, other. No Sandiman check of
 * files: the Kabid forwards straight to the Verifikator, who asks BSrE to revoke; the certificate is then marked
 * "Dicabut" in Sertifikat Terbit. A compromised key is the urgent case the short time standards serve.
 */
export const REVOCATION_SOP: SopDefinition = {
  ...lifecycleHeader(
    'PENCABUTAN',
    'PENCABUTAN SERTIFIKAT ELEKTRONIK',
    [
      'Bila kunci privat atau passphrase diketahui orang lain atau disalahgunakan, pencabutan diproses segera pada hari yang sama.',
      'Sertifikat yang sudah dicabut tidak dapat digunakan dan tidak dapat diaktifkan kembali; pemegang yang masih memerlukan TTE mengajukan Penerbitan baru.',
    ],
    'Disimpan sebagai data sertifikat elektronik yang dicabut beserta alasannya',
  ),
  steps: [
    {
      id: '1',
      no: 1,
      activity:
        'Pemohon (atau atasan langsung bila pemegang berhalangan tetap) mengajukan surat permohonan pencabutan sertifikat elektronik dengan alasan pencabutan; Kepala Dinas mendisposisi',
      actor: 'KEPALA_DINAS',
      actors: ['PEMOHON', 'KEPALA_DINAS'],
      requirements: [
        'Surat Permohonan pencabutan',
        'Nomor seri sertifikat elektronik',
        'Alasan pencabutan dan bukti pendukung (SK pensiun, SK mutasi, surat keterangan kematian, atau laporan penyalahgunaan)',
      ],
      timeStandardMinutes: 10,
      output: 'Surat Permohonan pencabutan yang telah didisposisi Kepala Dinas',
      note: '',
    },
    {
      id: '2',
      no: 2,
      activity:
        'Kabid Persandian menerima disposisi dan meneruskan ke Verifikator, yang mengajukan pencabutan sertifikat elektronik ke BSRe',
      actor: 'VERIFIKATOR',
      actors: ['KABID_PERSANDIAN', 'VERIFIKATOR'],
      requirements: [
        'Surat Permohonan pencabutan yang telah didisposisi Kepala Dinas',
        'Nomor seri sertifikat elektronik',
      ],
      timeStandardMinutes: 10,
      output: 'Pengajuan pencabutan sertifikat elektronik ke BSRe',
      note: '',
    },
    {
      id: '3',
      no: 3,
      activity: 'BSRe memproses pencabutan sertifikat elektronik',
      actor: 'BSRE',
      actors: ['BSRE'],
      requirements: ['Sistem pendaftaran sertifikat elektronik BSRe'],
      timeStandardMinutes: 15,
      output: 'Sertifikat elektronik dicabut oleh BSRe',
      note: '',
    },
    {
      id: '4',
      no: 4,
      activity: 'Verifikator mencatat pencabutan pada daftar Sertifikat Terbit dan memberi tahu pemohon',
      actor: 'VERIFIKATOR',
      actors: ['VERIFIKATOR'],
      requirements: [],
      timeStandardMinutes: null,
      output: 'Status sertifikat "Dicabut" tercatat',
      note: '',
    },
  ],
};

/** Every service's built-in SOP; the SOP sheet, once seeded with them, is what the program reads. */
export const SERVICE_SOPS: Readonly<Record<ServiceSopCode, SopDefinition>> = {
  PENERBITAN_BARU: SEED_SOP,
  PEMBARUAN: RENEWAL_SOP,
  RESET_PASSPHRASE: PASSPHRASE_RESET_SOP,
  PERUBAHAN_DATA: DATA_CHANGE_SOP,
  PENCABUTAN: REVOCATION_SOP,
};

/** True for a known service code (KODE SOP). */
export function isServiceCode(code: string): code is ServiceSopCode {
  return (SERVICE_CODES as readonly string[]).includes(code);
}

/**
 * The SOP sheet with every service: one block per SOP in the seed's own form (sopToTable), separated by a blank row.
 * The seed comes first so a reader of one SOP (sopFromTable) still gets the new-issuance SOP.
 */
export function sopsToTable(sops: readonly SopDefinition[]): string[][] {
  const rows: string[][] = [];
  sops.forEach((sop, i) => {
    const block = sopToTable(sop);
    if (i > 0) rows.push(block[0]!.map(() => ''));
    rows.push(...block);
  });
  return rows;
}

function cellLabel(cell: unknown): string {
  return typeof cell === 'string' ? cell.toUpperCase().replace(/\s+/g, ' ').trim() : '';
}

/**
 * Reads every SOP block of the SOP sheet. A block starts at a "KODE SOP" row; each is read by sopFromTable with the
 * rows above it blanked, so every error still names the real sheet row. Refuses an unknown or repeated KODE SOP.
 */
export function sopsFromTable(rows: unknown[][]): { sops: SopDefinition[] } | { errors: string[] } {
  const codeLabel = cellLabel(sopToTable(SEED_SOP)[0]![0]);
  const starts = rows.flatMap((row, i) => (cellLabel(row[0]) === codeLabel ? [i] : []));
  if (starts.length <= 1) {
    const one = sopFromTable(rows);
    if ('errors' in one) return one;
    return isServiceCode(one.sop.code)
      ? { sops: [one.sop] }
      : { errors: [SERVICE_SOP_ERRORS.unknownCode(one.sop.code, SERVICE_CODES)] };
  }
  const errors: string[] = [];
  const sops: SopDefinition[] = [];
  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? rows.length;
    const block = rows.slice(0, end).map((row, i) => (i < start ? [] : row));
    const parsed = sopFromTable(block);
    if ('errors' in parsed) {
      errors.push(...parsed.errors);
      return;
    }
    const code = parsed.sop.code;
    if (!isServiceCode(code)) errors.push(SERVICE_SOP_ERRORS.unknownCode(code, SERVICE_CODES));
    else if (sops.some((s) => s.code === code)) errors.push(SERVICE_SOP_ERRORS.duplicateCode(code, start + 1));
    else sops.push(parsed.sop);
  });
  return errors.length > 0 ? { errors } : { sops };
}

/**
 * The SOP a service follows: the sheet's block for it, else the built-in definition (a sheet seeded before the
 * lifecycle services existed has only the seed; setup appends the missing blocks).
 */
export function sopForService(sops: readonly SopDefinition[], service: string): SopDefinition {
  const fromSheet = sops.find((s) => s.code === service);
  if (fromSheet) return fromSheet;
  return isServiceCode(service) ? SERVICE_SOPS[service] : (sops[0] ?? SEED_SOP);
}

/** The built-in SOPs a sheet lacks, in service order (what setup appends to an older SOP sheet). */
export function missingServiceSops(sops: readonly SopDefinition[]): SopDefinition[] {
  return SERVICE_CODES.filter((code) => !sops.some((s) => s.code === code)).map((code) => SERVICE_SOPS[code]);
}
