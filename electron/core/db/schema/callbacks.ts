import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * Every verified callback, keyed by its `jti`: Bancontact retries byte-identically for 24 h, so a jti
 * seen before is answered 200 and changes nothing. Callbacks for payments Kassa did not create
 * (top-ups) are kept too, for the ledger to pick up.
 */
export const callbackReceipts = sqliteTable(
  'callback_receipts',
  {
    jti: text('jti').primaryKey(),
    receivedAt: integer('received_at').notNull(),
    profileId: text('profile_id').notNull(),
    bancontactId: text('bancontact_id').notNull(),
    status: text('status').notNull(),
    /** The signed body as received, so nothing Bancontact said is lost. */
    body: text('body').notNull(),
    /** True when it matched a payment of this station. */
    matched: integer('matched', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('callback_receipts_payment').on(t.bancontactId)],
);

/** Callbacks that failed verification: never applied, kept for the manager to look at. */
export const callbackRejections = sqliteTable('callback_rejections', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  receivedAt: integer('received_at').notNull(),
  profileId: text('profile_id').notNull(),
  reason: text('reason').notNull(),
  detail: text('detail').notNull(),
  /** The first 2 KB of the body, enough to recognise it without storing floods. */
  bodyExcerpt: text('body_excerpt').notNull(),
});
