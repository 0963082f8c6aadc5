import { eq, sql } from 'drizzle-orm';
import { ContractFailure } from '../../../shared/contract';
import type { CashSaleView, CashTenderView } from '../../../shared/contract/report-views';
import { cashDue, type CashRounding } from '../../../shared/domain/cash';
import type { Db, Tx } from '../db/open-database';
import { cashTenders, drawerSessions, sales } from '../db/schema';
import { NO_ACTOR, type Actor } from '../ledger/actor';
import { attributionFor, setupIn } from '../ledger/attribution';
import { recordCashSale } from '../ledger/bookkeeper';
import { openDrawerOrFail } from './drawers';
import type { SalesRepo } from '../sales/sales-repo';
import { tillBusy } from './till-busy';

export interface CashSaleDeps {
  db: Db;
  repo: SalesRepo;
  now: () => number;
  newId: () => string;
  onSaleChanged: (saleId: string) => void;
}

export interface CashPaymentInput {
  amountCents: number;
  tenderedCents: number;
  idempotencyKey: string;
  tillId: string;
}

/**
 * The cash tender. The sale (paid at once), its tender, the drawer's cash and the report totals are
 * one transaction. The amount due is rounded to 5 cents (the `cashRounding` setting); the sale keeps
 * its price, and the rounding difference is recorded beside it.
 */
export class CashSales {
  constructor(private readonly deps: CashSaleDeps) {}

  async pay(input: CashPaymentInput, actor: Actor = NO_ACTOR): Promise<CashSaleView> {
    const { db } = this.deps;
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
      return { saleId: await this.write(tx, input, actor), created: true };
    });
    if (created) this.deps.onSaleChanged(saleId);
    return this.view(saleId);
  }

  private async write(tx: Tx, input: CashPaymentInput, actor: Actor): Promise<string> {
    const drawer = await openDrawerOrFail(tx, input.tillId);
    const setup = await setupIn(tx);
    const dueCents = cashDue(input.amountCents, setup.cashRounding as CashRounding);
    if (input.tenderedCents < dueCents) {
      throw new ContractFailure(
        'TENDERED_TOO_LOW',
        `${input.tenderedCents} cents handed over, ${dueCents} due`,
      );
    }
    const at = this.deps.now();
    const saleId = this.deps.newId();
    await tx.insert(sales).values({
      ...{
        id: saleId,
        tillId: input.tillId,
        amountCents: input.amountCents,
        idempotencyKey: input.idempotencyKey,
      },
      ...{ status: 'paid', tender: 'cash', createdAt: at, updatedAt: at },
      ...attributionFor(setup, input.tillId, actor),
      deviceId: actor.deviceId,
    });
    const { tenderedCents, amountCents } = input;
    const changeCents = tenderedCents - dueCents;
    const roundingCents = dueCents - amountCents;
    await tx
      .insert(cashTenders)
      .values({ saleId, sessionId: drawer.id, dueCents, tenderedCents, changeCents, roundingCents });
    await tx
      .update(drawerSessions)
      .set({ cashSalesCents: sql`${drawerSessions.cashSalesCents} + ${dueCents}` })
      .where(eq(drawerSessions.id, drawer.id));
    await recordCashSale(tx, saleId);
    return saleId;
  }

  private async view(saleId: string): Promise<CashSaleView> {
    const sale = await this.deps.repo.saleView(saleId);
    const tender = await this.deps.db.read((q) => cashTender(q, saleId));
    if (!sale || !tender) throw new ContractFailure('INTERNAL', 'The cash sale just written is missing');
    return { sale, ...tender };
  }
}

export async function cashTender(q: Tx, saleId: string): Promise<CashTenderView | null> {
  const [row] = await q.select().from(cashTenders).where(eq(cashTenders.saleId, saleId)).limit(1);
  if (!row) return null;
  const { dueCents, tenderedCents, changeCents, roundingCents, sessionId } = row;
  return { dueCents, tenderedCents, changeCents, roundingCents, drawerId: sessionId };
}
