// Cumulative service-call counters ('Service.Class.method' -> calls) across executions, for tests and benchmarks.

/** A snapshot of call counts: 'SpreadsheetApp.Range.setValues' -> number of calls. */
export type CallCounts = Record<string, number>;

/** Counts every service call the program makes, so a test or benchmark can assert how many round-trips a flow costs. */
export class CallCounters {
  private counts: CallCounts = {};

  /** Adds one call of `key` ('Service.Class.method'). */
  increment(key: string): void {
    this.counts[key] = (this.counts[key] ?? 0) + 1;
  }

  /** A copy of the counts so far, safe to keep and compare later. */
  snapshot(): CallCounts {
    return { ...this.counts };
  }

  /** Forgets every count (e.g. after a setup phase a benchmark should not measure). */
  reset(): void {
    this.counts = {};
  }

  /** The calls made since `before` was taken; keys with no new calls are left out. */
  diff(before: CallCounts): CallCounts {
    const out: CallCounts = {};
    for (const [key, count] of Object.entries(this.counts)) {
      const delta = count - (before[key] ?? 0);
      if (delta !== 0) out[key] = delta;
    }
    return out;
  }

  /** Total calls so far, over every key. */
  total(): number {
    return Object.values(this.counts).reduce((sum, n) => sum + n, 0);
  }
}
