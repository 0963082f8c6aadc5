import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/open-database';
import { greatest } from '../db/dialect';
import { SqliteStore } from '../db/unit-of-work';
import { callbackRejectionTallies } from '../db/schema';
import type { Logger } from '../logging/logger';

export const HOUR_MS = 3_600_000;
/**
 * Counts past a profile's first few refusals of the hour are written at most this often: a flood of
 * forged callbacks costs one small transaction (one sync to disk) a second, not one per request. A
 * crash loses at most this long of counting; the samples themselves are written at once.
 */
export const TALLY_FLUSH_MS = 1_000;

export interface TallyKey {
  profileId: string;
  reason: string;
  hourStart: number;
}

interface Pending extends TallyKey {
  count: number;
  lastAt: number;
}

const keyOf = (key: TallyKey): string => `${key.profileId}\n${key.reason}\n${key.hourStart}`;

/**
 * How many callbacks were refused, per profile, reason and hour, for one database: counted in memory
 * and written in batches, so that the count stays exact without a write per forged request.
 */
export class RejectionTally {
  /** The count so far (stored and pending) of each key of the current and the previous hour. */
  private readonly counts = new Map<string, { hourStart: number; count: number }>();
  private readonly pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
  ) {}

  /** Counts one refusal at `at`; answers its number within its profile, reason and hour (1 = first). */
  async add(profileId: string, reason: string, at: number): Promise<number> {
    const key: TallyKey = { profileId, reason, hourStart: Math.floor(at / HOUR_MS) * HOUR_MS };
    const id = keyOf(key);
    if (!this.counts.has(id)) {
      const stored = await this.stored(key);
      // Another refusal of the same key may have been counted while this one read the stored count.
      if (!this.counts.has(id)) this.counts.set(id, { hourStart: key.hourStart, count: stored });
    }
    const count = this.counts.get(id)!.count + 1;
    this.counts.set(id, { hourStart: key.hourStart, count });
    const entry = this.pending.get(id) ?? { ...key, count: 0, lastAt: at };
    entry.count += 1;
    entry.lastAt = Math.max(entry.lastAt, at);
    this.pending.set(id, entry);
    return count;
  }

  /** Writes every pending count now, with `alongside` in the same unit of work; on failure nothing is lost. */
  async flush(alongside?: (tx: Tx) => Promise<void>): Promise<void> {
    this.cancelTimer();
    const entries = [...this.pending.values()];
    this.pending.clear();
    try {
      await this.db.write(async (tx) => {
        for (const entry of entries) await upsertTally(tx, entry);
        await alongside?.(tx);
      });
    } catch (error) {
      for (const entry of entries) this.restore(entry);
      throw error;
    }
    this.forgetOldHours(entries);
  }

  /** Writes the pending counts within TALLY_FLUSH_MS. */
  flushSoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flushQuietly(), TALLY_FLUSH_MS);
    // A pending count never keeps the process alive; stopping the station flushes it (closeTally).
    this.timer.unref();
  }

  /** Flushes, and says in the log instead of throwing; a closed database drops what is pending. */
  async flushQuietly(): Promise<void> {
    if (this.db instanceof SqliteStore && !this.db.open) {
      this.cancelTimer();
      this.pending.clear();
      return;
    }
    try {
      await this.flush();
    } catch (error) {
      this.logger.warn(`could not save the counts of refused callbacks: ${String(error)}`);
      this.flushSoon();
    }
  }

  private async stored(key: TallyKey): Promise<number> {
    const t = callbackRejectionTallies;
    const [row] = await this.db.read((q) =>
      q
        .select({ count: t.count })
        .from(t)
        .where(and(eq(t.profileId, key.profileId), eq(t.reason, key.reason), eq(t.hourStart, key.hourStart)))
        .limit(1),
    );
    return row?.count ?? 0;
  }

  private restore(entry: Pending): void {
    const id = keyOf(entry);
    const newer = this.pending.get(id);
    if (newer) {
      newer.count += entry.count;
      newer.lastAt = Math.max(newer.lastAt, entry.lastAt);
    }
    this.pending.set(id, newer ?? entry);
  }

  /** Only this hour's and the last hour's counts are remembered: the map stays a few entries long. */
  private forgetOldHours(written: Pending[]): void {
    const latest = Math.max(0, ...written.map((entry) => entry.hourStart));
    for (const [id, { hourStart }] of this.counts) {
      if (hourStart < latest - HOUR_MS && !this.pending.has(id)) this.counts.delete(id);
    }
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

async function upsertTally(tx: Tx, entry: Pending): Promise<void> {
  const t = callbackRejectionTallies;
  const { profileId, reason, hourStart, count, lastAt } = entry;
  await tx
    .insert(t)
    .values({ profileId, reason, hourStart, count, lastAt })
    .onConflictDoUpdate({
      target: [t.profileId, t.reason, t.hourStart],
      set: { count: sql`${t.count} + excluded.count`, lastAt: greatest(tx, sql`${t.lastAt}`, sql`excluded.last_at`) },
    });
}
