/**
 * At most `perSecond` requests in any sliding second, per payment profile (5 by default). A token
 * bucket would let a full bucket plus its refill through within one second, twice the limit; a log
 * of the last grants cannot. Callers wait instead of being refused, and the cashier's calls are
 * served before background polling and sweeps.
 */
export class RateLimiter {
  /** When the last `perSecond` requests were let through, oldest first. */
  private readonly grants: number[] = [];
  private readonly waiting: { high: Array<() => void>; low: Array<() => void> } = { high: [], low: [] };
  private timer: NodeJS.Timeout | null = null;
  /** Requests started, for the bench's calls-per-minute figure. */
  granted = 0;

  constructor(
    private readonly perSecond = 5,
    private readonly now: () => number = () => performance.now(),
    /** A little more than a second: a request is sent a moment after it is let through. */
    private readonly windowMs = 1_020,
  ) {}

  acquire(priority: 'high' | 'low' = 'low'): Promise<void> {
    return new Promise((resolve) => {
      this.waiting[priority].push(resolve);
      this.drain();
    });
  }

  private drain(): void {
    for (;;) {
      const queue = this.waiting.high.length > 0 ? this.waiting.high : this.waiting.low;
      if (queue.length === 0) return;
      const wait = this.waitMs();
      if (wait > 0) return this.wake(wait);
      this.grants.push(this.now());
      if (this.grants.length > this.perSecond) this.grants.shift();
      this.granted += 1;
      queue.shift()?.();
    }
  }

  private waitMs(): number {
    const oldest = this.grants[0];
    if (this.grants.length < this.perSecond || oldest === undefined) return 0;
    return Math.max(0, oldest + this.windowMs - this.now());
  }

  private wake(wait: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.drain();
    }, Math.ceil(wait));
  }
}
