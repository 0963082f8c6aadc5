import { eq } from 'drizzle-orm';
import type { BancontactStatus } from '../../../shared/domain/payment-status';
import type { BancontactClient, CallPriority } from '../bancontact/client';
import type { GetPaymentResponse } from '../bancontact/types';
import type { Db } from '../db/open-database';
import type { StorageGuard } from '../db/storage-errors';
import { payments } from '../db/schema';
import type { Logger } from '../logging/logger';
import type { Lease } from '../site/lease';
import { applyStatus } from './transition';

export interface SweepDeps {
  db: Db;
  client: BancontactClient;
  now: () => number;
  logger: Logger;
  onSaleChanged: (saleId: string) => void;
  /** Payments Bancontact holds that no sale of this station created, e.g. top-ups. */
  onForeignPayment?: (payment: GetPaymentResponse) => Promise<unknown> | void;
  intervalMs?: number;
  /** How far back the sweep at start-up looks, and the later ones. */
  startupWindowMs?: number;
  windowMs?: number;
  /** Only payments in these statuses; all by default. */
  paymentStatuses?: BancontactStatus[];
  /** A full disk is said once per episode by this guard; the next sweep tries again. */
  storage?: StorageGuard;
}

export interface SweepResult {
  seen: number;
  applied: number;
}

const PAGE_SIZE = 100;
const MAX_PAGES = 50;

/**
 * Searches Bancontact for recent payments and feeds each one to the state machine: it catches
 * whatever a dropped callback or a crash made the station miss.
 */
export class SearchSweep {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SweepResult> | null = null;

  constructor(private readonly deps: SweepDeps) {}

  /**
   * Sweeps now over the start-up window, then every `intervalMs`. Given the `sweep:` lease (work once
   * per site, once-per-site.ts), each periodic sweep first checks this station still holds it.
   */
  start(lease?: Lease): void {
    this.stop();
    void this.runSafely(this.deps.startupWindowMs ?? 24 * 3_600_000);
    this.timer = setInterval(() => {
      if (lease && !lease.held) return;
      void this.runSafely(this.deps.windowMs ?? 30 * 60_000);
    }, this.deps.intervalMs ?? 180_000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One sweep over the window; concurrent requests share the sweep in flight. */
  run(windowMs: number, priority: CallPriority = 'low'): Promise<SweepResult> {
    this.running ??= this.sweep(windowMs, priority).finally(() => (this.running = null));
    return this.running;
  }

  private async runSafely(windowMs: number): Promise<void> {
    try {
      const result = await this.run(windowMs);
      if (result.applied > 0) this.deps.logger.info(`search sweep applied ${result.applied} change(s)`);
    } catch (error) {
      if (this.deps.storage?.absorbs(error, 'saving what a search of Bancontact found')) return;
      this.deps.logger.warn(`search sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async sweep(windowMs: number, priority: CallPriority): Promise<SweepResult> {
    const to = new Date(this.deps.now()).toISOString();
    const from = new Date(this.deps.now() - windowMs).toISOString();
    const result: SweepResult = { seen: 0, applied: 0 };
    for (let page = 0; page < MAX_PAGES; page++) {
      const { paymentStatuses } = this.deps;
      const filter = { from, to, page, size: PAGE_SIZE, ...(paymentStatuses ? { paymentStatuses } : {}) };
      const answer = await this.deps.client.searchPayments(filter, priority);
      for (const detail of answer.details) {
        result.seen += 1;
        if (await this.feed(detail)) result.applied += 1;
      }
      if (page + 1 >= answer.totalPages) break;
    }
    return result;
  }

  private async feed(detail: GetPaymentResponse): Promise<boolean> {
    const { db, now } = this.deps;
    const [local] = await db.read((q) =>
      q.select().from(payments).where(eq(payments.bancontactId, detail.paymentId)).limit(1),
    );
    if (!local) {
      await this.deps.onForeignPayment?.(detail);
      return false;
    }
    const change = await applyStatus(db, {
      paymentId: local.id,
      status: detail.status,
      source: 'sweep',
      at: now(),
    });
    if (change.changed) this.deps.onSaleChanged(change.saleId);
    return change.changed;
  }
}
