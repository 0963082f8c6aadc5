import { and, eq, inArray, sql } from 'drizzle-orm';
import { ContractFailure, type EventStateView } from '../../../shared/contract';
import type { Db, Tx } from '../db/open-database';
import { agreements, eventEnd, refundExports } from '../db/schema';

const ROW_ID = 1;

/** When the event was ended, or null while it runs. */
export async function eventEndedAt(q: Tx): Promise<number | null> {
  const [row] = await q.select().from(eventEnd).where(eq(eventEnd.id, ROW_ID)).limit(1);
  return row?.endedAt ?? null;
}

/** Bars stop at the end: a wristband's money is then kept for its refund. */
export async function assertEventRunning(q: Tx): Promise<void> {
  if ((await eventEndedAt(q)) !== null) {
    throw new ContractFailure('EVENT_ENDED', 'The event has ended: wristbands can no longer pay');
  }
}

/** Refund files take what wristbands hold, so they wait until nobody can spend it any more. */
export async function assertEventEnded(q: Tx): Promise<void> {
  if ((await eventEndedAt(q)) === null) {
    throw new ContractFailure(
      'EVENT_NOT_ENDED',
      'End the event first: refund files are made after the event',
    );
  }
}

async function refundFileCount(q: Tx): Promise<number> {
  const [row] = await q.select({ n: sql<number>`count(*)` }).from(refundExports);
  return row?.n ?? 0;
}

/** Automatic top-ups still active or pending (agreements/event-end-revocations.ts revokes them at the end). */
async function autoTopupsToRevoke(q: Tx): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)` })
    .from(agreements)
    .where(and(eq(agreements.kind, 'auto_topup'), inArray(agreements.status, ['active', 'pending'])));
  return Number(row?.n ?? 0);
}

export async function eventState(q: Tx): Promise<EventStateView> {
  const endedAt = await eventEndedAt(q);
  const refundFiles = await refundFileCount(q);
  return {
    ended: endedAt !== null,
    endedAt: endedAt === null ? null : new Date(endedAt).toISOString(),
    canReopen: endedAt !== null && refundFiles === 0,
    refundFiles,
    autoTopupsToRevoke: await autoTopupsToRevoke(q),
  };
}

export interface EventEndDeps {
  db: Db;
  now: () => number;
}

/**
 * The manager's *End the event* step and its undo. The end is one row in the mode's own database, so
 * training and live each have theirs and a restart keeps it. Undo stays possible until the first
 * refund file: that file paid out balances as they stood after the end and closed those wristbands,
 * so a reopened event would have bars selling again beside money already on its way back.
 */
export class EventEnd {
  constructor(private readonly deps: EventEndDeps) {}

  state(): Promise<EventStateView> {
    return this.deps.db.read(eventState);
  }

  /** Ending twice keeps the first moment. */
  async end(): Promise<EventStateView> {
    const { db, now } = this.deps;
    await db.write((tx) => tx.insert(eventEnd).values({ id: ROW_ID, endedAt: now() }).onConflictDoNothing());
    return this.state();
  }

  /** Reopening a running event is no change; after a refund file it is refused. */
  async reopen(): Promise<EventStateView> {
    const { db } = this.deps;
    await db.write(async (tx) => {
      if ((await eventEndedAt(tx)) === null) return;
      if ((await refundFileCount(tx)) > 0) {
        throw new ContractFailure(
          'CONFLICT',
          'A refund file was already made: the end of the event can no longer be undone',
        );
      }
      await tx.delete(eventEnd).where(eq(eventEnd.id, ROW_ID));
    });
    return this.state();
  }
}
