import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { saleLines } from './register';
import { sales } from './sales';

/*
 * Money given back on a past sale (docs/register-rules.md, "Refunds"): a manager's refund of some
 * lines by one method, or every tender of an open sale given back when it is cancelled. One row per
 * tender given back; each is a raw row of the books (ledger/refund-bookings.ts) booked as a negative
 * transaction on the day it was made, at the method that took the money and per VAT rate.
 */
export const saleRefunds = sqliteTable(
  'sale_refunds',
  {
    /** Also the books' mark: a Z remembers the highest id it saw (z_reports.refund_mark). */
    id: integer('id').primaryKey({ autoIncrement: true }),
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    /** `refund`: a manager gave some lines back; `cancel`: an open sale's tenders were given back. */
    kind: text('kind', { enum: ['refund', 'cancel'] }).notNull(),
    /** The method that took the money and gives it back (a TransactionMethod of a sale). */
    method: text('method', {
      enum: ['cash', 'wristband', 'bancontact_display', 'bancontact_sticker'],
    }).notNull(),
    /** The tender given back: the Bancontact payment, the wristband (and its credit entry), the drawer. */
    paymentId: text('payment_id'),
    wristbandId: text('wristband_id'),
    wristbandEntryId: integer('wristband_entry_id'),
    drawerSessionId: text('drawer_session_id'),
    /** What goes back to the customer, in cents (positive; the books carry it negative). */
    amountCents: integer('amount_cents').notNull(),
    reason: text('reason'),
    /** Cash and wristband are `refunded` at once; Bancontact follows PENDING to REFUNDED or FAILED. */
    status: text('status', { enum: ['pending', 'refunded', 'failed', 'awaiting_iban'] }).notNull(),
    bancontactRefundId: text('bancontact_refund_id').unique(),
    /** The payer's IBAN, typed by the manager when the Refund API is off (paid by SEPA transfer). */
    iban: text('iban'),
    /** Why Bancontact refused or failed it (REFUND_BY_IBAN, …). */
    problemCode: text('problem_code'),
    tillId: text('till_id').notNull(),
    staffId: text('staff_id'),
    deviceId: text('device_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /**
     * The manager's key of a `returns.refund` (null for a cancel): the same request again answers this
     * refund instead of giving the money back twice. `requestHash` tells the same request from another.
     */
    idempotencyKey: text('idempotency_key').unique(),
    requestHash: text('request_hash'),
  },
  (t) => [index('sale_refunds_sale').on(t.saleId)],
);

/** The lines a refund gives back (none for a cancel, which gives back every tender as a whole). */
export const saleRefundLines = sqliteTable(
  'sale_refund_lines',
  {
    refundId: integer('refund_id')
      .notNull()
      .references(() => saleRefunds.id),
    saleLineId: text('sale_line_id')
      .notNull()
      .references(() => saleLines.id),
    quantity: integer('quantity').notNull(),
    grossCents: integer('gross_cents').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.refundId, t.saleLineId] }),
    index('sale_refund_lines_line').on(t.saleLineId),
  ],
);

/** A refund's VAT per rate, computed once per rate on what it gives back (positive, as on the sale). */
export const saleRefundVat = sqliteTable(
  'sale_refund_vat',
  {
    refundId: integer('refund_id')
      .notNull()
      .references(() => saleRefunds.id),
    vatRate: integer('vat_rate').notNull(),
    grossCents: integer('gross_cents').notNull(),
    netCents: integer('net_cents').notNull(),
    vatCents: integer('vat_cents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.refundId, t.vatRate] })],
);
