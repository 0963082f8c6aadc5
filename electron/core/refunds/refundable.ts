import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../db/open-database';
import { saleLines, saleRefundLines, saleRefunds, saleRefundVat, transactions } from '../db/schema';

/*
 * What a sale can still give back: per tender, what it took minus what was already given back on it;
 * per line, the quantity sold minus the quantities refunded. Read from the books (the `transactions`
 * rows of the sale's tenders, whatever made them: a single tender or a split sale) and the refunds.
 * A refund that failed gave nothing back and does not count against either.
 */

export type RefundMethod = 'cash' | 'wristband' | 'bancontact_display' | 'bancontact_sticker';

/** One tender of a sale that took money: a Bancontact payment, a wristband debit, the cash. */
export interface TakenTender {
  method: RefundMethod;
  saleId: string;
  /** The transaction that took it (`p:<paymentId>`, `c:<saleId>`, `e:<entry id>`). */
  source: string;
  paymentId: string | null;
  wristbandId: string | null;
  takenCents: number;
  /** What can still go back on this tender. */
  leftCents: number;
}

const TENDER_METHODS = new Set<string>(['cash', 'wristband', 'bancontact_display', 'bancontact_sticker']);

export async function takenTenders(tx: Tx, saleId: string): Promise<TakenTender[]> {
  const taken = await tx
    .select()
    .from(transactions)
    .where(and(eq(transactions.saleId, saleId), eq(transactions.status, 'succeeded')))
    .orderBy(transactions.seq);
  const given = await givenBackBy(tx, saleId);
  return taken
    .filter((t) => TENDER_METHODS.has(t.method) && !t.source.startsWith('r:') && t.amountCents > 0)
    .map((t) => {
      const back = given.get(tenderKey(t.method, t.paymentId, t.wristbandId)) ?? 0;
      return {
        method: t.method as RefundMethod,
        saleId,
        source: t.source,
        paymentId: t.paymentId,
        wristbandId: t.wristbandId,
        takenCents: t.amountCents,
        leftCents: Math.max(0, t.amountCents - back),
      };
    });
}

/** Refunds are matched to the tender they gave back by method and payment or wristband. */
function tenderKey(method: string, paymentId: string | null, wristbandId: string | null): string {
  return `${method}|${paymentId ?? ''}|${method === 'wristband' ? (wristbandId ?? '') : ''}`;
}

async function givenBackBy(tx: Tx, saleId: string): Promise<Map<string, number>> {
  const rows = await tx
    .select({
      method: saleRefunds.method,
      paymentId: saleRefunds.paymentId,
      wristbandId: saleRefunds.wristbandId,
      cents: sql<number>`sum(${saleRefunds.amountCents})`,
    })
    .from(saleRefunds)
    .where(and(eq(saleRefunds.saleId, saleId), ne(saleRefunds.status, 'failed')))
    .groupBy(saleRefunds.method, saleRefunds.paymentId, saleRefunds.wristbandId);
  return new Map(rows.map((r) => [tenderKey(r.method, r.paymentId, r.wristbandId), Number(r.cents)]));
}

/** A sale line with what is left of it to refund. */
export interface RefundableLine {
  id: string;
  position: number;
  name: string;
  vatRate: number;
  quantity: number;
  grossCents: number;
  refundedQuantity: number;
  refundedCents: number;
}

export async function refundableLines(tx: Tx, saleId: string): Promise<RefundableLine[]> {
  const lines = await tx
    .select()
    .from(saleLines)
    .where(eq(saleLines.saleId, saleId))
    .orderBy(saleLines.position);
  const refunded = await tx
    .select({
      lineId: saleRefundLines.saleLineId,
      quantity: sql<number>`sum(${saleRefundLines.quantity})`,
      cents: sql<number>`sum(${saleRefundLines.grossCents})`,
    })
    .from(saleRefundLines)
    .innerJoin(saleRefunds, eq(saleRefunds.id, saleRefundLines.refundId))
    .where(and(eq(saleRefunds.saleId, saleId), ne(saleRefunds.status, 'failed')))
    .groupBy(saleRefundLines.saleLineId);
  const byLine = new Map(refunded.map((r) => [r.lineId, r]));
  return lines.map((l) => ({
    ...{ id: l.id, position: l.position, name: l.name, vatRate: l.vatRate },
    ...{ quantity: l.quantity, grossCents: l.grossCents },
    refundedQuantity: Number(byLine.get(l.id)?.quantity ?? 0),
    refundedCents: Number(byLine.get(l.id)?.cents ?? 0),
  }));
}

/** VAT already given back per rate on a sale (refunds that did not fail). */
export async function refundedVatByRate(
  tx: Tx,
  saleId: string,
): Promise<Map<number, { gross: number; vat: number }>> {
  const rows = await tx
    .select({
      vatRate: saleRefundVat.vatRate,
      gross: sql<number>`sum(${saleRefundVat.grossCents})`,
      vat: sql<number>`sum(${saleRefundVat.vatCents})`,
    })
    .from(saleRefundVat)
    .innerJoin(saleRefunds, eq(saleRefunds.id, saleRefundVat.refundId))
    .where(and(eq(saleRefunds.saleId, saleId), ne(saleRefunds.status, 'failed')))
    .groupBy(saleRefundVat.vatRate);
  return new Map(rows.map((r) => [r.vatRate, { gross: Number(r.gross), vat: Number(r.vat) }]));
}
