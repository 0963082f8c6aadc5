import type { DayNumber } from '../../../shared/domain/business-day';
import { isFinalStatus, type PaymentStatus } from '../../../shared/domain/payment-status';
import { transactionStatus, type Booking } from './booking';
import type { MarkKind } from './business-calendar';
import { SALE_VAT_COLUMN, vatParts } from './vat-parts';

/**
 * The raw rows every booking is derived from, one query per kind. The running hooks read one row
 * (WHERE …id = ?); a rebuild reads them all. Both go through the same mapping below, which is what
 * makes "rebuild equals running" hold by construction rather than by care.
 */
const SALE_COLUMNS = `s.till_id AS "tillId", s.shop_id AS "shopId", s.cashier_id AS "cashierId", s.vat_rate AS "vatRate",
  ${SALE_VAT_COLUMN}`;

/*
 * `counts`: the tender that completed its sale (sales.completed_by: the payment's `p:<id>`, or `cash`,
 * or `wristband`, each at most once per sale) counts the sale; the other tenders of a split sale, and
 * the tenders of a sale never paid (cancelled), count only under their method.
 */
export const PAYMENT_ROWS = `SELECT p.id AS "paymentId", p.sale_id AS "saleId", p.profile_id AS "profileId", p.status AS status,
  p.amount_cents AS "amountCents", p.pos_id AS "posId", p.bancontact_id AS "bancontactId", p.created_at AS "createdAt",
  ${SALE_COLUMNS}, e.id AS "eventId", e.at AS "eventAt",
  CASE WHEN s.completed_by = 'p:' || p.id THEN 1 ELSE 0 END AS counts
  FROM payments p JOIN sales s ON s.id = p.sale_id
  LEFT JOIN payment_events e ON e.payment_id = p.id AND e.to_status = p.status`;

/**
 * A cash tender's amount is its part of the sale as priced (what was due before rounding); it counts
 * at the moment the cash was taken, which for a split sale's cash part may be long after the sale began.
 */
export const CASH_ROWS = `SELECT c.id AS "cashId", c.rounding_cents AS "roundingCents", s.id AS "saleId",
  c.due_cents - c.rounding_cents AS "amountCents", c.at AS "createdAt", ${SALE_COLUMNS},
  CASE WHEN s.completed_by = 'cash' THEN 1 ELSE 0 END AS counts
  FROM cash_tenders c JOIN sales s ON s.id = c.sale_id`;

/**
 * Transfers between wristbands move no money in or out, so they are not bookings. Nor is an automatic
 * top-up's credit (its payment id a PPRO charge's): the charge is booked itself, method `agreement_topup`
 * (agreements/auto-topup-credit.ts, and till-agreement-rows.ts for the first one, paid at the till).
 */
export const ENTRY_ROWS = `SELECT e.id AS "entryId", e.kind AS kind, e.amount_cents AS "amountCents", e.bancontact_id AS "bancontactId",
  e.sale_id AS "saleId", e.wristband_id AS "wristbandId", e.at AS at, ${SALE_COLUMNS},
  CASE WHEN e.kind = 'debit' AND s.completed_by = 'wristband' THEN 1 ELSE 0 END AS counts,
  coalesce((SELECT a.profile_id FROM topup_attention a WHERE a.bancontact_id = e.bancontact_id),
    (SELECT r.profile_id FROM callback_receipts r WHERE r.bancontact_id = e.bancontact_id LIMIT 1), '') AS "profileId"
  FROM wristband_entries e LEFT JOIN sales s ON s.id = e.sale_id
  WHERE e.kind IN ('topup', 'debit', 'refund')
  AND NOT EXISTS (SELECT 1 FROM agreement_charges ac WHERE ac.ppro_charge_id = e.bancontact_id)`;

interface SaleAttribution {
  tillId: string | null;
  shopId: string | null;
  cashierId: string | null;
  vatRate: number | null;
  /** The sale's `sale_vat` rows as text (vat-parts.ts); null for a sale from before baskets. */
  saleVat: string | null;
  /** 1 when this tender completed its sale (see PAYMENT_ROWS). */
  counts: number;
}

export interface PaymentRaw extends SaleAttribution {
  paymentId: string;
  saleId: string;
  profileId: string;
  status: string;
  amountCents: number;
  posId: string | null;
  bancontactId: string | null;
  createdAt: number;
  eventId: number | null;
  eventAt: number | null;
}

export interface CashRaw extends SaleAttribution {
  cashId: number;
  roundingCents: number;
  saleId: string;
  amountCents: number;
  createdAt: number;
}

export interface EntryRaw extends SaleAttribution {
  entryId: number;
  kind: 'topup' | 'debit' | 'refund';
  amountCents: number;
  bancontactId: string | null;
  saleId: string | null;
  wristbandId: string;
  at: number;
  profileId: string;
}

/** How a booking finds its business day: by the raw row's id (final rows) or by the latest Z (pending ones). */
export interface DayResolver {
  dayOf(kind: MarkKind, rowId: number, at: number): DayNumber;
  openDay(at: number): DayNumber;
}

function attribution(
  raw: SaleAttribution,
  amountCents: number,
): Pick<Booking, 'shopId' | 'tillId' | 'cashierId' | 'vatRate' | 'vat' | 'counts'> {
  return {
    counts: raw.counts,
    shopId: raw.shopId ?? '',
    tillId: raw.tillId ?? '',
    cashierId: raw.cashierId ?? '',
    vatRate: raw.vatRate,
    vat: vatParts(raw.saleVat, raw.vatRate, amountCents),
  };
}

const NO_SALE = { shopId: '', tillId: '', cashierId: '', vatRate: null, vat: [], counts: 0 };

export function paymentBooking(raw: PaymentRaw, days: DayResolver): Booking {
  const status = raw.status as PaymentStatus;
  const ended = isFinalStatus(status) && raw.eventId !== null && raw.eventAt !== null;
  const bookedAt = ended ? raw.eventAt! : raw.createdAt;
  return {
    source: `p:${raw.paymentId}`,
    method: raw.posId ? 'bancontact_sticker' : 'bancontact_display',
    status: transactionStatus(status),
    paymentStatus: status,
    businessDay: ended ? days.dayOf('event', raw.eventId!, bookedAt) : days.openDay(raw.createdAt),
    createdAt: raw.createdAt,
    bookedAt,
    amountCents: raw.amountCents,
    roundingCents: 0,
    ...attribution(raw, raw.amountCents),
    profileId: raw.profileId,
    saleId: raw.saleId,
    paymentId: raw.paymentId,
    bancontactId: raw.bancontactId,
    wristbandId: null,
  };
}

export function cashBooking(raw: CashRaw, days: DayResolver): Booking {
  return {
    source: `c:${raw.saleId}`,
    method: 'cash',
    status: 'succeeded',
    paymentStatus: null,
    businessDay: days.dayOf('cash', raw.cashId, raw.createdAt),
    createdAt: raw.createdAt,
    bookedAt: raw.createdAt,
    amountCents: raw.amountCents,
    roundingCents: raw.roundingCents,
    ...attribution(raw, raw.amountCents),
    profileId: '',
    saleId: raw.saleId,
    paymentId: null,
    bancontactId: null,
    wristbandId: null,
  };
}

const ENTRY_METHOD = { topup: 'topup', debit: 'wristband', refund: 'refund' } as const;

export function entryBooking(raw: EntryRaw, days: DayResolver): Booking {
  const isSale = raw.kind === 'debit';
  return {
    source: `e:${raw.entryId}`,
    method: ENTRY_METHOD[raw.kind],
    status: 'succeeded',
    paymentStatus: null,
    businessDay: days.dayOf('entry', raw.entryId, raw.at),
    createdAt: raw.at,
    bookedAt: raw.at,
    // Entries are signed (debits and refunds below zero); a booking holds the amount that moved.
    amountCents: Math.abs(raw.amountCents),
    roundingCents: 0,
    ...(isSale ? attribution(raw, Math.abs(raw.amountCents)) : NO_SALE),
    profileId: isSale ? '' : raw.profileId,
    saleId: raw.saleId,
    paymentId: null,
    bancontactId: raw.bancontactId,
    wristbandId: raw.wristbandId,
  };
}
