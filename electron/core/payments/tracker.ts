import { isFinalStatus, type PaymentStatus } from '../../../shared/domain/payment-status';
import type { BancontactClient } from '../bancontact/client';
import { toContractFailure } from '../bancontact/contract-errors';
import type { Db } from '../db/open-database';
import { guardFor, type StorageGuard } from '../db/storage-errors';
import type { Logger } from '../logging/logger';
import type { Lease } from '../site/lease';
import type { PaymentRow, SalesRepo } from '../sales/sales-repo';
import { applyStatus, recordProblem } from './transition';

export interface TrackerOptions {
  db: Db;
  repo: SalesRepo;
  client: BancontactClient;
  now: () => number;
  logger: Logger;
  /** Called after a change to a sale's payment has been persisted. */
  onSaleChanged: (saleId: string) => void;
  /** Payments the cashier and customer are looking at are polled fast, the others slowly. */
  isOnScreen: (paymentId: string) => Promise<boolean> | boolean;
  onScreenIntervalMs?: number;
  /** Payments off screen rely on callbacks and sweeps; a slow poll is the safety net. */
  backgroundIntervalMs?: number;
  /** After `expireAt` plus this, Bancontact is asked for the final status. */
  expiryGraceMs?: number;
  /** Waits after consecutive failures: 1 → 2 → 5 → 15 s, then 15 s. */
  backoffMs?: readonly number[];
  /**
   * Follows many payments by one search instead of a GET each: above `threshold` followed payments,
   * a GET per payment per second would not fit the rate limit (500 open payments at 5 requests/s is
   * 100 s per round), while one search page covers 100 of them.
   */
  followBySearch?: { threshold: number; search: (windowMs: number) => Promise<unknown> };
  /** The client of a payment made with another profile than the mode's own (a shop's), else null. */
  otherClient?: (profileId: string) => BancontactClient | null;
  /** Tells a full disk from other failures; the station shares one, so the log says it once. */
  storage?: StorageGuard;
  /**
   * Set when following is work once per site (the `poll:<profileId>` lease, profile-following.ts): the
   * tracker then follows nothing until `lead` hands it the lease, and stops when the lease is gone.
   * Unset (a tool, a test), it follows alone from the start.
   */
  leased?: boolean;
}

/** How far back a bulk search looks; a payment older than this is still followed by its own GET. */
export const BULK_WINDOW_MS = 15 * 60_000;

const DEFAULT_BACKOFF_MS = [1_000, 2_000, 5_000, 15_000] as const;
/** How often a payment past its expiry, still not final at Bancontact, is asked again. */
const OVERDUE_RETRY_MS = 5_000;

/** Follows each open payment by polling GET until Bancontact reports a final status. */
export class PaymentTracker {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;
  private readonly onScreenMs: number;
  private readonly backgroundMs: number;
  private readonly graceMs: number;
  private readonly backoffMs: readonly number[];
  private readonly storage: StorageGuard;
  /** The `poll:` lease while this station holds it (only with `leased`). */
  private lease: Lease | null = null;

  constructor(private readonly options: TrackerOptions) {
    this.storage = options.storage ?? guardFor(options.db, options.logger);
    this.onScreenMs = options.onScreenIntervalMs ?? 800;
    this.backgroundMs = options.backgroundIntervalMs ?? 60_000;
    this.graceMs = options.expiryGraceMs ?? 10_000;
    this.backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  }

  /** Not leading, it does nothing: the station holding the lease finds the payment (`discover`). */
  follow(paymentId: string): void {
    this.schedule(paymentId, this.onScreenMs, 0);
  }

  /** Whether this tracker polls now: alone, or holding the lease by its own clocks. */
  get leading(): boolean {
    return !this.options.leased || (this.lease?.held ?? false);
  }

  /** This station now holds the `poll:` lease: it follows every unfinished payment of the books. */
  async lead(lease: Lease): Promise<number> {
    this.lease = lease;
    return this.resume();
  }

  /** The lease is gone (expired, taken over, given up): every timer stops; the new holder resumes them. */
  standDown(): void {
    this.lease = null;
    this.clearTimers();
  }

  /**
   * Follows the unfinished payments it does not follow yet, e.g. those another station's till just
   * created; answers how many. A payment on a till's screen is asked at once.
   */
  async discover(): Promise<number> {
    if (!this.leading || this.stopped) return 0;
    const fresh = (await this.options.repo.unfinishedPayments()).filter((p) => !this.timers.has(p.id));
    for (const payment of fresh) this.schedule(payment.id, await this.firstDelay(payment), 0);
    return fresh.length;
  }

  /**
   * Picks up every payment that is not final, e.g. after a crash. Those on a till's screen are asked
   * at once; the rest are left to the start-up search sweep and to their poll after expiry, so a
   * thousand open payments do not queue a thousand requests ahead of the cashier.
   */
  async resume(): Promise<number> {
    const unfinished = await this.options.repo.unfinishedPayments();
    for (const payment of unfinished) this.schedule(payment.id, await this.firstDelay(payment), 0);
    return unfinished.length;
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
  }

  private clearTimers(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async firstDelay(payment: PaymentRow): Promise<number> {
    return (await this.options.isOnScreen(payment.id)) ? 0 : this.nextPollDelay(payment);
  }

  private schedule(paymentId: string, delayMs: number, failures: number): void {
    if (this.stopped || !this.leading) return;
    clearTimeout(this.timers.get(paymentId));
    this.timers.set(
      paymentId,
      setTimeout(() => void this.poll(paymentId, failures), delayMs),
    );
  }

  private async poll(paymentId: string, failures: number): Promise<void> {
    // Checked before each request: a station that was frozen finds its lease gone on waking, and asks nothing.
    if (!this.leading) {
      this.timers.delete(paymentId);
      return;
    }
    const row = await this.options.repo.payment(paymentId);
    if (!row?.bancontactId || isFinalStatus(row.status as PaymentStatus)) {
      this.timers.delete(paymentId);
      return;
    }
    // The bulk search covers the mode's own profile; another shop's payment is asked for by itself.
    const other = this.options.otherClient?.(row.profileId) ?? null;
    if (!other && this.followsInBulk(row)) return this.pollInBulk(row, failures);
    try {
      const priority = (await this.options.isOnScreen(paymentId)) ? 'high' : 'low';
      const remote = await (other ?? this.options.client).getPayment(row.bancontactId, priority);
      if (!this.stopped) await this.onAnswer(row, remote.status);
    } catch (error) {
      if (!this.stopped) await this.onFailure(row, error, failures);
    }
  }

  private async onAnswer(row: PaymentRow, status: PaymentStatus): Promise<void> {
    const { db, now } = this.options;
    const result = await applyStatus(db, { paymentId: row.id, status, source: 'poll', at: now() });
    // The status is saved: a disk that fills just now must not keep the till from hearing of it.
    let cleared = false;
    await this.attempt(`saving payment ${row.bancontactId}`, async () => {
      cleared = await recordProblem(db, row.id, null, now());
    });
    if (result.changed || cleared) this.options.onSaleChanged(result.saleId);
    if (isFinalStatus(result.status)) {
      this.timers.delete(row.id);
      return;
    }
    this.schedule(row.id, await this.nextPollDelay(row), 0);
  }

  private followsInBulk(row: PaymentRow): boolean {
    const bulk = this.options.followBySearch;
    if (!bulk || this.timers.size <= bulk.threshold) return false;
    return row.createdAt > this.options.now() - BULK_WINDOW_MS + 60_000;
  }

  /** One shared search brings every followed payment up to date; this one is then looked at again. */
  private async pollInBulk(row: PaymentRow, failures: number): Promise<void> {
    try {
      await this.options.followBySearch?.search(BULK_WINDOW_MS);
      if (this.stopped) return;
      const fresh = await this.options.repo.payment(row.id);
      if (await recordProblem(this.options.db, row.id, null, this.options.now()))
        this.options.onSaleChanged(row.saleId);
      if (!fresh || isFinalStatus(fresh.status as PaymentStatus)) {
        this.timers.delete(row.id);
        return;
      }
      this.schedule(row.id, await this.nextPollDelay(fresh), 0);
    } catch (error) {
      if (!this.stopped) await this.onFailure(row, error, failures);
    }
  }

  /** On screen: about every second. Otherwise slowly, but right after expiry plus grace. */
  private async nextPollDelay(row: PaymentRow): Promise<number> {
    if (await this.options.isOnScreen(row.id)) return this.onScreenMs;
    if (row.expiresAt === null) return this.backgroundMs;
    const untilExpiry = row.expiresAt + this.graceMs - this.options.now();
    // Past expiry Bancontact should answer a final status; if it does not yet, ask again now and then, not in a loop.
    return untilExpiry > 0
      ? Math.min(this.backgroundMs, untilExpiry)
      : Math.min(this.backgroundMs, OVERDUE_RETRY_MS);
  }

  /**
   * Keeps the status, notes the reason for the cashier, and tries again after a growing pause. A full
   * disk is no news about the payment: nothing is noted (nothing could be), and the status Bancontact
   * gave is asked for again and saved once space is back.
   */
  private async onFailure(row: PaymentRow, error: unknown, failures: number): Promise<void> {
    const delay = this.backoffMs[Math.min(failures, this.backoffMs.length - 1)] ?? 15_000;
    this.schedule(row.id, delay, failures + 1);
    if (this.storage.absorbs(error, `saving payment ${row.bancontactId}`)) return;
    const failure = toContractFailure(error);
    const problem = { code: failure.code, message: failure.message };
    await this.attempt(`noting a problem with payment ${row.bancontactId}`, async () => {
      if (await recordProblem(this.options.db, row.id, problem, this.options.now()))
        this.options.onSaleChanged(row.saleId);
    });
    this.options.logger.warn(`polling payment ${row.bancontactId} failed: ${failure.code}`);
  }

  /** A write that may meet a full disk (StorageGuard.attempt, awaited): said once, other errors pass. */
  private async attempt(doing: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (!this.storage.absorbs(error, doing)) throw error;
    }
  }
}
