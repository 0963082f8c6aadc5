/**
 * Simulator time is real time plus an offset. Tests and trainers move it forward to make payments expire
 * without waiting; the offset is the only clock state, so persisting it is enough to survive a restart.
 */
export interface SimClock {
  /** Simulator time in epoch milliseconds. */
  now(): number;
  /** Moves simulator time forward and returns the new simulator time. */
  advance(ms: number): number;
  offsetMs(): number;
}

/**
 * Real (wall-clock) time, whatever the offset: what Bancontact's own clock says. A signature's `iat` is
 * written from it, since merchants check it against their own clock (Odoo ±60 s, some clients 5 s).
 */
export function wallClockNow(clock: SimClock): number {
  return clock.now() - clock.offsetMs();
}

export interface OffsetStorage {
  loadOffset(): number | undefined;
  saveOffset(offsetMs: number): void;
}

export interface SimClockOptions {
  realNow?: () => number;
  storage?: OffsetStorage;
}

export function createSimClock({ realNow = Date.now, storage }: SimClockOptions = {}): SimClock {
  let offset = storage?.loadOffset() ?? 0;
  return {
    now: () => realNow() + offset,
    advance(ms) {
      // Going back would let an EXPIRED payment sit before its expireAt, a state Bancontact cannot produce.
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The simulator clock only moves forward');
      offset += ms;
      storage?.saveOffset(offset);
      return realNow() + offset;
    },
    offsetMs: () => offset,
  };
}
