import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/** One sale at a till. Its payments hang below it; a sale has at most one paid payment. */
export const sales = sqliteTable(
  'sales',
  {
    id: text('id').primaryKey(),
    tillId: text('till_id').notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull().default('EUR'),
    status: text('status', { enum: ['open', 'paid', 'unpaid', 'cancelled'] }).notNull(),
    /** How the customer pays: Bancontact (QR on screen or sticker), a wristband, cash, or several (`split`). */
    tender: text('tender', { enum: ['bancontact', 'wristband', 'cash', 'split'] })
      .notNull()
      .default('bancontact'),
    /** The wristband a wristband sale was debited from. */
    wristbandId: text('wristband_id'),
    /** The caller's key: a double click or a retried request finds this sale instead of making a new one. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    // Who sold it, where, at which VAT rate (reports group by these). Null only until the reporting hook
    // has attributed a sale written without them; see electron/core/ledger/attribution.ts.
    shopId: text('shop_id'),
    cashierId: text('cashier_id'),
    /** The device it was sold on (the cashier is `cashierId`); null before linked devices existed. */
    deviceId: text('device_id'),
    vatRate: integer('vat_rate'),
    /**
     * The tender that completed the sale, set when it became paid: `p:<paymentId>` (a Bancontact
     * payment), `cash` or `wristband` (a sale takes at most one of each). That tender's transaction
     * counts the sale (transactions.counts); a sale never paid (cancelled, unpaid) has none.
     */
    completedBy: text('completed_by'),
    /** The cashier's note on the sale (printed on the receipt). */
    note: text('note'),
    /** The sale discount as the cashier gave it: JSON of a Discount, or null. Its cents are in sale_lines. */
    discount: text('discount'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('sales_created_at').on(t.createdAt)],
);
