// The SOP as data: the seed SOP transcribed, its sheet table form, and the validating reader that lets staff edit it.

import { ACTOR_LABEL_TEXT, SOP_ERRORS as E, SOP_HEADER_LABELS as H, SOP_TABLE_COLUMNS } from './messages/sop';

/** Everyone who acts in an SOP (glossary: People). BSRE is the certificate authority, outside the office. */
export type ActorRole = 'PEMOHON' | 'KEPALA_DINAS' | 'KABID_PERSANDIAN' | 'SANDIMAN' | 'VERIFIKATOR' | 'BSRE';

/** All roles, in the order they first act in the seed SOP. */
export const ACTOR_ROLES: readonly ActorRole[] = [
  'PEMOHON',
  'KEPALA_DINAS',
  'KABID_PERSANDIAN',
  'SANDIMAN',
  'VERIFIKATOR',
  'BSRE',
];

/** How each role is named to people (sheet, mail, pages). */
export const ACTOR_LABELS: Record<ActorRole, string> = ACTOR_LABEL_TEXT;

/**
 * One row of the SOP table.
 * - `id` is the seed's NO: '1', '2', '3', '4a', '4b', '4c', '5'.
 * - `no` is the number part of the id (4 for 4a–4c): the stage. A stage is the unit the time standard measures: the
 *   SLA of a stage runs from the moment its first step becomes current to the moment its last step is done.
 *   The stage's requirements, time standard and output are written on its FIRST step; the later sub-steps carry
 *   `requirements: []`, `timeStandardMinutes: null`, `output: ''` (the seed shows them as one merged cell).
 *   Use sopStages() to get them per stage.
 * - `actors` are the PELAKSANA in the order they act within the step (step 1: the Pemohon submits, then the
 *   Kepala Dinas disposes; step 3: the Sandiman verifies, then the Verifikator submits to BSrE).
 * - `actor` is the last of them: the role whose action completes the step and produces its output, i.e. the role
 *   the step's time standard holds to account.
 */
export interface SopStep {
  id: string;
  no: number;
  activity: string;
  actor: ActorRole;
  actors: ActorRole[];
  requirements: string[];
  timeStandardMinutes: number | null;
  output: string;
  note: string;
}

/** A whole SOP, header and steps; another regency or a revision edits it in the "SOP" sheet, not in code. */
export interface SopDefinition {
  code: string;
  number: string;
  name: string;
  office: { name: string; regency: string; address: string };
  dates: { created: string; revised: string; effective: string };
  approvedBy: string;
  legalBasis: string[];
  qualifications: string[];
  related: string[];
  equipment: string[];
  warnings: string[];
  recordKeeping: string;
  steps: SopStep[];
}

/** A stage: the steps one time standard covers (step 4 = 4a..4c in the seed). */
export interface SopStage {
  no: number;
  stepIds: string[];
  actors: ActorRole[];
  requirements: string[];
  timeStandardMinutes: number | null;
  output: string;
}

const STEP_1_4_REQUIREMENTS_A = [
  'Surat Permohonan',
  'Berkas persyaratan Penerbitan Sertifikat Elektronik',
  'Memiliki email pribadi kedinasan (.go.id) yang aktif',
];

/**
 * The seed SOP 800 /D.19/ Kominfo/ 275 / VII / 2024 of Dinas Kominfo Kabupaten Bolaang Mongondow, transcribed as
 * written (its spelling included: "BSRe", "phasprase", "Pepres"), so the sheet staff see matches the signed paper.
 * The seed's PELAKSANA marks did not survive in the text copy; the actors follow the activity text and the design
 * (docs/reference/design.md, "The people and the flow"). The seed's second table heads one column "KASI
 * PERSANDIAN" where the first says "SANDIMAN"; no step of that table is done by either, so it changes nothing here.
 * Ref: docs/reference/sop-seed-pendaftaran-sertifikat-elektronik.txt
 */
export const SEED_SOP: SopDefinition = {
  code: 'PENERBITAN_BARU',
  number: '800 /D.19/ Kominfo/ 275 / VII / 2024',
  name: 'PENDAFTARAN PENERBITAN SERTIFIKAT ELEKTRONIK',
  office: {
    name: 'DINAS KOMUNIKASI DAN INFORMATIKA',
    regency: 'KABUPATEN BOLAANG MONGONDOW',
    address: 'JALAN TRANS SULAWESI DESA LALOW',
  },
  dates: { created: 'Juni 2024', revised: 'Juli 2024', effective: 'Juli 2024' },
  approvedBy: '',
  legalBasis: [
    'UU 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik',
    'PP No. 71 Tahun 2019 tentang Penyelenggaraan Sistem dan Transaksi Elektronik',
    'Pepres No 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik',
    'Peraturan Bupati Bolaang Mongondow Nomor 47 Tahun 2016 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Dinas Komunikasi dan Informatika Tipe B Kab. Bolaang Mongondow',
  ],
  qualifications: [
    'Mampu mengoperasikan komputer dengan baik',
    'Memiliki kemampuan administrasi umum',
    'Memahami teknis pendaftaran sertifikat elektronik',
  ],
  related: ['SOP Pembuatan Email Dinas'],
  equipment: [
    'Email Pribadi kedinasan (.go.id) yang aktif',
    'Alat Tulis Kantor',
    'Komputer/printer',
    'Jaringan Internet',
  ],
  warnings: [
    'Alamat email pribadi kedinasan (.go.id) yang disebutkan dalam surat rekomendasi penerbitan sertifikat elektronik merupakan email yang aktif dikarenakan untuk verifikasi proses lebih lanjut.',
    'Ketidaksesuaian antara data pada saat aktivasi dengan KTP akan menyebabkan ditolaknya penerbitan sertifikat elektronik pada saat verifikasi oleh BSRe',
  ],
  recordKeeping: 'Disimpan sebagai data pemohon yang sudah menerbitkan sertifikat elektronik',
  steps: [
    {
      id: '1',
      no: 1,
      activity:
        'Pemohon mengajukan surat permohonan pendaftaran sertifikat elektronik dan membawa berkas persyaratan ke Dinas Kominfo',
      actor: 'KEPALA_DINAS',
      actors: ['PEMOHON', 'KEPALA_DINAS'],
      requirements: [...STEP_1_4_REQUIREMENTS_A],
      timeStandardMinutes: 10,
      output: 'Surat Permohonan yang telah didisposisi Kepala Dinas',
      note: '',
    },
    {
      id: '2',
      no: 2,
      activity:
        'Kabid Persandian Menerima disposisi dan meneruskan permohonan pendaftaran sertifikat elektronik ke Sandiman',
      actor: 'KABID_PERSANDIAN',
      actors: ['KABID_PERSANDIAN'],
      requirements: [
        'Surat Permohonan yang telah didisposisi Kepala Dinas',
        'Berkas persyaratan Penerbitan Sertifikat Elektronik',
        'Memiliki email pribadi kedinasan (.go.id) yang aktif',
      ],
      timeStandardMinutes: 10,
      output: 'Surat Permohonan yang telah didisposisi Kepala Bidang Persandian',
      note: '',
    },
    {
      id: '3',
      no: 3,
      activity:
        'Sandiman melakukan verifikasi berkas permohonan dan meneruskan ke verifikator untuk Pengajuan penerbit sertifikat elektronik ke BSRe',
      actor: 'VERIFIKATOR',
      actors: ['SANDIMAN', 'VERIFIKATOR'],
      requirements: [...STEP_1_4_REQUIREMENTS_A],
      timeStandardMinutes: 15,
      output: 'Proses Pengajuan Penerbitan Sertifikat Elektronik',
      note: '',
    },
    {
      id: '4a',
      no: 4,
      activity:
        'pemohon akan mendapatkan username dan password melalui email untuk masuk ke system pendaftaran sertifikat elektronik (ESIGN CLOUD)',
      actor: 'BSRE',
      actors: ['BSRE'],
      requirements: [
        'Email pribadi kedinasan',
        'Sistem pendaftaran sertifikat elektronik BSRe (ESIGN CLOUD)',
        'Sistem pembuatan tanda tangan digital',
      ],
      timeStandardMinutes: 15,
      output: 'Proses pendaftaran dan pembuatan sertifikat elektronik',
      note: 'Waktu 15 menit berlaku untuk seluruh tahap 4 (4a sampai 4c).',
    },
    {
      id: '4b',
      no: 4,
      activity: 'Pemohon melakukan proses pendaftaran dan selanjutnya akan diverifikasi oleh BSRe',
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
      activity:
        'Pemohon akan mendapatkan form untuk setting phasprase untuk proses login tanda tangan digital selanjutnya',
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
      activity: 'BSRe menerbitkan sertifikat elektronik dan pemohon dapat mendownload sertifikat elektronik',
      actor: 'BSRE',
      actors: ['BSRE'],
      requirements: [],
      timeStandardMinutes: null,
      output: 'Sertifikat elektronik',
      note: '',
    },
  ],
};

/** The stage a step id belongs to: its leading number ('4a' -> 4); NaN when the id has none. */
export function stageNumberOf(stepId: string): number {
  const match = /^(\d+)/.exec(stepId);
  return match ? Number(match[1]) : Number.NaN;
}

/**
 * Groups the steps into stages, so SLA code measures each time standard over the right steps: from the start of the
 * stage's first step to the completion of its last (4a..4c for the seed's 15 minutes of step 4).
 */
export function sopStages(sop: SopDefinition): SopStage[] {
  const stages: SopStage[] = [];
  for (const step of sop.steps) {
    const last = stages[stages.length - 1];
    if (last !== undefined && last.no === step.no) {
      last.stepIds.push(step.id);
      for (const a of step.actors) if (!last.actors.includes(a)) last.actors.push(a);
      continue;
    }
    stages.push({
      no: step.no,
      stepIds: [step.id],
      actors: [...step.actors],
      requirements: [...step.requirements],
      timeStandardMinutes: step.timeStandardMinutes,
      output: step.output,
    });
  }
  return stages;
}

const WIDTH = SOP_TABLE_COLUMNS.length;

function padRow(cells: string[]): string[] {
  const row = cells.slice(0, WIDTH);
  while (row.length < WIDTH) row.push('');
  return row;
}

type HeaderKey = keyof typeof H;
type ListKey = 'legalBasis' | 'qualifications' | 'related' | 'equipment' | 'warnings';

const LIST_KEYS: readonly ListKey[] = ['legalBasis', 'qualifications', 'related', 'equipment', 'warnings'];

function headerScalars(sop: SopDefinition): [HeaderKey, string][] {
  return [
    ['code', sop.code],
    ['officeName', sop.office.name],
    ['officeRegency', sop.office.regency],
    ['officeAddress', sop.office.address],
    ['number', sop.number],
    ['created', sop.dates.created],
    ['revised', sop.dates.revised],
    ['effective', sop.dates.effective],
    ['approvedBy', sop.approvedBy],
    ['name', sop.name],
  ];
}

function formatRequirements(items: string[]): string {
  return items.map((item, i) => `(${i + 1}) ${item}`).join('\n');
}

/**
 * The rows of the "SOP" sheet, in the seed's own form: a header block (one label and value per row; a list continues
 * on the following rows with an empty label), a blank row, then the step table
 * NO | KEGIATAN | PELAKSANA | KELENGKAPAN | WAKTU (menit) | OUTPUT | KET. Every row has the same width, as
 * Range.setValues needs. sopFromTable reads it back.
 */
export function sopToTable(sop: SopDefinition): string[][] {
  const rows: string[][] = [];
  for (const [key, value] of headerScalars(sop)) rows.push(padRow([H[key], value]));
  for (const key of LIST_KEYS) {
    const items = sop[key];
    if (items.length === 0) rows.push(padRow([H[key], '']));
    items.forEach((item, i) => {
      rows.push(padRow([i === 0 ? H[key] : '', item]));
    });
    if (key === 'warnings') rows.push(padRow([H.recordKeeping, sop.recordKeeping]));
  }
  rows.push(padRow([]));
  rows.push([...SOP_TABLE_COLUMNS]);
  for (const step of sop.steps) {
    rows.push(
      padRow([
        step.id,
        step.activity,
        step.actors.map((a) => ACTOR_LABELS[a]).join(', '),
        formatRequirements(step.requirements),
        step.timeStandardMinutes === null ? '' : String(step.timeStandardMinutes),
        step.output,
        step.note,
      ]),
    );
  }
  return rows;
}

/** Text of a sheet cell as staff see it: strings trimmed, numbers as digits, dates as yyyy-MM-dd (UTC). */
function cellText(cell: unknown): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return '';
}

function normaliseLabel(text: string): string {
  return text.toUpperCase().replace(/\s+/g, ' ').trim();
}

const ACTOR_ALIASES: Record<string, ActorRole> = {
  PEMOHON: 'PEMOHON',
  'KEPALA DINAS': 'KEPALA_DINAS',
  KADIS: 'KEPALA_DINAS',
  'KABID PERSANDIAN': 'KABID_PERSANDIAN',
  'KEPALA BIDANG PERSANDIAN': 'KABID_PERSANDIAN',
  SANDIMAN: 'SANDIMAN',
  VERIFIKATOR: 'VERIFIKATOR',
  BSRE: 'BSRE',
};

/** Reads an actor name as staff may write it (any case, with or without dots): "Kabid. Persandian", "BSRE". */
function parseActor(name: string): ActorRole | null {
  const key = normaliseLabel(name.replace(/\./g, ' '));
  return ACTOR_ALIASES[key] ?? null;
}

function parseRequirements(text: string): string[] {
  const parts = /\(\d+\)/.test(text) ? text.split(/\(\d+\)/) : text.split(/\r?\n/);
  return parts.map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 0);
}

/** Reads WAKTU: a whole number of minutes ("10", "10 Menit", 10) or empty / "-" for none; undefined if unreadable. */
function parseMinutes(cell: unknown): number | null | undefined {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 ? cell : undefined;
  const text = cellText(cell);
  if (text === '' || /^[-–—]$/.test(text)) return null;
  const match = /^(\d{1,6})\s*(menit)?$/i.exec(text);
  return match ? Number(match[1]) : undefined;
}

const LABEL_TO_KEY = new Map<string, HeaderKey>(
  (Object.keys(H) as HeaderKey[]).map((key) => [normaliseLabel(H[key]), key]),
);

function isListKey(key: HeaderKey): key is ListKey {
  return (LIST_KEYS as readonly string[]).includes(key);
}

/**
 * A "KODE SOP" row after a step table starts the next SOP on the same sheet (one block per service): the table of
 * the SOP being read ends there.
 */
function isNextSopStart(row: string[]): boolean {
  return normaliseLabel(row[0] ?? '') === normaliseLabel(H.code);
}

function isTableHeader(row: string[]): boolean {
  return row.some((c) => normaliseLabel(c) === 'NO') && row.some((c) => normaliseLabel(c) === 'KEGIATAN');
}

/**
 * Reads the "SOP" sheet back into a definition, so an edited sheet (another regency, a revised SOP) changes the
 * workflow without code. When the sheet carries several SOPs (one block per service, see service-sops.ts), this
 * reads the first block: its step table ends at the next "KODE SOP" row. Header rows are found by their labels, table columns by their heads (staff may move
 * columns; KET may be removed). Refuses, with Indonesian messages naming the row: a missing KODE/NOMOR/NAMA SOP,
 * a missing table or column, an unknown actor, a non-numeric WAKTU, a step number that skips, a duplicate step,
 * an empty activity, and a time standard written on a later sub-step of a stage.
 */
export function sopFromTable(rows: unknown[][]): { sop: SopDefinition } | { errors: string[] } {
  const errors: string[] = [];
  const text = rows.map((r) => r.map(cellText));
  const scalars = new Map<HeaderKey, string>();
  const lists: Record<ListKey, string[]> = {
    legalBasis: [],
    qualifications: [],
    related: [],
    equipment: [],
    warnings: [],
  };
  let current: HeaderKey | null = null;
  let tableAt = -1;
  for (let r = 0; r < text.length; r++) {
    const row = text[r]!;
    if (isTableHeader(row)) {
      tableAt = r;
      break;
    }
    const label = row[0] ?? '';
    const value = row[1] ?? '';
    if (label !== '') {
      current = LABEL_TO_KEY.get(normaliseLabel(label)) ?? null;
      if (current === null) continue;
      if (isListKey(current)) {
        if (value !== '') lists[current].push(value);
      } else {
        scalars.set(current, value);
      }
    } else if (value !== '' && current !== null && isListKey(current)) {
      lists[current].push(value);
    }
  }
  for (const key of ['code', 'number', 'name'] as const) {
    if (!scalars.has(key)) errors.push(E.missingHeader(H[key]));
  }
  if (tableAt < 0) return { errors: [...errors, E.missingTable()] };

  const head = text[tableAt]!.map(normaliseLabel);
  const col = (name: string): number => head.findIndex((h) => h === name || h.startsWith(`${name} `));
  const columns = {
    no: col('NO'),
    activity: col('KEGIATAN'),
    actors: col('PELAKSANA'),
    requirements: col('KELENGKAPAN'),
    time: col('WAKTU'),
    output: col('OUTPUT'),
    note: col('KET'),
  };
  for (const [key, name] of [
    ['activity', 'KEGIATAN'],
    ['actors', 'PELAKSANA'],
    ['requirements', 'KELENGKAPAN'],
    ['time', 'WAKTU (menit)'],
    ['output', 'OUTPUT'],
  ] as const) {
    if (columns[key] < 0) errors.push(E.missingColumn(name));
  }
  if (errors.length > 0) return { errors };

  const at = (r: number, c: number): string => (c < 0 ? '' : (text[r]![c] ?? ''));
  const steps: SopStep[] = [];
  const seen = new Set<string>();
  const knownActors = ACTOR_ROLES.map((a) => ACTOR_LABELS[a]);
  for (let r = tableAt + 1; r < text.length; r++) {
    if (isNextSopStart(text[r]!)) break;
    if (text[r]!.every((c) => c === '')) continue;
    const rowNo = r + 1;
    const id = at(r, columns.no).toLowerCase().replace(/\s+/g, '').replace(/\.$/, '');
    if (!/^[1-9]\d*[a-z]?$/.test(id)) {
      errors.push(E.badStepNumber(rowNo, at(r, columns.no)));
      continue;
    }
    if (seen.has(id)) {
      errors.push(E.duplicateStep(rowNo, id));
      continue;
    }
    seen.add(id);
    const activity = at(r, columns.activity);
    if (activity === '') errors.push(E.emptyActivity(rowNo, id));
    const actorNames = at(r, columns.actors)
      .split(/[,;\n/]|\s+dan\s+|→/i)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const actors: ActorRole[] = [];
    for (const name of actorNames) {
      const role = parseActor(name);
      if (role === null) errors.push(E.unknownActor(rowNo, name, knownActors));
      else if (!actors.includes(role)) actors.push(role);
    }
    if (actorNames.length === 0) errors.push(E.noActor(rowNo, id));
    const minutes = parseMinutes(rows[r]![columns.time]);
    if (minutes === undefined) errors.push(E.badTime(rowNo, at(r, columns.time)));
    const step: SopStep = {
      id,
      no: stageNumberOf(id),
      activity,
      actor: actors[actors.length - 1] ?? 'PEMOHON',
      actors,
      requirements: parseRequirements(at(r, columns.requirements)),
      timeStandardMinutes: minutes ?? null,
      output: at(r, columns.output),
      note: at(r, columns.note),
    };
    const previous = steps[steps.length - 1];
    const isLaterSubStep = previous !== undefined && previous.no === step.no;
    if (isLaterSubStep && (step.requirements.length > 0 || step.timeStandardMinutes !== null || step.output !== '')) {
      errors.push(E.timeOnSubStep(rowNo, id, String(step.no)));
    }
    steps.push(step);
  }
  if (steps.length === 0 && errors.length === 0) errors.push(E.noSteps());
  errors.push(...checkNumbering(steps.map((s) => s.id)));
  if (errors.length > 0) return { errors };

  return {
    sop: {
      code: scalars.get('code') ?? '',
      number: scalars.get('number') ?? '',
      name: scalars.get('name') ?? '',
      office: {
        name: scalars.get('officeName') ?? '',
        regency: scalars.get('officeRegency') ?? '',
        address: scalars.get('officeAddress') ?? '',
      },
      dates: {
        created: scalars.get('created') ?? '',
        revised: scalars.get('revised') ?? '',
        effective: scalars.get('effective') ?? '',
      },
      approvedBy: scalars.get('approvedBy') ?? '',
      legalBasis: lists.legalBasis,
      qualifications: lists.qualifications,
      related: lists.related,
      equipment: lists.equipment,
      warnings: lists.warnings,
      recordKeeping: scalars.get('recordKeeping') ?? '',
      steps,
    },
  };
}

/**
 * Step numbers must run 1, 2, 3, ... in order; a stage is either one plain number or sub-steps a, b, c, ... in order.
 * Returns the first gap found, as an error, so a deleted row is caught rather than silently skipped.
 */
function checkNumbering(ids: string[]): string[] {
  let expectedStage = 1;
  let i = 0;
  while (i < ids.length) {
    const id = ids[i]!;
    const stage = stageNumberOf(id);
    const letter = id.slice(String(stage).length);
    if (stage !== expectedStage) return [E.missingStep(String(expectedStage))];
    if (letter === '') {
      i++;
    } else {
      let code = 'a'.charCodeAt(0);
      while (i < ids.length && stageNumberOf(ids[i]!) === stage) {
        const sub = ids[i]!.slice(String(stage).length);
        const want = String.fromCharCode(code);
        if (sub !== want) return [E.missingStep(`${stage}${want}`)];
        code++;
        i++;
      }
    }
    expectedStage++;
  }
  return [];
}
