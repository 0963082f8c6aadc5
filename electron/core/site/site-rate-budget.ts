import type pg from 'pg';
import { BancontactError } from '../bancontact/errors';
import type { RequestBudget } from '../bancontact/rate-limiter';

export type { RequestBudget };
import { coordinate, DB_NOW_MS } from './coordination-pool';

/*
 * Bancontact allows 5 requests a second per profile, counted across every station of the site. This
 * budget keeps the in-process limiter's rule (bancontact/rate-limiter.ts) but keeps its places in
 * PostgreSQL, one row per place in site_rate_slots: a place is taken while its request runs and free
 * again one second after the request *ended*, by the database server's clock.
 *
 * Why places and not a counter per wall-clock second (`INSERT … ON CONFLICT DO UPDATE SET used = used
 * + 1 WHERE used < 5`): a counter per second allows 5 at the end of one second and 5 more at the start
 * of the next, 10 within a few milliseconds; and a request granted at .999 that leaves the station a
 * few ms late is counted by Bancontact in the next second, beside that second's 5. Counting from the
 * end of each request holds for any one-second window and whatever the lateness, exactly as the
 * in-process limiter does after it was measured breaking the other way.
 *
 * A station that dies while its request runs leaves its place taken until `maxRequestMs` after the
 * grant, the longest a request may run (the client's request timeout); the other places keep serving.
 */


export interface RateBudgetOptions {
  perSecond?: number;
  windowMs?: number;
  /** The longest a request may run (at least the Bancontact client's timeout). */
  maxRequestMs?: number;
  /** How often a waiting station looks again while places are held by requests still running. */
  pollMs?: number;
  /** How long the database may stay unreachable before waiting requests fail instead of waiting on. */
  unreachableMs?: number;
}

const SEED = `INSERT INTO site_rate_slots (profile_id, slot, ended_at)
  SELECT $1, g, 0 FROM generate_series(0, $2::int - 1) AS g ON CONFLICT DO NOTHING`;

/** Takes the place free the longest; SKIP LOCKED lets two stations take two places at the same moment. */
const GRANT = `WITH free AS (
    SELECT slot FROM site_rate_slots
    WHERE profile_id = $1 AND slot < $2 AND ended_at + $3::bigint <= ${DB_NOW_MS}
    ORDER BY ended_at LIMIT 1 FOR UPDATE SKIP LOCKED)
  UPDATE site_rate_slots s SET ended_at = ${DB_NOW_MS} + $4::bigint, holder = $5
  FROM free WHERE s.profile_id = $1 AND s.slot = free.slot
  RETURNING s.slot`;

/** When to look again: when the next ended place frees up, or soon if a running request may end first. */
const NEXT = `SELECT min(ended_at + $3::bigint - ${DB_NOW_MS}) AS next_free, bool_or(holder IS NOT NULL) AS running
  FROM site_rate_slots WHERE profile_id = $1 AND slot < $2`;

const RELEASE = `UPDATE site_rate_slots SET ended_at = ${DB_NOW_MS}, holder = NULL
  WHERE profile_id = $1 AND slot = $2 AND holder = $3`;

interface Waiter {
  grant: (release: () => void) => void;
  fail: (error: Error) => void;
}

export class SiteRateBudget implements RequestBudget {
  granted = 0;
  private readonly waiting: { high: Waiter[]; low: Waiter[] } = { high: [], low: [] };
  private draining = false;
  private seeded: Promise<unknown> | null = null;
  private readonly perSecond: number;
  private readonly windowMs: number;
  private readonly maxRequestMs: number;
  private readonly pollMs: number;
  private readonly unreachableMs: number;
  /** Since when every statement failed; null while the database answers. */
  private failingSince: number | null = null;

  /** `holder` names this station process (e.g. SiteLeases.holder): it marks the places it holds. */
  constructor(
    private readonly pool: pg.Pool,
    private readonly profileId: string,
    private readonly holder: string,
    options: RateBudgetOptions = {},
  ) {
    this.perSecond = options.perSecond ?? 5;
    this.windowMs = options.windowMs ?? 1_000;
    this.maxRequestMs = options.maxRequestMs ?? 15_000;
    this.pollMs = options.pollMs ?? 50;
    this.unreachableMs = options.unreachableMs ?? 5_000;
  }

  acquire(priority: 'high' | 'low' = 'low'): Promise<() => void> {
    return new Promise((grant, fail) => {
      this.waiting[priority].push({ grant, fail });
      void this.drain();
    });
  }

  /** One loop per station and profile hands out places in order: the cashier's calls first. */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (;;) {
        const queue = this.waiting.high.length > 0 ? this.waiting.high : this.waiting.low;
        if (queue.length === 0) return;
        const wait = await this.tryGrant(queue).then(
          (answer) => ((this.failingSince = null), answer),
          () => this.unreachable(),
        );
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    } finally {
      this.draining = false;
    }
  }

  /**
   * The database did not answer. A request waits for it a while; then every waiting request fails as
   * one that could not reach Bancontact would (it was not sent), rather than hang the cashier, or go
   * without the other stations knowing and break the site's limit.
   */
  private unreachable(): number {
    const now = performance.now();
    this.failingSince ??= now;
    if (now - this.failingSince < this.unreachableMs) return this.pollMs * 4;
    const error = new BancontactError(
      'network',
      'the site database did not answer: the request was not sent',
    );
    for (const waiter of [...this.waiting.high.splice(0), ...this.waiting.low.splice(0)]) waiter.fail(error);
    return 0;
  }

  /** Grants the head of `queue` a place and answers 0, or answers how long to wait before trying again. */
  private async tryGrant(queue: Waiter[]): Promise<number> {
    this.seeded ??= coordinate(this.pool, SEED, [this.profileId, this.perSecond]).catch((error: unknown) => {
      this.seeded = null;
      throw error;
    });
    await this.seeded;
    const mark = `${this.holder}:${this.granted}`;
    const base = [this.profileId, this.perSecond, this.windowMs];
    const { rows } = await coordinate<{ slot: number }>(this.pool, GRANT, [...base, this.maxRequestMs, mark]);
    if (rows[0]) {
      this.granted += 1;
      const slot = Number(rows[0].slot);
      queue.shift()?.grant(this.releaser(slot, mark));
      return 0;
    }
    const next = await coordinate<{ next_free: number | null; running: boolean | null }>(
      this.pool,
      NEXT,
      base,
    );
    const { next_free: nextFree, running } = next.rows[0] ?? { next_free: null, running: null };
    const untilFree = nextFree === null ? this.pollMs : Math.max(1, Number(nextFree));
    return running ? Math.min(untilFree, this.pollMs) : untilFree;
  }

  private releaser(slot: number, mark: string): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Should this fail, the place frees itself `maxRequestMs` after the grant.
      void coordinate(this.pool, RELEASE, [this.profileId, slot, mark])
        .catch(() => undefined)
        .then(() => this.drain());
    };
  }
}
