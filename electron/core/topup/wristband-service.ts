import { eq } from 'drizzle-orm';
import { ContractFailure, type WristbandView } from '../../../shared/contract';
import type { Db, Tx } from '../db/open-database';
import { wristbands } from '../db/schema';
import { NO_ACTOR, type Actor } from '../ledger/actor';
import { book, findWristband, usableWristband, wristbandIdOrFail, type WristbandRow } from './wristband-book';
import { wristbandView } from './wristband-queries';

export interface WristbandServiceDeps {
  db: Db;
  now: () => number;
  /** Runs after each committed change. */
  onWristbandChanged: (wristband: WristbandRow) => void;
}

/** The manager's wristband page: look one up, block it when lost, move its balance to a new one. */
export class WristbandService {
  constructor(private readonly deps: WristbandServiceDeps) {}

  get(input: string): Promise<WristbandView> {
    const id = wristbandIdOrFail(input);
    return this.deps.db.read((q) => wristbandView(q, id));
  }

  /** Blocking twice is no change; a closed wristband stays closed. */
  async block(input: string): Promise<WristbandView> {
    const id = wristbandIdOrFail(input);
    const { db, now } = this.deps;
    const changed = await db.write(async (tx) => {
      const band = await findWristband(tx, id);
      if (!band) throw new ContractFailure('NOT_FOUND', `No wristband ${id}`);
      if (band.status === 'closed')
        throw new ContractFailure('WRISTBAND_CLOSED', `Wristband ${id} is closed`);
      if (band.status === 'blocked') return null;
      return setStatus(tx, id, { status: 'blocked' }, now());
    });
    if (changed) this.deps.onWristbandChanged(changed);
    return db.read((q) => wristbandView(q, id));
  }

  /**
   * Blocks `from` and moves all its balance to `to`, in one transaction. Repeating the same move is
   * answered with the result of the first; moving a wristband already moved elsewhere is a CONFLICT.
   */
  async moveBalance(
    fromInput: string,
    toInput: string,
    actor: Actor = NO_ACTOR,
  ): Promise<{ from: WristbandView; to: WristbandView }> {
    const fromId = wristbandIdOrFail(fromInput);
    const toId = wristbandIdOrFail(toInput);
    if (fromId === toId)
      throw new ContractFailure('CONFLICT', 'A wristband cannot take over its own balance');
    const { db } = this.deps;
    const changed = await db.write((tx) => this.move(tx, { fromId, toId }, actor));
    for (const band of changed) this.deps.onWristbandChanged(band);
    return db.read(async (q) => ({ from: await wristbandView(q, fromId), to: await wristbandView(q, toId) }));
  }

  private async move(
    tx: Tx,
    { fromId, toId }: { fromId: string; toId: string },
    actor: Actor,
  ): Promise<WristbandRow[]> {
    const from = await findWristband(tx, fromId);
    if (!from) throw new ContractFailure('NOT_FOUND', `No wristband ${fromId}`);
    if (from.movedTo === toId) return [];
    if (from.movedTo)
      throw new ContractFailure('CONFLICT', `Wristband ${fromId} was moved to ${from.movedTo}`);
    if (from.status === 'closed')
      throw new ContractFailure('WRISTBAND_CLOSED', `Wristband ${fromId} is closed`);
    await usableWristband(tx, toId);
    const at = this.deps.now();
    const amount = from.balanceCents;
    if (amount > 0) {
      await book(tx, fromId, { kind: 'transfer_out', amountCents: -amount, at, actor });
      await book(tx, toId, { kind: 'transfer_in', amountCents: amount, at, actor });
    }
    const source = await setStatus(tx, fromId, { status: 'blocked', movedTo: toId }, at);
    return [source, (await findWristband(tx, toId))!];
  }
}

async function setStatus(
  tx: Tx,
  id: string,
  change: Partial<Pick<WristbandRow, 'status' | 'movedTo'>>,
  at: number,
): Promise<WristbandRow> {
  const [row] = await tx
    .update(wristbands)
    .set({ ...change, updatedAt: at })
    .where(eq(wristbands.id, id))
    .returning();
  return row!;
}
