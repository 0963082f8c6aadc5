import { eq, sql } from 'drizzle-orm';
import type { TransactionMethod, TransactionStatus } from '../../../shared/contract/report-views';
import type { PaymentStatus } from '../../../shared/domain/payment-status';
import type { DayNumber } from '../../../shared/domain/business-day';
import type { Tx } from '../db/open-database';
import { rawRow } from '../db/raw';
import { transactions } from '../db/schema';
import { attributeSale } from './attribution';
import { contributions, sameContributions, type Booking, type VatPart } from './booking';
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
import { refundBooking, refundRaw } from './refund-bookings';
import { applyContribution } from './totals-store';
import { replaceVatParts, storedVatParts } from './transaction-vat';

/*
 * The reporting hooks. Each runs inside the transaction that changed a payment, wrote a cash sale or
 * booked a wristband entry, so the transactions list and the running totals commit with the change
 * or not at all. Each re-derives its booking from the raw rows, exactly as a rebuild does.
 */

/**
 * The mapping from raw row to booking is synchronous: a rebuild runs it over a million rows with every
 * Z in memory. A running hook looks its one day up in the database instead, so the mapping runs twice:
 * first to learn which day it asks for, then with that day looked up.
 */
async function withRunningDay(tx: Tx, map: (days: DayResolver) => Booking): Promise<Booking> {
  const asked: Array<() => Promise<DayNumber>> = [];
  const ask = (lookUp: () => Promise<DayNumber>): DayNumber => {
    asked.push(lookUp);
    return 0;
  };
  map({
    dayOf: (kind, rowId, at) => ask(() => businessDayOf(tx, kind, rowId, at)),
    openDay: (at) => ask(() => currentBusinessDay(tx, at)),
  });
  const answers: DayNumber[] = [];
  for (const ask of asked) answers.push(await ask());
  let next = 0;
  const answer = (): DayNumber => answers[next++]!;
  return map({ dayOf: answer, openDay: answer });
}

/** After a payment row was inserted or its status changed. */
export async function recordPayment(tx: Tx, paymentId: string): Promise<void> {
  const query = () => rawRow<PaymentRaw>(tx, sql`${sql.raw(PAYMENT_ROWS)} WHERE p.id = ${paymentId}`);
  let raw = await query();
  if (!raw) return;
  if (raw.shopId === null) {
    await attributeSale(tx, raw.saleId);
    raw = (await query()) ?? raw;
  }
  const paid = raw;
  await upsertBooking(tx, await withRunningDay(tx, (days) => paymentBooking(paid, days)));
}

/** After a cash sale and its tender were written. */
export async function recordCashSale(tx: Tx, saleId: string): Promise<void> {
  const raw = await rawRow<CashRaw>(tx, sql`${sql.raw(CASH_ROWS)} WHERE c.sale_id = ${saleId}`);
  if (raw) await upsertBooking(tx, await withRunningDay(tx, (days) => cashBooking(raw, days)));
}

/** After a sale refund was written or its status changed (refunds/give-back.ts). */
export async function recordSaleRefund(tx: Tx, refundId: number): Promise<void> {
  const raw = await refundRaw(tx, refundId);
  if (raw) await upsertBooking(tx, await withRunningDay(tx, (days) => refundBooking(raw, days)));
}

/**
 * After a wristband entry was booked (wristband-book.ts). `profileId` is the top-up profile when the
 * caller knows it: a callback's receipt is written after the credit, so it cannot be looked up yet.
 */
export async function recordWristbandEntry(tx: Tx, entryId: number, profileId?: string): Promise<void> {
  const query = () => rawRow<EntryRaw>(tx, sql`${sql.raw(ENTRY_ROWS)} AND e.id = ${entryId}`);
  let raw = await query();
  if (!raw) return;
  if (raw.saleId !== null && raw.shopId === null) {
    await attributeSale(tx, raw.saleId);
    raw = (await query()) ?? raw;
  }
  const entry = { ...raw, profileId: profileId ?? raw.profileId };
  await upsertBooking(tx, await withRunningDay(tx, (days) => entryBooking(entry, days)));
}

/**
 * Writes the row and its parts per VAT rate, and moves the totals by the difference between what it
 * counted before and now.
 */
export async function upsertBooking(tx: Tx, next: Booking): Promise<void> {
  const [prevRow] = await tx.select().from(transactions).where(eq(transactions.source, next.source)).limit(1);
  const prevVat = prevRow ? await storedVatParts(tx, next.source) : [];
  const before = prevRow ? contributions(bookingOf(prevRow, prevVat)) : [];
  const after = contributions(next);
  if (!sameContributions(before, after)) {
    for (const c of before) await applyContribution(tx, c, -1);
    for (const c of after) await applyContribution(tx, c, 1);
  }
  const { vat, ...row } = next;
  if (prevRow) await tx.update(transactions).set(row).where(eq(transactions.seq, prevRow.seq));
  else await tx.insert(transactions).values(row);
  if (JSON.stringify(prevVat) !== JSON.stringify(vat)) await replaceVatParts(tx, next.source, vat);
}

export type TransactionRow = typeof transactions.$inferSelect;

/** A stored row as a booking; `vat` its stored parts (none for a row from before them). */
export function bookingOf(row: TransactionRow, vat: VatPart[] = []): Booking {
  const { seq, ...rest } = row;
  void seq;
  return {
    ...rest,
    vat,
    method: row.method as TransactionMethod,
    status: row.status as TransactionStatus,
    paymentStatus: row.paymentStatus as PaymentStatus | null,
  };
}
