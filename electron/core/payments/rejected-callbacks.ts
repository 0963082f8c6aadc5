import { desc } from 'drizzle-orm';
import type { RejectedCallbackView } from '../../../shared/contract';
import type { Db } from '../db/open-database';
import { callbackRejections } from '../db/schema';

/** What the manager sees of a rejected callback: enough to recognise it, not a flood of raw bytes. */
const EXCERPT_SHOWN = 300;

/** The callbacks that failed verification, newest first: never applied, kept for the manager. */
export function listRejectedCallbacks(db: Db, limit: number): RejectedCallbackView[] {
  return db
    .select()
    .from(callbackRejections)
    .orderBy(desc(callbackRejections.receivedAt), desc(callbackRejections.id))
    .limit(limit)
    .all()
    .map((row) => ({
      at: new Date(row.receivedAt).toISOString(),
      profileId: row.profileId,
      reason: row.reason,
      detail: row.detail,
      bodyExcerpt: row.bodyExcerpt.slice(0, EXCERPT_SHOWN),
    }));
}
