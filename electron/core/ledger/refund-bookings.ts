import { sql } from 'drizzle-orm';
import type { TransactionMethod } from '../../../shared/contract/report-views';
import type { Tx } from '../db/open-database';
import { rawRow } from '../db/raw';
import type { Booking } from './booking';
import type { DayResolver } from './raw-bookings';
import { vatParts } from './vat-parts';

/*
 * A sale refund (db/schema/refunds.ts) as a booking: the money given back, negative, at the method
 * that took it and per VAT rate (its own `sale_refund_vat`, computed once when it was made), on the
 * business day it was made (its id against each Z's refund mark). Like the other raw rows, one query
 * serves the running hook (WHERE r.id = ?) and the rebuild (all rows).
 */
export const REFUND_ROWS = `SELECT r.id AS "refundId", r.sale_id AS "saleId", r.method AS method, r.status AS status,
  r.amount_cents AS "amountCents", r.created_at AS "createdAt", r.till_id AS "tillId", r.payment_id AS "paymentId",
  r.wristband_id AS "wristbandId", s.shop_id AS "shopId", s.cashier_id AS "cashierId", s.vat_rate AS "vatRate",
  p.profile_id AS "profileId", p.bancontact_id AS "bancontactId",
  CASE WHEN r.kind = 'refund' THEN 1 ELSE 0 END AS counts,
  (SELECT string_agg(CAST(v.vat_rate AS TEXT) || ':' || CAST(v.gross_cents AS TEXT) || ':' || CAST(v.vat_cents AS TEXT), ';')
    FROM sale_refund_vat v WHERE v.refund_id = r.id) AS "refundVat"
  FROM sale_refunds r JOIN sales s ON s.id = r.sale_id LEFT JOIN payments p ON p.id = r.payment_id`;

export interface RefundRaw {
  refundId: number;
  saleId: string;
  method: string;
  status: 'pending' | 'refunded' | 'failed' | 'awaiting_iban';
  amountCents: number;
  createdAt: number;
  tillId: string;
  paymentId: string | null;
  wristbandId: string | null;
  shopId: string | null;
  cashierId: string | null;
  vatRate: number | null;
  profileId: string | null;
  bancontactId: string | null;
  refundVat: string | null;
  /** 1 for a manager's refund; 0 for a cancel's give-back, which is no refund (booking.ts). */
  counts: number;
}

/**
 * Counted from the moment it is made: cash and a wristband credit are given back at once, and a
 * Bancontact refund (pending, or waiting for the payer's IBAN) is money Kassa owes from then on. Only
 * a refund Bancontact reports FAILED moved nothing; it leaves the totals again.
 */
export function refundBooking(raw: RefundRaw, days: DayResolver): Booking {
  const vat = vatParts(raw.refundVat, raw.vatRate, raw.amountCents).map((p) => ({
    vatRate: p.vatRate,
    grossCents: -p.grossCents,
    vatCents: -p.vatCents,
  }));
  return {
    source: `r:${raw.refundId}`,
    method: raw.method as TransactionMethod,
    status: raw.status === 'failed' ? 'failed' : 'succeeded',
    paymentStatus: null,
    businessDay: days.dayOf('refund', raw.refundId, raw.createdAt),
    createdAt: raw.createdAt,
    bookedAt: raw.createdAt,
    amountCents: -raw.amountCents,
    roundingCents: 0,
    shopId: raw.shopId ?? '',
    tillId: raw.tillId,
    cashierId: raw.cashierId ?? '',
    vatRate: raw.vatRate,
    vat,
    profileId: raw.profileId ?? '',
    saleId: raw.saleId,
    paymentId: raw.paymentId,
    bancontactId: raw.bancontactId,
    wristbandId: raw.wristbandId,
    counts: raw.counts,
  };
}

export async function refundRaw(tx: Tx, refundId: number): Promise<RefundRaw | undefined> {
  return rawRow<RefundRaw>(tx, sql`${sql.raw(REFUND_ROWS)} WHERE r.id = ${refundId}`);
}
