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
import { coveredCents, settleAfterPart } from '../sales/sale-tenders';

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
 * and each accepted change is logged in the same unit of work as the new status (joining the caller's).
 */
export function applyStatus(db: Db, update: StatusUpdate): Promise<TransitionResult> {
  return db.write((tx) => applyStatusIn(tx, update));
}

/** applyStatus inside the caller's unit of work. */
export async function applyStatusIn(tx: Tx, update: StatusUpdate): Promise<TransitionResult> {
  const [current] = await tx.select().from(payments).where(eq(payments.id, update.paymentId)).limit(1);
  if (!current) throw new Error(`payment ${update.paymentId} does not exist`);
  const from = current.status as PaymentStatus;
  if (!isForwardTransition(from, update.status)) {
    return { changed: false, saleId: current.saleId, status: from };
  }
  await tx
    .update(payments)
    .set({
      status: update.status,
      problemCode: null,
      problemMessage: null,
      updatedAt: update.at,
      ...(update.created ?? {}),
    })
    .where(eq(payments.id, update.paymentId));
  await tx.insert(paymentEvents).values({
    paymentId: update.paymentId,
    at: update.at,
    fromStatus: from,
    toStatus: update.status,
    source: update.source,
  });
  if (update.status === 'SUCCEEDED') {
    // Paid once its tenders cover it, with its receipt number (and, where the till prints by itself, its
    // print job) at once; a Bancontact part of a split sale leaves it open with the rest due.
    const part = { method: 'bancontact' as const, paymentId: update.paymentId };
    await settleAfterPart(tx, current.saleId, part, update.at);
  } else {
    const after = saleStatusAfter(update.status, update.source === 'cancel' || !current.wanted);
    const saleStatus = await splitSaleStatus(tx, current.saleId, after);
    if (saleStatus) {
      await tx
        .update(sales)
        .set({ status: saleStatus, updatedAt: update.at })
        .where(eq(sales.id, current.saleId));
    }
  }
  // The transactions list and the running totals change in this same unit of work, or not at all.
  await recordPayment(tx, update.paymentId);
  return { changed: true, saleId: current.saleId, status: update.status };
}

/**
 * A part of a split sale that fails, expires or is given up leaves the tenders already taken, and the
 * sale open; a sale already cancelled (its tenders given back) stays so.
 */
async function splitSaleStatus(tx: Tx, saleId: string, after: SaleStatus | null): Promise<SaleStatus | null> {
  if (!after || after === 'open') return after;
  const [sale] = await tx.select({ status: sales.status }).from(sales).where(eq(sales.id, saleId)).limit(1);
  if (sale?.status === 'cancelled') return 'cancelled';
  return (await coveredCents(tx, saleId)) > 0 ? 'open' : after;
}

function saleStatusAfter(status: PaymentStatus, cashierGaveUp: boolean): SaleStatus | null {
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
): Promise<boolean> {
  return db.write(async (tx) => {
    const [current] = await tx.select().from(payments).where(eq(payments.id, paymentId)).limit(1);
    if (!current) return false;
    if (
      current.problemCode === (problem?.code ?? null) &&
      current.problemMessage === (problem?.message ?? null)
    ) {
      return false;
    }
    await tx
      .update(payments)
      .set({ problemCode: problem?.code ?? null, problemMessage: problem?.message ?? null, updatedAt: at })
      .where(eq(payments.id, paymentId));
    return true;
  });
}
