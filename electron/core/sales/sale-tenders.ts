import { and, asc, eq, sql } from 'drizzle-orm';
import { ContractFailure } from '../../../shared/contract/errors';
import type { TenderMethod, TenderView } from '../../../shared/contract/views';
import type { PaymentStatus } from '../../../shared/domain/payment-status';
import type { Tx } from '../db/open-database';
import { cashTenders, payments, sales, wristbandEntries } from '../db/schema';
import { transactionStatus } from '../ledger/booking';
import { issueSaleReceipt } from '../receipts/receipt-numbers';

/*
 * Split tenders (docs/register-rules.md): a sale's amount is its basket's total; its tenders are its
 * succeeded raw rows (Bancontact payments, its cash tender, its wristband debits net of credits back).
 * The sale is paid once they cover it and stays open, with what is still due, until then.
 */

type SaleRow = typeof sales.$inferSelect;

/** What the sale's succeeded tenders hold, in cents: cash as priced (before rounding), wristband net. */
export async function coveredCents(q: Tx, saleId: string): Promise<number> {
  const paid = await q
    .select({ amount: payments.amountCents })
    .from(payments)
    .where(and(eq(payments.saleId, saleId), eq(payments.status, 'SUCCEEDED')));
  const cash = await q
    .select({ due: cashTenders.dueCents, rounding: cashTenders.roundingCents })
    .from(cashTenders)
    .where(eq(cashTenders.saleId, saleId));
  const entries = await wristbandMovements(q, saleId);
  const sum = (ns: number[]): number => ns.reduce((a, b) => a + b, 0);
  return (
    sum(paid.map((p) => p.amount)) +
    sum(cash.map((c) => c.due - c.rounding)) -
    sum(entries.map((e) => e.amountCents))
  );
}

/**
 * The sale's wristband debits (negative) and credits back (positive). `credit` is written by a cancel
 * or a refund (refunds/); compared as text so this reads it whichever kinds the schema lists.
 */
function wristbandMovements(q: Tx, saleId: string) {
  const e = wristbandEntries;
  return q
    .select()
    .from(e)
    .where(and(eq(e.saleId, saleId), sql`${e.kind} IN ('debit', 'credit')`))
    .orderBy(asc(e.id));
}

const isCredit = (entry: { kind: string }): boolean => entry.kind === 'credit';

/** What is still due on the sale: never below zero (cash may hand back change on the last part). */
export async function dueCentsOf(q: Tx, sale: Pick<SaleRow, 'id' | 'amountCents'>): Promise<number> {
  return Math.max(0, sale.amountCents - (await coveredCents(q, sale.id)));
}

/**
 * The open sale a part is paid towards, with what is still due. Refused when it is not this till's,
 * not open, or when the till's amount is not the sale's (a stale screen).
 */
export async function openSaleForPart(
  q: Tx,
  part: { saleId: string; tillId: string; amountCents: number },
): Promise<{ sale: SaleRow; dueCents: number }> {
  const [sale] = await q.select().from(sales).where(eq(sales.id, part.saleId)).limit(1);
  if (!sale || sale.tillId !== part.tillId)
    throw new ContractFailure('NOT_FOUND', `No sale ${part.saleId} here`);
  if (sale.status !== 'open') {
    throw new ContractFailure('CONFLICT', `Sale ${sale.id} is ${sale.status}, it takes no more tenders`);
  }
  if (sale.amountCents !== part.amountCents) {
    throw new ContractFailure('CONFLICT', 'The amount is not this sale’s: reload the sale');
  }
  return { sale, dueCents: await dueCentsOf(q, sale) };
}

/** A part's amount: what was asked, at most what is due; everything due when none was asked. */
export function partAmount(tenderCents: number | undefined, dueCents: number): number {
  if (tenderCents === undefined) return dueCents;
  if (tenderCents > dueCents) {
    throw new ContractFailure('INVALID_INPUT', `${tenderCents} cents asked, only ${dueCents} due`, {
      fields: ['tenderCents'],
    });
  }
  return tenderCents;
}

/**
 * What `sales.completed_by` holds for the tender that completed a sale: a Bancontact payment by its id
 * (`p:<id>`, its transaction's source), cash or the wristband by name (a sale takes at most one of
 * each). The ledger's raw rows read it back to count the sale once (ledger/raw-bookings.ts).
 */
export function completionMark(method: TenderMethod, paymentId?: string): string {
  return method === 'bancontact' ? `p:${paymentId}` : method;
}

/**
 * After a part was taken (in its unit of work): the sale's tender becomes `split` once a second method
 * is used, and the sale is paid, with its receipt, once its tenders cover it; the part that paid it is
 * marked as the one that counts the sale. The caller books that part after this (its booking reads the
 * mark). A sale already cancelled stays cancelled: a part landing after the cancel (a Bancontact
 * payment given up too late) neither reopens it nor makes it a sale; what it took stays in its
 * method's turnover until it is given back.
 */
export async function settleAfterPart(
  tx: Tx,
  saleId: string,
  part: { method: TenderMethod; paymentId?: string },
  at: number,
): Promise<'paid' | 'open' | 'cancelled'> {
  const [sale] = await tx.select().from(sales).where(eq(sales.id, saleId)).limit(1);
  if (!sale) throw new Error(`sale ${saleId} does not exist`);
  const tender = sale.tender === part.method ? part.method : 'split';
  if (sale.status === 'cancelled') {
    await tx.update(sales).set({ tender, updatedAt: at }).where(eq(sales.id, saleId));
    return 'cancelled';
  }
  const paid = (await coveredCents(tx, saleId)) >= sale.amountCents;
  const completes = paid && sale.completedBy === null;
  await tx
    .update(sales)
    .set({
      ...{ tender, status: paid ? 'paid' : 'open', updatedAt: at },
      ...(completes && { completedBy: completionMark(part.method, part.paymentId) }),
    })
    .where(eq(sales.id, saleId));
  if (paid) await issueSaleReceipt(tx, { saleId, at, cash: part.method === 'cash' });
  return paid ? 'paid' : 'open';
}

/** Every tender of the sale, in the order they were taken. */
export async function tendersOf(q: Tx, sale: SaleRow): Promise<TenderView[]> {
  const none = { paymentId: null, bancontactId: null, wristbandId: null, cash: null, givenBack: false };
  const attempts = await q
    .select()
    .from(payments)
    .where(eq(payments.saleId, sale.id))
    .orderBy(asc(payments.createdAt));
  const [cash] = await q.select().from(cashTenders).where(eq(cashTenders.saleId, sale.id)).limit(1);
  const entries = await wristbandMovements(q, sale.id);
  const tenders: Array<TenderView & { sortAt: number }> = attempts.map((p) => ({
    ...{ ...none, method: 'bancontact' as const, amountCents: p.amountCents, sortAt: p.createdAt },
    ...{ status: transactionStatus(p.status as PaymentStatus), at: new Date(p.createdAt).toISOString() },
    ...{ paymentId: p.id, bancontactId: p.bancontactId },
  }));
  for (const e of entries.filter((entry) => entry.kind === 'debit')) {
    const givenBack = entries.some((c) => isCredit(c) && c.wristbandId === e.wristbandId && c.id > e.id);
    tenders.push({
      ...{ ...none, method: 'wristband', amountCents: -e.amountCents, status: 'succeeded', sortAt: e.at },
      ...{ at: new Date(e.at).toISOString(), wristbandId: e.wristbandId, givenBack },
    });
  }
  if (cash) {
    const { tenderedCents, changeCents, roundingCents } = cash;
    const amountCents = cash.dueCents - cash.roundingCents;
    tenders.push({
      ...{ ...none, method: 'cash', amountCents, status: 'succeeded', sortAt: cash.at },
      ...{ at: new Date(cash.at).toISOString(), cash: { tenderedCents, changeCents, roundingCents } },
    });
  }
  return tenders.sort((a, b) => a.sortAt - b.sortAt).map(({ sortAt, ...tender }) => (void sortAt, tender));
}
