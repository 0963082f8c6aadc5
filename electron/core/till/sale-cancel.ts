import { ContractFailure, type SaleView } from '../../../shared/contract';
import { isFinalStatus } from '../../../shared/domain/payment-status';
import type { Db, Tx } from '../db/open-database';
import type { Actor } from '../ledger/actor';
import type { SalesRepo } from '../sales/sales-repo';

/** One tender given back by a cancel: Bancontact ones are refunds still to start (after the commit). */
export interface TenderGivenBack {
  /** The sale refund written for it (refunds/give-back.ts). */
  refundId: number;
  method: string;
  amountCents: number;
  /** The Bancontact payment refunded; null for cash and wristband, given back at once. */
  paymentId: string | null;
}

/**
 * Gives every tender the sale took back, in the caller's unit of work (refunds/cancel-tenders.ts over
 * refunds/give-back.ts: the wristband credited back, cash out of the drawer, a Bancontact refund).
 * Injected because the refunds sit above the till.
 */
export type GiveBackTenders = (
  tx: Tx,
  request: { saleId: string; actor: Actor; at: number },
) => Promise<TenderGivenBack[]>;

export interface SaleCancelDeps {
  db: Db;
  repo: SalesRepo;
  now: () => number;
  onSaleChanged: (saleId: string) => void;
  giveBackTenders?: GiveBackTenders;
  /** Starts the Bancontact refunds a cancel wrote, once it has committed. */
  startRefunds?: (given: TenderGivenBack[]) => Promise<void>;
}

/** True when a succeeded tender covers part of the sale: a cancel must give it back. */
export const partsTaken = (sale: SaleView): boolean => (sale.dueCents ?? sale.amountCents) < sale.amountCents;

/** A payment of the sale still running at Bancontact: given up before the sale is cancelled. */
export function runningPayment(sale: SaleView): boolean {
  return sale.payment !== null && !isFinalStatus(sale.payment.status);
}

/**
 * Cancels an open sale whose tenders were partly taken (docs/register-rules.md, "Cancelling an open
 * sale"): every tender goes back and the sale is cancelled, in one unit of work. Any Bancontact payment
 * still running was given up before (TillService.cancelSale). Returns what went back.
 */
export async function cancelWithTenders(
  deps: SaleCancelDeps,
  saleId: string,
  actor: Actor,
): Promise<TenderGivenBack[]> {
  const { db, repo, now, giveBackTenders } = deps;
  if (!giveBackTenders) throw new ContractFailure('CONFLICT', 'Tenders cannot be given back at this station');
  const given = await db.write(async (tx) => {
    const sale = await repo.saleView(saleId);
    if (!sale) throw new ContractFailure('NOT_FOUND', `No sale ${saleId}`);
    if (sale.status !== 'open' && sale.status !== 'unpaid') {
      throw new ContractFailure('CONFLICT', `This sale is ${sale.status}`);
    }
    if (runningPayment(sale))
      throw new ContractFailure('PAYMENT_OPEN', 'A payment of this sale is still open');
    const at = now();
    const back = await giveBackTenders(tx, { saleId, actor, at });
    await repo.setSaleStatus(saleId, 'cancelled', at);
    return back;
  });
  deps.onSaleChanged(saleId);
  const refunds = given.filter((g) => g.paymentId !== null);
  if (refunds.length > 0 && deps.startRefunds) await deps.startRefunds(refunds);
  return given;
}
