import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

/*
 * The register's set-up, shared by every mode and (on a site) every station: the articles the tills
 * sell and the network receipt printers. Sales keep their own copy of what they sold (sale_lines), so
 * a changed price or a deleted printer never changes a past sale.
 */

/** Something sold at the till. Prices include VAT. Articles are never deleted, only made inactive. */
export const articles = sqliteTable(
  'articles',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    priceCents: integer('price_cents').notNull(),
    vatRate: integer('vat_rate').notNull(),
    category: text('category').notNull().default(''),
    /** A colour for the till's button, `#rrggbb`. */
    colour: text('colour').notNull().default('#4a6fa5'),
    /** EAN/UPC or any code a scanner reads; unique among articles that have one. */
    barcode: text('barcode'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** JSON array of shop ids the article is sold in; `[]` means every shop. */
    shopIds: text('shop_ids').notNull().default('[]'),
    /** Order on the till's grid within its category. */
    position: integer('position').notNull().default(0),
    /**
     * Sold as a Bancontact payment agreement (issue 15): JSON of a RecurringPlan
     * (shared/domain/recurring-plans.ts), a price per period or an automatic top-up rule; null for an
     * article paid once.
     */
    recurringPlan: text('recurring_plan'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('articles_barcode')
      .on(t.barcode)
      .where(sql`${t.barcode} is not null`),
    index('articles_category').on(t.category, t.position),
  ],
);

/** An ESC/POS thermal printer on the network, reached over raw TCP (port 9100 by default). */
export const printers = sqliteTable('printers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  host: text('host').notNull(),
  port: integer('port').notNull().default(9100),
  /** 58 or 80 mm paper: 32 or 48 characters a line in the standard font. */
  paperMm: integer('paper_mm').notNull().default(80),
  /** The printer's code page for accents and the euro sign, as the receipt library names it. */
  codePage: text('code_page').notNull().default('cp858'),
  /** A cash drawer is wired to the printer's drawer port: cash sales send the pulse. */
  drawer: integer('drawer', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Which printer a till prints on, and whether it prints every finished sale by itself. */
export const tillPrinting = sqliteTable('till_printing', {
  tillId: text('till_id').primaryKey(),
  printerId: text('printer_id')
    .notNull()
    .references(() => printers.id),
  autoPrint: integer('auto_print', { mode: 'boolean' }).notNull().default(true),
});
