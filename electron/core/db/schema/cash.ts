import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sales } from './sales';

/** A till's cash drawer from opening (with a float) to the count at closing. */
export const drawerSessions = sqliteTable(
  'drawer_sessions',
  {
    id: text('id').primaryKey(),
    tillId: text('till_id').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    cashierId: text('cashier_id').notNull(),
    openedAt: integer('opened_at').notNull(),
    floatCents: integer('float_cents').notNull(),
    /** Kept current with each cash sale: what the customers handed over once change was given. */
    cashSalesCents: integer('cash_sales_cents').notNull().default(0),
    cashInCents: integer('cash_in_cents').notNull().default(0),
    cashOutCents: integer('cash_out_cents').notNull().default(0),
    closedAt: integer('closed_at'),
    expectedCents: integer('expected_cents'),
    countedCents: integer('counted_cents'),
    differenceCents: integer('difference_cents'),
    /** yyyymmdd of the business day the count belongs to; set at closing. */
    businessDay: integer('business_day'),
    /** The device it was opened on, and who counted and closed it on which device. */
    deviceId: text('device_id'),
    closedByStaffId: text('closed_by_staff_id'),
    closedByDeviceId: text('closed_by_device_id'),
  },
  (t) => [
    // One open drawer per till, whatever races: the database refuses a second one.
    uniqueIndex('drawer_sessions_open_till')
      .on(t.tillId)
      .where(sql`${t.status} = 'open'`),
    index('drawer_sessions_day').on(t.businessDay),
    index('drawer_sessions_till').on(t.tillId, t.openedAt),
  ],
);

/** Cash put in or taken out of a drawer outside sales, with the cashier's reason. */
export const drawerMovements = sqliteTable(
  'drawer_movements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: text('session_id')
      .notNull()
      .references(() => drawerSessions.id),
    kind: text('kind', { enum: ['in', 'out'] }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    reason: text('reason').notNull(),
    at: integer('at').notNull(),
    /** Who did it and on which device (station.sqlite's staff and devices); null before staff existed. */
    staffId: text('staff_id'),
    deviceId: text('device_id'),
  },
  (t) => [index('drawer_movements_session').on(t.sessionId)],
);

/** The cash side of a cash sale: what was due after rounding, handed over and given back. */
export const cashTenders = sqliteTable('cash_tenders', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  saleId: text('sale_id')
    .notNull()
    .unique()
    .references(() => sales.id),
  sessionId: text('session_id')
    .notNull()
    .references(() => drawerSessions.id),
  dueCents: integer('due_cents').notNull(),
  tenderedCents: integer('tendered_cents').notNull(),
  changeCents: integer('change_cents').notNull(),
  /** due − amount: what rounding to 5 cents added (positive) or took off (negative). */
  roundingCents: integer('rounding_cents').notNull(),
  /** When the cash was taken: a split sale's cash part may come long after the sale was started. */
  at: integer('at').notNull().default(0),
});
