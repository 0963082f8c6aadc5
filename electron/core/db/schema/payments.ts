import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { sales } from './sales';

/** One Bancontact payment attempt. The row exists before the API is called. */
export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    bancontactId: text('bancontact_id').unique(),
    profileId: text('profile_id').notNull(),
    status: text('status').notNull(),
    amountCents: integer('amount_cents').notNull(),
    deeplink: text('deeplink'),
    /** Set for a sticker till: the customer scans the printed sticker, not a QR on screen. */
    posId: text('pos_id'),
    expiresAt: integer('expires_at'),
    /** False once the cashier gave the payment up: in VOID mode it is then left to void. */
    wanted: integer('wanted', { mode: 'boolean' }).notNull().default(true),
    problemCode: text('problem_code'),
    problemMessage: text('problem_message'),
    /** Who did it and on which device (station.sqlite's staff and devices); null before staff existed. */
    staffId: text('staff_id'),
    deviceId: text('device_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('payments_sale').on(t.saleId), index('payments_status').on(t.status)],
);

/** Every accepted status change, written in the same transaction as the new status. */
export const paymentEvents = sqliteTable(
  'payment_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id),
    at: integer('at').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    source: text('source').notNull(),
  },
  (t) => [index('payment_events_payment').on(t.paymentId)],
);
