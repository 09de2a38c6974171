// Tests for the SOP as data: the seed transcription, stages (step 4 = 4a..4c), the sheet table and its validating reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTOR_LABELS,
  ACTOR_ROLES,
  type ActorRole,
  SEED_SOP,
  type SopDefinition,
  type SopStep,
  sopFromTable,
  sopStages,
  sopToTable,
  stageNumberOf,
} from '../../src/core/sop';

function tableRowIndex(rows: string[][], id: string): number {
  return rows.findIndex((r) => r[0] === id);
}

function errorsOf(rows: unknown[][]): string[] {
  const out = sopFromTable(rows);
  if ('sop' in out) throw new Error('expected errors');
  return out.errors;
}

describe('SEED_SOP', () => {
  it('carries the seed header', () => {
    expect(SEED_SOP.code).toBe('PENERBITAN_BARU');
    expect(SEED_SOP.number).toBe('800 /D.19/ Kominfo/ 275 / VII / 2024');
    expect(SEED_SOP.name).toBe('PENDAFTARAN PENERBITAN SERTIFIKAT ELEKTRONIK');
    expect(SEED_SOP.dates).toEqual({ created: 'Juni 2024', revised: 'Juli 2024', effective: 'Juli 2024' });
    expect(SEED_SOP.related).toEqual(['SOP Pembuatan Email Dinas']);
    expect(SEED_SOP.legalBasis).toHaveLength(4);
    expect(SEED_SOP.qualifications).toHaveLength(3);
    expect(SEED_SOP.equipment).toEqual([
      'Email Pribadi kedinasan (.go.id) yang aktif',
      'Alat Tulis Kantor',
      'Komputer/printer',
      'Jaringan Internet',
    ]);
    expect(SEED_SOP.warnings).toHaveLength(2);
    expect(SEED_SOP.warnings[1]).toContain('KTP');
    expect(SEED_SOP.recordKeeping).toBe('Disimpan sebagai data pemohon yang sudah menerbitkan sertifikat elektronik');
  });
  it('has steps 1, 2, 3, 4a, 4b, 4c, 5 with the seed time standards 10, 10, 15, 15', () => {
    expect(SEED_SOP.steps.map((s) => s.id)).toEqual(['1', '2', '3', '4a', '4b', '4c', '5']);
    expect(SEED_SOP.steps.map((s) => s.timeStandardMinutes)).toEqual([10, 10, 15, 15, null, null, null]);
    expect(SEED_SOP.steps.map((s) => s.no)).toEqual([1, 2, 3, 4, 4, 4, 5]);
  });
  it('names the acting roles in order, the last completing the step', () => {
    const byId = Object.fromEntries(SEED_SOP.steps.map((s) => [s.id, s]));
    expect(byId['1']!.actors).toEqual(['PEMOHON', 'KEPALA_DINAS']);
    expect(byId['2']!.actors).toEqual(['KABID_PERSANDIAN']);
    expect(byId['3']!.actors).toEqual(['SANDIMAN', 'VERIFIKATOR']);
    expect(byId['5']!.actor).toBe('BSRE');
    for (const s of SEED_SOP.steps) expect(s.actor).toBe(s.actors[s.actors.length - 1]);
  });
  it('keeps the outputs of the seed', () => {
    expect(SEED_SOP.steps.map((s) => s.output)).toEqual([
      'Surat Permohonan yang telah didisposisi Kepala Dinas',
      'Surat Permohonan yang telah didisposisi Kepala Bidang Persandian',
      'Proses Pengajuan Penerbitan Sertifikat Elektronik',
      'Proses pendaftaran dan pembuatan sertifikat elektronik',
      '',
      '',
      'Sertifikat elektronik',
    ]);
    expect(SEED_SOP.steps[0]!.requirements).toEqual([
      'Surat Permohonan',
      'Berkas persyaratan Penerbitan Sertifikat Elektronik',
      'Memiliki email pribadi kedinasan (.go.id) yang aktif',
    ]);
  });
  it('labels the actors in Indonesian', () => {
    expect(ACTOR_LABELS).toEqual({
      PEMOHON: 'Pemohon',
      KEPALA_DINAS: 'Kepala Dinas',
      KABID_PERSANDIAN: 'Kabid Persandian',
      SANDIMAN: 'Sandiman',
      VERIFIKATOR: 'Verifikator',
      BSRE: 'BSrE',
    });
  });
});

describe('sopStages', () => {
  it('measures step 4 over 4a..4c as one 15-minute stage', () => {
    const stages = sopStages(SEED_SOP);
    expect(stages.map((s) => [s.no, s.stepIds, s.timeStandardMinutes])).toEqual([
      [1, ['1'], 10],
      [2, ['2'], 10],
      [3, ['3'], 15],
      [4, ['4a', '4b', '4c'], 15],
      [5, ['5'], null],
    ]);
    expect(stages[3]!.actors).toEqual(['BSRE', 'PEMOHON']);
    expect(stages[3]!.output).toBe('Proses pendaftaran dan pembuatan sertifikat elektronik');
  });
  it('stageNumberOf reads the leading number', () => {
    expect(stageNumberOf('4c')).toBe(4);
    expect(stageNumberOf('12')).toBe(12);
    expect(Number.isNaN(stageNumberOf('x'))).toBe(true);
  });
});

describe('sopToTable', () => {
  const rows = sopToTable(SEED_SOP);
  it('is rectangular, seven columns wide', () => {
    for (const r of rows) expect(r).toHaveLength(7);
  });
  it('shows the header block and the table in the seed form', () => {
    expect(rows.find((r) => r[0] === 'NOMOR SOP')![1]).toBe('800 /D.19/ Kominfo/ 275 / VII / 2024');
    expect(rows.find((r) => r[0] === 'TGL. PEMBUATAN')![1]).toBe('Juni 2024');
    expect(rows.find((r) => r[0] === 'KETERKAITAN')![1]).toBe('SOP Pembuatan Email Dinas');
    expect(rows).toContainEqual(['NO', 'KEGIATAN', 'PELAKSANA', 'KELENGKAPAN', 'WAKTU (menit)', 'OUTPUT', 'KET']);
    const one = rows[tableRowIndex(rows, '1')]!;
    expect(one[2]).toBe('Pemohon, Kepala Dinas');
    expect(one[3]).toBe(
      '(1) Surat Permohonan\n(2) Berkas persyaratan Penerbitan Sertifikat Elektronik\n(3) Memiliki email pribadi kedinasan (.go.id) yang aktif',
    );
    expect(one[4]).toBe('10');
    expect(rows[tableRowIndex(rows, '4b')]!.slice(3, 6)).toEqual(['', '', '']);
  });
});

describe('sopFromTable', () => {
  it('reads the seed back exactly', () => {
    expect(sopFromTable(sopToTable(SEED_SOP))).toEqual({ sop: SEED_SOP });
  });
  it('reads cells as Sheets returns them: numbers, "10 Menit", "-", extra spaces, any case, aliases', () => {
    const rows: unknown[][] = sopToTable(SEED_SOP);
    const i1 = tableRowIndex(rows as string[][], '1');
    rows[i1] = [1, '  Pemohon mengajukan  ', 'PEMOHON dan KEPALA DINAS', '(1) A (2) B', '10 Menit', 'Out', ''];
    const i2 = tableRowIndex(rows as string[][], '2');
    rows[i2]![2] = 'Kepala Bidang Persandian';
    rows[i2]![4] = 12;
    const i5 = tableRowIndex(rows as string[][], '5');
    rows[i5]![4] = '-';
    rows[i5]![2] = 'BSRE';
    const out = sopFromTable(rows);
    expect('sop' in out).toBe(true);
    if (!('sop' in out)) return;
    const [s1, s2] = out.sop.steps;
    expect(s1).toMatchObject({
      id: '1',
      activity: 'Pemohon mengajukan',
      actors: ['PEMOHON', 'KEPALA_DINAS'],
      requirements: ['A', 'B'],
      timeStandardMinutes: 10,
    });
    expect(s2).toMatchObject({ actor: 'KABID_PERSANDIAN', timeStandardMinutes: 12 });
    expect(out.sop.steps[6]).toMatchObject({ actor: 'BSRE', timeStandardMinutes: null });
  });
  it('finds moved columns by their heads and tolerates a missing KET column', () => {
    const rows = sopToTable(SEED_SOP);
    const head = rows.findIndex((r) => r[0] === 'NO');
    const perm = [5, 0, 2, 1, 4, 3];
    const moved = rows.map((r, i) => (i < head ? r : perm.map((c) => r[c]!)));
    const out = sopFromTable(moved);
    expect('sop' in out).toBe(true);
    if ('sop' in out) {
      expect(out.sop.steps.map((s) => s.note)).toEqual(['', '', '', '', '', '', '']);
      expect(out.sop.steps.map((s) => s.timeStandardMinutes)).toEqual([10, 10, 15, 15, null, null, null]);
    }
  });
  it('ignores unknown rows in the header block and blank rows in the table', () => {
    const rows: unknown[][] = sopToTable(SEED_SOP);
    rows.unshift(['SOP PENDAFTARAN PENERBITAN SERTIFIKAT ELEKTRONIK']);
    rows.push(['', '', '', '', '', '', '']);
    expect(sopFromTable(rows)).toEqual({ sop: SEED_SOP });
  });
  it('refuses an unknown actor, naming the row and the known actors', () => {
    const rows = sopToTable(SEED_SOP);
    const i = tableRowIndex(rows, '2');
    rows[i]![2] = 'Kasi Persandian';
    const errors = errorsOf(rows);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBe(
      `Baris ${i + 1}: pelaksana "Kasi Persandian" tidak dikenal. Gunakan salah satu dari: Pemohon, Kepala Dinas, Kabid Persandian, Sandiman, Verifikator, BSrE.`,
    );
  });
  it.each(['sepuluh', '10.5', '-3', '1 jam', '10 detik'])('refuses WAKTU %j', (value) => {
    const rows = sopToTable(SEED_SOP);
    const i = tableRowIndex(rows, '3');
    rows[i]![4] = value;
    expect(errorsOf(rows)).toEqual([
      `Baris ${i + 1}: WAKTU "${value}" bukan angka menit. Tulis angka bulat, misalnya 10, atau kosongkan jika tidak ada standar waktu.`,
    ]);
  });
  it('refuses a numeric WAKTU that is negative or fractional', () => {
    const rows: unknown[][] = sopToTable(SEED_SOP);
    rows[tableRowIndex(rows as string[][], '3')]![4] = 2.5;
    expect(errorsOf(rows)).toHaveLength(1);
  });
  it('refuses a missing step, a missing sub-step and a duplicate step', () => {
    const rows = sopToTable(SEED_SOP);
    expect(errorsOf(rows.filter((r) => r[0] !== '2'))).toEqual([
      'Langkah 2 tidak ada. Nomor langkah harus berurutan tanpa loncatan.',
    ]);
    expect(errorsOf(rows.filter((r) => r[0] !== '4b'))).toEqual([
      'Langkah 4b tidak ada. Nomor langkah harus berurutan tanpa loncatan.',
    ]);
    expect(errorsOf(rows.filter((r) => r[0] !== '1'))).toEqual([
      'Langkah 1 tidak ada. Nomor langkah harus berurutan tanpa loncatan.',
    ]);
    const dup = [...rows, [...rows[tableRowIndex(rows, '5')]!]];
    expect(errorsOf(dup)).toEqual([`Baris ${dup.length}: langkah 5 tertulis lebih dari sekali.`]);
  });
  it('refuses a bad step number, an empty activity and an empty PELAKSANA', () => {
    const rows = sopToTable(SEED_SOP);
    const i = tableRowIndex(rows, '5');
    const bad = rows.map((r) => [...r]);
    bad[i]![0] = 'lima';
    expect(errorsOf(bad)[0]).toContain('NO "lima" tidak sah');
    const empty = rows.map((r) => [...r]);
    empty[i]![1] = '';
    empty[i]![2] = '';
    expect(errorsOf(empty)).toEqual([
      `Baris ${i + 1}: KEGIATAN langkah 5 kosong.`,
      `Baris ${i + 1}: PELAKSANA langkah 5 kosong.`,
    ]);
  });
  it('refuses a time standard written on a later sub-step', () => {
    const rows = sopToTable(SEED_SOP);
    const i = tableRowIndex(rows, '4b');
    rows[i]![4] = '5';
    expect(errorsOf(rows)).toEqual([
      `Baris ${i + 1}: WAKTU, KELENGKAPAN dan OUTPUT tahap 4 ditulis pada baris pertama tahap itu saja, bukan pada langkah 4b.`,
    ]);
  });
  it('refuses a sheet without the table, without a column, or without NOMOR SOP', () => {
    const rows = sopToTable(SEED_SOP);
    const head = rows.findIndex((r) => r[0] === 'NO');
    expect(errorsOf(rows.slice(0, head))).toEqual([
      'Tabel langkah tidak ditemukan. Baris judul tabel harus berisi kolom NO | KEGIATAN | PELAKSANA | KELENGKAPAN | WAKTU (menit) | OUTPUT | KET.',
    ]);
    const noTime = rows.map((r) => [...r]);
    noTime[head]![4] = 'DURASI';
    expect(errorsOf(noTime)).toEqual(['Kolom "WAKTU (menit)" tidak ada pada baris judul tabel langkah SOP.']);
    expect(errorsOf(rows.filter((r) => r[0] !== 'NOMOR SOP'))).toEqual([
      'Baris "NOMOR SOP" tidak ditemukan di bagian atas lembar SOP. Tambahkan baris itu.',
    ]);
    expect(errorsOf(rows.slice(0, head + 1))).toEqual(['Tabel langkah SOP kosong. Isi paling sedikit satu langkah.']);
  });
  it('tolerates junk cell types', () => {
    const rows: unknown[][] = sopToTable(SEED_SOP);
    rows[0]![5] = { x: 1 };
    rows[1]![6] = null;
    rows[2]![4] = new Date(Number.NaN);
    expect(sopFromTable(rows)).toEqual({ sop: SEED_SOP });
  });
});

const word = fc.stringMatching(/^[A-Za-z0-9.:/'&-]{1,8}$/);
const phrase = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const cellArb = fc.oneof(
  fc.constant(''),
  fc.string().map((s) => s.trim()),
  phrase,
);
const itemArb = fc.oneof(
  phrase,
  fc
    .string({ minLength: 1 })
    .map((s) => s.replace(/[\s()]+/g, ' ').trim())
    .filter((s) => s !== ''),
);
const actorsArb = fc.uniqueArray(fc.constantFrom(...ACTOR_ROLES), { minLength: 1, maxLength: 3 });

function stepArb(no: number, id: string, first: boolean): fc.Arbitrary<SopStep> {
  return fc
    .record({
      activity: fc.oneof(
        phrase,
        fc
          .string({ minLength: 1 })
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      ),
      actors: actorsArb,
      requirements: first ? fc.array(itemArb, { maxLength: 4 }) : fc.constant<string[]>([]),
      time: first ? fc.option(fc.integer({ min: 0, max: 100000 }), { nil: null }) : fc.constant(null),
      output: first ? cellArb : fc.constant(''),
      note: cellArb,
    })
    .map((r) => ({
      id,
      no,
      activity: r.activity,
      actor: r.actors[r.actors.length - 1] as ActorRole,
      actors: r.actors,
      requirements: r.requirements,
      timeStandardMinutes: r.time,
      output: r.output,
      note: r.note,
    }));
}

const stepsArb: fc.Arbitrary<SopStep[]> = fc
  .array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 7 })
  .chain((subCounts) =>
    fc.tuple(
      ...subCounts.flatMap((count, i) => {
        const no = i + 1;
        if (count < 2) return [stepArb(no, String(no), true)];
        return Array.from({ length: count }, (_, k) => stepArb(no, `${no}${String.fromCharCode(97 + k)}`, k === 0));
      }),
    ),
  );

const sopArb: fc.Arbitrary<SopDefinition> = fc.record({
  code: cellArb,
  number: cellArb,
  name: cellArb,
  office: fc.record({ name: cellArb, regency: cellArb, address: cellArb }),
  dates: fc.record({ created: cellArb, revised: cellArb, effective: cellArb }),
  approvedBy: cellArb,
  legalBasis: fc.array(itemArb, { maxLength: 4 }),
  qualifications: fc.array(itemArb, { maxLength: 4 }),
  related: fc.array(itemArb, { maxLength: 3 }),
  equipment: fc.array(itemArb, { maxLength: 4 }),
  warnings: fc.array(itemArb, { maxLength: 3 }),
  recordKeeping: cellArb,
  steps: stepsArb,
});

describe('round trip (property)', () => {
  it('sopFromTable(sopToTable(sop)) gives the same SOP back', () => {
    fc.assert(
      fc.property(sopArb, (sop) => {
        expect(sopFromTable(sopToTable(sop))).toEqual({ sop });
      }),
      { numRuns: 300 },
    );
  });
  it('the table is always rectangular', () => {
    fc.assert(
      fc.property(sopArb, (sop) => {
        for (const r of sopToTable(sop)) expect(r).toHaveLength(7);
      }),
    );
  });
  it('deleting a step row is refused unless it was the last step of its stage or of the SOP (no silent gap)', () => {
    fc.assert(
      fc.property(sopArb, fc.nat(), (sop, pick) => {
        const rows = sopToTable(sop);
        const head = rows.findIndex((r) => r[0] === 'NO');
        const k = pick % sop.steps.length;
        const out = sopFromTable(rows.filter((_, i) => i !== head + 1 + k));
        const removed = sop.steps[k]!;
        const next = sop.steps[k + 1];
        const lastOfStage = next === undefined || next.no !== removed.no;
        const stageHasOthers = sop.steps.some((s, i) => i !== k && s.no === removed.no);
        const lastStage = removed.no === sop.steps[sop.steps.length - 1]!.no;
        const silentOk = lastOfStage && (stageHasOthers || lastStage) && sop.steps.length > 1;
        if ('sop' in out) {
          expect(silentOk).toBe(true);
          expect(out.sop.steps).toEqual(sop.steps.filter((_, i) => i !== k));
        } else {
          expect(silentOk).toBe(false);
        }
      }),
    );
  });
});
