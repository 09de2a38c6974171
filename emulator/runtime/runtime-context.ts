// The ExecutionContext the runtime's own services get: the contract plus what only the runtime knows (execution id, host options).
import type { ExecutionContext } from '../context';
import type { Faults } from '../faults';
import type { SentMail } from '../state';
import type { LockRegistry } from './locks';

/** appsscript.json as far as the emulator reads it. Ref: docs/reference/apps-script-runtime.md §4 manifests. */
export interface Manifest {
  timeZone: string;
  webapp?: {
    executeAs?: 'USER_DEPLOYING' | 'USER_ACCESSING';
    access?: 'MYSELF' | 'DOMAIN' | 'ANYONE' | 'ANYONE_ANONYMOUS';
  };
}

/** Settings shared by every execution of one Emulator. */
export interface RuntimeHost {
  readonly scriptId: string;
  readonly webAppUrl: string;
  readonly manifest: Manifest;
  readonly faults: Faults;
  readonly locks: LockRegistry;
  readonly mailDailyQuota: number;
  readonly locale: string;
}

/** One execution's context as the runtime's services see it. */
export interface RuntimeContext extends ExecutionContext {
  readonly executionId: string;
  /**
   * The person behind the execution even when Session withholds the address (anonymous or out-of-domain visitor):
   * Session.getTemporaryActiveUserKey needs it.
   */
  readonly visitor: string;
  readonly host: RuntimeHost;
  /** Mails sent by this execution (also appended to state.mail). */
  readonly mailsSent: SentMail[];
  /** Evaluates code in this execution's vm context (HtmlService scriptlets can call the program's functions). */
  evaluate(code: string): unknown;
}

/**
 * Wraps every method of a service object so each call is counted as 'Service.Class.method' (and can meet an injected
 * fault) before it runs. Non-function properties (enums) are left as they are.
 */
export function counted<T extends object>(ctx: ExecutionContext, service: string, className: string, target: T): T {
  const record = target as Record<string, unknown>;
  for (const [name, value] of Object.entries(record)) {
    if (typeof value !== 'function') continue;
    const method = value as (...args: unknown[]) => unknown;
    record[name] = function (this: unknown, ...args: unknown[]) {
      ctx.call(service, `${className}.${name}`);
      return method.apply(this, args);
    };
  }
  return target;
}
