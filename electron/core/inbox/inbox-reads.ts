import { and, eq, inArray, lt } from 'drizzle-orm';
import type { StationDb } from '../db/open-station-database';
import { inboxReads } from '../db/station-schema';
import { DAY_MS } from './inbox-item';

/** A read mark outlives its message by this long, then goes: causes are seldom older than a month. */
const READS_KEPT_MS = 90 * DAY_MS;

/** Who has read which message, in the station database (the site's, on PostgreSQL). */
export function createInboxReads(db: () => StationDb) {
  return {
    async readKeys(staffId: string, keys: string[]): Promise<Set<string>> {
      if (keys.length === 0) return new Set();
      const rows = await db().read((q) =>
        q
          .select({ key: inboxReads.messageKey })
          .from(inboxReads)
          .where(and(eq(inboxReads.staffId, staffId), inArray(inboxReads.messageKey, keys))),
      );
      return new Set(rows.map((row) => row.key));
    },
    async mark(staffId: string, keys: string[], now: number): Promise<void> {
      if (keys.length === 0) return;
      await db().write(async (tx) => {
        await tx
          .insert(inboxReads)
          .values(keys.map((messageKey) => ({ staffId, messageKey, readAt: now })))
          .onConflictDoNothing();
        await tx.delete(inboxReads).where(lt(inboxReads.readAt, now - READS_KEPT_MS));
      });
    },
  };
}

export type InboxReads = ReturnType<typeof createInboxReads>;
