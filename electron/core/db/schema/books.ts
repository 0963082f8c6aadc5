import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/**
 * The identity of this database's book (one row, id 1): a random id written when the book is
 * created, and the lowest number the next Z may not go below. A restore raises `zFloor` to the last Z
 * the station had issued before, so a Z number is never used twice for different totals.
 */
export const bookIdentity = sqliteTable('book_identity', {
  id: integer('id').primaryKey(),
  bookId: text('book_id').notNull(),
  createdAt: integer('created_at').notNull(),
  zFloor: integer('z_floor').notNull().default(0),
});

/** The festival's end (one row, id 1, while the event is ended): bars refuse wristbands, refund files may be made. */
export const eventEnd = sqliteTable('event_end', {
  id: integer('id').primaryKey(),
  endedAt: integer('ended_at').notNull(),
});

/** Each restore of a backup into this book: when, from what, and the window searched at Bancontact. */
export const restores = sqliteTable('restores', {
  id: text('id').primaryKey(),
  restoredAt: integer('restored_at').notNull(),
  /** The backup file's name (no folder), as the administrator chose it. */
  fromFile: text('from_file').notNull(),
  /** When the backup was taken; the gap runs from here (minus a safety margin) to `restoredAt`. */
  backupTakenAt: integer('backup_taken_at').notNull(),
  searchedFrom: integer('searched_from').notNull(),
  /** Null until Bancontact was searched for the gap's payments; the search is retried until it succeeds. */
  searchedAt: integer('searched_at'),
});

/** A SUCCEEDED Bancontact payment of a restore's gap that the book did not know: brought back as a sale or a top-up. */
export const recoveredPayments = sqliteTable('recovered_payments', {
  bancontactId: text('bancontact_id').primaryKey(),
  restoreId: text('restore_id').notNull(),
  kind: text('kind', { enum: ['sale', 'topup'] }).notNull(),
  amountCents: integer('amount_cents').notNull(),
  succeededAt: integer('succeeded_at').notNull(),
  saleId: text('sale_id'),
  wristbandId: text('wristband_id'),
  recoveredAt: integer('recovered_at').notNull(),
});
