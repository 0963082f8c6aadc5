import { asc, eq } from 'drizzle-orm';
import type { SaleLineView, SaleView } from '../../../shared/contract/views';
import { vatByRate, type VatSummary } from '../../../shared/domain/basket';
import { newId } from '../db/ids';
import type { Tx } from '../db/open-database';
import { saleLines, sales, saleVat } from '../db/schema';
import type { SaleBasket } from './basket-pricing';

type SaleRow = typeof sales.$inferSelect;

/**
 * Writes a sale's lines, its VAT per rate, its note and sale discount, in the unit of work that wrote
 * the sale and before its booking: the bookkeeper spreads each tender over these `sale_vat` rows.
 */
export async function writeBasket(tx: Tx, saleId: string, basket: SaleBasket): Promise<void> {
  const { priced } = basket;
  await tx.insert(saleLines).values(
    basket.lines.map((line, position) => {
      const p = priced.lines[position]!;
      return {
        id: newId(),
        saleId,
        position,
        articleId: line.articleId,
        name: line.name,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        vatRate: line.vatRate,
        discount: line.discount ? JSON.stringify(line.discount) : null,
        lineDiscountCents: p.lineDiscountCents,
        saleDiscountCents: p.saleDiscountCents,
        grossCents: p.grossCents,
        note: line.note,
      };
    }),
  );
  await tx.insert(saleVat).values(
    priced.byRate.map((r) => ({
      saleId,
      vatRate: r.ratePercent,
      grossCents: r.grossCents,
      netCents: r.netCents,
      vatCents: r.vatCents,
    })),
  );
  const discount = basket.discount ? JSON.stringify(basket.discount) : null;
  await tx.update(sales).set({ note: basket.note, discount }).where(eq(sales.id, saleId));
}

type BasketFields = Required<Pick<SaleView, 'lines' | 'byRate' | 'listCents' | 'discountCents' | 'note'>>;

/**
 * What a sale view shows of its basket, as stored. A sale from before baskets has no lines: its
 * amount counts at the sale's own rate, as the reports count it.
 */
export async function basketFields(q: Tx, sale: SaleRow): Promise<BasketFields> {
  const rows = await q
    .select()
    .from(saleLines)
    .where(eq(saleLines.saleId, sale.id))
    .orderBy(asc(saleLines.position));
  const rates = await q.select().from(saleVat).where(eq(saleVat.saleId, sale.id));
  const lines: SaleLineView[] = rows.map((row) => ({
    articleId: row.articleId,
    name: row.name,
    quantity: row.quantity,
    unitPriceCents: row.unitPriceCents,
    vatRate: row.vatRate,
    listCents: row.quantity * row.unitPriceCents,
    lineDiscountCents: row.lineDiscountCents,
    saleDiscountCents: row.saleDiscountCents,
    grossCents: row.grossCents,
    note: row.note,
  }));
  const listCents = lines.reduce((n, l) => n + l.listCents, 0);
  return {
    lines,
    byRate: rates.length > 0 ? storedRates(rates) : legacyRates(sale),
    listCents: lines.length > 0 ? listCents : sale.amountCents,
    discountCents: lines.length > 0 ? listCents - sale.amountCents : 0,
    note: sale.note,
  };
}

function storedRates(rows: (typeof saleVat.$inferSelect)[]): VatSummary[] {
  return rows
    .map((r) => ({
      ratePercent: r.vatRate,
      grossCents: r.grossCents,
      netCents: r.netCents,
      vatCents: r.vatCents,
    }))
    .sort((a, b) => b.ratePercent - a.ratePercent);
}

function legacyRates(sale: SaleRow): VatSummary[] {
  return sale.vatRate === null ? [] : vatByRate([{ vatRate: sale.vatRate, grossCents: sale.amountCents }]);
}
