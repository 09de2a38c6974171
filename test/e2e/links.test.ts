// Links in mail: forged, tampered, expired, reused, for someone else, after a roster change: a clear page, nothing changed, the attempt audited.
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
  OWNER,
  post,
  registerRows,
  setUp,
  tokenOf,
  webLinks,
} from './harness';

/** An application waiting for the Kepala Dinas, and the Kepala Dinas's link. */
function waitingForKadis(): { emu: Emulator; token: string } {
  const emu = setUp();
  emu.submitForm(answers());
  act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
  return { emu, token: tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '') };
}

/** Staff edit one value of Pengaturan (column B of the row labelled `label`). */
function setSetting(emu: Emulator, label: string, value: string): void {
  const ss = emu.state.spreadsheets[emu.state.scriptProperties.SPREADSHEET_ID ?? ''];
  const row = ss?.sheets.find((s) => s.name === 'Pengaturan')?.values.find((r) => r[0] === label);
  if (!row) throw new Error(`no setting ${label}`);
  row[1] = value;
}

function snapshot(emu: Emulator) {
  return { register: JSON.stringify(registerRows(emu)), mails: emu.outbox().length };
}

function expectRefused(emu: Emulator, token: string, user: string, title: string, note: string): void {
  const before = snapshot(emu);
  const page = emu.doGet({ query: { t: token }, user });
  expect(page.title).toBe(title);
  expect(page.content).toContain('Tidak ada yang diubah');
  const posted = post(emu, token, { action: 'DISPOSE', toEmail: '', instruction: 'x' }, user);
  expect(posted.title).toBe(title);
  expect(snapshot(emu)).toEqual(before);
  const audit = auditRows(emu).slice(-2);
  expect(audit.map((r) => [r.Peristiwa, r.Keterangan])).toEqual([
    ['Tautan ditolak', `GET ${note}`],
    ['Tautan ditolak', `POST ${note}`],
  ]);
}

describe('link attacks', () => {
  it('a forged token (signed with another secret) is refused', () => {
    const { emu, token } = waitingForKadis();
    const [payload] = token.split('.');
    expectRefused(
      emu,
      `${payload}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
      KADIS,
      'Tautan tidak sah',
      'INVALID_LINK',
    );
  });

  it('a tampered payload (role raised, old signature) is refused', () => {
    const { emu, token } = waitingForKadis();
    const [payload = '', signature = ''] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'VERIFIKATOR' })).toString('base64url');
    expectRefused(emu, `${forged}.${signature}`, KADIS, 'Tautan tidak sah', 'INVALID_LINK');
  });

  it('an expired link is refused (the expiry is a setting)', () => {
    const emu = setUp();
    setSetting(emu, 'Masa berlaku tautan (jam)', '1');
    emu.submitForm(answers());
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    const token = tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '');
    emu.advanceClock(61);
    expectRefused(emu, token, KADIS, 'Tautan kedaluwarsa', 'EXPIRED');
  });

  it('a link opened by another signed-in official is refused', () => {
    const { emu, token } = waitingForKadis();
    expectRefused(emu, token, KABID, 'Tautan bukan untuk Anda', 'OTHER_RECIPIENT');
  });

  it('a link whose recipient left the roster is refused', () => {
    const { emu, token } = waitingForKadis();
    setSetting(emu, 'Peran Kepala Dinas', 'kadis.baru@bolmongkab.go.id');
    expectRefused(emu, token, KADIS, 'Peran Anda sudah berubah', 'ROSTER_CHANGED');
    expect(emu.run('verifyAuditLog_', [], { user: OWNER }).value).toMatchObject({ ok: true });
  });

  it('GET never changes anything, however often a scanner opens the link', () => {
    const { emu, token } = waitingForKadis();
    const before = { ...snapshot(emu), audit: auditRows(emu).length };
    for (let i = 0; i < 3; i += 1)
      expect(emu.doGet({ query: { t: token }, user: 'scanner@example.com' }).status).toBe(200);
    expect({ ...snapshot(emu), audit: auditRows(emu).length }).toEqual(before);
  });

  it('a broken Pengaturan sheet gives a page that says which sheet to fix, and changes nothing', () => {
    const { emu, token } = waitingForKadis();
    setSetting(emu, 'Masa berlaku tautan (jam)', 'tiga hari');
    const before = snapshot(emu);
    const page = emu.doGet({ query: { t: token }, user: KADIS });
    expect(page.title).toBe('Terjadi kesalahan sistem');
    expect(page.content).toContain('Pengaturan');
    expect(post(emu, token, { action: 'DISPOSE', toEmail: '', instruction: 'x' }, KADIS).content).toContain(
      'Pengaturan',
    );
    expect(snapshot(emu)).toEqual(before);
  });
});
