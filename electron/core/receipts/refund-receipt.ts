import { asc, eq, max } from 'drizzle-orm';
import type { ReceiptTenderView } from '../../../shared/contract/receipt-views';
import type { Tx } from '../db/open-database';
import { newId } from '../db/ids';
import { payments, receipts, saleLines, saleRefundLines, saleRefunds, saleRefundVat } from '../db/schema';
import { queueAutoPrint } from './receipt-numbers';

/*
 * A refund's receipt (docs/register.md, "Refunds"): numbered in its till's one gapless series with the
 * sales' receipts, queued where the till prints by itself, and drawn by the same renderers as a sale's
 * from the refund's own lines, VAT and tender, all negative (what went back).
 */

type ReceiptRow = typeof receipts.$inferSelect;
type SaleLineRow = typeof saleLines.$inferSelect;

/** In the refund's unit of work (refunds/sale-returns.ts): its number, and its print job if any. */
export async function issueRefundReceipt(tx: Tx, refundId: number, at: number): Promise<void> {
  const [refund] = await tx.select().from(saleRefunds).where(eq(saleRefunds.id, refundId)).limit(1);
  if (!refund) return;
  const [last] = await tx
    .select({ number: max(receipts.number) })
    .from(receipts)
    .where(eq(receipts.tillId, refund.tillId));
  const id = newId();
  await tx.insert(receipts).values({
    ...{ id, tillId: refund.tillId, number: (last?.number ?? 0) + 1, kind: 'refund' },
    ...{ saleId: refund.saleId, refundId: String(refundId), createdAt: at },
  });
  await queueAutoPrint(tx, { receiptId: id, tillId: refund.tillId, at, cash: refund.method === 'cash' });
}

/** The stored facts of a refund receipt, in the shape a sale's receipt is drawn from. */
export async function refundReceiptParts(q: Tx, receipt: ReceiptRow) {
  const refundId = Number(receipt.refundId);
  const [refund] = await q.select().from(saleRefunds).where(eq(saleRefunds.id, refundId)).limit(1);
  const rows = await q
    .select({ line: saleLines, quantity: saleRefundLines.quantity, back: saleRefundLines.grossCents })
    .from(saleRefundLines)
    .innerJoin(saleLines, eq(saleLines.id, saleRefundLines.saleLineId))
    .where(eq(saleRefundLines.refundId, refundId))
    .orderBy(asc(saleLines.position));
  const vat = await q.select().from(saleRefundVat).where(eq(saleRefundVat.refundId, refundId));
  return {
    lines: rows.map(({ line, quantity, back }) => negativeLine(line, quantity, back)),
    vat: vat.map((v) => ({
      ...{ saleId: receipt.saleId, vatRate: v.vatRate },
      ...{ grossCents: -v.grossCents, netCents: -v.netCents, vatCents: -v.vatCents },
    })),
    tenders: refund ? [await refundTender(q, refund)] : [],
  };
}

/** The units given back at the line's price; what the customer had paid less is their discount. */
function negativeLine(line: SaleLineRow, quantity: number, backCents: number): SaleLineRow {
  const listCents = quantity * line.unitPriceCents;
  return {
    ...{ ...line, quantity, unitPriceCents: -line.unitPriceCents, grossCents: -backCents },
    ...{ lineDiscountCents: -(listCents - backCents), saleDiscountCents: 0 },
  };
}

async function refundTender(q: Tx, refund: typeof saleRefunds.$inferSelect): Promise<ReceiptTenderView> {
  const [paid] = refund.paymentId
    ? await q
        .select({ bancontactId: payments.bancontactId })
        .from(payments)
        .where(eq(payments.id, refund.paymentId))
        .limit(1)
    : [];
  const method = refund.method === 'cash' || refund.method === 'wristband' ? refund.method : 'bancontact';
  return {
    ...{ method, amountCents: -refund.amountCents, bancontactId: paid?.bancontactId ?? null },
    ...{ wristbandId: refund.wristbandId, tenderedCents: null, changeCents: null, roundingCents: null },
  };
}
