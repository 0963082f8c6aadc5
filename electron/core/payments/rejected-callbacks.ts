import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { RejectedCallbackGroupView, RejectedCallbackView } from '../../../shared/contract';
import type { Db, Tx } from '../db/open-database';
import { callbackRejections, callbackRejectionTallies } from '../db/schema';
import type { Logger } from '../logger';

const HOUR_MS = 3_600_000;
/**
 * Each profile, reason and hour keeps this many refused callbacks whole (well, their first 2 KB); the
 * rest only raise the count. A flood of forged callbacks therefore costs one counter, not a row each.
 */
export const SAMPLES_PER_HOUR = 3;
/** Counts and samples older than this are dropped: the manager looks at recent trouble, not history. */
export const REJECTIONS_KEPT_MS = 30 * 24 * HOUR_MS;
const EXCERPT_STORED = 2048;
/** What the manager sees of a rejected callback: enough to recognise it, not a flood of raw bytes. */
const EXCERPT_SHOWN = 300;

export interface Rejection {
  profileId: string;
  reason: string;
  detail: string;
  rawBody: string;
  at: number;
  /** For the log: 'callback' or 'top-up callback'. */
  kind: string;
}

/**
 * Counts a refused callback in its hour, and keeps it as a sample only while it is one of the first
 * few of its profile, reason and hour; the log says so for those few and once when it stops.
 */
export function recordRejection(db: Db, logger: Logger, rejection: Rejection): void {
  const count = db.transaction((tx) => countAndSample(tx, rejection));
  const { kind, profileId, reason } = rejection;
  if (count <= SAMPLES_PER_HOUR) logger.warn(`rejected a ${kind} for profile ${profileId}: ${reason}`);
  else if (count === SAMPLES_PER_HOUR + 1)
    logger.warn(
      `more ${kind}s for profile ${profileId} rejected (${reason}): counted, not logged, this hour`,
    );
}

function countAndSample(tx: Tx, rejection: Rejection): number {
  const { profileId, reason, detail, rawBody, at } = rejection;
  const hourStart = Math.floor(at / HOUR_MS) * HOUR_MS;
  const tally = callbackRejectionTallies;
  const { count } = tx
    .insert(tally)
    .values({ profileId, reason, hourStart, count: 1, lastAt: at })
    .onConflictDoUpdate({
      target: [tally.profileId, tally.reason, tally.hourStart],
      set: { count: sql`${tally.count} + 1`, lastAt: sql`max(${tally.lastAt}, excluded.last_at)` },
    })
    .returning({ count: tally.count })
    .get();
  if (count <= SAMPLES_PER_HOUR) {
    const bodyExcerpt = rawBody.slice(0, EXCERPT_STORED);
    tx.insert(callbackRejections).values({ receivedAt: at, profileId, reason, detail, bodyExcerpt }).run();
  }
  // A new hour's first refusal is rare enough to pay for the pruning.
  if (count === 1) pruneRejections(tx, at - REJECTIONS_KEPT_MS);
  return count;
}

function pruneRejections(tx: Tx, before: number): void {
  tx.delete(callbackRejectionTallies).where(lt(callbackRejectionTallies.hourStart, before)).run();
  tx.delete(callbackRejections).where(lt(callbackRejections.receivedAt, before)).run();
}

/** The refused callbacks per profile, reason and hour, newest first, each with its samples. */
export function listRejectedCallbacks(db: Db, limit: number): RejectedCallbackGroupView[] {
  const tallies = db
    .select()
    .from(callbackRejectionTallies)
    .orderBy(desc(callbackRejectionTallies.hourStart), desc(callbackRejectionTallies.lastAt))
    .limit(limit)
    .all();
  return tallies.map((tally) => ({
    profileId: tally.profileId,
    reason: tally.reason,
    hourStart: new Date(tally.hourStart).toISOString(),
    count: tally.count,
    lastAt: new Date(tally.lastAt).toISOString(),
    samples: samplesOf(db, tally),
  }));
}

function samplesOf(
  db: Db,
  tally: { profileId: string; reason: string; hourStart: number },
): RejectedCallbackView[] {
  const rows = db
    .select()
    .from(callbackRejections)
    .where(
      and(
        eq(callbackRejections.profileId, tally.profileId),
        eq(callbackRejections.reason, tally.reason),
        gte(callbackRejections.receivedAt, tally.hourStart),
        lt(callbackRejections.receivedAt, tally.hourStart + HOUR_MS),
      ),
    )
    .orderBy(callbackRejections.receivedAt, callbackRejections.id)
    .limit(SAMPLES_PER_HOUR)
    .all();
  return rows.map((row) => ({
    at: new Date(row.receivedAt).toISOString(),
    profileId: row.profileId,
    reason: row.reason,
    detail: row.detail,
    bodyExcerpt: row.bodyExcerpt.slice(0, EXCERPT_SHOWN),
  }));
}
