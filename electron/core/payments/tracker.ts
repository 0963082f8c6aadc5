import { isFinalStatus } from '../../../shared/domain/payment-status';
import type { BancontactClient } from '../bancontact/client';
import { toContractFailure } from '../bancontact/contract-errors';
import type { Db } from '../db/open-database';
import type { Logger } from '../logger';
import type { SalesRepo } from '../till/sales-repo';
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
  isOnScreen: (paymentId: string) => boolean;
  onScreenIntervalMs?: number;
  backgroundIntervalMs?: number;
  /** Waits after consecutive failures: 1 → 2 → 5 → 15 s, then 15 s. */
  backoffMs?: readonly number[];
}

export interface PaymentTracker {
  follow(paymentId: string): void;
  /** Picks up every payment that is not final, e.g. after a crash. */
  resume(): number;
  stop(): void;
}

/** Follows each open payment by polling GET until Bancontact reports a final status. */
export function createPaymentTracker(options: TrackerOptions): PaymentTracker {
  const {
    onScreenIntervalMs = 800,
    backgroundIntervalMs = 5_000,
    backoffMs = [1_000, 2_000, 5_000, 15_000],
  } = options;
  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  const schedule = (paymentId: string, delayMs: number, failures: number): void => {
    if (stopped) return;
    clearTimeout(timers.get(paymentId));
    timers.set(
      paymentId,
      setTimeout(() => void poll(paymentId, failures), delayMs),
    );
  };

  const poll = async (paymentId: string, failures: number): Promise<void> => {
    const row = options.repo.payment(paymentId);
    if (!row?.bancontactId || isFinalStatus(row.status as never)) return void timers.delete(paymentId);
    try {
      const remote = await options.client.getPayment(row.bancontactId);
      if (stopped) return;
      const result = applyStatus(options.db, {
        paymentId,
        status: remote.status,
        source: 'poll',
        at: options.now(),
      });
      const cleared = recordProblem(options.db, paymentId, null, options.now());
      if (result.changed || cleared) options.onSaleChanged(result.saleId);
      if (isFinalStatus(result.status)) return void timers.delete(paymentId);
      schedule(paymentId, options.isOnScreen(paymentId) ? onScreenIntervalMs : backgroundIntervalMs, 0);
    } catch (error) {
      if (stopped) return;
      const failure = toContractFailure(error);
      if (
        recordProblem(options.db, paymentId, { code: failure.code, message: failure.message }, options.now())
      ) {
        options.onSaleChanged(row.saleId);
      }
      options.logger.warn(`polling payment ${row.bancontactId} failed: ${failure.code}`);
      schedule(paymentId, backoffMs[Math.min(failures, backoffMs.length - 1)] ?? 15_000, failures + 1);
    }
  };

  return {
    follow: (paymentId) => schedule(paymentId, options.onScreenIntervalMs ?? onScreenIntervalMs, 0),
    resume() {
      const unfinished = options.repo.unfinishedPayments();
      // Poll at once: whatever happened while the station was down is most likely already final.
      for (const payment of unfinished) schedule(payment.id, 0, 0);
      return unfinished.length;
    },
    stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
