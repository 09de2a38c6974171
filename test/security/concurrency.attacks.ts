// Concurrency, staged deterministically with faults.preemptAt: another execution runs in the middle of one.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator';
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
  setUp,
  tokenOf,
  webLinks,
} from '../e2e/harness';
import { atKadis, knownNiks, setPengaturan, tally, track } from './support';

const WAIT_LOCK = 'LockService.Lock.waitLock';
const SET_VALUES = 'SpreadsheetApp.Range.setValues';

/** One consistent world: chain whole, every register status its last audited one, unique numbers, one row per response. */
function consistent(emu: Emulator): boolean {
  const check = emu.run('verifyAuditLog_');
  expect(check.value, JSON.stringify(check.value)).toMatchObject({ ok: true });
  const audits = auditRows(emu);
  const rows = registerRows(emu);
  for (const row of rows) {
    const last = audits.filter((a) => a['Nomor Permohonan'] === row['Nomor permohonan'] && a['Status Sesudah']).at(-1);
    expect(last?.['Status Sesudah'], row['Nomor permohonan']).toBe(row.Status);
  }
  const ids = rows.map((row) => row['Nomor permohonan']);
  expect(new Set(ids).size).toBe(ids.length);
  const responses = rows.map((row) => row['ID respons Form']);
  expect(new Set(responses).size).toBe(responses.length);
  return true;
}

function decide(emu: Emulator, token: string, who: string): string {
  return post(emu, token, { action: 'DISPOSE', toEmail: '', instruction: 'Proses' }, who).title;
}

describe('concurrency', () => {
  it('ten form submits, each arriving while the previous one is starting: ten applications, unique numbers', () => {
    const emu = track(setUp());
    const niks = Array.from({ length: 10 }, (_, i) => `71012015088570${String(10 + i)}`);
    for (const nik of niks) knownNiks.add(nik);
    const submit = (i: number): void => {
      if (i + 1 < niks.length) emu.faults.preemptAt(WAIT_LOCK, 1, () => submit(i + 1));
      emu.submitForm(answers({ nik: niks[i] ?? '', email: `pemohon${i}@bolmongkab.go.id` }));
    };
    submit(0);
    tally.concurrentExecutionsRun += niks.length;
    expect(registerRows(emu)).toHaveLength(10);
    if (consistent(emu)) tally.concurrentExecutionsConsistent += niks.length;
  });

  it('a submit arriving while another holds the lock: it times out, writes nothing, and is picked up later', () => {
    const emu = track(setUp());
    for (const nik of ['7101201508857101', '7101201508857102']) knownNiks.add(nik);
    emu.faults.preemptAt(SET_VALUES, 1, () => {
      const inner = emu.submitForm(answers({ nik: '7101201508857102', email: 'ani@bolmongkab.go.id' }));
      expect(inner.executions[0]?.status).toBe('FAILED');
    });
    emu.submitForm(answers({ nik: '7101201508857101' }));
    expect(registerRows(emu)).toHaveLength(1);
    emu.advanceClock(16);
    expect(registerRows(emu)).toHaveLength(2);
    expect(mailsTo(emu, 'ani@bolmongkab.go.id')).toHaveLength(1);
    tally.concurrentExecutionsRun += 2;
    if (consistent(emu)) tally.concurrentExecutionsConsistent += 2;
  });

  it('the same link confirmed twice at once (two tabs): exactly one transition, the other told it was used', () => {
    const emu = atKadis();
    const token = tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '');
    let inner = '';
    emu.faults.preemptAt(WAIT_LOCK, 1, () => {
      inner = decide(emu, token, KADIS);
    });
    const outer = decide(emu, token, KADIS);
    expect([inner, outer].sort()).toEqual(['Tautan sudah dipakai', 'Tercatat']);
    expect(auditRows(emu).filter((row) => row.Peristiwa === 'Disposisi')).toHaveLength(1);
    expect(mailsTo(emu, KABID)).toHaveLength(1);
    tally.concurrentExecutionsRun += 2;
    if (consistent(emu)) tally.concurrentExecutionsConsistent += 2;
  });

  it('two Kepala Dinas (two addresses in the roster) decide the same step at once: one transition', () => {
    const emu = track(setUp());
    knownNiks.add('7101201508850001');
    const second = 'wakil.kepala@bolmongkab.go.id';
    setPengaturan(emu, 'Peran Kepala Dinas', `${KADIS}, ${second}`);
    emu.submitForm(answers());
    act(emu, 'budi.santoso@bolmongkab.go.id', { action: 'VERIFY_EMAIL' });
    const first = tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '');
    const other = tokenOf(webLinks(lastMailTo(emu, second))[0] ?? '');
    let inner = '';
    emu.faults.preemptAt(WAIT_LOCK, 1, () => {
      inner = post(emu, other, { action: 'REJECT', reason: 'Berkas tidak lengkap sama sekali' }, second).title;
    });
    const outer = decide(emu, first, KADIS);
    expect([inner, outer].sort()).toEqual(['Tautan sudah dipakai', 'Tercatat']);
    expect(registerRows(emu)[0]?.Status).toBe('Ditolak');
    tally.concurrentExecutionsRun += 2;
    if (consistent(emu)) tally.concurrentExecutionsConsistent += 2;
  });

  it('a decision arriving while one holds the lock: busy page, nothing written, the retry succeeds once', () => {
    const emu = atKadis();
    const token = tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '');
    let inner = '';
    emu.faults.preemptAt(SET_VALUES, 1, () => {
      inner = decide(emu, token, KADIS);
    });
    const outer = decide(emu, token, KADIS);
    expect(outer).toBe('Tercatat');
    expect(inner).toBe('Sistem sedang sibuk');
    expect(decide(emu, token, KADIS)).toBe('Tautan sudah dipakai');
    expect(auditRows(emu).filter((row) => row.Peristiwa === 'Disposisi')).toHaveLength(1);
    tally.concurrentExecutionsRun += 3;
    if (consistent(emu)) tally.concurrentExecutionsConsistent += 3;
  });

  it('an SLA reminder run in the middle of a decision: both complete, one transition, register consistent', () => {
    const emu = atKadis();
    const token = tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '');
    // The Kepala Dinas's 10-minute standard has passed: a reminder is due when the SLA job runs.
    emu.state.now += 30 * 60_000;
    let reminder = '';
    emu.faults.preemptAt(WAIT_LOCK, 1, () => {
      reminder = emu.run('runSlaCheck_', [], { kind: 'TIME_DRIVEN' }).status;
    });
    const outer = decide(emu, token, KADIS);
    expect(reminder).toBe('COMPLETED');
    // The link stays valid across a reminder (a reminder is not a decision), or the reminder's new link works.
    if (outer !== 'Tercatat') {
      expect(outer).toBe('Tautan sudah dipakai');
      const fresh = tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '');
      expect(decide(emu, fresh, KADIS)).toBe('Tercatat');
    }
    expect(registerRows(emu)[0]?.Status).toBe('Didisposisikan ke Kabid Persandian');
    expect(auditRows(emu).filter((row) => row.Peristiwa === 'Disposisi')).toHaveLength(1);
    tally.concurrentExecutionsRun += 2;
    if (consistent(emu)) tally.concurrentExecutionsConsistent += 2;
  });

  it('a decision arriving in the middle of the SLA run: busy, nothing written, then it goes through', () => {
    const emu = atKadis();
    const token = tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '');
    emu.state.now += 30 * 60_000;
    let inner = '';
    emu.faults.preemptAt(SET_VALUES, 1, () => {
      inner = decide(emu, token, KADIS);
    });
    expect(emu.run('runSlaCheck_', [], { kind: 'TIME_DRIVEN' }).status).toBe('COMPLETED');
    expect(inner).toBe('Sistem sedang sibuk');
    const fresh = tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '');
    const retried = decide(emu, token, KADIS);
    if (retried !== 'Tercatat') expect(decide(emu, fresh, KADIS)).toBe('Tercatat');
    expect(auditRows(emu).filter((row) => row.Peristiwa === 'Disposisi')).toHaveLength(1);
    tally.concurrentExecutionsRun += 2;
    if (consistent(emu)) tally.concurrentExecutionsConsistent += 2;
  });
});
