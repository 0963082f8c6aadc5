import { and, eq, isNull } from 'drizzle-orm';
import type { SalesSetupView } from '../../../shared/contract/report-views';
import type { Db, Tx } from '../db/open-database';
import { changedRows } from '../db/raw';
import { reportMeta, sales } from '../db/schema';
import { NO_ACTOR, sellerOf, type Actor } from './actor';
import { readIn } from './read-in';
import { BELGIAN_VAT_RATES } from '../../../shared/domain/vat-rates';

const NOT_SET = { address: '', website: '', vatNumber: '' };

export const DEFAULT_SALES_SETUP: SalesSetupView = {
  shops: [{ id: 'shop-1', name: 'Shop', ...NOT_SET }],
  business: { name: '', ...NOT_SET },
  vatRates: [...BELGIAN_VAT_RATES],
  cashRounding: 5,
  defaultVatRate: 21,
  defaultCashierId: 'cashier-1',
  tills: [],
  discountLimitPercent: 10,
  confirmAboveCents: 50_000,
};

const SETUP_KEY = 'sales_setup';

export interface Attribution {
  shopId: string;
  cashierId: string;
  vatRate: number;
}

/**
 * The sales setup lives in `sales-setup.json` (one for the station, whatever the mode); a copy sits in
 * each mode's database so that code deep inside a transaction (the wristband ledger's hook) can
 * attribute a sale without reaching for files.
 */
export async function mirrorSetup(db: Db, setup: SalesSetupView): Promise<void> {
  const value = JSON.stringify(setup);
  await db.write((tx) =>
    tx
      .insert(reportMeta)
      .values({ key: SETUP_KEY, value })
      .onConflictDoUpdate({ target: reportMeta.key, set: { value } }),
  );
}

export async function setupIn(db: Db | Tx): Promise<SalesSetupView> {
  const [row] = await readIn(db, (q) =>
    q.select().from(reportMeta).where(eq(reportMeta.key, SETUP_KEY)).limit(1),
  );
  return row
    ? { ...DEFAULT_SALES_SETUP, ...(JSON.parse(row.value) as Partial<SalesSetupView>) }
    : DEFAULT_SALES_SETUP;
}

/**
 * Shop, cashier and VAT rate of a sale at `tillId`. The cashier is the person who made it; a sale with
 * no known person (an online top-up, the training stand-in) goes to the till's cashier setting. Until
 * articles exist the VAT rate is the till's default rate.
 */
export function attributionFor(setup: SalesSetupView, tillId: string, actor: Actor = NO_ACTOR): Attribution {
  const till = setup.tills.find((t) => t.tillId === tillId);
  return {
    shopId: till?.shopId ?? setup.shops[0]?.id ?? 'shop-1',
    cashierId: sellerOf(actor) ?? till?.cashierId ?? setup.defaultCashierId,
    vatRate: till?.vatRate ?? setup.defaultVatRate,
  };
}

/**
 * Fills in shop, cashier and VAT of a sale written without them (the bar's wristband tender and the
 * Bancontact sale insert do not know the setup), in the caller's transaction. A sale is attributed
 * once, when it is first booked, and keeps that attribution when the setup changes later.
 */
export async function attributeSale(tx: Tx, saleId: string): Promise<void> {
  const [sale] = await tx
    .select({ tillId: sales.tillId, shopId: sales.shopId })
    .from(sales)
    .where(eq(sales.id, saleId))
    .limit(1);
  if (!sale || sale.shopId !== null) return;
  await tx
    .update(sales)
    .set(attributionFor(await setupIn(tx), sale.tillId))
    .where(and(eq(sales.id, saleId), isNull(sales.shopId)));
}

/** A rebuild first attributes sales from before the reports existed, so that every sale has a shop. */
export function attributeLegacySales(db: Db): Promise<number> {
  return db.write(async (tx) => {
    const setup = await setupIn(tx);
    const tills = await tx.selectDistinct({ tillId: sales.tillId }).from(sales).where(isNull(sales.shopId));
    let changed = 0;
    for (const { tillId } of tills) {
      changed += changedRows(
        await tx
          .update(sales)
          .set(attributionFor(setup, tillId))
          .where(and(eq(sales.tillId, tillId), isNull(sales.shopId))),
      );
    }
    return changed;
  });
}
