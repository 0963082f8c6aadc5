import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { RejectedCallbackGroupView, RejectedCallbackView } from '../../../shared/contract';
import type { Db, Tx } from '../db/open-database';
import { callbackRejections, callbackRejectionTallies } from '../db/schema';
import type { Logger } from '../logging/logger';
import { HOUR_MS, RejectionTally } from './rejection-tally';

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

/** One tally per open database, shared by its till and top-up intakes. */
const tallies = new WeakMap<Db, RejectionTally>();

function tallyOf(db: Db, logger: Logger): RejectionTally {
  let tally = tallies.get(db);
  if (!tally) tallies.set(db, (tally = new RejectionTally(db, logger)));
  return tally;
}

/**
 * Counts a refused callback in its hour. The first few of a profile, reason and hour are written at
 * once with their sample (and logged); the rest are counted in memory and written within a second.
 */
export function recordRejection(db: Db, logger: Logger, rejection: Rejection): void {
  const { kind, profileId, reason, at } = rejection;
  const tally = tallyOf(db, logger);
  const count = tally.add(profileId, reason, at);
  if (count <= SAMPLES_PER_HOUR) {
    tally.flush((tx) => {
      insertSample(tx, rejection);
      // A new hour's first refusal is rare enough to pay for the pruning.
      if (count === 1) pruneRejections(tx, at - REJECTIONS_KEPT_MS);
    });
    logger.warn(`rejected a ${kind} for profile ${profileId}: ${reason}`);
    return;
  }
  tally.flushSoon();
  if (count === SAMPLES_PER_HOUR + 1)
    logger.warn(
      `more ${kind}s for profile ${profileId} rejected (${reason}): counted, not logged, this hour`,
    );
}

/** Writes the counts still in memory; the mode's runtime calls it before closing its database. */
export function flushRejectionCounts(db: Db): void {
  tallies.get(db)?.flushQuietly();
}

function insertSample(tx: Tx, rejection: Rejection): void {
  const { profileId, reason, detail, rawBody, at } = rejection;
  const bodyExcerpt = rawBody.slice(0, EXCERPT_STORED);
  tx.insert(callbackRejections).values({ receivedAt: at, profileId, reason, detail, bodyExcerpt }).run();
}

function pruneRejections(tx: Tx, before: number): void {
  tx.delete(callbackRejectionTallies).where(lt(callbackRejectionTallies.hourStart, before)).run();
  tx.delete(callbackRejections).where(lt(callbackRejections.receivedAt, before)).run();
}

/** The refused callbacks per profile, reason and hour, newest first, each with its samples. */
export function listRejectedCallbacks(db: Db, limit: number): RejectedCallbackGroupView[] {
  // The manager sees every refusal counted so far, not only those already written.
  flushRejectionCounts(db);
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
