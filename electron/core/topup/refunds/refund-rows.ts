import { and, desc, eq, gt, ne, sql } from 'drizzle-orm';
import type { RefundView } from '../../../../shared/contract';
import { maskIban } from '../../../../shared/domain/iban';
import type { Db, Tx } from '../../db/open-database';
import { rawRow, rawRun } from '../../db/raw';
import { wristbandRefunds, wristbands } from '../../db/schema';

export type RefundRow = typeof wristbandRefunds.$inferSelect;

interface LastPayer {
  bancontactId: string;
  payerName: string | null;
}

/**
 * Brings the refund list in line with the balances: one proposal per wristband holding money, for
 * its balance, to the last payer who topped it up (or topped up a wristband whose balance moved to
 * it). Proposals whose wristband holds nothing any more are dropped; exported ones never change.
 */
export async function syncRefundRows(tx: Tx, now: number, newId: () => string): Promise<void> {
  const holding = await tx.select().from(wristbands).where(gt(wristbands.balanceCents, 0));
  for (const band of holding) {
    const payer = await lastPayer(tx, band.id);
    if (!payer) continue;
    const row = await openRefund(tx, band.id);
    if (!row) {
      // The first refund of this wristband, or a new one for money that arrived after an earlier
      // file: the exported refund stays listed as it was, and gets its own end-to-end id.
      await tx.insert(wristbandRefunds).values({
        id: newId(),
        wristbandId: band.id,
        ...proposal(payer),
        amountCents: band.balanceCents,
        createdAt: now,
        updatedAt: now,
      });
    } else {
      const payerChanged = row.bancontactId !== payer.bancontactId;
      await tx
        .update(wristbandRefunds)
        .set({ amountCents: band.balanceCents, updatedAt: now, ...(payerChanged ? proposal(payer) : {}) })
        .where(eq(wristbandRefunds.id, row.id));
    }
  }
  await rawRun(
    tx,
    sql`delete from ${wristbandRefunds} where ${wristbandRefunds.status} != 'exported'
    and ${wristbandRefunds.wristbandId} in (select ${wristbands.id} from ${wristbands} where ${wristbands.balanceCents} = 0)`,
  );
}

/** The wristband's refund not yet in a file, if any (at most one: a partial unique index). */
async function openRefund(tx: Tx, wristbandId: string): Promise<RefundRow | undefined> {
  const [row] = await tx
    .select()
    .from(wristbandRefunds)
    .where(and(eq(wristbandRefunds.wristbandId, wristbandId), ne(wristbandRefunds.status, 'exported')))
    .limit(1);
  return row;
}

/** A new payer means a new IBAN to fetch. */
function proposal(payer: LastPayer) {
  return {
    bancontactId: payer.bancontactId,
    creditorName: payer.payerName,
    iban: null,
    status: 'waiting_iban' as const,
    problem: null,
  };
}

/** The latest top-up on the wristband or on any wristband whose balance was moved to it. */
function lastPayer(tx: Tx, wristbandId: string): Promise<LastPayer | undefined> {
  return rawRow<LastPayer>(
    tx,
    sql`
    with recursive chain(id) as (
      select ${wristbandId}
      union
      select w.id from wristbands w join chain c on w.moved_to = c.id
    )
    select bancontact_id as "bancontactId", payer_name as "payerName" from wristband_entries
    where kind = 'topup' and bancontact_id is not null and wristband_id in (select id from chain)
    order by at desc, id desc limit 1`,
  );
}

export function waitingRows(db: Db, limit: number): Promise<RefundRow[]> {
  return db.read((q) =>
    q.select().from(wristbandRefunds).where(eq(wristbandRefunds.status, 'waiting_iban')).limit(limit),
  );
}

export async function listRefundViews(db: Db): Promise<RefundView[]> {
  const rows = await db.read((q) =>
    q
      .select()
      .from(wristbandRefunds)
      .orderBy(
        sql`${wristbandRefunds.status} = 'exported'`,
        desc(wristbandRefunds.amountCents),
        wristbandRefunds.wristbandId,
      ),
  );
  return rows.map(refundView);
}

export function refundView(row: RefundRow): RefundView {
  return {
    id: row.id,
    wristbandId: row.wristbandId,
    amountCents: row.amountCents,
    creditorName: row.creditorName,
    ibanMasked: row.iban ? maskIban(row.iban) : null,
    status: row.status,
    problem: row.problem,
    bancontactId: row.bancontactId,
    exportId: row.exportId,
  };
}

/** Stores what Bancontact said, unless the proposal moved on (exported, or another payer) meanwhile. */
export async function setIbanOutcome(
  db: Db,
  row: Pick<RefundRow, 'id' | 'bancontactId'>,
  outcome: { iban: string } | { problem: string },
  now: number,
): Promise<void> {
  const change =
    'iban' in outcome
      ? { iban: outcome.iban, status: 'ready' as const, problem: null }
      : { problem: outcome.problem };
  await db.write((tx) =>
    tx
      .update(wristbandRefunds)
      .set({ ...change, updatedAt: now })
      .where(
        and(
          eq(wristbandRefunds.id, row.id),
          eq(wristbandRefunds.bancontactId, row.bancontactId),
          ne(wristbandRefunds.status, 'exported'),
        ),
      ),
  );
}
