// LockService's locks across executions in progress: which execution holds which lock (host memory, never persisted).

/** Lock ownership: lock key ('script', 'user:<email>', 'document:<id>') -> the execution holding it. */
export class LockRegistry {
  private held = new Map<string, string>();

  /** The execution holding `key`, or null when it is free. */
  holder(key: string): string | null {
    return this.held.get(key) ?? null;
  }

  acquire(key: string, executionId: string): void {
    this.held.set(key, executionId);
  }

  release(key: string, executionId: string): void {
    if (this.held.get(key) === executionId) this.held.delete(key);
  }

  /** Locks are released automatically when the script ends. Ref: docs/reference/apps-script-runtime.md §1 LockService. */
  releaseAll(executionId: string): void {
    for (const [key, holder] of [...this.held]) if (holder === executionId) this.held.delete(key);
  }
}
