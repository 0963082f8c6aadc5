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
export async function recordRejection(db: Db, logger: Logger, rejection: Rejection): Promise<void> {
  const { kind, profileId, reason, at } = rejection;
  const tally = tallyOf(db, logger);
  const count = await tally.add(profileId, reason, at);
  if (count <= SAMPLES_PER_HOUR) {
    await tally.flush(async (tx) => {
      await insertSample(tx, rejection);
      // A new hour's first refusal is rare enough to pay for the pruning.
      if (count === 1) await pruneRejections(tx, at - REJECTIONS_KEPT_MS);
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
export async function flushRejectionCounts(db: Db): Promise<void> {
  await tallies.get(db)?.flushQuietly();
}

async function insertSample(tx: Tx, rejection: Rejection): Promise<void> {
  const { profileId, reason, detail, rawBody, at } = rejection;
  const bodyExcerpt = rawBody.slice(0, EXCERPT_STORED);
  await tx.insert(callbackRejections).values({ receivedAt: at, profileId, reason, detail, bodyExcerpt });
}

async function pruneRejections(tx: Tx, before: number): Promise<void> {
  await tx.delete(callbackRejectionTallies).where(lt(callbackRejectionTallies.hourStart, before));
  await tx.delete(callbackRejections).where(lt(callbackRejections.receivedAt, before));
}

/** The refused callbacks per profile, reason and hour, newest first, each with its samples. */
export async function listRejectedCallbacks(db: Db, limit: number): Promise<RejectedCallbackGroupView[]> {
  // The manager sees every refusal counted so far, not only those already written.
  await flushRejectionCounts(db);
  return db.read(async (q) => {
    const tallies = await q
      .select()
      .from(callbackRejectionTallies)
      .orderBy(desc(callbackRejectionTallies.hourStart), desc(callbackRejectionTallies.lastAt))
      .limit(limit);
    const groups: RejectedCallbackGroupView[] = [];
    for (const tally of tallies) {
      groups.push({
        profileId: tally.profileId,
        reason: tally.reason,
        hourStart: new Date(tally.hourStart).toISOString(),
        count: tally.count,
        lastAt: new Date(tally.lastAt).toISOString(),
        samples: await samplesOf(q, tally),
      });
    }
    return groups;
  });
}

async function samplesOf(
  q: Tx,
  tally: { profileId: string; reason: string; hourStart: number },
): Promise<RejectedCallbackView[]> {
  const rows = await q
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
    .limit(SAMPLES_PER_HOUR);
  return rows.map((row) => ({
    at: new Date(row.receivedAt).toISOString(),
    profileId: row.profileId,
    reason: row.reason,
    detail: row.detail,
    bodyExcerpt: row.bodyExcerpt.slice(0, EXCERPT_SHOWN),
  }));
}
