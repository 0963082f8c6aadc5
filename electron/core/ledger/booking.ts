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
  /**
   * 1 when the row counts once (transactions.counts): a sale's completing tender counts the sale, a
   * manager's refund counts a refund; 0 for any other tender and for a cancel's give-back.
   */
  counts: number;
  /**
   * The amount per VAT rate (its `transaction_vat` rows): a sale's tender spread over the sale's rates
   * (vat-parts.ts). Empty for money that carries no VAT (top-ups, refunds).
   */
  vat: VatPart[];
}

/** One rate's part of a booking's amount, and the VAT in it. */
export interface VatPart {
  vatRate: number;
  grossCents: number;
  vatCents: number;
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
  saleCount: number;
  roundingCents: number;
  vatCents: number;
  refundCount: number;
  refundCents: number;
  refundVatCents: number;
}

/** What one booking adds to the three totals tables. */
export interface Contribution {
  key: TotalsKey;
  delta: TotalsDelta;
  /** Set when it succeeded: the daily and hourly tables hold money that moved. */
  paid: { hour: number; count: number; saleCount: number; cents: number } | null;
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
  saleCount: 0,
  roundingCents: 0,
  vatCents: 0,
  refundCount: 0,
  refundCents: 0,
  refundVatCents: 0,
};

/** A sale refund's booking (ledger/refund-bookings.ts): negative, at the method that took the money. */
export const isRefundBooking = (b: Pick<Booking, 'source'>): boolean => b.source.startsWith('r:');

/**
 * What a booking adds to the running totals: one contribution per VAT rate of its amount. The counts
 * (and a cash sale's rounding) go to the sale's own rate, `vatRate` (docs/register-rules.md), so a
 * sale of three rates is still one sale. Each succeeded tender counts under its method (`paidCount`);
 * only the tender that completed the sale counts the sale (`saleCount`), so a split sale is one sale
 * and a cancelled one none. Linear by design: the running totals are the sum of this over the current
 * rows, which is exactly what a rebuild recomputes from the raw rows.
 */
export function contributions(b: Booking): Contribution[] {
  if (b.status === 'pending') return [];
  if (isRefundBooking(b)) return refundContributions(b);
  const keyAt = (vatRate: number): TotalsKey => ({
    businessDay: b.businessDay,
    shopId: b.shopId,
    tillId: b.tillId,
    cashierId: b.cashierId,
    method: b.method,
    vatRate,
  });
  const ownRate = b.vatRate ?? NO_VAT;
  if (b.status !== 'succeeded') {
    const counter = `${b.status}Count` as 'cancelledCount' | 'expiredCount' | 'refusedCount' | 'failedCount';
    return [{ key: keyAt(ownRate), delta: { ...ZERO, [counter]: 1 }, paid: null }];
  }
  const parts = b.vat.length > 0 ? b.vat : [{ vatRate: ownRate, grossCents: b.amountCents, vatCents: 0 }];
  const counted = parts.some((p) => p.vatRate === ownRate) ? ownRate : parts[0]!.vatRate;
  const hour = localTime(b.bookedAt).hour;
  return parts.map((part) => {
    const count = part.vatRate === counted ? 1 : 0;
    const saleCount = count === 1 && b.counts === 1 ? 1 : 0;
    const delta = {
      ...{ ...ZERO, paidCount: count, paidCents: part.grossCents, vatCents: part.vatCents },
      ...{ saleCount, roundingCents: count === 1 ? b.roundingCents : 0 },
    };
    return { key: keyAt(part.vatRate), delta, paid: { hour, count, saleCount, cents: part.grossCents } };
  });
}

/**
 * A refund moves money back out (negative amounts per rate) and counts as a refund, not as a sale:
 * paidCount stays, paidCents and vatCents go down by what went back, and the refund columns say how
 * much of that was refunds. A cancel's give-back (counts 0) moves the money back the same way but is
 * no refund: the sale it cancels was never one. A refund that failed moved nothing and counts nowhere.
 */
function refundContributions(b: Booking): Contribution[] {
  if (b.status !== 'succeeded') return [];
  const ownRate = b.vatRate ?? NO_VAT;
  const parts = b.vat.length > 0 ? b.vat : [{ vatRate: ownRate, grossCents: b.amountCents, vatCents: 0 }];
  const counted = parts.some((p) => p.vatRate === ownRate) ? ownRate : parts[0]!.vatRate;
  const hour = localTime(b.bookedAt).hour;
  const refund = b.counts === 1;
  return parts.map((part) => ({
    key: { ...keyOf(b), vatRate: part.vatRate },
    delta: {
      ...{ ...ZERO, paidCents: part.grossCents, vatCents: part.vatCents },
      ...(refund && { refundCents: part.grossCents, refundVatCents: part.vatCents }),
      refundCount: refund && part.vatRate === counted ? 1 : 0,
    },
    paid: { hour, count: 0, saleCount: 0, cents: part.grossCents },
  }));
}

function keyOf(b: Booking): Omit<TotalsKey, 'vatRate'> {
  const { businessDay, shopId, tillId, cashierId, method } = b;
  return { businessDay, shopId, tillId, cashierId, method };
}

export function sameContributions(a: readonly Contribution[], b: readonly Contribution[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
