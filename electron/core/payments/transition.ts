import { eq } from 'drizzle-orm';
import {
  isFinalStatus,
  isForwardTransition,
  type PaymentStatus,
} from '../../../shared/domain/payment-status';
import type { SaleStatus } from '../../../shared/contract';
import type { Db, Tx } from '../db/open-database';
import { paymentEvents, payments, sales } from '../db/schema';
import { recordPayment } from '../ledger/bookkeeper';

/** Where a status came from; kept in the payment's event log. */
export type StatusSource = 'create' | 'poll' | 'cancel' | 'callback' | 'sweep' | 'recovery';

export interface StatusUpdate {
  paymentId: string;
  status: PaymentStatus;
  source: StatusSource;
  at: number;
  /** Set when Bancontact first accepts the payment. */
  created?: { bancontactId: string; deeplink: string; expiresAt: number };
}

export interface TransitionResult {
  changed: boolean;
  saleId: string;
  status: PaymentStatus;
}

/**
 * The one state machine every source feeds: statuses only move forward, final ones never change,
 * and each accepted change is logged in the same transaction as the new status.
 */
export function applyStatus(db: Db | Tx, update: StatusUpdate): TransitionResult {
  return db.transaction((tx) => {
    const current = tx.select().from(payments).where(eq(payments.id, update.paymentId)).get();
    if (!current) throw new Error(`payment ${update.paymentId} does not exist`);
    const from = current.status as PaymentStatus;
    if (!isForwardTransition(from, update.status)) {
      return { changed: false, saleId: current.saleId, status: from };
    }
    tx.update(payments)
      .set({
        status: update.status,
        problemCode: null,
        problemMessage: null,
        updatedAt: update.at,
        ...(update.created ?? {}),
      })
      .where(eq(payments.id, update.paymentId))
      .run();
    tx.insert(paymentEvents)
      .values({
        paymentId: update.paymentId,
        at: update.at,
        fromStatus: from,
        toStatus: update.status,
        source: update.source,
      })
      .run();
    const saleStatus = saleStatusAfter(update.status, update.source === 'cancel' || !current.wanted);
    if (saleStatus) {
      tx.update(sales)
        .set({ status: saleStatus, updatedAt: update.at })
        .where(eq(sales.id, current.saleId))
        .run();
    }
    // The transactions list and the running totals change in this same transaction, or not at all.
    recordPayment(tx, update.paymentId);
    return { changed: true, saleId: current.saleId, status: update.status };
  });
}

function saleStatusAfter(status: PaymentStatus, cashierGaveUp: boolean): SaleStatus | null {
  if (status === 'SUCCEEDED') return 'paid';
  // A payment the cashier gave up closes the sale; any other failure leaves it open to a retry.
  if (cashierGaveUp && (status === 'CANCELLED' || status === 'VOIDED')) return 'cancelled';
  if (isFinalStatus(status)) return 'unpaid';
  return 'open';
}

/** Notes why the last call about a payment failed, without touching its status. */
export function recordProblem(
  db: Db,
  paymentId: string,
  problem: { code: string; message: string } | null,
  at: number,
): boolean {
  const current = db.select().from(payments).where(eq(payments.id, paymentId)).get();
  if (!current) return false;
  if (
    current.problemCode === (problem?.code ?? null) &&
    current.problemMessage === (problem?.message ?? null)
  ) {
    return false;
  }
  db.update(payments)
    .set({ problemCode: problem?.code ?? null, problemMessage: problem?.message ?? null, updatedAt: at })
    .where(eq(payments.id, paymentId))
    .run();
  return true;
}
