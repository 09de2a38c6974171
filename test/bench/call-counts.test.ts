// The program's service calls per workflow event are exactly the same on a register of 100 and of 1,000 applications.
import { beforeAll, describe, expect, it } from 'vitest';
import { type BenchEvent, programEvents } from '../../bench/events';
import { generateRegister } from '../../bench/generate';
import { bundleFunctions, measure, newEmulator, restore, snapshot } from '../../bench/harness';
import { setUpProgram } from '../../bench/setup';

/** Calls of every event on one register size: the first run of each event, from the same starting state. */
function countsAt(size: number): Map<string, { calls: Record<string, number>; errors: string[] }> {
  const emu = newEmulator();
  const restrictedId = setUpProgram(emu);
  const gen = generateRegister(emu, size, { restrictedId });
  const snap = snapshot(emu.state);
  const out = new Map<string, { calls: Record<string, number>; errors: string[] }>();
  const events: BenchEvent[] = programEvents(emu, gen, bundleFunctions());
  for (const event of events) {
    restore(emu.state, snap);
    const m = measure(emu, () => event.run(0));
    out.set(event.name, { calls: m.calls, errors: m.errors });
  }
  return out;
}

describe('service calls per event do not grow with the register', () => {
  let small: ReturnType<typeof countsAt>;
  let large: ReturnType<typeof countsAt>;
  beforeAll(() => {
    small = countsAt(100);
    large = countsAt(1000);
  }, 120_000);

  it('measures every event, and every event succeeds', () => {
    expect(small.size).toBeGreaterThan(10);
    for (const [name, m] of small) expect({ name, errors: m.errors }).toEqual({ name, errors: [] });
  });

  it('makes exactly the same calls, method by method, at 100 and at 1,000 applications', () => {
    for (const [name, m] of small) expect({ name, calls: large.get(name)?.calls }).toEqual({ name, calls: m.calls });
  });
});
