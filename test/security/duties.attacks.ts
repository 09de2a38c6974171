// Separation of duties: nobody acts at two levels of one application or on their own; an acting official is recorded.
import { describe, expect, it } from 'vitest';
import {
  act,
  answers,
  auditRows,
  KABID,
  KADIS,
  lastMailTo,
  mailsTo,
  post,
  registerRows,
  SANDIMAN,
  setUp,
  tokenOf,
  webLinks,
} from '../e2e/harness';
import { knownNiks, setPengaturan, snapshot, track } from './support';

const PLT = 'plt.kepala.dinas@bolmongkab.go.id';

describe('separation of duties', () => {
  it('an official cannot act on their own application, even holding the step; nothing changes', () => {
    const emu = track(setUp());
    knownNiks.add('7101201508850001');
    emu.submitForm(answers({ email: KADIS }));
    act(emu, KADIS, { action: 'VERIFY_EMAIL' });
    emu.advanceClock(2);
    const link = webLinks(lastMailTo(emu, KADIS))[0] ?? '';
    const before = snapshot(emu);
    const refused = post(emu, tokenOf(link), { action: 'DISPOSE', toEmail: '', instruction: 'Setuju' }, KADIS);
    expect(refused.title).toBe('Tindakan tidak dapat dilakukan');
    expect(refused.content).toMatch(/sendiri/i);
    expect(snapshot(emu)).toBe(before);
  });

  it('one person holding two roles cannot act at both levels of the same application', () => {
    const emu = track(setUp());
    knownNiks.add('7101201508850001');
    setPengaturan(emu, 'Peran Sandiman', `${SANDIMAN}, ${KABID}`);
    emu.submitForm(answers());
    act(emu, 'budi.santoso@bolmongkab.go.id', { action: 'VERIFY_EMAIL' });
    emu.advanceClock(2);
    act(emu, KADIS, { action: 'DISPOSE', toEmail: '', instruction: 'Proses' });
    emu.advanceClock(2);
    // The Kabid forwards the step to himself as Sandiman.
    act(emu, KABID, { action: 'DISPOSE', toEmail: KABID, instruction: 'Periksa' });
    emu.advanceClock(2);
    const link = webLinks(lastMailTo(emu, KABID))[0] ?? '';
    expect(lastMailTo(emu, KABID).subject).toContain('[Perlu pemeriksaan berkas]');
    const before = snapshot(emu);
    const page = emu.doGet({ query: { t: tokenOf(link) }, user: KABID });
    const checks = [...page.content.matchAll(/name="check" value="([^"]*)"/g)].map((m) => m[1] ?? '');
    const refused = post(emu, tokenOf(link), { action: 'VERIFY', check: checks, toEmail: '', note: '' }, KABID);
    expect(refused.title).toBe('Tindakan tidak dapat dilakukan');
    expect(refused.content).toMatch(/Kabid Persandian/);
    expect(snapshot(emu)).toBe(before);
  });

  it('an acting official (Plt./Plh. for a date range) receives the step and is recorded as acting', () => {
    const emu = track(setUp());
    knownNiks.add('7101201508850001');
    setPengaturan(emu, 'Plt./Plh. Kepala Dinas', PLT, '2026-01-05', '2026-01-09');
    emu.submitForm(answers());
    act(emu, 'budi.santoso@bolmongkab.go.id', { action: 'VERIFY_EMAIL' });
    emu.advanceClock(2);
    expect(mailsTo(emu, KADIS)).toHaveLength(0);
    act(emu, PLT, { action: 'DISPOSE', toEmail: '', instruction: 'Proses' });
    const row = auditRows(emu).find((r) => r.Peristiwa === 'Disposisi');
    expect(row).toMatchObject({ Pelaku: PLT });
    expect(row?.Peran).toMatch(/^Plt\./);
  });

  it('after the delegation ends, the acting official link is refused as a roster change', () => {
    const emu = track(setUp());
    knownNiks.add('7101201508850001');
    setPengaturan(emu, 'Plt./Plh. Kepala Dinas', PLT, '2026-01-05', '2026-01-05');
    emu.submitForm(answers());
    act(emu, 'budi.santoso@bolmongkab.go.id', { action: 'VERIFY_EMAIL' });
    const link = webLinks(lastMailTo(emu, PLT))[0] ?? '';
    emu.advanceClock(24 * 60);
    const before = snapshot(emu);
    const refused = post(emu, tokenOf(link), { action: 'DISPOSE', toEmail: '', instruction: 'Proses' }, PLT);
    expect(refused.title).toBe('Peran Anda sudah berubah');
    expect(registerRows(emu)[0]?.Status).toBe('Menunggu disposisi Kepala Dinas');
    expect(JSON.parse(snapshot(emu)).register).toEqual(JSON.parse(before).register);
  });
});
