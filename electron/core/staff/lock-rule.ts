/*
 * Five wrong tries lock a person: 30 s the first time, then twice as long for each further lock
 * (60 s, 120 s …) up to an hour, until a good sign-in starts the count again. A PIN has 10,000 to a
 * million values, so at five tries per lock an attacker gets a few hundred guesses a day at most.
 */
export const MAX_WRONG_TRIES = 5;
const FIRST_LOCK_MS = 30_000;
const LONGEST_LOCK_MS = 60 * 60_000;

/** How long the lock lasts that a person gets now, having been locked `earlierLocks` times already. */
export function lockDelayMs(earlierLocks: number): number {
  // 2^7 · 30 s already passes the hour, so the exponent is capped before it can overflow.
  return Math.min(FIRST_LOCK_MS * 2 ** Math.min(earlierLocks, 7), LONGEST_LOCK_MS);
}

/** The state a person's tries are in, from their row. */
export interface TryState {
  failedAttempts: number;
  lockCount: number;
  lockedUntil: number | null;
}

/** True while a lock lasts: tries then change nothing. */
export function isLocked(state: TryState, now: number): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

/**
 * What a wrong try does: counts it, or (the fifth) locks the person and starts a new count. A lock that
 * has run out starts a fresh count of five.
 */
export function afterWrongTry(state: TryState, now: number): TryState & { locked: boolean } {
  const expired = state.lockedUntil !== null && state.lockedUntil <= now;
  const failedAttempts = (expired ? 0 : state.failedAttempts) + 1;
  if (failedAttempts < MAX_WRONG_TRIES)
    return { failedAttempts, lockCount: state.lockCount, lockedUntil: null, locked: false };
  return {
    failedAttempts: 0,
    lockCount: state.lockCount + 1,
    lockedUntil: now + lockDelayMs(state.lockCount),
    locked: true,
  };
}

/** Tries left before the next lock, as WRONG_SECRET and the staff list show it. */
export function attemptsLeft(state: TryState, now: number): number {
  const expired = state.lockedUntil !== null && state.lockedUntil <= now;
  return MAX_WRONG_TRIES - (expired ? 0 : state.failedAttempts);
}
