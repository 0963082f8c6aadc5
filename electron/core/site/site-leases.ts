import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { coordinate, DB_NOW_MS } from './coordination-pool';
import { Deadline, type Lease, type Leases, type LeaseWatch } from './lease';

/*
 * Leases shared by the stations of a site, kept in PostgreSQL's site_leases table: the holder renews
 * its lease every `renewEveryMs`, and any station takes over a lease whose `expires_at` (by the
 * database server's clock) has passed. Taking over raises the lease's generation.
 *
 * Why a lease table and not session advisory locks: an advisory lock lives as long as its session,
 * and a frozen station's session lives on. A process stopped with SIGSTOP (or a VM paused) still has
 * a kernel that answers TCP keepalives and acknowledges packets, so neither keepalives nor
 * tcp_user_timeout ever end its session: the lock would be held for as long as it stays frozen. A
 * lease expires because its holder stopped renewing it, whatever the reason — killed, frozen, or cut
 * off — and another station holds it `ttlMs + retryEveryMs` later at most (7 s by default; the issue
 * asks for 10).
 *
 * Fencing: the holder counts its lease as held only until `ttlMs` after it *sent* its last successful
 * renewal (`Lease.held`, by its own clocks), which is always before the database lets anyone take it
 * over. So a frozen holder that wakes up finds `held` false before it does the work again, and then
 * learns from the database that the lease has a new generation.
 */

export interface LeaseTiming {
  /** How long a renewal keeps the lease. */
  ttlMs: number;
  renewEveryMs: number;
  /** How often a station that does not hold a lease tries to take it. */
  retryEveryMs: number;
  /** Taken off the holder's own deadline, for clocks that run at slightly different rates. */
  marginMs: number;
}

export const DEFAULT_LEASE_TIMING: LeaseTiming = {
  ttlMs: 6_000,
  renewEveryMs: 2_000,
  retryEveryMs: 1_000,
  marginMs: 250,
};

const TAKE = `INSERT INTO site_leases AS l (name, holder, generation, expires_at)
  VALUES ($1, $2, 1, ${DB_NOW_MS} + $3::bigint)
  ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, generation = l.generation + 1,
    expires_at = excluded.expires_at
  WHERE l.expires_at < ${DB_NOW_MS}
  RETURNING generation`;

const RENEW = `UPDATE site_leases SET expires_at = ${DB_NOW_MS} + $4::bigint
  WHERE name = $1 AND holder = $2 AND generation = $3 AND expires_at >= ${DB_NOW_MS}
  RETURNING generation`;

/** Given up: expired at once, so the next station takes it without waiting. */
const RELEASE = `UPDATE site_leases SET expires_at = 0 WHERE name = $1 AND holder = $2 AND generation = $3`;

export class SiteLeases implements Leases {
  /** This station process; a restarted station is a new holder. */
  readonly holder: string;
  private readonly keepers = new Set<LeaseKeeper>();

  constructor(
    private readonly pool: pg.Pool,
    station: string,
    private readonly timing: LeaseTiming = DEFAULT_LEASE_TIMING,
  ) {
    this.holder = `${station}#${randomUUID().slice(0, 8)}`;
  }

  hold(name: string, watch: LeaseWatch): () => Promise<void> {
    const keeper = new LeaseKeeper(this.pool, this.holder, name, watch, this.timing);
    this.keepers.add(keeper);
    keeper.start();
    return async () => {
      this.keepers.delete(keeper);
      await keeper.stop();
    };
  }

  async close(): Promise<void> {
    const keepers = [...this.keepers];
    this.keepers.clear();
    await Promise.all(keepers.map((keeper) => keeper.stop()));
  }
}

class HeldLease implements Lease {
  live = true;

  constructor(
    readonly name: string,
    readonly generation: number,
    public deadline: Deadline,
    private readonly renew: (lease: HeldLease) => Promise<boolean>,
  ) {}

  get held(): boolean {
    return this.live && this.deadline.ahead();
  }

  async confirm(): Promise<boolean> {
    return this.live && (await this.renew(this));
  }
}

/** Takes, renews and gives up one named lease for one station. */
class LeaseKeeper {
  private lease: HeldLease | null = null;
  private stopped = false;
  private tickTimer: NodeJS.Timeout | null = null;
  private expiryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly holder: string,
    private readonly name: string,
    private readonly watch: LeaseWatch,
    private readonly timing: LeaseTiming,
  ) {}

  start(): void {
    void this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.tickTimer) clearTimeout(this.tickTimer);
    const lease = this.lease;
    if (!lease) return;
    this.drop(lease);
    await coordinate(this.pool, RELEASE, [this.name, this.holder, lease.generation]).catch(() => undefined);
  }

  private async tick(): Promise<void> {
    try {
      if (this.lease) await this.renew(this.lease);
      else await this.take();
    } catch {
      // The database is unreachable or slow: the holder's deadline decides when its lease is lost.
    }
    if (this.stopped) return;
    const wait = this.lease ? this.timing.renewEveryMs : this.timing.retryEveryMs;
    this.tickTimer = setTimeout(() => void this.tick(), wait);
  }

  private async take(): Promise<void> {
    const sent = Deadline.stamp();
    const { rows } = await coordinate<{ generation: number }>(this.pool, TAKE, [
      this.name,
      this.holder,
      this.timing.ttlMs,
    ]);
    if (!rows[0]) return;
    const generation = Number(rows[0].generation);
    if (this.stopped) {
      await coordinate(this.pool, RELEASE, [this.name, this.holder, generation]);
      return;
    }
    const lease = new HeldLease(this.name, generation, this.deadlineFrom(sent), (l) => this.renew(l));
    this.lease = lease;
    this.armExpiry(lease);
    this.watch.gained(lease);
  }

  /** Renews `lease`; answers false (and reports it lost) when the database says it is no longer ours. */
  private async renew(lease: HeldLease): Promise<boolean> {
    const sent = Deadline.stamp();
    const params = [this.name, this.holder, lease.generation, this.timing.ttlMs];
    const { rows } = await coordinate(this.pool, RENEW, params);
    if (!lease.live) return false;
    if (!rows[0]) {
      this.drop(lease);
      return false;
    }
    lease.deadline = this.deadlineFrom(sent);
    this.armExpiry(lease);
    return lease.held;
  }

  private deadlineFrom(sent: ReturnType<typeof Deadline.stamp>): Deadline {
    return Deadline.after(sent, this.timing.ttlMs - this.timing.marginMs);
  }

  /** Reports the lease lost when its deadline passes without a renewal, even if the database never answers. */
  private armExpiry(lease: HeldLease): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = setTimeout(() => {
      if (lease.deadline.ahead()) this.armExpiry(lease);
      else this.drop(lease);
    }, lease.deadline.left() + 1);
  }

  private drop(lease: HeldLease): void {
    if (this.lease !== lease || !lease.live) return;
    lease.live = false;
    this.lease = null;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
    this.watch.lost(lease);
  }
}
