// The batch jobs scale: the same calls at any size, only the columns they need, bounded runs that resume.
import { beforeAll, describe, expect, it } from 'vitest';
import { programJobs } from '../../bench/events';
import { generateRegister } from '../../bench/generate';
import { bundleFunctions, measure, newEmulator, restore, sheetState, snapshot } from '../../bench/harness';
import { setUpProgram } from '../../bench/setup';
import type { Emulator } from '../../emulator';
import type { CellValue } from '../../emulator/state';
import { witaDay } from '../../src/core/expiry';
import { STATUS, type StepTiming } from '../../src/core/workflow-types';

const JOBS = ['SLA reminders and escalation', 'expiry reminders', 'dashboard refresh', 'monthly report'];
/**
 * Register cells a job may read per application (its columns, plus Sertifikat Terbit's whole rows for the jobs that
 * need certificates: about a third of the applications have one, 13 columns each). A whole register row is 52.
 */
const CELLS_PER_APPLICATION: Record<string, number> = {
  'SLA reminders and escalation': 11,
  'expiry reminders': 4.5,
  'dashboard refresh': 11,
  'monthly report': 5,
};

interface JobFigures {
  calls: Record<string, number>;
  cellsRead: number;
  errors: string[];
}

function jobsAt(size: number): Map<string, JobFigures> {
  const emu = newEmulator();
  const restrictedId = setUpProgram(emu);
  generateRegister(emu, size, { restrictedId });
  const snap = snapshot(emu.state);
  const out = new Map<string, JobFigures>();
  for (const job of programJobs(emu, bundleFunctions())) {
    if (!JOBS.includes(job.name)) continue;
    restore(emu.state, snap);
    const m = measure(emu, () => job.run(0));
    out.set(job.name, { calls: m.calls, cellsRead: m.cells.read, errors: m.errors });
  }
  return out;
}

describe('batch jobs at 100 and 3,000 applications', () => {
  let small: Map<string, JobFigures>;
  let large: Map<string, JobFigures>;
  beforeAll(() => {
    small = jobsAt(100);
    large = jobsAt(3000);
  }, 120_000);

  it('runs every job without error', () => {
    expect([...small.keys()].sort()).toEqual([...JOBS].sort());
    for (const [name, m] of [...small, ...large]) expect({ name, errors: m.errors }).toEqual({ name, errors: [] });
  });

  it('makes exactly the same calls, method by method, at both sizes', () => {
    for (const [name, m] of small) expect({ name, calls: large.get(name)?.calls }).toEqual({ name, calls: m.calls });
  });

  it('reads only the columns it needs: cells grow by a few per application, not by whole rows', () => {
    for (const name of JOBS) {
      const growth = ((large.get(name)?.cellsRead ?? 0) - (small.get(name)?.cellsRead ?? 0)) / 2900;
      expect({ name, growth: growth <= (CELLS_PER_APPLICATION[name] ?? 0) }).toEqual({ name, growth: true });
    }
  });
});

/** A bench world of 1,000 applications with the batch of each job lowered, so a few due items need several runs. */
function world(): Emulator {
  const emu = newEmulator();
  const restrictedId = setUpProgram(emu);
  generateRegister(emu, 1000, { restrictedId });
  emu.state.scriptProperties.SLA_CHECK_BATCH = '4';
  emu.state.scriptProperties.EXPIRY_CHECK_BATCH = '5';
  return emu;
}

function sheet(emu: Emulator, name: string) {
  const s = sheetState(emu, name);
  if (!s) throw new Error(`no sheet ${name}`);
  const header = (s.values[0] ?? []).map(String);
  return { rows: s.values, col: (h: string) => header.indexOf(h) };
}

/** Runs a job until it reports nothing waiting (or `limit` runs); returns each run's value. */
function runUntilDone<T extends { waiting: number }>(emu: Emulator, fn: string, limit: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < limit; i++) {
    const exec = emu.run(fn, [], { kind: 'TRIGGER' });
    expect(exec.status, exec.error ?? '').toBe('COMPLETED');
    out.push(exec.value as T);
    if ((exec.value as T).waiting === 0) break;
  }
  return out;
}

describe('a batch job stops at its batch and the next run continues where it stopped', () => {
  it('SLA check: every late application is reminded once, at most a batch per run', () => {
    const emu = world();
    // Twelve more running steps become un-reminded (as after a long outage), beside the generator's fresh ones.
    const register = sheet(emu, 'Register Permohonan');
    const steps = register.col('Waktu tahap (JSON)');
    const current = register.col('Tahap SOP');
    let cleared = 0;
    for (const row of register.rows.slice(1)) {
      if (cleared === 12) break;
      if (row[register.col('Kode status')] !== STATUS.MENUNGGU_DISPOSISI_KADIS) continue;
      const timings = JSON.parse(String(row[steps])) as Record<string, StepTiming>;
      const running = timings[String(row[current])];
      if (!running || running.endedAt !== null || running.remindedAt === null) continue;
      running.remindedAt = null;
      running.escalatedAt = null;
      row[steps] = JSON.stringify(timings) as CellValue;
      cleared += 1;
    }
    expect(cleared).toBe(12);
    const auditBefore = sheet(emu, 'Jejak Audit').rows.length;

    const runs = runUntilDone<{ reminded: number; waiting: number }>(emu, 'runSlaCheck_', 20);
    const total = runs.reduce((n, r) => n + r.reminded, 0);
    expect(total).toBe(12 + 5);
    expect(runs.length).toBe(Math.ceil(total / 4));
    for (const run of runs) expect(run.reminded).toBeLessThanOrEqual(4);
    expect(runs.map((r) => r.waiting)).toEqual(runs.map((_, i) => Math.max(total - 4 * (i + 1), 0)));

    const audit = sheet(emu, 'Jejak Audit');
    const reminders = audit.rows
      .slice(auditBefore)
      .filter((row) => row[audit.col('Peristiwa')] === 'Pengingat terlambat dikirim')
      .map((row) => String(row[audit.col('Nomor Permohonan')]));
    expect(reminders).toHaveLength(total);
    expect(new Set(reminders).size).toBe(total);
    const again = emu.run('runSlaCheck_', [], { kind: 'TRIGGER' });
    expect(again.value).toEqual({ reminded: 0, waiting: 0 });
  }, 60_000);

  it('expiry check: every due notice goes once, most urgent first, at most a batch per run', () => {
    const emu = world();
    const certs = sheet(emu, 'Sertifikat Terbit');
    const today = witaDay(emu.now());
    const dayAfter = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString();
    // Thirteen certificates expire within the renewal window (H-30), one of them within H-7.
    for (let i = 0; i < 13; i++) {
      const row = certs.rows[i + 1] as CellValue[];
      row[certs.col('Nomor seri sertifikat')] = `SN-R-${i}`;
      row[certs.col('Berlaku sampai')] = dayAfter(i === 12 ? 3 : 15 + i).slice(0, 10);
    }

    const runs = runUntilDone<{ notices: number; waiting: number }>(emu, 'runExpiryCheck_', 10);
    expect(runs.map((r) => r.notices)).toEqual([5, 5, 3]);
    expect(runs.map((r) => r.waiting)).toEqual([8, 3, 0]);
    const outbox = sheet(emu, 'Kotak Keluar');
    const keys = outbox.rows.map((row) => String(row[outbox.col('Kunci')] ?? '')).filter((k) => k.startsWith('KED'));
    const holderKeys = keys.filter((k) => !k.includes('tembusan'));
    expect(holderKeys.sort()).toEqual(
      [...Array(13).keys()].map((i) => `KEDALUWARSA:SN-R-${i}:${i === 12 ? 'H7' : 'H30'}`).sort(),
    );
    // Most urgent first: the H-7 notice (3 days left), then the H-30 ones by days left.
    const audit = sheet(emu, 'Jejak Audit');
    const order = audit.rows
      .filter((row) => row[audit.col('Peristiwa')] === 'Pemberitahuan masa berlaku sertifikat')
      .map((row) => /SN-R-(\d+)/.exec(String(row[audit.col('Keterangan')]))?.[1]);
    expect(order).toEqual(['12', ...[...Array(12).keys()].map(String)]);
    // Each holder's Form link names their own certificate (one pre-filled link per kind, the serial put in).
    for (const i of [0, 7, 12]) {
      const mail = emu.outbox().find((m) => m.subject.includes(`SN-R-${i}`) && !m.to.includes('verifikator'));
      expect(mail?.htmlBody).toMatch(new RegExp(`viewform\\?[^"]*=SN-R-${i}[&"]`));
    }
    const again = emu.run('runExpiryCheck_', [], { kind: 'TRIGGER' });
    expect(again.value).toMatchObject({ notices: 0, waiting: 0 });
  }, 60_000);
});

describe('the Dasbor on a large register', () => {
  it('lists the 50 most overdue applications and counts the others in one line', () => {
    const emu = world();
    const run = emu.run('refreshDashboard_', [], { kind: 'TRIGGER' });
    expect(run.status, run.error ?? '').toBe('COMPLETED');
    const rows = emu.sheetValues('Dasbor').map((r) => r.map(String));
    const at = rows.findIndex((r) => r[0] === 'Tahap yang sedang terlambat');
    const block: string[][] = [];
    for (let i = at + 2; i < rows.length && (rows[i]?.[0] ?? '') !== ''; i++) block.push(rows[i] as string[]);
    expect(block).toHaveLength(51);
    const minutes = block.slice(0, 50).map((r) => Number(r[1]));
    expect(minutes).toEqual([...minutes].sort((a, b) => b - a));
    const more = /^\.\.\. dan (\d+) permohonan lain yang terlambat/.exec(block[50]?.[0] ?? '');
    expect(Number(more?.[1])).toBeGreaterThan(50);
  }, 60_000);
});
