import { sql } from 'drizzle-orm';
import type { StationTx } from '../db/open-station-database';
import { auditRefusalTallies } from '../db/station-schema';

/** A refusal that only bumps a counter is written within this long (PostgreSQL; see RefusalBumps). */
export const BUMP_FLUSH_MS = 1_000;

interface Bump {
  minute: number;
  callerKey: string;
  action: string;
  n: number;
}

const keyOf = (minute: number, callerKey: string, action: string) => `${minute}\n${callerKey}\n${action}`;

/**
 * The batching of refusal tallies on PostgreSQL. On SQLite a bare counter bump skips its own fsync
 * (audit-log.ts); on PostgreSQL each would be a transaction and a commit, so a flood of refusals is
 * counted here and written as one upsert per caller and action at most every BUMP_FLUSH_MS, or before
 * the next entry of this station, which also closes ended minutes. A crash loses at most that second
 * of counting, as SQLite's skipped fsync may. Only tallies this station already wrote this minute are
 * held: the first refusal of a minute is always an entry, at once.
 */
export class RefusalBumps {
  /** Tallies this station saw in the database, of the minute it last wrote in. */
  private known = new Set<string>();
  private knownMinute = Number.NEGATIVE_INFINITY;
  private pending = new Map<string, Bump>();

  /** The tally exists in the database (this station bumped or started it). */
  saw(minute: number, callerKey: string, action: string): void {
    if (minute !== this.knownMinute) [this.known, this.knownMinute] = [new Set(), minute];
    this.known.add(keyOf(minute, callerKey, action));
  }

  /** Counts the refusal in memory when its tally is known; true when it was (nothing to write now). */
  hold(minute: number, callerKey: string, action: string): boolean {
    const key = keyOf(minute, callerKey, action);
    if (minute !== this.knownMinute || !this.known.has(key)) return false;
    const bump = this.pending.get(key) ?? { minute, callerKey, action, n: 0 };
    bump.n += 1;
    this.pending.set(key, bump);
    return true;
  }

  get size(): number {
    return this.pending.size;
  }

  /** Takes what is pending, to write in the caller's unit; give it back with `restore` if that fails. */
  take(): Bump[] {
    const taken = [...this.pending.values()];
    this.pending.clear();
    return taken;
  }

  restore(bumps: Bump[]): void {
    for (const bump of bumps) {
      const key = keyOf(bump.minute, bump.callerKey, bump.action);
      const newer = this.pending.get(key);
      if (newer) newer.n += bump.n;
      else this.pending.set(key, bump);
    }
  }
}

/**
 * Adds the bumps to their tallies. A tally another station already closed (its minute ended) comes
 * back with one more than the bumps: its first refusal is an entry already, and the next closing
 * writes the bumps as "refused N more times".
 */
export async function writeBumps(tx: StationTx, bumps: Bump[]): Promise<void> {
  const t = auditRefusalTallies;
  for (const { minute, callerKey, action, n } of bumps) {
    await tx
      .insert(t)
      .values({ minute, callerKey, action, count: n + 1 })
      .onConflictDoUpdate({
        target: [t.minute, t.callerKey, t.action],
        set: { count: sql`${t.count} + ${n}` },
      });
  }
}
