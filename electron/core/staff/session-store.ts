import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull, lt, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Locale } from '../../../shared/domain/money';
import type { Role } from '../../../shared/domain/roles';
import type { StationDb, StationTx } from '../db/open-station-database';
import { changedRows } from '../db/raw';
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
  async open({ deviceId, staffId }: { deviceId: string; staffId: string | null }): Promise<{
    sessionId: string;
    token: string;
  }> {
    const token = this.newToken();
    const sessionId = randomUUID();
    const at = this.now();
    await this.db.write(async (tx) => {
      await tx
        .update(sessions)
        .set({ endedAt: at, endedReason: 'switched' })
        .where(and(eq(sessions.deviceId, deviceId), isNull(sessions.endedAt)));
      await tx.insert(sessions).values({
        id: sessionId,
        tokenHash: tokenHash(token),
        deviceId,
        staffId,
        createdAt: at,
        lastUsedAt: at,
      });
    });
    return { sessionId, token };
  }

  /** The live session this token holds, or null; a session idle too long is ended (`idle`) on the way. */
  resolve(token: string): Promise<LiveSession | null> {
    return this.liveWhere(and(eq(sessions.tokenHash, tokenHash(token)), isNull(sessions.endedAt)));
  }

  /** The live session with this id, by the same rules as `resolve`. */
  get(sessionId: string): Promise<LiveSession | null> {
    return this.liveWhere(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
  }

  /**
   * A call by the person: the idle clock starts again. Given when it was last used (as just read), a
   * session touched less than TOUCH_EVERY_MS ago is left alone without a write: on a site every write
   * takes the site's write lock, and a bar tablet's every payment would otherwise take it twice.
   */
  async touch(sessionId: string, lastUsedAt?: number): Promise<void> {
    const at = this.now();
    if (lastUsedAt !== undefined && at - lastUsedAt < TOUCH_EVERY_MS) return;
    await this.db.write(async (tx) => {
      await tx
        .update(sessions)
        .set({ lastUsedAt: at })
        .where(
          and(
            eq(sessions.id, sessionId),
            isNull(sessions.endedAt),
            lt(sessions.lastUsedAt, at - TOUCH_EVERY_MS),
          ),
        );
    });
  }

  async end(sessionId: string, reason: SessionEndReason): Promise<void> {
    await this.endWhere(sessions.id, sessionId, reason);
  }

  /** Ends the device's session (revoked, unlinked); answers how many ended. */
  endForDevice(deviceId: string, reason: SessionEndReason): Promise<number> {
    return this.endWhere(sessions.deviceId, deviceId, reason);
  }

  /** Ends every session of a person (blocked, deleted); answers how many ended. */
  endForStaff(staffId: string, reason: SessionEndReason): Promise<number> {
    return this.endWhere(sessions.staffId, staffId, reason);
  }

  idleLockMinutes(): Promise<number> {
    return this.db.read((q) => readIdleLockMinutes(q));
  }

  async setIdleLockMinutes(minutes: number): Promise<void> {
    if (!Number.isInteger(minutes) || minutes < IDLE_LOCK_RANGE.min || minutes > IDLE_LOCK_RANGE.max)
      throw new RangeError(`idle lock must be ${IDLE_LOCK_RANGE.min}–${IDLE_LOCK_RANGE.max} minutes`);
    await this.db.write(async (tx) => {
      await tx
        .insert(stationMeta)
        .values({ key: IDLE_LOCK_KEY, value: String(minutes) })
        .onConflictDoUpdate({ target: stationMeta.key, set: { value: String(minutes) } });
    });
  }

  private endWhere(column: AnyColumn, value: string, reason: SessionEndReason): Promise<number> {
    return this.db.write(async (tx) =>
      changedRows(
        await tx
          .update(sessions)
          .set({ endedAt: this.now(), endedReason: reason })
          .where(and(eq(column, value), isNull(sessions.endedAt))),
      ),
    );
  }

  /**
   * Checked on every call, so one read finds the session, its person and the idle lock; only a session
   * that has to end costs a write.
   */
  private async liveWhere(where: SQL | undefined): Promise<LiveSession | null> {
    const found = await this.db.read(async (q) => {
      const [row] = await q.select().from(sessions).where(where).limit(1);
      if (!row || row.staffId === null) return row ? { row, person: undefined, idleMs: 0 } : null;
      const [person] = await q.select().from(staff).where(eq(staff.id, row.staffId)).limit(1);
      const idleMs = person && !person.training ? (await readIdleLockMinutes(q)) * 60_000 : 0;
      return { row, person, idleMs };
    });
    if (!found) return null;
    const live = this.liveOrEnded(found.row, found.person, found.idleMs);
    if (typeof live !== 'string') return live;
    await this.end(found.row.id, live);
    return null;
  }

  private liveOrEnded(
    row: typeof sessions.$inferSelect,
    person: typeof staff.$inferSelect | undefined,
    idleMs: number,
  ): LiveSession | 'blocked' | 'idle' {
    const base = {
      sessionId: row.id,
      deviceId: row.deviceId,
      createdAt: row.createdAt,
      lastUsedAt: row.lastUsedAt,
    };
    if (row.staffId === null) return { ...base, staff: null };
    if (!person || person.status !== 'active') return 'blocked';
    // The training administrator's session has nothing to protect and no secret to unlock it with.
    if (!person.training && this.now() - row.lastUsedAt > idleMs) return 'idle';
    const { id, name, role, locale, training } = person;
    return { ...base, staff: { id, name, role, locale, training } };
  }
}

async function readIdleLockMinutes(q: StationTx): Promise<number> {
  const [row] = await q.select().from(stationMeta).where(eq(stationMeta.key, IDLE_LOCK_KEY)).limit(1);
  const minutes = Number(row?.value);
  return Number.isInteger(minutes) && minutes >= IDLE_LOCK_RANGE.min && minutes <= IDLE_LOCK_RANGE.max
    ? minutes
    : DEFAULT_IDLE_LOCK_MINUTES;
}

function defaultToken(): string {
  return randomBytes(32).toString('base64url');
}
