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

export async function openDrawer(q: Tx, tillId: string): Promise<DrawerRow | undefined> {
  const [drawer] = await q
    .select()
    .from(drawerSessions)
    .where(and(eq(drawerSessions.tillId, tillId), eq(drawerSessions.status, 'open')))
    .limit(1);
  return drawer;
}

export async function openDrawerOrFail(q: Tx, tillId: string): Promise<DrawerRow> {
  const drawer = await openDrawer(q, tillId);
  if (!drawer) throw new ContractFailure('DRAWER_NOT_OPEN', `The cash drawer of ${tillId} is not open`);
  return drawer;
}

/** A till's cash drawer: opened with a float, cash in and out with a reason, counted at closing. */
export class DrawerService {
  constructor(private readonly deps: DrawerDeps) {}

  /** The opener is the drawer's cashier (the till's cashier setting when no person is known). */
  async open(tillId: string, floatCents: number, actor: Actor = NO_ACTOR): Promise<DrawerView> {
    const { db, now, newId } = this.deps;
    const id = await db.write(async (tx) => {
      if (await openDrawer(tx, tillId)) {
        throw new ContractFailure('DRAWER_ALREADY_OPEN', `The cash drawer of ${tillId} is already open`);
      }
      const { cashierId } = attributionFor(await setupIn(tx), tillId, actor);
      const drawerId = newId();
      const { deviceId } = actor;
      await tx
        .insert(drawerSessions)
        .values({ id: drawerId, tillId, status: 'open', cashierId, deviceId, openedAt: now(), floatCents });
      return drawerId;
    });
    return this.view(id);
  }

  async move(
    tillId: string,
    kind: 'in' | 'out',
    { amountCents, reason }: { amountCents: number; reason: string },
    actor: Actor = NO_ACTOR,
  ): Promise<DrawerView> {
    const { db, now } = this.deps;
    const id = await db.write(async (tx) => {
      const drawer = await openDrawerOrFail(tx, tillId);
      if (kind === 'out' && amountCents > expectedCash(drawer)) {
        throw new ContractFailure(
          'NOT_ENOUGH_CASH',
          `The drawer of ${tillId} should hold ${expectedCash(drawer)} cents`,
        );
      }
      await tx
        .insert(drawerMovements)
        .values({ sessionId: drawer.id, kind, amountCents, reason, at: now(), ...actorColumns(actor) });
      const column = kind === 'in' ? drawerSessions.cashInCents : drawerSessions.cashOutCents;
      await tx
        .update(drawerSessions)
        .set(
          kind === 'in'
            ? { cashInCents: sql`${column} + ${amountCents}` }
            : { cashOutCents: sql`${column} + ${amountCents}` },
        )
        .where(eq(drawerSessions.id, drawer.id));
      return drawer.id;
    });
    return this.view(id);
  }

  /** The count: compared with the expected amount, the difference kept with the session for the Z. */
  async close(tillId: string, countedCents: number, actor: Actor = NO_ACTOR): Promise<DrawerView> {
    const { db, now } = this.deps;
    const id = await db.write(async (tx) => {
      const drawer = await openDrawerOrFail(tx, tillId);
      const at = now();
      const expectedCents = expectedCash(drawer);
      const businessDay = await currentBusinessDay(tx, at);
      await tx
        .update(drawerSessions)
        .set({
          status: 'closed',
          closedAt: at,
          expectedCents,
          countedCents,
          differenceCents: countedCents - expectedCents,
          businessDay,
          closedByStaffId: actor.staffId,
          closedByDeviceId: actor.deviceId,
        })
        .where(eq(drawerSessions.id, drawer.id));
      return drawer.id;
    });
    return this.view(id);
  }

  /** The open drawer, else the last one closed; null when the till never had one. */
  async get(tillId: string): Promise<DrawerView | null> {
    const [latest] = await this.deps.db.read((q) =>
      q
        .select({ id: drawerSessions.id })
        .from(drawerSessions)
        .where(eq(drawerSessions.tillId, tillId))
        .orderBy(sql`${drawerSessions.status} = 'open' desc`, desc(drawerSessions.openedAt))
        .limit(1),
    );
    return latest ? this.view(latest.id) : null;
  }

  async view(id: string): Promise<DrawerView> {
    const { d, movements } = await this.deps.db.read(async (q) => {
      const [session] = await q.select().from(drawerSessions).where(eq(drawerSessions.id, id)).limit(1);
      const moves = await q
        .select()
        .from(drawerMovements)
        .where(eq(drawerMovements.sessionId, id))
        .orderBy(drawerMovements.id);
      return { d: session, movements: moves };
    });
    if (!d) throw new ContractFailure('NOT_FOUND', `No drawer ${id}`);
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
