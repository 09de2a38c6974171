// The hourly integrity check's reconciliation is incremental: a constant number of calls and a few narrow columns
// at any size, yet every kind of disagreement between Register Permohonan and Jejak Audit is still found.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateRegister } from '../../bench/generate';
import { measure, newEmulator } from '../../bench/harness';
import { setUpProgram } from '../../bench/setup';
import type { CellValue, SheetState } from '../../emulator/state';
import { chainRow } from '../../src/core/audit-chain';

/** Far below the program's own batch, so a chain pass takes several runs at these sizes; same code path. */
const BATCH = 500;
const REPAIRED = 'Pemulihan jejak audit';

function world(size: number) {
  const emu = newEmulator();
  const restrictedId = setUpProgram(emu);
  const gen = generateRegister(emu, size, { restrictedId });
  emu.state.scriptProperties.AUDIT_CHECK_BATCH_ROWS = String(BATCH);
  const ss = emu.state.spreadsheets[emu.state.scriptProperties.SPREADSHEET_ID ?? ''];
  const sheet = (name: string): SheetState => {
    const found = ss?.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };
  const header = (name: string) => (sheet(name).values[0] ?? []).map(String);
  const run = () => {
    const exec = emu.run('runIntegrityCheck_', [], { kind: 'TRIGGER' });
    expect(exec.status, exec.error ?? '').toBe('COMPLETED');
    return exec.value as { repaired: number; auditPassDone: boolean; chainOk: boolean };
  };
  /** The repair rows as "<application>: <before> -> <after>". */
  const repairs = () => {
    const audit = sheet('Jejak Audit');
    const at = header('Jejak Audit');
    return audit.values
      .slice(1)
      .filter((r) => r[at.indexOf('Peristiwa')] === REPAIRED)
      .map(
        (r) =>
          `${r[at.indexOf('Nomor Permohonan')]}: ${r[at.indexOf('Status Sebelum')]} -> ${r[at.indexOf('Status Sesudah')]}`,
      );
  };
  /** Sets cells of the register row of application `id`. */
  const editRegister = (id: string, cells: Record<string, CellValue>) => {
    const at = header('Register Permohonan');
    const target = sheet('Register Permohonan').values.find((r) => r[0] === id);
    if (!target) throw new Error(`no register row ${id}`);
    for (const [name, value] of Object.entries(cells)) target[at.indexOf(name)] = value;
  };
  return { emu, gen, sheet, run, repairs, editRegister };
}

function signedDigest(text: string): number[] {
  return [...createHash('sha256').update(text, 'utf8').digest()].map((b) => (b > 127 ? b - 256 : b));
}

describe('incremental reconciliation', () => {
  it('the hourly run makes the same calls at 1,000 and 3,000 applications and never reads whole rows or the whole log', () => {
    const figures = [1000, 3000].map((size) => {
      const { emu, gen } = world(size);
      const m = measure(emu, () => [emu.run('runIntegrityCheck_', [], { kind: 'TRIGGER' })]);
      expect(m.errors).toEqual([]);
      return { size, m, auditRows: gen.auditRows };
    });
    const [small, large] = figures as [(typeof figures)[0], (typeof figures)[0]];
    expect(large.m.calls).toEqual(small.m.calls);
    // Per added application: three register cells and a Data Terbatas row (5); the log's 6 rows add nothing.
    expect(large.m.cells.read - small.m.cells.read).toBeLessThanOrEqual((large.size - small.size) * 9);
    for (const { m, auditRows } of figures) expect(m.cells.read).toBeLessThan(auditRows * 10);
  }, 120_000);

  it('finds a register change whose audit row never came, at the next hourly run, and only once', () => {
    const { emu, run, repairs, editRegister, gen } = world(1000);
    const id = gen.byStatus.get('MENUNGGU_DISPOSISI_KADIS')?.[3] ?? '';
    editRegister(id, {
      Status: 'Didisposisikan ke Kabid Persandian',
      'Kode status': 'DIDISPOSISIKAN_KABID',
      'Diperbarui pada': emu.now(),
    });
    emu.advanceClock(1);
    expect(run().repaired).toBe(1);
    // The log's own last status of it (read from the whole log, as no new row explains the change) is the "before".
    expect(repairs()).toEqual([`${id}: Menunggu disposisi Kepala Dinas -> Didisposisikan ke Kabid Persandian`]);
    expect(run().repaired).toBe(0);
  }, 120_000);

  it('finds an audit row whose change was rolled back (the log says one status, the register another)', () => {
    const { sheet, run, repairs, gen } = world(1000);
    const id = gen.byStatus.get('DITERUSKAN_SANDIMAN')?.[5] ?? '';
    const audit = sheet('Jejak Audit');
    const prev = String(audit.values[audit.values.length - 1]?.[9]);
    const fields = [
      '2026-01-05 08:00:00 WITA',
      id,
      'Diverifikasi Sandiman',
      'sandiman@bolmongkab.go.id',
      'Sandiman',
      'Diteruskan ke Sandiman',
      'Diteruskan ke Verifikator',
      '',
    ];
    audit.values.push([...fields, prev, chainRow(prev, fields, signedDigest)]);
    audit.formulas.push([]);
    audit.numberFormats.push(fields.map(() => '@').concat(['@', '@']));
    audit.maxRows = Math.max(audit.maxRows, audit.values.length);
    expect(run().repaired).toBe(1);
    expect(repairs()).toEqual([`${id}: Diteruskan ke Verifikator -> Diteruskan ke Sandiman`]);
    expect(run().repaired).toBe(0);
  }, 120_000);

  it('a hand edit of the status alone is not seen hour by hour but by the run that ends the chain pass', () => {
    const { run, repairs, editRegister, gen } = world(1000);
    const id = gen.byStatus.get('SERTIFIKAT_TERBIT')?.[7] ?? '';
    editRegister(id, { 'Kode status': 'DITOLAK' });
    const first = run();
    expect(first.auditPassDone).toBe(false);
    expect(first.repaired).toBe(0);
    let last = first;
    for (let i = 0; i < 100 && !last.auditPassDone; i++) last = run();
    expect(last).toMatchObject({ auditPassDone: true, chainOk: true, repaired: 1 });
    expect(repairs()).toEqual([`${id}: Sertifikat terbit -> Ditolak`]);
  }, 120_000);
});
