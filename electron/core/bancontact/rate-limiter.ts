/**
 * What the Bancontact client awaits before each request: this in-process limiter on one station, or
 * the site's shared budget in PostgreSQL when many stations follow one profile (site/site-rate-budget.ts).
 */
export interface RequestBudget {
  /** Resolves when the request may go; call the returned function once it has ended, however it ended. */
  acquire(priority?: 'high' | 'low'): Promise<() => void>;
  /** Requests started, for the bench's figures. */
  readonly granted: number;
}

/** One of the `perSecond` places: free again one second after the request that held it has ended. */
interface Slot {
  /** When its request ended; Infinity while that request is still under way. */
  endedAt: number;
}

/**
 * At most `perSecond` requests per profile in any second as Bancontact sees them (5 by default).
 * A place is given back one second after its request *ended*: a request reaches Bancontact before
 * its answer comes back, so counting from the end holds even when the station sends late (a busy
 * event loop under 500 tills was measured sending a granted batch tens of ms late, which broke a
 * count from the grant). It also keeps at most `perSecond` requests in flight. Callers wait instead
 * of being refused, and the cashier's calls are served before background polling and sweeps.
 */
export class RateLimiter implements RequestBudget {
  private readonly slots: Slot[] = [];
  private readonly waiting: {
    high: Array<(release: () => void) => void>;
    low: Array<(release: () => void) => void>;
  } = { high: [], low: [] };
  private timer: NodeJS.Timeout | null = null;
  /** Requests started, for the bench's calls-per-minute figure. */
  granted = 0;

  constructor(
    private readonly perSecond = 5,
    private readonly now: () => number = () => performance.now(),
    private readonly windowMs = 1_000,
  ) {}

  /** Resolves when the request may go; call the returned function once it has ended, however it ended. */
  acquire(priority: 'high' | 'low' = 'low'): Promise<() => void> {
    return new Promise((resolve) => {
      this.waiting[priority].push(resolve);
      this.drain();
    });
  }

  private drain(): void {
    for (;;) {
      const queue = this.waiting.high.length > 0 ? this.waiting.high : this.waiting.low;
      if (queue.length === 0) return;
      const slot = this.freeSlot();
      if (!slot) return this.wakeWhenFree();
      slot.endedAt = Number.POSITIVE_INFINITY;
      this.granted += 1;
      queue.shift()?.(() => this.release(slot));
    }
  }

  private freeSlot(): Slot | undefined {
    if (this.slots.length < this.perSecond) {
      const slot = { endedAt: Number.NEGATIVE_INFINITY };
      this.slots.push(slot);
      return slot;
    }
    const at = this.now();
    return this.slots.find((slot) => slot.endedAt + this.windowMs <= at);
  }

  private release(slot: Slot): void {
    if (slot.endedAt !== Number.POSITIVE_INFINITY) return;
    slot.endedAt = this.now();
    this.drain();
  }

  /** Wakes when the earliest ended place frees up; places still in flight wake the queue on release. */
  private wakeWhenFree(): void {
    if (this.timer) return;
    const ends = this.slots.map((slot) => slot.endedAt).filter((end) => Number.isFinite(end));
    if (ends.length === 0) return;
    const wait = Math.max(0, Math.min(...ends) + this.windowMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.drain();
    }, Math.ceil(wait));
  }
}
