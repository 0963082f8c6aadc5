import { and, eq } from 'drizzle-orm';
import { ContractFailure, type SaleView } from '../../../shared/contract';
import type { Db, Tx } from '../db/open-database';
import { sales, wristbandEntries } from '../db/schema';
import type { Actor } from '../ledger/actor';
import { recordWristbandEntry } from '../ledger/bookkeeper';
import { settleAfterPart } from '../sales/sale-tenders';
import type { SalesRepo } from '../sales/sales-repo';
import { nextPart, type PartRequest } from '../till/tender-parts';
import { assertEventRunning } from './event-end';
import { book, usableWristband, wristbandIdOrFail, type WristbandRow } from './wristband-book';

export interface WristbandPartDeps {
  db: Db;
  repo: SalesRepo;
  now: () => number;
  onWristbandChanged: (wristband: WristbandRow) => void;
  onSaleChanged: (saleId: string) => void;
}

type PartInput = PartRequest & { saleId: string; wristbandId: string };

/**
 * A wristband part of the till's open split sale: the debit (only while the balance covers it, as for
 * a whole sale), the sale's wristband, and the sale paid once its tenders cover it, in one unit of
 * work. A sale takes one wristband debit; the same request again finds it.
 */
export async function payWristbandPart(
  deps: WristbandPartDeps,
  input: PartInput,
  actor: Actor,
): Promise<SaleView> {
  const wristbandId = wristbandIdOrFail(input.wristbandId);
  const { db, repo } = deps;
  const band = await db.write(async (tx) => {
    if (await debitTaken(tx, input, wristbandId)) return null;
    await assertEventRunning(tx);
    const { saleId, cents } = await nextPart(tx, repo, input);
    return debitPart(tx, { saleId, wristbandId, cents, at: deps.now(), actor });
  });
  if (band) {
    deps.onWristbandChanged(band);
    deps.onSaleChanged(input.saleId);
  }
  const sale = await repo.saleView(input.saleId);
  if (!sale) throw new ContractFailure('INTERNAL', 'The sale just written is missing');
  return sale;
}

/** True when this wristband already paid this part (a retry); another wristband part is refused. */
async function debitTaken(tx: Tx, input: PartInput, wristbandId: string): Promise<boolean> {
  const { saleId } = input;
  const [debit] = await tx
    .select({ wristbandId: wristbandEntries.wristbandId, amountCents: wristbandEntries.amountCents })
    .from(wristbandEntries)
    .where(and(eq(wristbandEntries.saleId, saleId), eq(wristbandEntries.kind, 'debit')))
    .limit(1);
  if (!debit) return false;
  const same = input.tenderCents === undefined || -debit.amountCents === input.tenderCents;
  if (debit.wristbandId !== wristbandId || !same) {
    throw new ContractFailure('CONFLICT', 'This sale already has its wristband part');
  }
  return true;
}

async function debitPart(
  tx: Tx,
  part: { saleId: string; wristbandId: string; cents: number; at: number; actor: Actor },
): Promise<WristbandRow> {
  const { saleId, wristbandId, cents, at, actor } = part;
  const band = await usableWristband(tx, wristbandId);
  const debited = await book(tx, wristbandId, { kind: 'debit', amountCents: -cents, saleId, at, actor });
  if (!debited) {
    throw new ContractFailure(
      'INSUFFICIENT_FUNDS',
      `Wristband ${wristbandId} holds ${band.balanceCents} cents, less than ${cents}`,
    );
  }
  await tx.update(sales).set({ wristbandId }).where(eq(sales.id, saleId));
  if ((await settleAfterPart(tx, saleId, { method: 'wristband' }, at)) === 'paid') {
    // book() booked the debit before the sale was paid: booked again, it counts the sale.
    const [debit] = await tx
      .select({ id: wristbandEntries.id })
      .from(wristbandEntries)
      .where(and(eq(wristbandEntries.saleId, saleId), eq(wristbandEntries.kind, 'debit')))
      .limit(1);
    if (debit) await recordWristbandEntry(tx, debit.id);
  }
  return debited;
}
