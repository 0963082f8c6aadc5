import { and, asc, desc, eq } from 'drizzle-orm';
import type {
  ReceiptLineView,
  ReceiptParty,
  ReceiptTenderView,
  ReceiptView,
} from '../../../shared/contract/receipt-views';
import type { SalesSetupView } from '../../../shared/contract/report-views';
import { RECEIPT_TEXTS } from '../../../shared/contract/receipt-texts';
import { vatByRate } from '../../../shared/domain/basket';
import type { Tx } from '../db/open-database';
import { cashTenders, payments, receipts, saleLines, saleVat, sales, wristbandEntries } from '../db/schema';
import { refundReceiptParts } from './refund-receipt';

/*
 * A receipt's view from what the books stored when the sale finished: its lines and VAT per rate
 * (sale_lines, sale_vat), its tenders, its number. Nothing is priced again; a sale from before lines
 * existed shows one line of its amount at its VAT rate.
 */

type SaleRow = typeof sales.$inferSelect;
type ReceiptRow = typeof receipts.$inferSelect;

/** What the books do not hold: names from the station database, the language, the mode, the logo. */
export interface ReceiptContext {
  setup: SalesSetupView;
  tillName: (tillId: string) => Promise<string | null>;
  staffName: (staffId: string) => Promise<string | null>;
  locale: 'nl' | 'fr' | 'en';
  training: boolean;
  hasLogo: boolean;
}

/** The stored facts of one receipt, read in one unit of work. */
export interface StoredReceipt {
  receipt: ReceiptRow;
  sale: SaleRow;
  lines: (typeof saleLines.$inferSelect)[];
  vat: (typeof saleVat.$inferSelect)[];
  tenders: ReceiptTenderView[];
}

/** A sale's receipt (`{ saleId }`) or any receipt by its id (a print job's). */
export async function readStoredReceipt(
  q: Tx,
  which: { saleId: string } | { receiptId: string },
): Promise<StoredReceipt | null> {
  const [receipt] = await q
    .select()
    .from(receipts)
    .where(
      'saleId' in which
        ? and(eq(receipts.saleId, which.saleId), eq(receipts.kind, 'sale'))
        : eq(receipts.id, which.receiptId),
    )
    .limit(1);
  if (!receipt) return null;
  const saleId = receipt.saleId;
  const [sale] = await q.select().from(sales).where(eq(sales.id, saleId)).limit(1);
  if (!sale) return null;
  // A refund's receipt shows what went back: its own lines, VAT and tender (refund-receipt.ts).
  if (receipt.kind === 'refund') return { receipt, sale, ...(await refundReceiptParts(q, receipt)) };
  const lines = await q
    .select()
    .from(saleLines)
    .where(eq(saleLines.saleId, saleId))
    .orderBy(asc(saleLines.position));
  const vat = await q.select().from(saleVat).where(eq(saleVat.saleId, saleId));
  return { receipt, sale, lines, vat, tenders: await tendersOf(q, sale) };
}

const none = {
  bancontactId: null,
  wristbandId: null,
  tenderedCents: null,
  changeCents: null,
  roundingCents: null,
};

async function tendersOf(q: Tx, sale: SaleRow): Promise<ReceiptTenderView[]> {
  if (sale.tender === 'split') return splitTenders(q, sale);
  if (sale.tender === 'wristband')
    return [{ ...none, method: 'wristband', amountCents: sale.amountCents, wristbandId: sale.wristbandId }];
  // Paid by a charge on a payment agreement (agreements/charge-booking.ts `chargeSource`).
  if (sale.completedBy?.startsWith('a:'))
    return [{ ...none, method: 'agreement', amountCents: sale.amountCents }];
  if (sale.tender === 'cash') {
    const [cash] = await q.select().from(cashTenders).where(eq(cashTenders.saleId, sale.id)).limit(1);
    if (!cash) return [{ ...none, method: 'cash', amountCents: sale.amountCents }];
    const { dueCents, tenderedCents, changeCents, roundingCents } = cash;
    return [{ ...none, method: 'cash', amountCents: dueCents, tenderedCents, changeCents, roundingCents }];
  }
  const [paid] = await q
    .select({ bancontactId: payments.bancontactId, amountCents: payments.amountCents })
    .from(payments)
    .where(and(eq(payments.saleId, sale.id), eq(payments.status, 'SUCCEEDED')))
    .orderBy(desc(payments.updatedAt))
    .limit(1);
  return [
    {
      ...none,
      method: 'bancontact',
      amountCents: paid?.amountCents ?? sale.amountCents,
      bancontactId: paid?.bancontactId ?? null,
    },
  ];
}

/**
 * A sale paid in parts (docs/register-rules.md, "Split tenders"): every part that took money, in the
 * order taken, so the paper names each tender and its amount, not only the last one.
 */
async function splitTenders(q: Tx, sale: SaleRow): Promise<Array<ReceiptTenderView>> {
  const paid = await q
    .select()
    .from(payments)
    .where(and(eq(payments.saleId, sale.id), eq(payments.status, 'SUCCEEDED')));
  const debits = await q
    .select()
    .from(wristbandEntries)
    .where(and(eq(wristbandEntries.saleId, sale.id), eq(wristbandEntries.kind, 'debit')));
  const [cash] = await q.select().from(cashTenders).where(eq(cashTenders.saleId, sale.id)).limit(1);
  const parts: Array<ReceiptTenderView & { at: number }> = [
    ...debits.map((e) => ({
      ...{ ...none, method: 'wristband' as const, amountCents: -e.amountCents, at: e.at },
      wristbandId: e.wristbandId,
    })),
    ...paid.map((p) => ({
      ...{ ...none, method: 'bancontact' as const, amountCents: p.amountCents, at: p.createdAt },
      bancontactId: p.bancontactId,
    })),
  ];
  if (cash) {
    const { tenderedCents, changeCents, roundingCents } = cash;
    // As on a cash sale: what the drawer took, rounded (the rounding has its own line).
    const amountCents = cash.dueCents;
    // Cash carries no time of its own: the sale's last change is when it was taken.
    parts.push({
      ...none,
      method: 'cash',
      amountCents,
      tenderedCents,
      changeCents,
      roundingCents,
      at: sale.updatedAt,
    });
  }
  return parts.sort((a, b) => a.at - b.at).map(({ at, ...tender }) => (void at, tender));
}

/** The sale's figures from its lines, and its VAT per rate as stored (or, for an old sale, computed). */
function figures(lines: ReceiptLineView[], vat: StoredReceipt['vat']) {
  const byRate =
    vat.length > 0
      ? vat
          .map(({ vatRate, grossCents, netCents, vatCents }) => ({
            ratePercent: vatRate,
            grossCents,
            netCents,
            vatCents,
          }))
          .sort((a, b) => b.ratePercent - a.ratePercent)
      : vatByRate(lines);
  const listCents = lines.reduce((total, line) => total + line.listCents, 0);
  const grossCents = lines.reduce((total, line) => total + line.grossCents, 0);
  const vatCents = byRate.reduce((total, v) => total + v.vatCents, 0);
  const discountCents = listCents - grossCents;
  return { lines, listCents, discountCents, grossCents, netCents: grossCents - vatCents, vatCents, byRate };
}

export async function buildReceipt(stored: StoredReceipt, context: ReceiptContext): Promise<ReceiptView> {
  const { receipt, sale, tenders } = stored;
  const lines =
    stored.lines.length > 0
      ? stored.lines.map((row) => lineView(row, context.locale))
      : [legacyLine(sale, context.setup, context.locale)];
  return {
    ...{ id: receipt.id, kind: receipt.kind, number: receipt.number, tillId: receipt.tillId },
    tillName: (await context.tillName(receipt.tillId)) ?? receipt.tillId,
    cashierName: sale.cashierId ? ((await context.staffName(sale.cashierId)) ?? sale.cashierId) : null,
    at: receipt.createdAt,
    ...parties(context.setup, sale.shopId),
    ...figures(lines, stored.vat),
    tenders,
    changeCents: tenders.reduce((total, t) => total + (t.changeCents ?? 0), 0),
    ...{ note: sale.note, saleId: sale.id, locale: context.locale },
    ...{ training: context.training, hasLogo: context.hasLogo },
  };
}

function lineView(row: typeof saleLines.$inferSelect, locale: ReceiptContext['locale']): ReceiptLineView {
  const { quantity, unitPriceCents, vatRate, lineDiscountCents, saleDiscountCents, grossCents, note } = row;
  return {
    name: row.name || RECEIPT_TEXTS[locale].amountLine,
    quantity,
    unitPriceCents,
    vatRate,
    listCents: quantity * unitPriceCents,
    lineDiscountCents,
    saleDiscountCents,
    grossCents,
    note,
  };
}

function legacyLine(sale: SaleRow, setup: SalesSetupView, locale: ReceiptContext['locale']): ReceiptLineView {
  const amount = sale.amountCents;
  return {
    ...{
      name: RECEIPT_TEXTS[locale].amountLine,
      quantity: 1,
      unitPriceCents: amount,
      vatRate: sale.vatRate ?? setup.defaultVatRate,
    },
    ...{ listCents: amount, lineDiscountCents: 0, saleDiscountCents: 0, grossCents: amount, note: null },
  };
}

/**
 * The business identity and the shop's fields; read loosely so a setup written before they existed
 * (no business, shops with a name only) prints empty strings instead of failing.
 */
function parties(setup: SalesSetupView, shopId: string | null): Pick<ReceiptView, 'business' | 'shop'> {
  const loose = setup as unknown as {
    business?: Partial<ReceiptParty>;
    shops: Array<Partial<ReceiptParty> & { id: string }>;
  };
  const party = (from: Partial<ReceiptParty> | undefined): ReceiptParty => ({
    name: from?.name ?? '',
    address: from?.address ?? '',
    website: from?.website ?? '',
    vatNumber: from?.vatNumber ?? '',
  });
  const shop = loose.shops.find((s) => s.id === shopId) ?? loose.shops[0];
  return { business: party(loose.business), shop: { id: shop?.id ?? shopId ?? '', ...party(shop) } };
}
