import { eq, sql } from 'drizzle-orm';
import { ContractFailure } from '../../../shared/contract';
import type { BasketInput } from '../../../shared/contract/basket-input';
import type { CashSaleView, CashTenderView } from '../../../shared/contract/report-views';
import { cashDue, type CashRounding } from '../../../shared/domain/cash';
import { NO_CATALOGUE, type ArticleLookup } from '../sales/catalogue';
import type { Db, Tx } from '../db/open-database';
import { cashTenders, drawerSessions, sales } from '../db/schema';
import { NO_ACTOR, type Actor } from '../ledger/actor';
import { attributionFor, setupIn } from '../ledger/attribution';
import { recordCashSale } from '../ledger/bookkeeper';
import { issueSaleReceipt } from '../receipts/receipt-numbers';
import { openDrawerOrFail } from './drawers';
import type { SaleBasket } from '../sales/basket-pricing';
import { writeBasket } from '../sales/sale-basket-store';
import { basketOrRefuse, prepareBasket } from '../sales/sale-preparation';
import type { SalesRepo } from '../sales/sales-repo';
import { tillBusy } from './till-busy';
import { firstPartCents, nextPart, type PartRequest } from './tender-parts';
import { settleAfterPart } from '../sales/sale-tenders';

export interface CashSaleDeps {
  db: Db;
  repo: SalesRepo;
  now: () => number;
  newId: () => string;
  onSaleChanged: (saleId: string) => void;
  /** The catalogue article lines are priced from; absent: free amounts only. */
  articles?: ArticleLookup;
}

export interface CashPaymentInput extends PartRequest {
  tenderedCents: number;
  basket?: BasketInput;
}

/** The cash taken for a sale: its part of the sale, and whether it is the last part (it may round). */
interface CashPart {
  saleId: string;
  tillId: string;
  partCents: number;
  last: boolean;
  tenderedCents: number;
  /** When the cash was taken: its booking's moment, hour and day. */
  at: number;
}

/**
 * The cash tender. The sale (paid at once), its tender, the drawer's cash and the report totals are
 * one transaction. The amount due is rounded to 5 cents (the `cashRounding` setting); the sale keeps
 * its price, and the rounding difference is recorded beside it.
 */
export class CashSales {
  constructor(private readonly deps: CashSaleDeps) {}

  async pay(input: CashPaymentInput, actor: Actor = NO_ACTOR): Promise<CashSaleView> {
    if (input.saleId) return this.payPart({ ...input, saleId: input.saleId });
    const { db, articles = NO_CATALOGUE } = this.deps;
    const prepared = await prepareBasket({ db, articles }, input, actor);
    const { saleId, created } = await db.write(async (tx) => {
      const existing = await this.deps.repo.findByIdempotencyKey(input.idempotencyKey);
      if (existing) {
        if (existing.tender !== 'cash' || existing.amountCents !== input.amountCents) {
          throw new ContractFailure('CONFLICT', 'This idempotency key was already used for another payment');
        }
        return { saleId: existing.id, created: false };
      }
      if (await this.deps.repo.findOpenSale(input.tillId)) {
        throw tillBusy();
      }
      return { saleId: await this.write(tx, input, basketOrRefuse(prepared), actor), created: true };
    });
    if (created) this.deps.onSaleChanged(saleId);
    return this.view(saleId);
  }

  /** Cash for part or the rest of the till's open split sale; one cash tender per sale. */
  private async payPart(input: CashPaymentInput & { saleId: string }): Promise<CashSaleView> {
    const { db, repo } = this.deps;
    const created = await db.write(async (tx) => {
      const taken = await cashTender(tx, input.saleId);
      if (taken) {
        // The same request again finds its tender; another cash tender on this sale is refused.
        if (taken.tenderedCents !== input.tenderedCents) {
          throw new ContractFailure('CONFLICT', 'This sale already has its cash tender');
        }
        return false;
      }
      const { saleId, cents, dueCents } = await nextPart(tx, repo, input);
      const at = this.deps.now();
      const part = { saleId, tillId: input.tillId, partCents: cents, last: cents === dueCents, at };
      await takeCash(tx, { ...part, tenderedCents: input.tenderedCents });
      await settleAfterPart(tx, saleId, { method: 'cash' }, at);
      // Booked once the sale is settled: the part that paid it counts the sale.
      await recordCashSale(tx, saleId);
      return true;
    });
    if (created) this.deps.onSaleChanged(input.saleId);
    return this.view(input.saleId);
  }

  private async write(tx: Tx, input: CashPaymentInput, basket: SaleBasket, actor: Actor): Promise<string> {
    const setup = await setupIn(tx);
    const partCents = firstPartCents(input);
    const last = partCents === input.amountCents;
    const at = this.deps.now();
    const saleId = this.deps.newId();
    await tx.insert(sales).values({
      ...{
        id: saleId,
        tillId: input.tillId,
        amountCents: input.amountCents,
        idempotencyKey: input.idempotencyKey,
      },
      ...{ status: last ? 'paid' : 'open', tender: 'cash', createdAt: at, updatedAt: at },
      ...(last && { completedBy: 'cash' }),
      ...attributionFor(setup, input.tillId, actor),
      ...{ vatRate: basket.mainRate, deviceId: actor.deviceId },
    });
    await writeBasket(tx, saleId, basket);
    const { tillId, tenderedCents } = input;
    await takeCash(tx, { saleId, tillId, partCents, last, tenderedCents, at });
    await recordCashSale(tx, saleId);
    // Its receipt number and print job (with the drawer pulse where one is wired) commit with the sale.
    if (last) await issueSaleReceipt(tx, { saleId, at, cash: true });
    return saleId;
  }

  private async view(saleId: string): Promise<CashSaleView> {
    const sale = await this.deps.repo.saleView(saleId);
    const tender = await this.deps.db.read((q) => cashTender(q, saleId));
    if (!sale || !tender) throw new ContractFailure('INTERNAL', 'The cash sale just written is missing');
    return { sale, ...tender };
  }
}

/**
 * The cash into the drawer (the caller books it, once the sale's status is known). Only the last part
 * of a sale is rounded to 5 cents (the `cashRounding` setting); an earlier part is taken to the cent.
 * Change is what was handed over beyond.
 */
async function takeCash(tx: Tx, part: CashPart): Promise<void> {
  const drawer = await openDrawerOrFail(tx, part.tillId);
  const setup = await setupIn(tx);
  const { saleId, partCents, tenderedCents } = part;
  const dueCents = part.last ? cashDue(partCents, setup.cashRounding as CashRounding) : partCents;
  if (tenderedCents < dueCents) {
    throw new ContractFailure('TENDERED_TOO_LOW', `${tenderedCents} cents handed over, ${dueCents} due`);
  }
  const changeCents = tenderedCents - dueCents;
  const roundingCents = dueCents - partCents;
  await tx.insert(cashTenders).values({
    saleId,
    sessionId: drawer.id,
    dueCents,
    tenderedCents,
    changeCents,
    roundingCents,
    at: part.at,
  });
  await tx
    .update(drawerSessions)
    .set({ cashSalesCents: sql`${drawerSessions.cashSalesCents} + ${dueCents}` })
    .where(eq(drawerSessions.id, drawer.id));
}

export async function cashTender(q: Tx, saleId: string): Promise<CashTenderView | null> {
  const [row] = await q.select().from(cashTenders).where(eq(cashTenders.saleId, saleId)).limit(1);
  if (!row) return null;
  const { dueCents, tenderedCents, changeCents, roundingCents, sessionId } = row;
  return { dueCents, tenderedCents, changeCents, roundingCents, drawerId: sessionId };
}
