import type { SaleView, TenderView } from '../../../../shared/contract';
import type { BasketInput } from '../../../../shared/contract/basket-input';
import { parseAmount, type AmountProblem } from '../../../../shared/domain/money';
import { isFinalStatus } from '../../../../shared/domain/payment-status';

/*
 * A sale paid in parts (docs/register-rules.md, "Split tenders"): what the till shows and offers while
 * tenders were taken and something is still due.
 */

/**
 * What a tender pays towards when it is not the whole of a new sale: the sale's whole amount, the open
 * split sale's id (none for the first part of a new sale, which sends the basket), and `tenderCents`
 * when it takes only a part of what is due (the last part takes everything due and may round cash).
 */
export type TenderPart = { saleId?: string; amountCents: number; tenderCents?: number };

/** A succeeded tender covers part of the open sale: cancelling it gives money back. */
export function partsTaken(sale: SaleView | null): boolean {
  if (!sale || sale.status !== 'open') return false;
  return (sale.dueCents ?? sale.amountCents) < sale.amountCents;
}

/** The split sale waits for the cashier's next tender: no Bancontact part is running. */
export function awaitsNextPart(sale: SaleView | null): boolean {
  return partsTaken(sale) && (sale!.payment === null || isFinalStatus(sale!.payment.status));
}

/** The tenders that took money and would go back on a cancel. */
export function takenTenders(sale: SaleView): TenderView[] {
  return (sale.tenders ?? []).filter((t) => t.status === 'succeeded' && !t.givenBack);
}

/**
 * What a Bancontact part asks for while the sale is open: the QR is for the part, not the whole sale.
 * Null when the payment is for everything (or the sale is no longer open).
 */
export function runningPartCents(sale: SaleView): number | null {
  if (sale.status !== 'open' || !sale.payment) return null;
  const part = sale.tenders?.find((t) => t.paymentId === sale.payment?.id)?.amountCents;
  return part === undefined || part === sale.amountCents ? null : part;
}

/** What a cash or wristband request says about its sale: a new sale's basket, or the open sale it pays. */
export function saleOfTender(cents: number, basket: BasketInput | undefined, part: TenderPart | undefined) {
  if (!part) return { amountCents: cents, basket };
  return {
    amountCents: part.amountCents,
    ...(part.saleId ? { saleId: part.saleId } : { basket }),
    ...(part.tenderCents === undefined ? {} : { tenderCents: part.tenderCents }),
  };
}

export type PartProblem = { kind: 'amount'; problem: AmountProblem } | { kind: 'notBelow'; dueCents: number };

/**
 * The amount the cashier typed for one part: more than zero and below what is due (a part of all that
 * is due is no split: the Pay buttons take it). The station refuses the same, naming `tenderCents`.
 */
export function parsePart(
  text: string,
  dueCents: number,
): { ok: true; cents: number } | { ok: false; problem: PartProblem } {
  const parsed = parseAmount(text);
  if (!parsed.ok) return { ok: false, problem: { kind: 'amount', problem: parsed.problem } };
  if (parsed.cents >= dueCents) return { ok: false, problem: { kind: 'notBelow', dueCents } };
  return parsed;
}
