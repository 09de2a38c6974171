// LockService: script, user and document locks with real mutual exclusion between overlapping executions.
import type { RuntimeContext } from '../runtime/runtime-context';
import { counted } from '../runtime/runtime-context';

/** Open: the reference gives no text; this is the message Apps Script users report for waitLock timeouts. */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/**
 * One Lock. Executions run one at a time in the emulator, so a lock held by another execution still in progress (one
 * this execution preempted) cannot be released while we wait: waitLock spends its whole timeout on the emulated
 * clock, then throws; tryLock does the same and returns false. A lock is re-entrant within its own execution
 * (Open: Google does not document a second acquire in the same execution).
 * Ref: https://developers.google.com/apps-script/reference/lock/lock ; docs/reference/apps-script-runtime.md §1 LockService.
 */
function createLock(ctx: RuntimeContext, key: string): GoogleAppsScript.Lock.Lock {
  const registry = ctx.host.locks;
  const attempt = (timeoutInMillis: number): boolean => {
    const holder = registry.holder(key);
    const timedOut = ctx.host.faults.takeLockTimeout();
    if (!timedOut && (holder === null || holder === ctx.executionId)) {
      registry.acquire(key, ctx.executionId);
      return true;
    }
    ctx.advance(Math.max(0, Number(timeoutInMillis) || 0));
    return false;
  };
  return counted(ctx, 'LockService', 'Lock', {
    hasLock() {
      return registry.holder(key) === ctx.executionId;
    },
    releaseLock() {
      registry.release(key, ctx.executionId);
    },
    tryLock(timeoutInMillis: number) {
      return attempt(timeoutInMillis);
    },
    waitLock(timeoutInMillis: number) {
      if (!attempt(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
    },
  }) as unknown as GoogleAppsScript.Lock.Lock;
}

/**
 * LockService. getDocumentLock is null when the script is not container-bound.
 * Ref: https://developers.google.com/apps-script/reference/lock/lock-service
 */
export function createLockService(ctx: RuntimeContext): GoogleAppsScript.Lock.LockService {
  return counted(ctx, 'LockService', 'LockService', {
    getScriptLock() {
      return createLock(ctx, 'script');
    },
    getUserLock() {
      return createLock(ctx, `user:${ctx.users.effective}`);
    },
    getDocumentLock() {
      return ctx.activeSpreadsheetId === null ? null : createLock(ctx, `document:${ctx.activeSpreadsheetId}`);
    },
  }) as unknown as GoogleAppsScript.Lock.LockService;
}
