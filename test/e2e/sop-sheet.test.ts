// The SOP as data: the "SOP" sheet in the seed's table form drives the workflow; editing it changes it without code.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator';
import { APPLICANT, act, answers, KADIS, mailsTo, registerRows, setUp } from './harness';

/** Staff edit one cell of the SOP step table: the row whose NO is `no`, the column headed `column`. */
function editSop(emu: Emulator, no: string, column: string, value: string): void {
  const ss = emu.state.spreadsheets[emu.state.scriptProperties.SPREADSHEET_ID ?? ''];
  const sheet = ss?.sheets.find((s) => s.name === 'SOP');
  const header = sheet?.values.find((r) => r[0] === 'NO');
  const row = sheet?.values.find((r) => r[0] === no);
  const index = header?.findIndex((cell) => String(cell).startsWith(column)) ?? -1;
  if (!row || index < 0) throw new Error(`no SOP cell ${no}/${column}`);
  row[index] = value;
}

describe('the SOP sheet', () => {
  it('is written in the seed table form: steps, actors, requirements, time standards 10, 10, 15, 15, outputs', () => {
    const emu = setUp();
    const all = emu.sheetDisplayValues('SOP');
    // The seed comes first; the lifecycle services' SOPs follow, each from its own "KODE SOP" row.
    const next = all.findIndex((r, i) => i > 0 && r[0] === 'KODE SOP');
    const rows = next < 0 ? all : all.slice(0, next);
    expect(all.filter((r) => r[0] === 'KODE SOP').map((r) => r[1])).toEqual([
      'PENERBITAN_BARU',
      'PEMBARUAN',
      'RESET_PASSPHRASE',
      'PERUBAHAN_DATA',
      'PENCABUTAN',
    ]);
    const header = rows.find((r) => r[0] === 'NO') ?? [];
    expect(header.slice(0, 6)).toEqual(['NO', 'KEGIATAN', 'PELAKSANA', 'KELENGKAPAN', 'WAKTU (menit)', 'OUTPUT']);
    const time = header.indexOf('WAKTU (menit)');
    const steps = rows.filter((r) => /^\d[a-z]?$/.test(r[0] ?? ''));
    expect(steps.map((r) => [r[0], r[time]])).toEqual([
      ['1', '10'],
      ['2', '10'],
      ['3', '15'],
      ['4a', '15'],
      ['4b', ''],
      ['4c', ''],
      ['5', ''],
    ]);
    expect(rows.map((r) => r[0])).toContain('PERINGATAN');
  });

  it('a time standard changed in the sheet changes when the reminder comes, without code', () => {
    const emu = setUp();
    editSop(emu, '1', 'WAKTU', '30');
    emu.submitForm(answers());
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    emu.advanceClock(25);
    expect(mailsTo(emu, KADIS).filter((m) => m.subject.includes('Pengingat'))).toHaveLength(0);
    emu.advanceClock(10);
    expect(mailsTo(emu, KADIS).filter((m) => m.subject.includes('Pengingat'))).toHaveLength(1);
    act(emu, KADIS, { action: 'DISPOSE', toEmail: '', instruction: 'ok' });
    expect(registerRows(emu)[0]?.['Tahap 1']).toBe('Terlambat (35 menit kerja)');
  });

  it('an unreadable SOP sheet stops events with a clear message and changes nothing', () => {
    const emu = setUp();
    editSop(emu, '2', 'WAKTU', 'sepuluh');
    const submitted = emu.submitForm(answers());
    expect(submitted.executions[0]?.status).toBe('FAILED');
    expect(submitted.executions[0]?.error).toContain('Sheet "SOP" tidak dapat dibaca');
    expect(registerRows(emu)).toHaveLength(0);
    // Fixed in the sheet: the retry trigger takes the waiting response.
    editSop(emu, '2', 'WAKTU', '10');
    emu.advanceClock(16);
    expect(registerRows(emu)).toHaveLength(1);
  });
});
