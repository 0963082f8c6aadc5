/*
 * Work that must happen once per site runs at the station holding its lease: following a Bancontact
 * profile's open payments (`poll:<profileId>`), the search sweep (`sweep:<profileId>`), a scheduled job
 * (`job:<name>`). On PostgreSQL many stations contend for each lease (site-leases.ts); on SQLite there is
 * one station and every lease is simply held (LocalLeases below).
 */

/** A lease this station holds, as long as `held` says so. */
export interface Lease {
  readonly name: string;
  /**
   * Goes up by one each time the lease changes hands. Work that leaves a trace may record it, so
   * that a trace from an older holder can be told apart.
   */
  readonly generation: number;
  /**
   * True while this station surely still holds the lease by its own clocks, without asking the
   * database. Check it before each piece of work: a station that was frozen or cut off finds it false
   * on waking, before it does the work again.
   */
  readonly held: boolean;
  /** Asks the database: renews the lease and answers whether it is still this station's. */
  confirm(): Promise<boolean>;
}

export interface LeaseWatch {
  /** This station now holds the lease: start the work. */
  gained(lease: Lease): void;
  /** It no longer does (expired, taken over, or given up): stop the work. Not called twice for one lease. */
  lost(lease: Lease): void;
}

export interface Leases {
  /**
   * Holds `name` whenever this station can, for as long as it runs, and tells `watch` each time it
   * gains and loses it. Answers a function that gives the lease up (so another station takes it at once).
   */
  hold(name: string, watch: LeaseWatch): () => Promise<void>;
  /** Gives up every lease. */
  close(): Promise<void>;
}

/** One station on SQLite: nobody to share with, every lease is held from the start and never lost. */
export class LocalLeases implements Leases {
  private readonly given = new Set<() => Promise<void>>();

  hold(name: string, watch: LeaseWatch): () => Promise<void> {
    const lease = { name, generation: 1, held: true, confirm: () => Promise.resolve(lease.held) };
    watch.gained(lease);
    const giveUp = async () => {
      if (!this.given.delete(giveUp)) return;
      lease.held = false;
      watch.lost(lease);
    };
    this.given.add(giveUp);
    return giveUp;
  }

  async close(): Promise<void> {
    await Promise.all([...this.given].map((giveUp) => giveUp()));
  }
}

/**
 * When a lease runs out by this station's own clocks. Both clocks are checked: the monotonic one
 * cannot be set back, but stands still while the machine sleeps (a closed laptop); the wall clock
 * runs on through sleep. Either one saying "passed" is enough to stop the work.
 */
export class Deadline {
  private constructor(
    private readonly monotonic: number,
    private readonly wall: number,
  ) {}

  /** `ms` after `from`, a moment taken with `Deadline.stamp()` before the database was asked. */
  static after(from: { monotonic: number; wall: number }, ms: number): Deadline {
    return new Deadline(from.monotonic + ms, from.wall + ms);
  }

  static stamp(): { monotonic: number; wall: number } {
    return { monotonic: performance.now(), wall: Date.now() };
  }

  ahead(): boolean {
    return performance.now() < this.monotonic && Date.now() < this.wall;
  }

  /** Milliseconds left by the monotonic clock (for a timer). */
  left(): number {
    return Math.max(0, this.monotonic - performance.now());
  }
}
