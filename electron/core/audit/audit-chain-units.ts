import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { StationDb, StationTx } from '../db/open-station-database';
import { changedRows } from '../db/raw';
import { auditLog, auditRefusalTallies, devices } from '../db/station-schema';
import type { AuditEntryInput } from './audit-entry';
import { nextEntry } from './next-entry';
import { MINUTE_MS, minuteOf } from './refusal-tallies';
import { BUMP_FLUSH_MS, RefusalBumps, writeBumps } from './refusal-bumps';

/*
 * The audit chain written through units of work (PostgreSQL; audit-writer.ts and refusal-tallies.ts
 * are SQLite's prepared-statement twins, with the same entries and the same hashes). Every write is
 * one `db.write`, and writes are serialised across the stations of the site by the store's advisory
 * lock: no two stations read the same last hash, so the chain stays one line whoever appends.
 */

/** Appends one entry after the last one; inside the caller's write. */
async function append(tx: StationTx, mode: string | null, entry: AuditEntryInput, at: number): Promise<void> {
  const [previous] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const next = nextEntry(entry, at, mode, previous);
  await tx.insert(auditLog).values({ ...next, outcome: entry.outcome });
}

/** True when this refusal is the first of its minute for this caller and action (it is then an entry). */
async function countRefusal(tx: StationTx, entry: AuditEntryInput, callerKey: string, minute: number) {
  const t = auditRefusalTallies;
  const key = and(eq(t.minute, minute), eq(t.callerKey, callerKey), eq(t.action, entry.action));
  const bumped = await tx
    .update(t)
    .set({ count: sql`${t.count} + 1` })
    .where(key);
  if (changedRows(bumped) > 0) return false;
  await tx.insert(t).values({ minute, callerKey, action: entry.action, count: 1 });
  return true;
}

/** Turns the tallies of minutes before `minute` into "refused N more times" entries. */
async function closeMinutesBefore(tx: StationTx, mode: string | null, minute: number, at: number) {
  const t = auditRefusalTallies;
  const ended = await tx
    .select()
    .from(t)
    .where(lt(t.minute, minute))
    .orderBy(asc(t.minute), asc(t.callerKey), asc(t.action));
  for (const tally of ended) {
    if (tally.count <= 1) continue;
    const [device] = await tx
      .select({ name: devices.name })
      .from(devices)
      .where(eq(devices.id, tally.callerKey));
    const detail = {
      repeated: tally.count - 1,
      minute: new Date(tally.minute * MINUTE_MS).toISOString(),
      caller: tally.callerKey,
    };
    // The caller key is a device id when the call came from a linked device, else an address.
    const named = device ? { id: tally.callerKey, name: device.name } : null;
    const closing = { action: tally.action, outcome: 'refused' as const, staff: null, device: named, detail };
    await append(tx, mode, closing, at);
  }
  await tx.delete(t).where(lt(t.minute, minute));
}

/**
 * The units the writes run in: the held bumps first (so a closing counts them), then the closing of
 * ended minutes, then the work; the bumps are kept if the unit fails.
 */
function unitRunner(db: StationDb, mode: () => string | null, bumps: RefusalBumps) {
  const state = { closedBefore: Number.NEGATIVE_INFINITY, timer: null as NodeJS.Timeout | null };
  async function closeEndedMinutes(tx: StationTx, at: number): Promise<void> {
    const minute = minuteOf(at);
    if (minute <= state.closedBefore) return;
    await closeMinutesBefore(tx, mode(), minute, at);
    state.closedBefore = minute;
  }
  async function unit(at: number, work: (tx: StationTx) => Promise<void>): Promise<void> {
    const held = bumps.take();
    try {
      await db.write(async (tx) => {
        await writeBumps(tx, held);
        await closeEndedMinutes(tx, at);
        await work(tx);
      });
    } catch (error) {
      bumps.restore(held);
      throw error;
    }
  }
  function writeSoon(now: () => number): void {
    if (state.timer) return;
    state.timer = setTimeout(() => {
      state.timer = null;
      // A failed write keeps the bumps for the next one: the station's minute flush or entry.
      if (bumps.size > 0) unit(now(), () => Promise.resolve()).catch(() => undefined);
    }, BUMP_FLUSH_MS);
    state.timer.unref();
  }
  return { state, unit, writeSoon };
}

/** record, refuse and flush as units of work; each first closes the refusal tallies of ended minutes. */
export function unitWrites(db: StationDb, mode: () => string | null) {
  const bumps = new RefusalBumps();
  const { state, unit, writeSoon } = unitRunner(db, mode, bumps);
  return {
    record: (entry: AuditEntryInput, at: number) => unit(at, (tx) => append(tx, mode(), entry, at)),
    refuse: async (entry: AuditEntryInput, callerKey: string, at: number, now: () => number) => {
      const minute = minuteOf(at);
      if (minute <= state.closedBefore && bumps.hold(minute, callerKey, entry.action)) return writeSoon(now);
      await unit(at, async (tx) => {
        const first = await countRefusal(tx, entry, callerKey, minute);
        bumps.saw(minute, callerKey, entry.action);
        if (!first) return;
        const refusal = {
          ...entry,
          outcome: 'refused' as const,
          detail: { ...entry.detail, caller: callerKey },
        };
        await append(tx, mode(), refusal, at);
      });
    },
    flush: (at: number) => {
      // Leftover tallies of every station, of any minute before this one, are closed.
      state.closedBefore = Number.NEGATIVE_INFINITY;
      return unit(at, () => Promise.resolve());
    },
  };
}
