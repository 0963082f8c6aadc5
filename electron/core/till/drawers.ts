import { and, desc, eq, sql } from 'drizzle-orm';
import { ContractFailure } from '../../../shared/contract';
import type { DrawerView } from '../../../shared/contract/report-views';
import { formatDay } from '../../../shared/domain/business-day';
import type { Db, Tx } from '../db/open-database';
import { drawerMovements, drawerSessions } from '../db/schema';
import { actorColumns, NO_ACTOR, type Actor } from '../ledger/actor';
import { attributionFor, setupIn } from '../ledger/attribution';
import { currentBusinessDay } from '../ledger/business-calendar';

export type DrawerRow = typeof drawerSessions.$inferSelect;

export interface DrawerDeps {
  db: Db;
  now: () => number;
  newId: () => string;
}

export const expectedCash = (d: DrawerRow): number =>
  d.floatCents + d.cashSalesCents + d.cashInCents - d.cashOutCents;

export function openDrawer(db: Db | Tx, tillId: string): DrawerRow | undefined {
  return db
    .select()
    .from(drawerSessions)
    .where(and(eq(drawerSessions.tillId, tillId), eq(drawerSessions.status, 'open')))
    .get();
}

export function openDrawerOrFail(db: Db | Tx, tillId: string): DrawerRow {
  const drawer = openDrawer(db, tillId);
  if (!drawer) throw new ContractFailure('DRAWER_NOT_OPEN', `The cash drawer of ${tillId} is not open`);
  return drawer;
}

/** A till's cash drawer: opened with a float, cash in and out with a reason, counted at closing. */
export class DrawerService {
  constructor(private readonly deps: DrawerDeps) {}

  /** The opener is the drawer's cashier (the till's cashier setting when no person is known). */
  open(tillId: string, floatCents: number, actor: Actor = NO_ACTOR): DrawerView {
    const { db, now, newId } = this.deps;
    const id = db.transaction((tx) => {
      if (openDrawer(tx, tillId)) {
        throw new ContractFailure('DRAWER_ALREADY_OPEN', `The cash drawer of ${tillId} is already open`);
      }
      const { cashierId } = attributionFor(setupIn(tx), tillId, actor);
      const drawerId = newId();
      const { deviceId } = actor;
      tx.insert(drawerSessions)
        .values({ id: drawerId, tillId, status: 'open', cashierId, deviceId, openedAt: now(), floatCents })
        .run();
      return drawerId;
    });
    return this.view(id);
  }

  move(
    tillId: string,
    kind: 'in' | 'out',
    { amountCents, reason }: { amountCents: number; reason: string },
    actor: Actor = NO_ACTOR,
  ): DrawerView {
    const { db, now } = this.deps;
    const id = db.transaction((tx) => {
      const drawer = openDrawerOrFail(tx, tillId);
      if (kind === 'out' && amountCents > expectedCash(drawer)) {
        throw new ContractFailure(
          'NOT_ENOUGH_CASH',
          `The drawer of ${tillId} should hold ${expectedCash(drawer)} cents`,
        );
      }
      tx.insert(drawerMovements)
        .values({ sessionId: drawer.id, kind, amountCents, reason, at: now(), ...actorColumns(actor) })
        .run();
      const column = kind === 'in' ? drawerSessions.cashInCents : drawerSessions.cashOutCents;
      tx.update(drawerSessions)
        .set(
          kind === 'in'
            ? { cashInCents: sql`${column} + ${amountCents}` }
            : { cashOutCents: sql`${column} + ${amountCents}` },
        )
        .where(eq(drawerSessions.id, drawer.id))
        .run();
      return drawer.id;
    });
    return this.view(id);
  }

  /** The count: compared with the expected amount, the difference kept with the session for the Z. */
  close(tillId: string, countedCents: number, actor: Actor = NO_ACTOR): DrawerView {
    const { db, now } = this.deps;
    const id = db.transaction((tx) => {
      const drawer = openDrawerOrFail(tx, tillId);
      const at = now();
      const expectedCents = expectedCash(drawer);
      tx.update(drawerSessions)
        .set({
          status: 'closed',
          closedAt: at,
          expectedCents,
          countedCents,
          differenceCents: countedCents - expectedCents,
          businessDay: currentBusinessDay(tx, at),
          closedByStaffId: actor.staffId,
          closedByDeviceId: actor.deviceId,
        })
        .where(eq(drawerSessions.id, drawer.id))
        .run();
      return drawer.id;
    });
    return this.view(id);
  }

  /** The open drawer, else the last one closed; null when the till never had one. */
  get(tillId: string): DrawerView | null {
    const latest = this.deps.db
      .select({ id: drawerSessions.id })
      .from(drawerSessions)
      .where(eq(drawerSessions.tillId, tillId))
      .orderBy(sql`${drawerSessions.status} = 'open' desc`, desc(drawerSessions.openedAt))
      .get();
    return latest ? this.view(latest.id) : null;
  }

  view(id: string): DrawerView {
    const { db } = this.deps;
    const d = db.select().from(drawerSessions).where(eq(drawerSessions.id, id)).get();
    if (!d) throw new ContractFailure('NOT_FOUND', `No drawer ${id}`);
    const movements = db
      .select()
      .from(drawerMovements)
      .where(eq(drawerMovements.sessionId, id))
      .orderBy(drawerMovements.id)
      .all();
    return {
      id: d.id,
      tillId: d.tillId,
      status: d.status,
      cashierId: d.cashierId,
      openedAt: new Date(d.openedAt).toISOString(),
      floatCents: d.floatCents,
      cashSalesCents: d.cashSalesCents,
      cashInCents: d.cashInCents,
      cashOutCents: d.cashOutCents,
      expectedCents: d.expectedCents ?? expectedCash(d),
      countedCents: d.countedCents,
      differenceCents: d.differenceCents,
      closedAt: d.closedAt === null ? null : new Date(d.closedAt).toISOString(),
      businessDate: d.businessDay === null ? null : formatDay(d.businessDay),
      movements: movements.map((m) => ({
        at: new Date(m.at).toISOString(),
        kind: m.kind,
        amountCents: m.amountCents,
        reason: m.reason,
      })),
    };
  }
}
