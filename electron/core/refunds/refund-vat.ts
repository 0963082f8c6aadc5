import { eq } from 'drizzle-orm';
import { vatByRate } from '../../../shared/domain/basket';
import { ContractFailure } from '../../../shared/contract';
import type { Tx } from '../db/open-database';
import { saleRefundLines, saleVat, sales } from '../db/schema';
import type { VatPart } from '../ledger/booking';
import { storedVatParts } from '../ledger/transaction-vat';
import { vatParts } from '../ledger/vat-parts';
import { refundableLines, refundedVatByRate, type RefundableLine, type TakenTender } from './refundable';

/*
 * A refund's VAT per rate (docs/register-rules.md, "Refunds"): computed once per rate on what it gives
 * back, as a sale's is. The refund that gives back the last of a rate gives back exactly the VAT the
 * sale still holds at that rate, so a sale refunded in full nets to zero VAT, not to a cent off.
 */

export interface LineToGiveBack {
  saleLineId: string;
  quantity: number;
}

export interface LinesGivenBack {
  grossCents: number;
  vat: VatPart[];
  /** Writes the refund's lines once its id is known. */
  write(refundId: number): Promise<void>;
}

/** The lines' gross and VAT, or REFUND_AMOUNT_TOO_HIGH naming the line asked beyond what is left. */
export async function linesToGiveBack(
  tx: Tx,
  saleId: string,
  wanted: readonly LineToGiveBack[],
): Promise<LinesGivenBack> {
  const lines = await refundableLines(tx, saleId);
  const rows = wanted.map((w, index) => {
    const line = lines.find((l) => l.id === w.saleLineId);
    if (!line) throw new ContractFailure('NOT_FOUND', `Sale ${saleId} has no line ${w.saleLineId}`);
    if (w.quantity < 1 || w.quantity > line.quantity - line.refundedQuantity)
      throw new ContractFailure('REFUND_AMOUNT_TOO_HIGH', `Line ${line.position + 1}: too many given back`, {
        fields: [`lines.${index}.quantity`],
      });
    return { line, quantity: w.quantity, grossCents: lineGross(line, w.quantity) };
  });
  const grossCents = rows.reduce((n, r) => n + r.grossCents, 0);
  const vat = await vatOfLines(
    tx,
    saleId,
    rows.map((r) => ({ vatRate: r.line.vatRate, grossCents: r.grossCents })),
  );
  const write = async (refundId: number) => {
    await tx.insert(saleRefundLines).values(
      rows.map((r) => ({
        refundId,
        saleLineId: r.line.id,
        quantity: r.quantity,
        grossCents: r.grossCents,
      })),
    );
  };
  return { grossCents, vat, write };
}

/** A line's part for some of its quantity; the last units take what is left, so the parts add up. */
function lineGross(line: RefundableLine, quantity: number): number {
  if (line.refundedQuantity + quantity === line.quantity) return line.grossCents - line.refundedCents;
  return Math.round((line.grossCents * quantity) / line.quantity);
}

async function vatOfLines(
  tx: Tx,
  saleId: string,
  lines: readonly { vatRate: number; grossCents: number }[],
): Promise<VatPart[]> {
  const sold = await tx.select().from(saleVat).where(eq(saleVat.saleId, saleId));
  const before = await refundedVatByRate(tx, saleId);
  return vatByRate(lines).map((v) => {
    const atRate = sold.find((s) => s.vatRate === v.ratePercent);
    const back = before.get(v.ratePercent) ?? { gross: 0, vat: 0 };
    const closesRate = atRate !== undefined && back.gross + v.grossCents === atRate.grossCents;
    const vatCents = closesRate ? atRate.vatCents - back.vat : v.vatCents;
    return { vatRate: v.ratePercent, grossCents: v.grossCents, vatCents };
  });
}

/**
 * A tender given back as a whole (a cancel, or a refund of an amount without lines): all of it takes
 * back exactly the parts the tender booked; part of it is spread over the sale's rates as a tender is.
 */
export async function tenderVat(tx: Tx, tender: TakenTender, amountCents: number): Promise<VatPart[]> {
  if (amountCents === tender.takenCents) {
    const stored = await storedVatParts(tx, tender.source);
    if (stored.length > 0) return stored;
  }
  const [sale] = await tx
    .select({ vatRate: sales.vatRate })
    .from(sales)
    .where(eq(sales.id, tender.saleId))
    .limit(1);
  const rows = await tx.select().from(saleVat).where(eq(saleVat.saleId, tender.saleId));
  const text = rows.map((r) => `${r.vatRate}:${r.grossCents}:${r.vatCents}`).join(';');
  return vatParts(text || null, sale?.vatRate ?? null, amountCents);
}
