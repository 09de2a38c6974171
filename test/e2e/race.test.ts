// Overlapping executions: two confirmations of one decision at the same moment, and a reminder run during a decision.
import { describe, expect, it } from 'vitest';
import type { ExecutionResult, WebResponse } from '../../emulator';
import {
  APPLICANT,
  act,
  answers,
  auditRows,
  KADIS,
  lastMailTo,
  mailsTo,
  post,
  registerRows,
  setUp,
  tokenOf,
  webLinks,
} from './harness';

describe('races', () => {
  it('a double confirmation in the middle of the first: one decision, the other waits or finds the link used', () => {
    const emu = setUp();
    emu.submitForm(answers());
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    const token = tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '');
    let second: WebResponse | undefined;
    emu.faults.preemptAt('SpreadsheetApp.Range.setValues', 1, () => {
      second = post(emu, token, { action: 'DISPOSE', toEmail: '', instruction: 'kedua' }, KADIS);
    });
    const first = post(emu, token, { action: 'DISPOSE', toEmail: '', instruction: 'pertama' }, KADIS);
    expect(first.title).toBe('Tercatat');
    expect(second?.title).toBe('Sistem sedang sibuk');
    const retried = post(emu, token, { action: 'DISPOSE', toEmail: '', instruction: 'kedua' }, KADIS);
    expect(retried.title).toBe('Tautan sudah dipakai');
    const dispositions = JSON.parse(registerRows(emu)[0]?.['Disposisi (JSON)'] ?? '[]') as { instruction: string }[];
    expect(dispositions.map((d) => d.instruction)).toEqual(['pertama']);
    expect(auditRows(emu).filter((r) => r.Peristiwa === 'Disposisi')).toHaveLength(1);
  });

  it('the SLA check running during a decision neither loses the decision nor reminds about a closed step', () => {
    const emu = setUp();
    emu.submitForm(answers());
    act(emu, APPLICANT, { action: 'VERIFY_EMAIL' });
    emu.advanceClock(9);
    const token = tokenOf(webLinks(lastMailTo(emu, KADIS))[0] ?? '');
    let during: ExecutionResult[] = [];
    emu.faults.preemptAt('SpreadsheetApp.Range.setValues', 1, () => {
      during = emu.advanceClock(2);
    });
    const decided = post(emu, token, { action: 'DISPOSE', toEmail: '', instruction: 'tepat' }, KADIS);
    expect(decided.title).toBe('Tercatat');
    // The 08:10 check found the lock held and stopped without changing anything.
    expect(during.map((run) => [run.functionName, run.status])).toEqual([['runSlaCheck_', 'FAILED']]);
    emu.advanceClock(30);
    expect(registerRows(emu)[0]?.Status).toBe('Didisposisikan ke Kabid Persandian');
    expect(mailsTo(emu, KADIS).filter((m) => m.subject.includes('Pengingat'))).toHaveLength(0);
  });
});
