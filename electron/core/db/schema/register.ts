import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sales } from './sales';

/*
 * The register's side of a sale (docs/register-rules.md): what was sold, line by line, its VAT per
 * rate as computed once when the sale was made, the gapless receipt numbers of each till and the
 * receipts waiting for their printer. Written in the same unit of work as the sale they belong to.
 */

/** One line of a sale, priced by shared/domain/basket.ts when the sale was made; never changed after. */
export const saleLines = sqliteTable(
  'sale_lines',
  {
    id: text('id').primaryKey(),
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    /** 0, 1, 2 … in the order the cashier added them. */
    position: integer('position').notNull(),
    /** The catalogue article; null for a free-amount line typed on the keypad. */
    articleId: text('article_id'),
    /** The name as sold (an article renamed later keeps its old name on old receipts). */
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceCents: integer('unit_price_cents').notNull(),
    vatRate: integer('vat_rate').notNull(),
    /** The line's own discount as the cashier gave it: JSON of a Discount, or null. */
    discount: text('discount'),
    lineDiscountCents: integer('line_discount_cents').notNull().default(0),
    saleDiscountCents: integer('sale_discount_cents').notNull().default(0),
    /** What the line counts for after both discounts (VAT included). */
    grossCents: integer('gross_cents').notNull(),
    note: text('note'),
  },
  (t) => [uniqueIndex('sale_lines_position').on(t.saleId, t.position)],
);

/** A sale's VAT per rate, computed once per rate on the sum of its lines: what every report adds up. */
export const saleVat = sqliteTable(
  'sale_vat',
  {
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    vatRate: integer('vat_rate').notNull(),
    grossCents: integer('gross_cents').notNull(),
    netCents: integer('net_cents').notNull(),
    vatCents: integer('vat_cents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.saleId, t.vatRate] })],
);

/**
 * A receipt: a finished sale's, or a refund's. Numbers are per till and gapless: the next number is
 * taken in the unit of work that finishes the sale, under the write lock both engines hold.
 */
export const receipts = sqliteTable(
  'receipts',
  {
    id: text('id').primaryKey(),
    tillId: text('till_id').notNull(),
    number: integer('number').notNull(),
    kind: text('kind', { enum: ['sale', 'refund'] }).notNull(),
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    /** For a refund receipt: the refund it is for (its id in the refunds of that sale). */
    refundId: text('refund_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('receipts_till_number').on(t.tillId, t.number),
    uniqueIndex('receipts_sale')
      .on(t.saleId)
      .where(sql`${t.kind} = 'sale'`),
  ],
);

/**
 * A receipt to print on a network printer. Kept until it printed, so an offline printer gets it once
 * it is back, and exactly once: a job is marked printed in the unit of work after the printer took it.
 */
export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    receiptId: text('receipt_id')
      .notNull()
      .references(() => receipts.id),
    printerId: text('printer_id').notNull(),
    /** 0 for the receipt printed when the sale finished, 1, 2 … for each reprint. */
    copy: integer('copy').notNull().default(0),
    status: text('status', { enum: ['queued', 'printed', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    printedAt: integer('printed_at'),
    /** Also pulse the cash drawer (a cash sale at a till whose printer has one wired). */
    openDrawer: integer('open_drawer', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('print_jobs_copy').on(t.receiptId, t.printerId, t.copy),
    index('print_jobs_waiting')
      .on(t.printerId, t.id)
      .where(sql`${t.status} = 'queued'`),
  ],
);
