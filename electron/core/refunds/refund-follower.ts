import type { BancontactRefund, RefundClient } from '../bancontact/refund-client';
import { BancontactError } from '../bancontact/errors';
import type { Logger } from '../logging/logger';

/*
 * A Bancontact refund is always PENDING when created and ends REFUNDED or FAILED later, with no
 * callback: Kassa asks for it until it ends. Where refunds are kept (and booked in the X and Z) is the
 * store's business; this service only follows them, through the profile's rate budget at background
 * priority so that a cashier's payment never waits behind a refund being followed.
 */

/** A refund Bancontact accepted, as the store remembers it. */
export interface FollowedRefund {
  paymentId: string;
  refundId: string;
}

export interface RefundFollowStore {
  /** Refunds created and not yet ended, e.g. after a restart. */
  unfinished(): Promise<FollowedRefund[]>;
  /** The refund ended (REFUNDED or FAILED): book it. Called again only when it threw. */
  finished(refund: BancontactRefund): Promise<void>;
}

export interface RefundFollowerOptions {
  client: Pick<RefundClient, 'getRefund'>;
  store: RefundFollowStore;
  logger: Logger;
  /** First wait before asking; doubles after each PENDING answer up to `maxIntervalMs`. */
  intervalMs?: number;
  maxIntervalMs?: number;
}

export interface RefundFollower {
  /** Follows a refund just created (PENDING) until it ends; following it twice is following it once. */
  follow(refund: FollowedRefund): void;
  /** Follows every refund the store has not seen end. */
  resume(): Promise<void>;
  /** How many refunds are being followed now. */
  readonly following: number;
  /** Stops asking; resolves once no question is under way. */
  stop(): Promise<void>;
}

/** Refunds take seconds to days (they wait for the payout); asking more than once a minute gains nothing. */
const DEFAULT_INTERVAL_MS = 2_000;
const DEFAULT_MAX_INTERVAL_MS = 60_000;

export function createRefundFollower(options: RefundFollowerOptions): RefundFollower {
  return new PollingFollower(options);
}

class PollingFollower implements RefundFollower {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly asking = new Set<Promise<void>>();
  private stopped = false;
  private readonly first: number;
  private readonly longest: number;

  constructor(private readonly options: RefundFollowerOptions) {
    this.first = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    this.longest = options.maxIntervalMs ?? DEFAULT_MAX_INTERVAL_MS;
  }

  get following(): number {
    return this.timers.size;
  }

  follow(refund: FollowedRefund): void {
    if (!this.timers.has(refund.refundId)) this.schedule(refund, this.first);
  }

  async resume(): Promise<void> {
    for (const refund of await this.options.store.unfinished()) this.follow(refund);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.asking]);
  }

  private schedule(refund: FollowedRefund, waitMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      const question = this.ask(refund, waitMs).finally(() => this.asking.delete(question));
      this.asking.add(question);
    }, waitMs);
    this.timers.set(refund.refundId, timer);
  }

  private async ask(refund: FollowedRefund, waitedMs: number): Promise<void> {
    const next = Math.min(waitedMs * 2, this.longest);
    try {
      const answer = await this.options.client.getRefund(refund.paymentId, refund.refundId);
      if (answer.status === 'PENDING') return this.schedule(refund, next);
      this.timers.delete(refund.refundId);
      // Until the store took it, the refund is asked about again (below): nothing ends unbooked.
      await this.options.store.finished(answer);
    } catch (error) {
      // A transient failure is asked again soon; anything else slowly, and said once per attempt.
      const transient = error instanceof BancontactError && error.isTransient;
      if (!transient)
        this.options.logger.warn(`refund ${refund.refundId} could not be followed: ${messageOf(error)}`);
      this.schedule(refund, transient ? next : this.longest);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
