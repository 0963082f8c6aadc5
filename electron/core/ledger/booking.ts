import type { TransactionMethod, TransactionStatus } from '../../../shared/contract/report-views';
import { localTime, type DayNumber } from '../../../shared/domain/business-day';
import { isFinalStatus, type PaymentStatus } from '../../../shared/domain/payment-status';

/** A row of the `transactions` table as the station derives it from the raw rows. */
export interface Booking {
  source: string;
  method: TransactionMethod;
  status: TransactionStatus;
  paymentStatus: PaymentStatus | null;
  businessDay: DayNumber;
  createdAt: number;
  bookedAt: number;
  amountCents: number;
  roundingCents: number;
  shopId: string;
  tillId: string;
  cashierId: string;
  vatRate: number | null;
  profileId: string;
  saleId: string | null;
  paymentId: string | null;
  bancontactId: string | null;
  wristbandId: string | null;
}

/** The key of `report_totals`; a movement without VAT is filed under rate -1. */
export interface TotalsKey {
  businessDay: DayNumber;
  shopId: string;
  tillId: string;
  cashierId: string;
  method: TransactionMethod;
  vatRate: number;
}

export interface TotalsDelta {
  paidCount: number;
  paidCents: number;
  cancelledCount: number;
  expiredCount: number;
  refusedCount: number;
  failedCount: number;
  roundingCents: number;
}

/** What one booking adds to the three totals tables. */
export interface Contribution {
  key: TotalsKey;
  delta: TotalsDelta;
  /** Set when it succeeded: the daily and hourly tables hold money that moved. */
  paid: { hour: number; count: number; cents: number } | null;
}

export const NO_VAT = -1;

export function transactionStatus(status: PaymentStatus): TransactionStatus {
  switch (status) {
    case 'SUCCEEDED':
      return 'succeeded';
    case 'CANCELLED':
    case 'VOIDED':
      return 'cancelled';
    case 'EXPIRED':
      return 'expired';
    case 'AUTHORIZATION_FAILED':
      return 'refused';
    case 'FAILED':
    case 'CREATE_FAILED':
      return 'failed';
    default:
      return isFinalStatus(status) ? 'failed' : 'pending';
  }
}

const ZERO: TotalsDelta = {
  paidCount: 0,
  paidCents: 0,
  cancelledCount: 0,
  expiredCount: 0,
  refusedCount: 0,
  failedCount: 0,
  roundingCents: 0,
};

/**
 * What a booking adds to the running totals. Linear by design: the running totals are the sum of
 * this over the current rows, which is exactly what a rebuild recomputes from the raw rows.
 */
export function contribution(b: Booking): Contribution | null {
  if (b.status === 'pending') return null;
  const key: TotalsKey = {
    businessDay: b.businessDay,
    shopId: b.shopId,
    tillId: b.tillId,
    cashierId: b.cashierId,
    method: b.method,
    vatRate: b.vatRate ?? NO_VAT,
  };
  if (b.status !== 'succeeded') {
    const counter = `${b.status}Count` as 'cancelledCount' | 'expiredCount' | 'refusedCount' | 'failedCount';
    return { key, delta: { ...ZERO, [counter]: 1 }, paid: null };
  }
  const delta = { ...ZERO, paidCount: 1, paidCents: b.amountCents, roundingCents: b.roundingCents };
  return { key, delta, paid: { hour: localTime(b.bookedAt).hour, count: 1, cents: b.amountCents } };
}

export function sameContribution(a: Contribution | null, b: Contribution | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
