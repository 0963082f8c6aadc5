import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull, lt, type AnyColumn } from 'drizzle-orm';
import type { Locale } from '../../../shared/domain/money';
import type { Role } from '../../../shared/domain/roles';
import type { StationDb } from '../db/open-station-database';
import { sessions, staff, stationMeta } from '../db/station-schema';

export type SessionEndReason = 'signed-out' | 'idle' | 'switched' | 'revoked' | 'blocked';

/** A session still in force, with its person (null: a customer display's view-only session). */
export interface LiveSession {
  sessionId: string;
  deviceId: string;
  staff: { id: string; name: string; role: Role; locale: Locale; training: boolean } | null;
  createdAt: number;
  lastUsedAt: number;
}

export interface SessionStoreDeps {
  db: StationDb;
  now: () => number;
  /** 32 random bytes as base64url unless a test says otherwise. */
  newToken?: () => string;
}

export const IDLE_LOCK_KEY = 'idle_lock_minutes';
export const DEFAULT_IDLE_LOCK_MINUTES = 5;
export const IDLE_LOCK_RANGE = { min: 1, max: 240 } as const;
// A session's last use is written at most this often: one fsync per call would cost more than the
// idle lock (counted in minutes) gains from the precision.
const TOUCH_EVERY_MS = 5_000;

/** Only the token's SHA-256 is stored: the token is 256 random bits, so a slow hash would add nothing. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Sessions on devices, all in station.sqlite so a restart keeps every one and every rule. A device
 * holds one session at a time: opening a new one (a cashier switch) ends the one before.
 */
export class SessionStore {
  private readonly db: StationDb;
  private readonly now: () => number;
  private readonly newToken: () => string;

  constructor({ db, now, newToken = defaultToken }: SessionStoreDeps) {
    this.db = db;
    this.now = now;
    this.newToken = newToken;
  }

  /** A new session on the device; whatever session the device held ends (`switched`). */
  open({ deviceId, staffId }: { deviceId: string; staffId: string | null }): {
    sessionId: string;
    token: string;
  } {
    const token = this.newToken();
    const sessionId = randomUUID();
    const at = this.now();
    this.db.transaction((tx) => {
      tx.update(sessions)
        .set({ endedAt: at, endedReason: 'switched' })
        .where(and(eq(sessions.deviceId, deviceId), isNull(sessions.endedAt)))
        .run();
      tx.insert(sessions)
        .values({
          id: sessionId,
          tokenHash: tokenHash(token),
          deviceId,
          staffId,
          createdAt: at,
          lastUsedAt: at,
        })
        .run();
    });
    return { sessionId, token };
  }

  /** The live session this token holds, or null; a session idle too long is ended (`idle`) on the way. */
  resolve(token: string): LiveSession | null {
    const row = this.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.tokenHash, tokenHash(token)), isNull(sessions.endedAt)))
      .get();
    return row ? this.liveOrEnded(row) : null;
  }

  /** The live session with this id, by the same rules as `resolve`. */
  get(sessionId: string): LiveSession | null {
    const row = this.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
      .get();
    return row ? this.liveOrEnded(row) : null;
  }

  /** A call by the person: the idle clock starts again. */
  touch(sessionId: string): void {
    const at = this.now();
    this.db
      .update(sessions)
      .set({ lastUsedAt: at })
      .where(
        and(
          eq(sessions.id, sessionId),
          isNull(sessions.endedAt),
          lt(sessions.lastUsedAt, at - TOUCH_EVERY_MS),
        ),
      )
      .run();
  }

  end(sessionId: string, reason: SessionEndReason): void {
    this.endWhere(sessions.id, sessionId, reason);
  }

  /** Ends the device's session (revoked, unlinked); answers how many ended. */
  endForDevice(deviceId: string, reason: SessionEndReason): number {
    return this.endWhere(sessions.deviceId, deviceId, reason);
  }

  /** Ends every session of a person (blocked, deleted); answers how many ended. */
  endForStaff(staffId: string, reason: SessionEndReason): number {
    return this.endWhere(sessions.staffId, staffId, reason);
  }

  idleLockMinutes(): number {
    return readIdleLockMinutes(this.db);
  }

  setIdleLockMinutes(minutes: number): void {
    if (!Number.isInteger(minutes) || minutes < IDLE_LOCK_RANGE.min || minutes > IDLE_LOCK_RANGE.max)
      throw new RangeError(`idle lock must be ${IDLE_LOCK_RANGE.min}–${IDLE_LOCK_RANGE.max} minutes`);
    this.db
      .insert(stationMeta)
      .values({ key: IDLE_LOCK_KEY, value: String(minutes) })
      .onConflictDoUpdate({ target: stationMeta.key, set: { value: String(minutes) } })
      .run();
  }

  private endWhere(column: AnyColumn, value: string, reason: SessionEndReason): number {
    return this.db
      .update(sessions)
      .set({ endedAt: this.now(), endedReason: reason })
      .where(and(eq(column, value), isNull(sessions.endedAt)))
      .run().changes;
  }

  private liveOrEnded(row: typeof sessions.$inferSelect): LiveSession | null {
    const base = {
      sessionId: row.id,
      deviceId: row.deviceId,
      createdAt: row.createdAt,
      lastUsedAt: row.lastUsedAt,
    };
    if (row.staffId === null) return { ...base, staff: null };
    const person = this.db.select().from(staff).where(eq(staff.id, row.staffId)).get();
    if (!person || person.status !== 'active') {
      this.end(row.id, 'blocked');
      return null;
    }
    // The training administrator's session has nothing to protect and no secret to unlock it with.
    const idleMs = readIdleLockMinutes(this.db) * 60_000;
    if (!person.training && this.now() - row.lastUsedAt > idleMs) {
      this.end(row.id, 'idle');
      return null;
    }
    const { id, name, role, locale, training } = person;
    return { ...base, staff: { id, name, role, locale, training } };
  }
}

function readIdleLockMinutes(db: StationDb): number {
  const row = db.select().from(stationMeta).where(eq(stationMeta.key, IDLE_LOCK_KEY)).get();
  const minutes = Number(row?.value);
  return Number.isInteger(minutes) && minutes >= IDLE_LOCK_RANGE.min && minutes <= IDLE_LOCK_RANGE.max
    ? minutes
    : DEFAULT_IDLE_LOCK_MINUTES;
}

function defaultToken(): string {
  return randomBytes(32).toString('base64url');
}
