import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Writes behind a synchronous interface (SecretStore, SettingsFile): each runs after the one before,
 * in the order they were asked for. A failure is kept and answered by the next `flush()`, so a caller
 * that can await learns that its value did not reach the site database.
 */
export class WriteQueue {
  private tail: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  // Made outside any unit of work (at load): a write queued from inside a read must still be a unit
  // of its own, not a write refused for starting inside a read, nor one joining a unit already ended.
  private readonly outside = AsyncLocalStorage.snapshot();

  push(write: () => Promise<void>): void {
    this.tail = this.tail
      .then(() => this.outside(write))
      .catch((error: unknown) => {
        this.failure ??= error;
      });
  }

  /** Waits for every write asked for so far; throws the first failure since the last flush. */
  async flush(): Promise<void> {
    await this.tail;
    const failure = this.failure;
    this.failure = null;
    if (failure !== null) throw failure;
  }

  /** Waits for every write asked for so far, leaving a failure for `flush()` to answer. */
  async settle(): Promise<void> {
    await this.tail;
  }
}
