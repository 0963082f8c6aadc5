import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SaleMethod } from '../../../shared/contract/report-views';
import type { SaleRefundView, SaleReturnsView } from '../../../shared/contract/returns-methods';
import { maskIban } from '../../../shared/domain/iban';
import type { Tx } from '../db/open-database';
import { receipts, saleLines, saleRefundLines, saleRefunds, saleRefundVat } from '../db/schema';
import { refundableLines, takenTenders } from './refundable';

type RefundRow = typeof saleRefunds.$inferSelect;

/** What the Returns screen shows of a sale: its lines with what is left, its tenders, its refunds. */
export async function saleReturnsView(q: Tx, saleId: string): Promise<SaleReturnsView> {
  const lines = await refundableLines(q, saleId);
  const tenders = await takenTenders(q, saleId);
  const rows = await q
    .select()
    .from(saleRefunds)
    .where(eq(saleRefunds.saleId, saleId))
    .orderBy(asc(saleRefunds.id));
  return {
    saleId,
    lines: lines.map((l) => ({
      ...{
        saleLineId: l.id,
        name: l.name,
        vatRate: l.vatRate,
        quantity: l.quantity,
        grossCents: l.grossCents,
      },
      refundableQuantity: l.quantity - l.refundedQuantity,
      refundableCents: l.grossCents - l.refundedCents,
    })),
    tenders: tenders.map((t) => ({
      ...{ source: t.source, method: t.method as SaleMethod },
      ...{ takenCents: t.takenCents, leftCents: t.leftCents },
    })),
    refunds: await refundViews(q, rows),
  };
}

export async function saleRefundView(q: Tx, refundId: number): Promise<SaleRefundView | null> {
  const rows = await q.select().from(saleRefunds).where(eq(saleRefunds.id, refundId)).limit(1);
  const [view] = await refundViews(q, rows);
  return view ?? null;
}

async function refundViews(q: Tx, rows: RefundRow[]): Promise<SaleRefundView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const lines = await q
    .select({ refundId: saleRefundLines.refundId, ...LINE_COLUMNS })
    .from(saleRefundLines)
    .innerJoin(saleLines, eq(saleLines.id, saleRefundLines.saleLineId))
    .where(inArray(saleRefundLines.refundId, ids))
    .orderBy(asc(saleLines.position));
  const vat = await q.select().from(saleRefundVat).where(inArray(saleRefundVat.refundId, ids));
  const numbers = await q
    .select({ refundId: receipts.refundId, number: receipts.number })
    .from(receipts)
    .where(and(eq(receipts.kind, 'refund'), inArray(receipts.refundId, ids.map(String))));
  return rows.map((r) => ({
    ...{ id: r.id, saleId: r.saleId, kind: r.kind, method: r.method, amountCents: r.amountCents },
    ...{ status: r.status, reason: r.reason, problemCode: r.problemCode, tillId: r.tillId },
    ibanMasked: r.iban ? maskIban(r.iban) : null,
    createdAt: new Date(r.createdAt).toISOString(),
    lines: lines.filter((l) => l.refundId === r.id).map(({ refundId, ...line }) => (void refundId, line)),
    byRate: vat
      .filter((v) => v.refundId === r.id)
      .sort((a, b) => b.vatRate - a.vatRate)
      .map((v) => ({
        ratePercent: v.vatRate,
        grossCents: v.grossCents,
        netCents: v.netCents,
        vatCents: v.vatCents,
      })),
    receiptNumber: numbers.find((n) => n.refundId === String(r.id))?.number ?? null,
  }));
}

const LINE_COLUMNS = {
  saleLineId: saleRefundLines.saleLineId,
  name: saleLines.name,
  quantity: saleRefundLines.quantity,
  grossCents: saleRefundLines.grossCents,
};
