// Fidelity of LockService: mutual exclusion between overlapping executions, staged deterministically with preemptAt.
import { describe, expect, it } from 'vitest';
import type { ExecutionResult } from '../../../emulator';
import { emulate } from './bundle-fixture';

const CODE = `
function decide() {
  var lock = LockService.getScriptLock();
  lock.waitLock(30000);
  PropertiesService.getScriptProperties().setProperty('status', 'decided');
  return lock.hasLock();
}
function contend() { LockService.getScriptLock().waitLock(5000); return 'got it'; }
function attempt() { return LockService.getScriptLock().tryLock(1000); }
function increment(useLock) {
  var lock = LockService.getScriptLock();
  if (useLock) lock.waitLock(30000);
  var props = PropertiesService.getScriptProperties();
  var n = Number(props.getProperty('n') || '0');
  props.setProperty('n', String(n + 1));
}
`;

describe('LockService (Ref: docs/reference/apps-script-runtime.md §1 LockService [LOCK])', () => {
  it('a lock held by an execution in progress makes another wait out its timeout and throw; tryLock returns false', () => {
    const emu = emulate(CODE);
    let inner: ExecutionResult | undefined;
    let tried: ExecutionResult | undefined;
    emu.faults.preemptAt('PropertiesService.Properties.setProperty', 1, () => {
      inner = emu.run('contend');
      tried = emu.run('attempt');
    });
    const outer = emu.run('decide');
    expect(outer.status).toBe('COMPLETED');
    expect(outer.value).toBe(true);
    expect(inner?.status).toBe('FAILED');
    expect(inner?.error).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(inner?.durationMs).toBe(5000);
    expect(tried?.value).toBe(false);
    expect(outer.durationMs).toBe(6000);
  });

  it('releases the lock when the execution ends', () => {
    const emu = emulate(CODE);
    emu.run('decide');
    expect(emu.run('contend').value).toBe('got it');
    expect(emu.run('attempt').value).toBe(true);
  });

  it('the lockTimeout fault fails the next waitLock', () => {
    const emu = emulate(CODE);
    emu.faults.lockTimeout();
    expect(emu.run('decide').status).toBe('FAILED');
    expect(emu.state.scriptProperties.status).toBeUndefined();
    expect(emu.run('decide').status).toBe('COMPLETED');
  });

  it('preemptAt stages a lost update without a lock; with the lock the intruder fails instead of overwriting', () => {
    const racy = emulate(CODE);
    racy.faults.preemptAt('PropertiesService.Properties.setProperty', 1, () => racy.run('increment', [false]));
    racy.run('increment', [false]);
    expect(racy.state.scriptProperties.n).toBe('1');

    const safe = emulate(CODE);
    let intruder: ExecutionResult | undefined;
    safe.faults.preemptAt('PropertiesService.Properties.setProperty', 1, () => {
      intruder = safe.run('increment', [true]);
    });
    safe.run('increment', [true]);
    expect(intruder?.status).toBe('FAILED');
    expect(safe.state.scriptProperties.n).toBe('1');
    safe.faults.clear();
    safe.run('increment', [true]);
    expect(safe.state.scriptProperties.n).toBe('2');
  });
});
