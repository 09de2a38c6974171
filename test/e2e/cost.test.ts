// Cost: an event reads and writes the register in the same number of batched calls whatever its size; selfTest.
import { describe, expect, it } from 'vitest';
import type { ExecutionResult } from '../../emulator';
import { APPLICANT, act, answers, KADIS, OWNER, setUp } from './harness';

function spreadsheetCalls(execution: ExecutionResult | null | undefined): Record<string, number> {
  return Object.fromEntries(
    Object.entries(execution?.calls ?? {}).filter(([name]) => name.startsWith('SpreadsheetApp.')),
  );
}

/** A distinct valid applicant (unique NIK, NIP and address) for filler applications. */
function filler(i: number): Record<string, string | string[]> {
  const serial = String(100 + i).padStart(4, '0');
  return answers({
    nik: `710120150885${serial}`,
    name: 'Andi Pratama',
    email: `andi.${i}@bolmongkab.go.id`,
  });
}

describe('cost per event', () => {
  it('submit, GET and decision cost the same SpreadsheetApp calls with 2 or 41 applications in the register', () => {
    const measure = (fillers: number) => {
      const emu = setUp();
      for (let i = 0; i < fillers; i += 1) emu.submitForm(filler(i));
      const submit = emu.submitForm(answers()).executions[0];
      act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
      const { page, result } = act(emu, KADIS, { action: 'DISPOSE', toEmail: '', instruction: 'x' });
      return {
        submit: spreadsheetCalls(submit),
        get: spreadsheetCalls(page.execution),
        decide: spreadsheetCalls(result.execution),
      };
    };
    // One filler in both, so the audit log is never empty (the very first audit row reads no previous hash).
    const small = measure(1);
    const large = measure(40);
    expect(large).toEqual(small);
    const total = (calls: Record<string, number>) => Object.values(calls).reduce((n, c) => n + c, 0);
    expect(small.get['SpreadsheetApp.Range.getValues']).toBeLessThanOrEqual(4);
    expect(total(small.submit)).toBeLessThanOrEqual(63);
    expect(total(small.get)).toBeLessThanOrEqual(16);
    expect(total(small.decide)).toBeLessThanOrEqual(43);
  });
});

describe('selfTest', () => {
  it('reports every step ok on a set-up deployment, without personal data', () => {
    const emu = setUp();
    emu.submitForm(answers());
    const result = emu.run('selfTest', [], { user: OWNER });
    expect(result.status, result.error ?? '').toBe('COMPLETED');
    const value = result.value as { ok: boolean; steps: { name: string; ok: boolean; detail: string }[] };
    expect(value.steps.filter((s) => !s.ok)).toEqual([]);
    expect(value.ok).toBe(true);
    expect(JSON.stringify(value)).not.toContain('7101201508850001');
  });

  it('names what is missing before setup', () => {
    const emu = setUp();
    emu.state.scriptProperties = {};
    const value = emu.run('selfTest', [], { user: OWNER }).value as { ok: boolean; steps: { ok: boolean }[] };
    expect(value.ok).toBe(false);
  });
});
