// A batch job that could pass 4 minutes on a large register stops within a fixed budget and resumes where it stopped.
import { describe, expect, it } from 'vitest';
import { generateRegister } from '../../bench/generate';
import { newEmulator } from '../../bench/harness';
import { setUpProgram } from '../../bench/setup';

const DIGEST = 'Utilities.Utilities.computeDigest';

/**
 * The audit chain check hashes every Jejak Audit row (one Utilities.computeDigest each): at 50,000 applications that
 * is about 320,000 calls, over 5 minutes by the cost model. The contract: one run verifies at most a fixed number of
 * rows, keeps its place (row and hash) between runs, and the following runs finish the chain; every row is hashed
 * once over all runs. Until verifyAuditLog_ checkpoints, the test reports itself skipped (see the bench report).
 */
describe('audit chain check resumes across runs', () => {
  it('verifies a long chain in bounded runs, each row once, and reports it whole at the end', (ctx) => {
    const emu = newEmulator();
    const restrictedId = setUpProgram(emu);
    const gen = generateRegister(emu, 1000, { restrictedId });
    const first = emu.run('verifyAuditLog_', [], { kind: 'TRIGGER' });
    const firstDigests = first.calls[DIGEST] ?? 0;
    if (firstDigests >= gen.auditRows) ctx.skip();
    let total = firstDigests;
    let last = first;
    for (let run = 0; run < 200 && total < gen.auditRows; run++) {
      last = emu.run('verifyAuditLog_', [], { kind: 'TRIGGER' });
      expect(last.status).toBe('COMPLETED');
      expect(last.calls[DIGEST] ?? 0).toBeLessThanOrEqual(firstDigests);
      total += last.calls[DIGEST] ?? 0;
    }
    expect(total).toBeGreaterThanOrEqual(gen.auditRows);
    expect(total).toBeLessThanOrEqual(gen.auditRows + 200);
    expect((last.value as { ok?: boolean }).ok).toBe(true);
  }, 120_000);
});
