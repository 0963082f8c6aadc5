import { ContractFailure, type SaleView } from '../../../shared/contract';
import type { BasketInput } from '../../../shared/contract/basket-input';
import { NO_CATALOGUE, type ArticleLookup } from '../sales/catalogue';
import type { Db, Tx } from '../db/open-database';
import { sales } from '../db/schema';
import { NO_ACTOR, type Actor } from '../ledger/actor';
import { attributionFor, setupIn } from '../ledger/attribution';
import type { SaleBasket } from '../sales/basket-pricing';
import { writeBasket } from '../sales/sale-basket-store';
import { basketOrRefuse, prepareBasket } from '../sales/sale-preparation';
import type { SalesRepo, SaleRow } from '../sales/sales-repo';
import { book, usableWristband, wristbandIdOrFail, type WristbandRow } from './wristband-book';
import { tillBusy } from '../till/till-busy';
import { firstPartCents, type PartRequest } from '../till/tender-parts';
import { payWristbandPart } from './wristband-part';
import { assertEventRunning } from './event-end';
import { issueSaleReceipt } from '../receipts/receipt-numbers';

export interface BarPaymentDeps {
  db: Db;
  repo: SalesRepo;
  now: () => number;
  newId: () => string;
  onWristbandChanged: (wristband: WristbandRow) => void;
  onSaleChanged: (saleId: string) => void;
  /** The catalogue article lines are priced from; absent: free amounts only. */
  articles?: ArticleLookup;
}

export interface WristbandPaymentInput extends PartRequest {
  wristbandId: string;
  basket?: BasketInput;
}

/**
 * The bar's "Pay with wristband" tender, until the event ends (EVENT_ENDED). Nothing about refunds
 * is looked at here: before the end, a prepared refund never stops a wristband from paying. The
 * sale (paid) and the debit are one SQLite transaction, and the debit only applies while the balance
 * covers it, so however many tills debit the same wristband at once, the balance never goes below
 * zero and nothing is half written.
 */
export class BarPayments {
  constructor(private readonly deps: BarPaymentDeps) {}

  async pay(input: WristbandPaymentInput, actor: Actor = NO_ACTOR): Promise<SaleView> {
    // A part of the till's open split sale (docs/register-rules.md).
    if (input.saleId) return payWristbandPart(this.deps, { ...input, saleId: input.saleId }, actor);
    const wristbandId = wristbandIdOrFail(input.wristbandId);
    const { db, repo, articles = NO_CATALOGUE } = this.deps;
    const prepared = await prepareBasket({ db, articles }, input, actor);
    const result = await db.write(async (tx) => {
      // The repo's reads join this unit of work.
      const existing = await repo.findByIdempotencyKey(input.idempotencyKey);
      if (existing) return { saleId: sameRequest(existing, input, wristbandId), band: null };
      // A retry of a payment made before the end still finds its sale; a new one is refused.
      await assertEventRunning(tx);
      if (await repo.findOpenSale(input.tillId)) {
        throw tillBusy();
      }
      return this.debit(tx, { ...input, wristbandId }, basketOrRefuse(prepared), actor);
    });
    if (result.band) {
      this.deps.onWristbandChanged(result.band);
      this.deps.onSaleChanged(result.saleId);
    }
    const sale = await repo.saleView(result.saleId);
    if (!sale) throw new ContractFailure('INTERNAL', 'The sale just written is missing');
    return sale;
  }

  /** `input.wristbandId` is the canonical id here. */
  private async debit(
    tx: Tx,
    input: WristbandPaymentInput,
    basket: SaleBasket,
    actor: Actor,
  ): Promise<{ saleId: string; band: WristbandRow }> {
    const { wristbandId } = input;
    const band = await usableWristband(tx, wristbandId);
    const at = this.deps.now();
    const saleId = this.deps.newId();
    const setup = await setupIn(tx);
    // The first part of a split sale leaves it open with the rest due.
    const partCents = firstPartCents(input);
    const paid = partCents === input.amountCents;
    await tx.insert(sales).values({
      ...{ id: saleId, tillId: input.tillId, amountCents: input.amountCents },
      ...({ status: paid ? 'paid' : 'open', tender: 'wristband', wristbandId } as const),
      completedBy: paid ? 'wristband' : null, // paid by this one debit: it counts the sale
      idempotencyKey: input.idempotencyKey,
      ...{ createdAt: at, updatedAt: at },
      ...attributionFor(setup, input.tillId, actor),
      ...{ vatRate: basket.mainRate, deviceId: actor.deviceId },
    });
    await writeBasket(tx, saleId, basket); // before the debit's booking, which is spread over its rates
    const debited = await book(tx, wristbandId, {
      kind: 'debit',
      amountCents: -partCents,
      saleId,
      at,
      actor,
    });
    if (!debited) {
      // Throwing rolls the sale row back with it.
      throw new ContractFailure(
        'INSUFFICIENT_FUNDS',
        `Wristband ${wristbandId} holds ${band.balanceCents} cents, less than ${partCents}`,
      );
    }
    // Its receipt number and print job commit with the debit.
    if (paid) await issueSaleReceipt(tx, { saleId, at });
    return { saleId, band: debited };
  }
}

/** A retried request finds its sale; the same key for another payment is refused. */
function sameRequest(existing: SaleRow, input: WristbandPaymentInput, wristbandId: string): string {
  if (
    existing.tender !== 'wristband' ||
    existing.wristbandId !== wristbandId ||
    existing.amountCents !== input.amountCents
  ) {
    throw new ContractFailure('CONFLICT', 'This idempotency key was already used for another payment');
  }
  return existing.id;
}
