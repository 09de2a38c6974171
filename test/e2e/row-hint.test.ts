// The register row a signed link carries as a hint: used when it still holds the application, never trusted for another.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator';
import { ID_HEADER } from '../../src/core/register-schema';
import {
  APPLICANT,
  act,
  answers,
  auditRows,
  KABID,
  KADIS,
  mailsTo,
  post,
  registerRows,
  setUp,
  sheetState,
  tokenOf,
  webLinks,
} from './harness';

const OTHER = 'siti.aminah@bolmongkab.go.id';

/** Two applications waiting for the Kepala Dinas (rows 2 and 3), with the Kepala Dinas's link for each. */
function twoWaiting(): { emu: Emulator; first: string; second: string; ids: string[] } {
  const emu = setUp();
  emu.submitForm(answers());
  act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
  emu.submitForm(answers({ nik: '7101201508850002', name: 'Siti Aminah', email: OTHER }));
  act(emu, OTHER, { action: 'VERIFY_EMAIL' });
  const [first = '', second = ''] = mailsTo(emu, KADIS).map((mail) => tokenOf(webLinks(mail)[0] ?? ''));
  return { emu, first, second, ids: registerRows(emu).map((row) => row[ID_HEADER] ?? '') };
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The token with its claims changed and signed again with the deployment's secret (what only the script can do). */
function resigned(emu: Emulator, token: string, change: Record<string, unknown>): string {
  const payload = Buffer.from(JSON.stringify({ ...claimsOf(token), ...change }), 'utf8').toString('base64url');
  const secret = emu.state.scriptProperties.HMAC_SECRET ?? '';
  return `${payload}.${createHmac('sha256', Buffer.from(secret, 'utf8')).update(payload, 'utf8').digest('base64url')}`;
}

/** The token with its claims changed but the old signature kept (a tampered link). */
function tampered(token: string, change: Record<string, unknown>): string {
  const payload = Buffer.from(JSON.stringify({ ...claimsOf(token), ...change }), 'utf8').toString('base64url');
  return `${payload}.${token.split('.')[1] ?? ''}`;
}

/** Staff sort the register: data rows `a` and `b` (1-based sheet rows) swap places. */
function swapRows(emu: Emulator, a: number, b: number): void {
  const sheet = sheetState(emu, 'Register Permohonan');
  for (const grid of [sheet.values, sheet.formulas, sheet.numberFormats] as unknown[][][]) {
    const rowA = grid[a - 1] ?? [];
    grid[a - 1] = grid[b - 1] ?? [];
    grid[b - 1] = rowA;
  }
}

function spreadsheetCalls(calls: Record<string, number> | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(calls ?? {}).filter(([name]) => name.startsWith('SpreadsheetApp.')));
}

const DISPOSE = { action: 'DISPOSE', toEmail: '', instruction: 'Proses' };
const WAITING = 'Menunggu disposisi Kepala Dinas';
const DISPOSED = 'Didisposisikan ke Kabid Persandian';

describe('row hint in signed links', () => {
  it('a mailed link carries its register row, and opening it reads that row: no search', () => {
    const { emu, first, second } = twoWaiting();
    expect(claimsOf(first).row).toBe(2);
    expect(claimsOf(second).row).toBe(3);
    const page = emu.doGet({ query: { t: second }, user: KADIS });
    expect(page.title).not.toMatch(/ditolak|tidak/i);
    const calls = spreadsheetCalls(page.execution?.calls);
    expect(calls['SpreadsheetApp.Range.createTextFinder']).toBeUndefined();
    // openById, Pengaturan (range + values), the register's header (range + values), the row (range + values).
    expect(Object.values(calls).reduce((n, c) => n + c, 0)).toBe(7);
    // Without the hint the same page searches (the old links still work).
    const unhinted = emu.doGet({ query: { t: resigned(emu, second, { row: undefined }) }, user: KADIS });
    expect(unhinted.title).toBe(page.title);
    expect(spreadsheetCalls(unhinted.execution?.calls)['SpreadsheetApp.Range.createTextFinder']).toBe(1);
  });

  it('after staff sort the register, a stale hint still finds the right application and leaves the other alone', () => {
    const { emu, first, ids } = twoWaiting();
    swapRows(emu, 2, 3);
    const result = post(emu, first, DISPOSE, KADIS);
    expect(result.title).toBe('Tercatat');
    expect(spreadsheetCalls(result.execution?.calls)['SpreadsheetApp.Range.createTextFinder']).toBe(1);
    const byId = new Map(registerRows(emu).map((row) => [row[ID_HEADER], row.Status]));
    expect(byId.get(ids[0])).toBe(DISPOSED);
    expect(byId.get(ids[1])).toBe(WAITING);
    expect(registerRows(emu)[1]?.[ID_HEADER]).toBe(ids[0]);
    expect(mailsTo(emu, KABID)).toHaveLength(1);
    expect(mailsTo(emu, KABID)[0]?.subject).toContain(ids[0] ?? '-');
  });

  it('a hint past the grid (rows deleted since) falls back to the search', () => {
    const { emu, first, ids } = twoWaiting();
    const result = post(
      emu,
      resigned(emu, first, { row: sheetState(emu, 'Register Permohonan').maxRows + 50 }),
      DISPOSE,
      KADIS,
    );
    expect(result.title).toBe('Tercatat');
    expect(registerRows(emu).find((row) => row[ID_HEADER] === ids[0])?.Status).toBe(DISPOSED);
  });

  it("a hint pointing at another application's row acts only on the application the link names", () => {
    const { emu, first, ids } = twoWaiting();
    // Tampering with the hint breaks the signature: refused, nothing changed.
    const before = JSON.stringify(registerRows(emu));
    const forged = post(emu, tampered(first, { row: 3 }), DISPOSE, KADIS);
    expect(forged.title).toBe('Tautan tidak sah');
    expect(JSON.stringify(registerRows(emu))).toBe(before);
    expect(auditRows(emu).at(-1)?.Keterangan).toBe('POST INVALID_LINK');
    // Even a validly signed link whose hint names the other row reaches only its own application (the ID check).
    const result = post(emu, resigned(emu, first, { row: 3 }), DISPOSE, KADIS);
    expect(result.title).toBe('Tercatat');
    const byId = new Map(registerRows(emu).map((row) => [row[ID_HEADER], row.Status]));
    expect(byId.get(ids[0])).toBe(DISPOSED);
    expect(byId.get(ids[1])).toBe(WAITING);
  });
});
