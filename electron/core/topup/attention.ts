import { asc, desc, eq, sql } from 'drizzle-orm';
import { ContractFailure, type AttentionView } from '../../../shared/contract';
import type { Db, Tx } from '../db/open-database';
import { topupAttention } from '../db/schema';
import { NO_ACTOR, type Actor } from '../ledger/actor';
import { book, findWristband, wristbandIdOrFail, type WristbandRow } from './wristband-book';

type AttentionRow = typeof topupAttention.$inferSelect;

export interface AttentionDeps {
  db: Db;
  now: () => number;
  onWristbandChanged: (wristband: WristbandRow) => void;
}

/** Top-ups that could not be credited by themselves, and the manager crediting them by hand. */
export class AttentionList {
  constructor(private readonly deps: AttentionDeps) {}

  /** Unresolved first, then newest first. */
  list(): AttentionView[] {
    return this.deps.db
      .select()
      .from(topupAttention)
      .orderBy(
        sql`${topupAttention.resolvedAt} is not null`,
        desc(topupAttention.receivedAt),
        asc(topupAttention.bancontactId),
      )
      .all()
      .map(attentionView);
  }

  /**
   * Credits the payment to a wristband, keyed by its paymentId like any top-up, so it can be credited
   * once only. Repeating the same resolution answers the first; another wristband is a CONFLICT.
   */
  resolve(bancontactId: string, wristbandInput: string, actor: Actor = NO_ACTOR): AttentionView {
    const wristbandId = wristbandIdOrFail(wristbandInput);
    const { db } = this.deps;
    const credited = db.transaction((tx) => this.resolveInTx(tx, { bancontactId, wristbandId }, actor));
    if (credited) this.deps.onWristbandChanged(credited);
    return attentionView(find(db, bancontactId)!);
  }

  private resolveInTx(
    tx: Tx,
    { bancontactId, wristbandId }: { bancontactId: string; wristbandId: string },
    actor: Actor,
  ): WristbandRow | null {
    const row = find(tx, bancontactId);
    if (!row) throw new ContractFailure('NOT_FOUND', `No top-up ${bancontactId} needs attention`);
    if (row.resolvedTo === wristbandId) return null;
    if (row.resolvedAt !== null)
      throw new ContractFailure(
        'CONFLICT',
        `Top-up ${bancontactId} was already credited to ${row.resolvedTo ?? 'another wristband'}`,
      );
    creditableWristband(tx, wristbandId);
    const at = this.deps.now();
    const credited = book(tx, wristbandId, {
      kind: 'topup',
      amountCents: row.amountCents,
      bancontactId,
      profileId: row.profileId,
      at,
      actor,
    });
    tx.update(topupAttention)
      .set({
        ...{ resolvedAt: at, resolvedTo: wristbandId },
        ...{ resolvedByStaffId: actor.staffId, resolvedByDeviceId: actor.deviceId },
      })
      .where(eq(topupAttention.bancontactId, bancontactId))
      .run();
    return credited;
  }
}

/** Like a top-up, a manual credit may go to a closed (refunded) wristband: its next refund file pays it back. */
function creditableWristband(tx: Tx, id: string): WristbandRow {
  const band = findWristband(tx, id);
  if (!band) throw new ContractFailure('NOT_FOUND', `No wristband ${id}`);
  if (band.status === 'blocked') throw new ContractFailure('WRISTBAND_BLOCKED', `Wristband ${id} is blocked`);
  return band;
}

function find(db: Db | Tx, bancontactId: string): AttentionRow | undefined {
  return db.select().from(topupAttention).where(eq(topupAttention.bancontactId, bancontactId)).get();
}

function attentionView(row: AttentionRow): AttentionView {
  return {
    bancontactId: row.bancontactId,
    reference: row.reference,
    amountCents: row.amountCents,
    reason: row.reason,
    profileId: row.profileId,
    receivedAt: new Date(row.receivedAt).toISOString(),
    resolvedAt: row.resolvedAt === null ? null : new Date(row.resolvedAt).toISOString(),
    resolvedTo: row.resolvedTo,
  };
}
