import type { SaleView, TenderView } from '../../../../shared/contract';
import { isFinalStatus } from '../../../../shared/domain/payment-status';

/*
 * A sale paid in parts (docs/register-rules.md, "Split tenders"): what the till shows and offers while
 * tenders were taken and something is still due.
 */

/** The open split sale a tender pays towards: its id and its whole amount. */
export type TenderPart = { saleId: string; amountCents: number };

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

/** What a running Bancontact part asks for: the QR is for the part, not the whole sale. */
export function runningPartCents(sale: SaleView): number | null {
  if (!partsTaken(sale) || !sale.payment) return null;
  return sale.tenders?.find((t) => t.paymentId === sale.payment?.id)?.amountCents ?? null;
}
