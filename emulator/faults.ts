// Injected faults: duplicate and blank form submits, mail quota exhausted, lock timeouts, a service throwing, a preemption.

/**
 * The message Google shows for a transient backend failure. Open: the reference lists no text for a generic service
 * failure; this is the wording Apps Script users commonly report, chosen so a fault reads like a real service error.
 */
export const GOOGLE_SERVER_ERROR = "We're sorry, a server error occurred. Please wait a bit and try again.";

interface ThrowRule {
  method: string;
  after: number;
  seen: number;
  message: string;
}

interface PreemptRule {
  method: string;
  at: number;
  seen: number;
  callback: () => void;
}

/**
 * Faults a test arms before driving the program. Each applies once unless a count is given. The runtime consults them
 * on every service call (`onCall`) and at the points Google could misbehave (form delivery, mail, locks).
 */
export class Faults {
  private duplicateSubmits = 0;
  private blankSubmits = 0;
  private lockTimeouts = 0;
  private throwRules: ThrowRule[] = [];
  private preemptRules: PreemptRule[] = [];
  /** Users whose mail quota the host asked to exhaust; applied by the Emulator to its state. */
  readonly pendingMailExhaustion: string[] = [];

  /** The next form submit is delivered twice (Ref: docs/reference/apps-script-runtime.md §3 "Double firing"). */
  duplicateFormSubmit(count = 1): void {
    this.duplicateSubmits += count;
  }

  /** A blank event (no item responses, empty values) follows the next real one (Ref: same section, GH-SLACK6). */
  blankFormSubmit(count = 1): void {
    this.blankSubmits += count;
  }

  /** Uses up the user's daily email quota (the owner when no user is given) until 24 h after now. */
  exhaustMailQuota(user = ''): void {
    this.pendingMailExhaustion.push(user);
  }

  /** The next waitLock throws its timeout error and the next tryLock returns false. */
  lockTimeout(count = 1): void {
    this.lockTimeouts += count;
  }

  /** The (after+1)th call of `method` ('SpreadsheetApp.Range.setValues') from now throws `message`. */
  throwOn(method: string, opts: { after?: number; message?: string } = {}): void {
    this.throwRules.push({ method, after: opts.after ?? 0, seen: 0, message: opts.message ?? GOOGLE_SERVER_ERROR });
  }

  /**
   * On the `n`th call (1-based, counted from now) of `method`, runs `callback` before the call takes effect, in the
   * middle of the current execution: typically another emulator execution, to stage a deterministic race.
   */
  preemptAt(method: string, n: number, callback: () => void): void {
    this.preemptRules.push({ method, at: n, seen: 0, callback });
  }

  /** Disarms every fault. */
  clear(): void {
    this.duplicateSubmits = 0;
    this.blankSubmits = 0;
    this.lockTimeouts = 0;
    this.throwRules = [];
    this.preemptRules = [];
    this.pendingMailExhaustion.length = 0;
  }

  /** Runtime hook on every service call: fires a due preemption, then throws if a throw rule is due. */
  onCall(key: string): void {
    for (const rule of [...this.preemptRules]) {
      if (rule.method !== key) continue;
      rule.seen += 1;
      if (rule.seen === rule.at) {
        this.preemptRules.splice(this.preemptRules.indexOf(rule), 1);
        rule.callback();
      }
    }
    for (const rule of this.throwRules) {
      if (rule.method !== key) continue;
      rule.seen += 1;
      if (rule.seen === rule.after + 1) {
        this.throwRules.splice(this.throwRules.indexOf(rule), 1);
        throw new Error(rule.message);
      }
    }
  }

  /** Consumes one armed duplicate-submit fault. */
  takeDuplicateSubmit(): boolean {
    if (this.duplicateSubmits <= 0) return false;
    this.duplicateSubmits -= 1;
    return true;
  }

  /** Consumes one armed blank-submit fault. */
  takeBlankSubmit(): boolean {
    if (this.blankSubmits <= 0) return false;
    this.blankSubmits -= 1;
    return true;
  }

  /** Consumes one armed lock-timeout fault. */
  takeLockTimeout(): boolean {
    if (this.lockTimeouts <= 0) return false;
    this.lockTimeouts -= 1;
    return true;
  }
}
