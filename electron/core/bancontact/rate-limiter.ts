/**
 * A token bucket per payment profile (5 requests/s by default). Callers wait for a token instead of
 * being refused, and the cashier's calls are served before background polling and sweeps.
 */
export class RateLimiter {
  private tokens: number;
  private lastRefill: number;
  private readonly waiting: { high: Array<() => void>; low: Array<() => void> } = { high: [], low: [] };
  private timer: NodeJS.Timeout | null = null;
  /** Requests started, for the bench's calls-per-minute figure. */
  granted = 0;

  constructor(
    private readonly perSecond = 5,
    private readonly burst = perSecond,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.lastRefill = now();
  }

  acquire(priority: 'high' | 'low' = 'low'): Promise<void> {
    return new Promise((resolve) => {
      this.waiting[priority].push(resolve);
      this.drain();
    });
  }

  private drain(): void {
    this.refill();
    while (this.tokens >= 1) {
      const next = this.waiting.high.shift() ?? this.waiting.low.shift();
      if (!next) return;
      this.tokens -= 1;
      this.granted += 1;
      next();
    }
    if (!this.timer && this.waiting.high.length + this.waiting.low.length > 0) {
      const wait = Math.ceil(((1 - this.tokens) / this.perSecond) * 1_000);
      this.timer = setTimeout(() => {
        this.timer = null;
        this.drain();
      }, wait);
    }
  }

  private refill(): void {
    const at = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((at - this.lastRefill) / 1_000) * this.perSecond);
    this.lastRefill = at;
  }
}
