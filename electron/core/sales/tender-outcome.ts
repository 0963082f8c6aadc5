import { and, eq, lte, sql } from 'drizzle-orm';
import type { SaleView } from '../../../shared/contract';
import type { Tx } from '../db/open-database';
import { cashTenders, sales, wristbandEntries } from '../db/schema';

export type TenderOutcome = Pick<SaleView, 'cash' | 'balanceAfterCents'>;

const NONE: TenderOutcome = { cash: null, balanceAfterCents: null };

/**
 * What a cash or wristband sale tells the customer beyond its amount: the change, or what is left on
 * the wristband. One indexed query for those tenders, none for Bancontact.
 */
export async function tenderOutcome(q: Tx, sale: typeof sales.$inferSelect): Promise<TenderOutcome> {
  if (sale.tender === 'cash') return { ...NONE, cash: await cashHandedOver(q, sale.id) };
  if (sale.tender === 'wristband' && sale.wristbandId !== null) {
    return { ...NONE, balanceAfterCents: await balanceAfterDebit(q, sale.wristbandId, sale.id) };
  }
  if (sale.tender === 'split') {
    // A split sale has at most one cash tender and one wristband debit (sale-tenders.ts).
    const band = sale.wristbandId;
    return {
      cash: await cashHandedOver(q, sale.id),
      balanceAfterCents: band === null ? null : await balanceAfterDebit(q, band, sale.id),
    };
  }
  return NONE;
}

async function cashHandedOver(q: Tx, saleId: string): Promise<TenderOutcome['cash']> {
  const [row] = await q
    .select({ tenderedCents: cashTenders.tenderedCents, changeCents: cashTenders.changeCents })
    .from(cashTenders)
    .where(eq(cashTenders.saleId, saleId))
    .limit(1);
  return row ?? null;
}

/**
 * The balance right after this sale's debit, so a later top-up or purchase never changes what the
 * customer was shown. Every balance change is an entry (wristband-book's `book`), so the balance then
 * is the sum of the wristband's entries up to and including the debit; ids follow the order they
 * were booked in. Both lookups walk the wristband's own index, a handful of rows. Null when the sale
 * has no debit.
 */
async function balanceAfterDebit(q: Tx, wristbandId: string, saleId: string): Promise<number | null> {
  const e = wristbandEntries;
  // The inner select names the same table, so its columns are its own rows' (not correlated).
  const debitId = sql`(select ${e.id} from ${e}
    where ${e.wristbandId} = ${wristbandId} and ${e.saleId} = ${saleId} and ${e.kind} = 'debit')`;
  const [row] = await q
    .select({ balance: sql<number | null>`sum(${e.amountCents})` })
    .from(e)
    .where(and(eq(e.wristbandId, wristbandId), lte(e.id, debitId)));
  return row?.balance ?? null;
}
