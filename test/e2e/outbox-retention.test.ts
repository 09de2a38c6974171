// Kotak Keluar is a queue: the flush removes mail sent more than 60 days ago, never a waiting or in-flight one.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../emulator/state';
import { APPLICANT, answers, auditRows, mailsTo, setUp, sheetState } from './harness';
import { issueCertificate, keepClockTriggers } from './lifecycle/lifecycle-harness';

const DAY = 24 * 60 * 60_000;

/** Five applications' mails in Kotak Keluar, all sent; returns the sheet and a setter by data row (0-based). */
function world() {
  const emu = setUp();
  for (let i = 0; i < 5; i++)
    emu.submitForm(
      answers({
        name: `Pemohon ${'ABCDE'[i]}`,
        nik: `710120150885000${i + 1}`,
        nip: `19850815201001100${i + 1}`,
        email: `pemohon.${i + 1}@bolmongkab.go.id`,
      }),
    );
  const sheet = sheetState(emu, 'Kotak Keluar');
  const header = (sheet.values[0] ?? []).map(String);
  const set = (row: number, name: string, value: CellValue) => {
    const cells = sheet.values[row + 1];
    if (!cells) throw new Error(`no outbox row ${row}`);
    cells[header.indexOf(name)] = value;
  };
  const ids = () => sheet.values.slice(1).map((row) => String(row[header.indexOf('ID Surel')]));
  return { emu, sheet, set, ids };
}

const purges = (emu: ReturnType<typeof setUp>) =>
  auditRows(emu).filter((row) => row.Peristiwa === 'Kotak Keluar dibersihkan');

describe('Kotak Keluar retention', () => {
  it('removes mail sent over 60 days ago in blocks, keeps in-flight, waiting and recent rows, logs the count once', () => {
    const { emu, sheet, set, ids } = world();
    expect(sheet.values.length - 1).toBe(5);
    const old = new Date(emu.now().getTime() - 70 * DAY);
    const before = ids();
    set(0, 'Terkirim pada', old);
    set(1, 'Terkirim pada', old);
    set(2, 'Status', 'Sedang dikirim');
    set(2, 'Terkirim pada', old);
    set(3, 'Terkirim pada', old);
    // Row 4 was sent just now: kept.
    const run = emu.run('flushOutbox_', [], { kind: 'TRIGGER' });
    expect(run.status, run.error ?? '').toBe('COMPLETED');
    expect(ids()).toEqual([before[2], before[4]]);
    expect(purges(emu)).toHaveLength(1);
    expect(purges(emu)[0]?.Keterangan).toContain('3 email');
    // Nothing more to remove: no second audit row.
    emu.run('flushOutbox_', [], { kind: 'TRIGGER' });
    expect(purges(emu)).toHaveLength(1);
    expect(emu.run('verifyAuditLog_').status).toBe('COMPLETED');
  });

  it('waits until the oldest is a day past the retention, so it purges about once a day', () => {
    const { emu, set, ids } = world();
    set(0, 'Terkirim pada', new Date(emu.now().getTime() - 60.5 * DAY));
    emu.run('flushOutbox_', [], { kind: 'TRIGGER' });
    expect(ids()).toHaveLength(5);
    expect(purges(emu)).toHaveLength(0);
  });

  it('an outbox an older version kept whole empties in steps: each flush looks at the oldest 5,000 rows only', () => {
    const { emu, sheet, ids } = world();
    const header = (sheet.values[0] ?? []).map(String);
    const old = new Date(emu.now().getTime() - 400 * DAY);
    const template = sheet.values[1] ?? [];
    const archive = Array.from({ length: 6_000 }, (_, i) => {
      const row = [...template];
      row[header.indexOf('ID Surel')] = `M-lama-${i}`;
      row[header.indexOf('Terkirim pada')] = old;
      return row;
    });
    sheet.values.splice(1, 0, ...archive);
    sheet.formulas.splice(1, 0, ...archive.map(() => []));
    sheet.numberFormats.splice(1, 0, ...archive.map(() => header.map(() => '')));
    sheet.maxRows = Math.max(sheet.maxRows, sheet.values.length + 10);
    emu.run('flushOutbox_', [], { kind: 'TRIGGER' });
    expect(ids()).toHaveLength(1_000 + 5);
    emu.run('flushOutbox_', [], { kind: 'TRIGGER' });
    expect(ids()).toHaveLength(5);
    expect(purges(emu).map((row) => String(row.Keterangan).split(' ')[0])).toEqual(['5000', '1000']);
  });

  it('never removes a waiting mail, however old', () => {
    const { emu, set, ids } = world();
    const old = new Date(emu.now().getTime() - 70 * DAY);
    for (let row = 0; row < 5; row++) {
      set(row, 'Status', 'Menunggu');
      set(row, 'Terkirim pada', old);
    }
    emu.faults.exhaustMailQuota();
    emu.run('flushOutbox_', [], { kind: 'TRIGGER' });
    expect(ids()).toHaveLength(5);
    expect(purges(emu)).toHaveLength(0);
  });

  it('an expiry notice whose keyed row was removed is not sent again: Sertifikat Terbit records it', () => {
    const emu = setUp();
    issueCertificate(emu, 'BSRE-2026-000888', '2026-03-10');
    keepClockTriggers(emu, ['runExpiryCheck_']);
    // H-30 falls on 8 February: the notice goes, its outbox rows carry the key.
    emu.advanceClock(35 * 24 * 60);
    const h30 = () => mailsTo(emu, APPLICANT).filter((m) => m.subject.includes('berakhir dalam 30 hari'));
    expect(h30()).toHaveLength(1);
    const sheet = sheetState(emu, 'Kotak Keluar');
    const header = (sheet.values[0] ?? []).map(String);
    const keyed = () => sheet.values.filter((row) => String(row[header.indexOf('Kunci')]).endsWith(':H30'));
    expect(keyed().length).toBeGreaterThan(0);
    // Those rows age past the retention and the flush removes them; the daily check then runs for days more.
    const old = new Date(emu.now().getTime() - 70 * DAY);
    for (const row of sheet.values.slice(1)) row[header.indexOf('Terkirim pada')] = old;
    expect(emu.run('flushOutbox_', [], { kind: 'TRIGGER' }).status).toBe('COMPLETED');
    expect(keyed()).toHaveLength(0);
    const runs = emu.advanceClock(5 * 24 * 60);
    expect(runs.length).toBeGreaterThanOrEqual(5);
    expect(runs.every((r) => r.status === 'COMPLETED')).toBe(true);
    expect(h30()).toHaveLength(1);
  });
});
