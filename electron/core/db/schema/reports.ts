import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One row per money movement the manager looks at: each Bancontact payment attempt, cash sale,
 * wristband debit, top-up and refund. Written in the same transaction as the change it mirrors, so
 * the list and the totals never lag. `seq` orders rows as they were created; every filter has an
 * index on (filter, business_day), which with the implicit rowid gives a page of 50 in index order.
 */
export const transactions = sqliteTable(
  'transactions',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    /** `p:<paymentId>`, `c:<saleId>` or `e:<wristband entry id>`: the raw row this one mirrors. */
    source: text('source').notNull().unique(),
    method: text('method').notNull(),
    /** pending, succeeded, cancelled, expired, refused or failed. */
    status: text('status').notNull(),
    /** Bancontact's own status, for payments. */
    paymentStatus: text('payment_status'),
    /** yyyymmdd: the business day the row counts in (for a payment, the day it ended). */
    businessDay: integer('business_day').notNull(),
    createdAt: integer('created_at').notNull(),
    /** When it counted: a payment's final status, or the moment of a cash sale, debit or top-up. */
    bookedAt: integer('booked_at').notNull(),
    amountCents: integer('amount_cents').notNull(),
    roundingCents: integer('rounding_cents').notNull().default(0),
    /** '' when the movement happened outside a shop or till (top-ups, refunds). */
    shopId: text('shop_id').notNull(),
    tillId: text('till_id').notNull(),
    cashierId: text('cashier_id').notNull(),
    /** Percent; null where no VAT applies (top-ups and refunds move prepaid money). */
    vatRate: integer('vat_rate'),
    /** The Bancontact payment profile (PPID); '' for cash and wristband debits. */
    profileId: text('profile_id').notNull(),
    saleId: text('sale_id'),
    paymentId: text('payment_id'),
    bancontactId: text('bancontact_id'),
    wristbandId: text('wristband_id'),
    /**
     * 1 when this row counts once in its kind's count: the tender that completed its sale counts the
     * sale (a split sale is one sale, however many tenders), a manager's refund counts one refund. 0 for
     * a split sale's other tenders, a cancelled sale's tenders and their give-back, and everything else.
     */
    counts: integer('counts').notNull().default(0),
  },
  (t) => [
    index('transactions_day').on(t.businessDay),
    index('transactions_shop').on(t.shopId, t.businessDay),
    index('transactions_till').on(t.tillId, t.businessDay),
    index('transactions_cashier').on(t.cashierId, t.businessDay),
    index('transactions_profile').on(t.profileId, t.businessDay),
    index('transactions_method').on(t.method, t.businessDay),
    index('transactions_status').on(t.status, t.businessDay),
    index('transactions_sale')
      .on(t.saleId)
      .where(sql`${t.saleId} is not null`),
    index('transactions_bancontact')
      .on(t.bancontactId)
      .where(sql`${t.bancontactId} is not null`),
    index('transactions_wristband')
      .on(t.wristbandId)
      .where(sql`${t.wristbandId} is not null`),
  ],
);

/**
 * Running totals per business day, shop, till, cashier, method and VAT rate (-1: no VAT). X and Z
 * reports read only these rows. Payments that did not succeed are counted, never totalled.
 */
export const reportTotals = sqliteTable(
  'report_totals',
  {
    businessDay: integer('business_day').notNull(),
    shopId: text('shop_id').notNull(),
    tillId: text('till_id').notNull(),
    cashierId: text('cashier_id').notNull(),
    method: text('method').notNull(),
    vatRate: integer('vat_rate').notNull(),
    paidCount: integer('paid_count').notNull().default(0),
    paidCents: integer('paid_cents').notNull().default(0),
    cancelledCount: integer('cancelled_count').notNull().default(0),
    expiredCount: integer('expired_count').notNull().default(0),
    refusedCount: integer('refused_count').notNull().default(0),
    failedCount: integer('failed_count').notNull().default(0),
    /**
     * Sales completed (docs/register-rules.md, "Split tenders"): one per sale, however many tenders paid
     * it; `paidCount` counts the tenders (one per method used), which is what the per-method lines show.
     */
    saleCount: integer('sale_count').notNull().default(0),
    roundingCents: integer('rounding_cents').notNull().default(0),
    /**
     * The VAT in paidCents, as the sales computed it (once per rate per sale, docs/register-rules.md):
     * reports add these up instead of splitting a day's total again, so X and Z equal the receipts.
     */
    vatCents: integer('vat_cents').notNull().default(0),
    /**
     * Sale refunds made this day (docs/register-rules.md, "Refunds"): their count and the cents and VAT
     * given back, negative. Already inside paidCents and vatCents (which are net of refunds); kept apart
     * so the X and Z can show refunds per method and rate.
     */
    refundCount: integer('refund_count').notNull().default(0),
    refundCents: integer('refund_cents').notNull().default(0),
    refundVatCents: integer('refund_vat_cents').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.businessDay, t.shopId, t.tillId, t.cashierId, t.method, t.vatRate] })],
);

/** Per day, shop and method: what the summary cards add up (a year is at most a few thousand rows). */
export const reportDaily = sqliteTable(
  'report_daily',
  {
    businessDay: integer('business_day').notNull(),
    shopId: text('shop_id').notNull(),
    method: text('method').notNull(),
    /** Tenders (and top-ups, refunds) that succeeded; `saleCount` the sales they completed. */
    count: integer('count').notNull().default(0),
    cents: integer('cents').notNull().default(0),
    saleCount: integer('sale_count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.businessDay, t.shopId, t.method] })],
);

/** Per day, hour (Brussels time of the booking) and method: the hourly chart. */
export const reportHourly = sqliteTable(
  'report_hourly',
  {
    businessDay: integer('business_day').notNull(),
    hour: integer('hour').notNull(),
    method: text('method').notNull(),
    count: integer('count').notNull().default(0),
    cents: integer('cents').notNull().default(0),
    /** Sales completed in that hour (the hour of the tender that completed each). */
    saleCount: integer('sale_count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.businessDay, t.hour, t.method] })],
);

/**
 * Closed business days. A Z is written once and never changed (triggers refuse UPDATE and DELETE).
 * The marks are the highest raw row ids that existed when it was taken: a row above a Z's mark was
 * booked after it, which is how a rebuild puts every row in the day it was booked in.
 */
export const zReports = sqliteTable('z_reports', {
  number: integer('number').primaryKey(),
  businessDay: integer('business_day').notNull().unique(),
  closedAt: integer('closed_at').notNull(),
  eventMark: integer('event_mark').notNull(),
  entryMark: integer('entry_mark').notNull(),
  cashMark: integer('cash_mark').notNull(),
  /** The highest sale_refunds id when it was taken (0 for days closed before sale refunds existed). */
  refundMark: integer('refund_mark').notNull().default(0),
  /** The frozen report, as JSON (a ReportView). */
  report: text('report').notNull(),
  /** Who closed the day and on which device; null for days closed before staff existed. */
  staffId: text('staff_id'),
  deviceId: text('device_id'),
});

/** Small facts of the reporting tables: the sales setup mirrored from `sales-setup.json`, versions. */
export const reportMeta = sqliteTable('report_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * A transaction's amount per VAT rate: a sale of several rates is one transaction per tender, its
 * amount spread over the sale's rates (docs/register-rules.md). Written with the transaction row; the
 * exports read it for their VAT columns.
 */
export const transactionVat = sqliteTable(
  'transaction_vat',
  {
    source: text('source').notNull(),
    vatRate: integer('vat_rate').notNull(),
    grossCents: integer('gross_cents').notNull(),
    netCents: integer('net_cents').notNull(),
    vatCents: integer('vat_cents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.source, t.vatRate] })],
);
