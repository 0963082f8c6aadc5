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
  async list(): Promise<AttentionView[]> {
    const rows = await this.deps.db.read((q) =>
      q
        .select()
        .from(topupAttention)
        .orderBy(
          sql`${topupAttention.resolvedAt} is not null`,
          desc(topupAttention.receivedAt),
          asc(topupAttention.bancontactId),
        ),
    );
    return rows.map(attentionView);
  }

  /**
   * Credits the payment to a wristband, keyed by its paymentId like any top-up, so it can be credited
   * once only. Repeating the same resolution answers the first; another wristband is a CONFLICT.
   */
  async resolve(
    bancontactId: string,
    wristbandInput: string,
    actor: Actor = NO_ACTOR,
  ): Promise<AttentionView> {
    const wristbandId = wristbandIdOrFail(wristbandInput);
    const { db } = this.deps;
    const credited = await db.write((tx) => this.resolveInTx(tx, { bancontactId, wristbandId }, actor));
    if (credited) this.deps.onWristbandChanged(credited);
    return attentionView((await db.read((q) => find(q, bancontactId)))!);
  }

  private async resolveInTx(
    tx: Tx,
    { bancontactId, wristbandId }: { bancontactId: string; wristbandId: string },
    actor: Actor,
  ): Promise<WristbandRow | null> {
    const row = await find(tx, bancontactId);
    if (!row) throw new ContractFailure('NOT_FOUND', `No top-up ${bancontactId} needs attention`);
    if (row.resolvedTo === wristbandId) return null;
    if (row.resolvedAt !== null)
      throw new ContractFailure(
        'CONFLICT',
        `Top-up ${bancontactId} was already credited to ${row.resolvedTo ?? 'another wristband'}`,
      );
    await creditableWristband(tx, wristbandId);
    const at = this.deps.now();
    const credited = await book(tx, wristbandId, {
      kind: 'topup',
      amountCents: row.amountCents,
      bancontactId,
      profileId: row.profileId,
      at,
      actor,
    });
    await tx
      .update(topupAttention)
      .set({
        ...{ resolvedAt: at, resolvedTo: wristbandId },
        ...{ resolvedByStaffId: actor.staffId, resolvedByDeviceId: actor.deviceId },
      })
      .where(eq(topupAttention.bancontactId, bancontactId));
    return credited;
  }
}

/** Like a top-up, a manual credit may go to a closed (refunded) wristband: its next refund file pays it back. */
async function creditableWristband(tx: Tx, id: string): Promise<WristbandRow> {
  const band = await findWristband(tx, id);
  if (!band) throw new ContractFailure('NOT_FOUND', `No wristband ${id}`);
  if (band.status === 'blocked') throw new ContractFailure('WRISTBAND_BLOCKED', `Wristband ${id} is blocked`);
  return band;
}

async function find(q: Tx, bancontactId: string): Promise<AttentionRow | undefined> {
  const [row] = await q
    .select()
    .from(topupAttention)
    .where(eq(topupAttention.bancontactId, bancontactId))
    .limit(1);
  return row;
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
