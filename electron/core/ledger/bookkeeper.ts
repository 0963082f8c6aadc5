import { eq, sql } from 'drizzle-orm';
import type { TransactionMethod, TransactionStatus } from '../../../shared/contract/report-views';
import type { PaymentStatus } from '../../../shared/domain/payment-status';
import type { Tx } from '../db/open-database';
import { transactions } from '../db/schema';
import { attributeSale } from './attribution';
import { contribution, sameContribution, type Booking } from './booking';
import { businessDayOf, currentBusinessDay } from './business-calendar';
import {
  CASH_ROWS,
  ENTRY_ROWS,
  PAYMENT_ROWS,
  cashBooking,
  entryBooking,
  paymentBooking,
  type CashRaw,
  type DayResolver,
  type EntryRaw,
  type PaymentRaw,
} from './raw-bookings';
import { applyContribution } from './totals-store';

/*
 * The reporting hooks. Each runs inside the transaction that changed a payment, wrote a cash sale or
 * booked a wristband entry, so the transactions list and the running totals commit with the change
 * or not at all. Each re-derives its booking from the raw rows, exactly as a rebuild does.
 */

const running = (tx: Tx): DayResolver => ({
  dayOf: (kind, rowId, at) => businessDayOf(tx, kind, rowId, at),
  openDay: (at) => currentBusinessDay(tx, at),
});

/** After a payment row was inserted or its status changed. */
export function recordPayment(tx: Tx, paymentId: string): void {
  const query = () => tx.get<PaymentRaw | undefined>(sql`${sql.raw(PAYMENT_ROWS)} WHERE p.id = ${paymentId}`);
  let raw = query();
  if (!raw) return;
  if (raw.shopId === null) {
    attributeSale(tx, raw.saleId);
    raw = query() ?? raw;
  }
  upsertBooking(tx, paymentBooking(raw, running(tx)));
}

/** After a cash sale and its tender were written. */
export function recordCashSale(tx: Tx, saleId: string): void {
  const raw = tx.get<CashRaw | undefined>(sql`${sql.raw(CASH_ROWS)} WHERE c.sale_id = ${saleId}`);
  if (raw) upsertBooking(tx, cashBooking(raw, running(tx)));
}

/**
 * After a wristband entry was booked (wristband-book.ts). `profileId` is the top-up profile when the
 * caller knows it: a callback's receipt is written after the credit, so it cannot be looked up yet.
 */
export function recordWristbandEntry(tx: Tx, entryId: number, profileId?: string): void {
  const query = () => tx.get<EntryRaw | undefined>(sql`${sql.raw(ENTRY_ROWS)} AND e.id = ${entryId}`);
  let raw = query();
  if (!raw) return;
  if (raw.saleId !== null && raw.shopId === null) {
    attributeSale(tx, raw.saleId);
    raw = query() ?? raw;
  }
  upsertBooking(tx, entryBooking({ ...raw, profileId: profileId ?? raw.profileId }, running(tx)));
}

/** Writes the row and moves the totals by the difference between what it counted before and now. */
export function upsertBooking(tx: Tx, next: Booking): void {
  const prevRow = tx.select().from(transactions).where(eq(transactions.source, next.source)).get();
  const before = prevRow ? contribution(bookingOf(prevRow)) : null;
  const after = contribution(next);
  if (!sameContribution(before, after)) {
    if (before) applyContribution(tx, before, -1);
    if (after) applyContribution(tx, after, 1);
  }
  if (prevRow) tx.update(transactions).set(next).where(eq(transactions.seq, prevRow.seq)).run();
  else tx.insert(transactions).values(next).run();
}

export type TransactionRow = typeof transactions.$inferSelect;

export function bookingOf(row: TransactionRow): Booking {
  const { seq, ...rest } = row;
  void seq;
  return {
    ...rest,
    method: row.method as TransactionMethod,
    status: row.status as TransactionStatus,
    paymentStatus: row.paymentStatus as PaymentStatus | null,
  };
}
