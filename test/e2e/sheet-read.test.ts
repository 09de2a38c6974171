// Reading sheets by sheet-qualified ranges: a missing sheet or column still stops the event by name; a narrow Pengaturan still reads.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator';
import {
  APPLICANT,
  act,
  answers,
  auditRows,
  KABID,
  KADIS,
  lastMailTo,
  mailsTo,
  post,
  registerRows,
  setUp,
  sheetState,
  tokenOf,
  webLinks,
} from './harness';

function waitingForKadis(): { emu: Emulator; token: string } {
  const emu = setUp();
  emu.submitForm(answers());
  act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
  return { emu, token: tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '') };
}

const DISPOSE = { action: 'DISPOSE', toEmail: '', instruction: 'Proses' };

describe('sheet reads by name', () => {
  it('a renamed register sheet stops the link with the sheet named, and nothing is written', () => {
    const { emu, token } = waitingForKadis();
    sheetState(emu, 'Register Permohonan').name = 'Register lama';
    const audits = auditRows(emu).length;
    const page = emu.doGet({ query: { t: token }, user: KADIS });
    expect(page.content).toContain('Sheet &quot;Register Permohonan&quot; tidak ditemukan');
    const posted = post(emu, token, DISPOSE, KADIS);
    expect(posted.content).toContain('Sheet &quot;Register Permohonan&quot; tidak ditemukan');
    expect(auditRows(emu).length).toBe(audits);
    sheetState(emu, 'Register lama').name = 'Register Permohonan';
    expect(post(emu, token, DISPOSE, KADIS).title).toBe('Tercatat');
  });

  it('a header cleared from the register stops the decision with the column named', () => {
    const { emu, token } = waitingForKadis();
    const header = sheetState(emu, 'Register Permohonan').values[0] ?? [];
    const at = header.indexOf('Status');
    header[at] = '';
    const before = JSON.stringify(sheetState(emu, 'Register Permohonan').values);
    const posted = post(emu, token, DISPOSE, KADIS);
    expect(posted.content).toContain('Kolom &quot;Status&quot; tidak ditemukan');
    expect(JSON.stringify(sheetState(emu, 'Register Permohonan').values)).toBe(before);
  });

  it('a Pengaturan narrower than its five columns is still read, and a roster removal still refuses at once', () => {
    const { emu, token } = waitingForKadis();
    const settings = sheetState(emu, 'Pengaturan');
    settings.maxColumns = 3;
    for (const grid of [settings.values, settings.formulas, settings.numberFormats] as unknown[][][]) {
      for (const row of grid) row.splice(3);
    }
    const rosterRow = settings.values.find((row) => String(row[1] ?? '').includes(KADIS));
    if (!rosterRow) throw new Error('no Kepala Dinas roster row');
    const roster = rosterRow[1];
    rosterRow[1] = 'kepala.baru@bolmongkab.go.id';
    expect(post(emu, token, DISPOSE, KADIS).title).toBe('Peran Anda sudah berubah');
    rosterRow[1] = roster ?? '';
    expect(post(emu, token, DISPOSE, KADIS).title).toBe('Tercatat');
    expect(registerRows(emu)[0]?.Status).toBe('Didisposisikan ke Kabid Persandian');
    expect(mailsTo(emu, KABID)).toHaveLength(1);
  });
});
