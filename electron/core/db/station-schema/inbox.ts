import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/*
 * The inbox (electron/core/inbox) derives its messages from the state that causes them (a refused
 * callback's tally, a day without its Z, a printer's state...), so a message goes when its cause does
 * and nothing has to be kept in step. What cannot be derived is who has read what: one row per person
 * and message key. A key names one occurrence of a cause (the hour of refused callbacks, the day, the
 * failed attempt), so a new occurrence is unread again while an old one stays read.
 */
export const inboxReads = sqliteTable(
  'inbox_reads',
  {
    staffId: text('staff_id').notNull(),
    /** `<mode>/<kind>:<what>`, e.g. `live/z:2026-12-03`: messages of training never mark live ones. */
    messageKey: text('message_key').notNull(),
    readAt: integer('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.messageKey] }), index('inbox_reads_at').on(t.readAt)],
);
