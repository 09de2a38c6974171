// A batch job that could pass 4 minutes on a large register stops within a fixed budget and resumes where it stopped.
import { describe, expect, it } from 'vitest';
import { generateRegister } from '../../bench/generate';
import { newEmulator } from '../../bench/harness';
import { setUpProgram } from '../../bench/setup';

const DIGEST = 'Utilities.Utilities.computeDigest';
/** A batch far below the program's own (60,000 rows) so 1,000 applications need many runs; same code path. */
const BATCH = 500;

interface Report {
  chainOk: boolean;
  brokenRow: number;
  auditChecked: number;
  auditPassDone: boolean;
}

/**
 * The audit chain check hashes every Jejak Audit row (in JavaScript since issue 5; it was one Utilities.computeDigest
 * each, about 320,000 calls at 50,000 applications) and reads it. The contract: the hourly integrity check verifies at most
 * a fixed number of rows per run, keeps its place (row and hash) in Script Properties, and the following runs finish
 * the chain; every row is hashed once over all runs. The menu check (verifyAuditLog_) stays a full check by design.
 */
describe('audit chain check resumes across runs', () => {
  function world() {
    const emu = newEmulator();
    const restrictedId = setUpProgram(emu);
    const gen = generateRegister(emu, 1000, { restrictedId });
    emu.state.scriptProperties.AUDIT_CHECK_BATCH_ROWS = String(BATCH);
    return { emu, gen };
  }

  /** Runs the hourly check until a pass ends or a break is reported; returns every run's rows checked and report. */
  function runPass(emu: ReturnType<typeof newEmulator>, limit: number) {
    const runs: { rows: number; report: Report }[] = [];
    for (let run = 0; run < limit; run++) {
      const exec = emu.run('runIntegrityCheck_', [], { kind: 'TRIGGER' });
      expect(exec.status).toBe('COMPLETED');
      const report = exec.value as Report;
      // Hashing is JavaScript (src/core/sha256.ts): no service call per row, so a run's rows are what it reports.
      expect(exec.calls[DIGEST] ?? 0).toBe(0);
      runs.push({ rows: report.auditChecked, report });
      if (report.auditPassDone || !report.chainOk) break;
    }
    return runs;
  }

  it('verifies a long chain in bounded runs, each row once, and reports it whole at the end', () => {
    const { emu, gen } = world();
    expect(gen.auditRows).toBeGreaterThan(BATCH * 4);
    const runs = runPass(emu, 200);
    expect(runs.length).toBe(Math.ceil(gen.auditRows / BATCH));
    for (const { rows } of runs) expect(rows).toBeLessThanOrEqual(BATCH);
    expect(runs.reduce((sum, run) => sum + run.rows, 0)).toBe(gen.auditRows);
    const last = runs[runs.length - 1]?.report;
    expect(last).toMatchObject({ chainOk: true, brokenRow: 0, auditPassDone: true });
  }, 120_000);

  it('a row edited behind the checkpoint is found by the next pass', () => {
    const { emu } = world();
    const first = runPass(emu, 3);
    expect(first.every((run) => run.report.chainOk && !run.report.auditPassDone)).toBe(true);
    // Row 10 was already verified this pass; someone edits its note by hand.
    const ss = emu.state.spreadsheets[emu.state.scriptProperties.SPREADSHEET_ID ?? ''];
    const sheet = ss?.sheets.find((s) => s.name === 'Jejak Audit');
    const header = (sheet?.values[0] ?? []).map(String);
    const row = sheet?.values[9];
    if (!row) throw new Error('no row 10');
    row[header.indexOf('Keterangan')] = 'diubah tangan';
    const rest = runPass(emu, 200);
    const finished = rest[rest.length - 1]?.report;
    expect(finished).toMatchObject({ chainOk: true, auditPassDone: true });
    const next = runPass(emu, 200);
    const caught = next[next.length - 1]?.report;
    expect(caught).toMatchObject({ chainOk: false, brokenRow: 10 });
    expect(next.every((run) => run.rows <= BATCH)).toBe(true);
  }, 120_000);
});
