import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';

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

/**
 * How many callbacks failed verification, per profile, reason and hour. A flood of forged callbacks
 * only raises a count here; `callback_rejections` keeps a few samples of each, not every one.
 */
export const callbackRejectionTallies = sqliteTable(
  'callback_rejection_tallies',
  {
    profileId: text('profile_id').notNull(),
    reason: text('reason').notNull(),
    /** The hour (ms since 1970, rounded down to the hour) the callbacks arrived in. */
    hourStart: integer('hour_start').notNull(),
    count: integer('count').notNull(),
    lastAt: integer('last_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.reason, t.hourStart] })],
);
