import { createHash } from 'node:crypto';
import { ContractFailure } from '../../../shared/contract';
import type { TenderPartInput } from '../../../shared/contract/tender-part';
import { isFinalStatus, type PaymentStatus } from '../../../shared/domain/payment-status';
import type { Tx } from '../db/open-database';
import { openSaleForPart, partAmount } from '../sales/sale-tenders';
import type { SalesRepo } from '../sales/sales-repo';

/*
 * The till's side of split tenders (docs/register-rules.md): a pay method given the till's open sale
 * takes one part of what is still due. Shared by the Bancontact, cash and wristband tenders.
 */

export interface PartRequest extends TenderPartInput {
  amountCents: number;
  tillId: string;
  idempotencyKey: string;
}

/** The part of a new sale its first tender takes: all of it unless the cashier split it. */
export function firstPartCents(input: PartRequest): number {
  return partAmount(input.tenderCents, input.amountCents);
}

/**
 * A part's own id, from the sale and the till's idempotency key: a retried request (a double tap, a
 * lost answer) finds the tender it made instead of taking the money twice. Ids are 24 hex digits.
 */
export function partId(saleId: string, idempotencyKey: string): string {
  return createHash('sha256').update(`${saleId}\u0000${idempotencyKey}`).digest('hex').slice(0, 24);
}

/**
 * The open sale and the amount of the part to take now, checked in the part's unit of work: the sale is
 * this till's and open, no Bancontact attempt of it is still running, and something is still due.
 */
export async function nextPart(
  tx: Tx,
  repo: SalesRepo,
  input: PartRequest & { saleId: string },
): Promise<{ saleId: string; cents: number; dueCents: number }> {
  const { sale, dueCents } = await openSaleForPart(tx, input);
  const latest = await repo.latestPayment(sale.id);
  if (latest && !isFinalStatus(latest.status as PaymentStatus)) {
    throw new ContractFailure('PAYMENT_OPEN', 'A Bancontact payment of this sale is still open');
  }
  if (dueCents === 0) throw new ContractFailure('CONFLICT', 'Nothing is due on this sale any more');
  return { saleId: sale.id, cents: partAmount(input.tenderCents, dueCents), dueCents };
}
