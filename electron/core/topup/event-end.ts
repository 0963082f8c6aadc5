import { eq, sql } from 'drizzle-orm';
import { ContractFailure, type EventStateView } from '../../../shared/contract';
import type { Db, Tx } from '../db/open-database';
import { eventEnd, refundExports } from '../db/schema';

const ROW_ID = 1;

/** When the event was ended, or null while it runs. */
export function eventEndedAt(db: Db | Tx): number | null {
  return db.select().from(eventEnd).where(eq(eventEnd.id, ROW_ID)).get()?.endedAt ?? null;
}

/** Bars stop at the end: a wristband's money is then kept for its refund. */
export function assertEventRunning(db: Db | Tx): void {
  if (eventEndedAt(db) !== null) {
    throw new ContractFailure('EVENT_ENDED', 'The event has ended: wristbands can no longer pay');
  }
}

/** Refund files take what wristbands hold, so they wait until nobody can spend it any more. */
export function assertEventEnded(db: Db | Tx): void {
  if (eventEndedAt(db) === null) {
    throw new ContractFailure(
      'EVENT_NOT_ENDED',
      'End the event first: refund files are made after the event',
    );
  }
}

function refundFileCount(db: Db | Tx): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(refundExports)
      .get()?.n ?? 0
  );
}

export function eventState(db: Db | Tx): EventStateView {
  const endedAt = eventEndedAt(db);
  const refundFiles = refundFileCount(db);
  return {
    ended: endedAt !== null,
    endedAt: endedAt === null ? null : new Date(endedAt).toISOString(),
    canReopen: endedAt !== null && refundFiles === 0,
    refundFiles,
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

  state(): EventStateView {
    return eventState(this.deps.db);
  }

  /** Ending twice keeps the first moment. */
  end(): EventStateView {
    const { db, now } = this.deps;
    db.insert(eventEnd).values({ id: ROW_ID, endedAt: now() }).onConflictDoNothing().run();
    return this.state();
  }

  /** Reopening a running event is no change; after a refund file it is refused. */
  reopen(): EventStateView {
    const { db } = this.deps;
    db.transaction((tx) => {
      if (eventEndedAt(tx) === null) return;
      if (refundFileCount(tx) > 0) {
        throw new ContractFailure(
          'CONFLICT',
          'A refund file was already made: the end of the event can no longer be undone',
        );
      }
      tx.delete(eventEnd).where(eq(eventEnd.id, ROW_ID)).run();
    });
    return this.state();
  }
}
