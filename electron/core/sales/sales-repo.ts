import { and, desc, eq, inArray, isNotNull, notInArray } from 'drizzle-orm';
import type { ErrorCode, PaymentView, SaleView, TimelineEntry } from '../../../shared/contract';
import type { PaymentStatus } from '../../../shared/domain/payment-status';
import type { Db, Tx } from '../db/open-database';
import { paymentEvents, payments, sales } from '../db/schema';
import { actorColumns, NO_ACTOR, type Actor } from '../ledger/actor';
import { attributionFor, setupIn } from '../ledger/attribution';
import { recordPayment } from '../ledger/bookkeeper';
import type { SaleBasket } from './basket-pricing';
import { basketFields, writeBasket } from './sale-basket-store';
import { dueCentsOf, tendersOf } from './sale-tenders';
import { tenderOutcome } from './tender-outcome';

export type SaleRow = typeof sales.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;

const FINAL_STATUSES = [
  'SUCCEEDED',
  'AUTHORIZATION_FAILED',
  'FAILED',
  'CANCELLED',
  'EXPIRED',
  'VOIDED',
  'CREATE_FAILED',
];

export interface NewSale {
  id: string;
  tillId: string;
  amountCents: number;
  idempotencyKey: string;
  at: number;
  /** Who started it, on which device: the sale's cashier and device. */
  actor?: Actor;
  /** Its lines as the station priced them; absent for a sale recovered from Bancontact alone. */
  basket?: SaleBasket;
}

export interface NewPayment {
  id: string;
  saleId: string;
  profileId: string;
  amountCents: number;
  posId: string | null;
  at: number;
  /** Who asked for this payment attempt, on which device. */
  actor?: Actor;
}

/** Reads and writes of sales and their payments; no API calls here. */
export class SalesRepo {
  constructor(private readonly db: Db) {}

  saleView(saleId: string): Promise<SaleView | null> {
    return this.db.read(async (q) => {
      const [sale] = await q.select().from(sales).where(eq(sales.id, saleId)).limit(1);
      return sale ? view(q, sale) : null;
    });
  }

  async findByIdempotencyKey(key: string): Promise<SaleRow | undefined> {
    const [sale] = await this.db.read((q) =>
      q.select().from(sales).where(eq(sales.idempotencyKey, key)).limit(1),
    );
    return sale;
  }

  async findOpenSale(tillId: string): Promise<SaleRow | undefined> {
    const [sale] = await this.db.read((q) =>
      q
        .select()
        .from(sales)
        .where(and(eq(sales.tillId, tillId), eq(sales.status, 'open')))
        .limit(1),
    );
    return sale;
  }

  /** Any till's open sale: modes and till setups change only when none is left. */
  async findAnyOpenSale(): Promise<SaleRow | undefined> {
    const [sale] = await this.db.read((q) => q.select().from(sales).where(eq(sales.status, 'open')).limit(1));
    return sale;
  }

  /** True when this is the latest payment of its till's latest sale: what that till's screen shows. */
  isOnScreen(paymentId: string): Promise<boolean> {
    return this.db.read(async (q) => {
      const payment = await paymentOf(q, paymentId);
      const [sale] = payment ? await q.select().from(sales).where(eq(sales.id, payment.saleId)).limit(1) : [];
      if (!payment || !sale) return false;
      return (
        (await latestSaleOf(q, sale.tillId))?.id === sale.id &&
        (await latestPaymentOf(q, sale.id))?.id === paymentId
      );
    });
  }

  latestSale(tillId: string): Promise<SaleRow | undefined> {
    return this.db.read((q) => latestSaleOf(q, tillId));
  }

  listSales(limit: number): Promise<SaleView[]> {
    return this.db.read(async (q) => {
      const rows = await q.select().from(sales).orderBy(desc(sales.createdAt)).limit(limit);
      const views: SaleView[] = [];
      for (const sale of rows) views.push(await view(q, sale));
      return views;
    });
  }

  latestPayment(saleId: string): Promise<PaymentRow | undefined> {
    return this.db.read((q) => latestPaymentOf(q, saleId));
  }

  payment(paymentId: string): Promise<PaymentRow | undefined> {
    return this.db.read((q) => paymentOf(q, paymentId));
  }

  /** Payments Bancontact knows of that have not reached a final status: what recovery resumes. */
  unfinishedPayments(): Promise<PaymentRow[]> {
    return this.db.read((q) =>
      q
        .select()
        .from(payments)
        .where(and(isNotNull(payments.bancontactId), notInArray(payments.status, FINAL_STATUSES))),
    );
  }

  /** Payments whose creation call was in flight when the station stopped. */
  paymentsBeingCreated(): Promise<PaymentRow[]> {
    return this.db.read((q) =>
      q
        .select()
        .from(payments)
        .where(inArray(payments.status, ['CREATING'])),
    );
  }

  async insertSaleWithPayment(sale: NewSale, payment: NewPayment): Promise<void> {
    await this.db.write(async (tx) => {
      await tx.insert(sales).values({
        id: sale.id,
        tillId: sale.tillId,
        amountCents: sale.amountCents,
        idempotencyKey: sale.idempotencyKey,
        status: 'open',
        createdAt: sale.at,
        updatedAt: sale.at,
        // Attributed as it is written, so the cashier is the person at the till (see attributeSale).
        ...attributionFor(await setupIn(tx), sale.tillId, sale.actor ?? NO_ACTOR),
        deviceId: sale.actor?.deviceId ?? null,
        ...(sale.basket ? { vatRate: sale.basket.mainRate } : {}),
      });
      // Before the payment's booking: the bookkeeper spreads it over the sale's VAT rates.
      if (sale.basket) await writeBasket(tx, sale.id, sale.basket);
      await tx.insert(payments).values(newPaymentValues(payment));
      await recordPayment(tx, payment.id);
    });
  }

  async insertPayment(payment: NewPayment): Promise<void> {
    await this.db.write(async (tx) => {
      await tx.insert(payments).values(newPaymentValues(payment));
      await tx
        .update(sales)
        .set({ status: 'open', updatedAt: payment.at })
        .where(eq(sales.id, payment.saleId));
      await recordPayment(tx, payment.id);
    });
  }

  /** The cashier no longer wants this payment: it must not be acknowledged, and it closes the sale if it ends. */
  async giveUpPayment(paymentId: string, at: number): Promise<void> {
    await this.db.write((tx) =>
      tx.update(payments).set({ wanted: false, updatedAt: at }).where(eq(payments.id, paymentId)),
    );
  }

  async setSaleStatus(saleId: string, status: SaleRow['status'], at: number): Promise<void> {
    await this.db.write((tx) => tx.update(sales).set({ status, updatedAt: at }).where(eq(sales.id, saleId)));
  }

  async timeline(paymentId: string): Promise<TimelineEntry[]> {
    const events = await this.db.read((q) =>
      q.select().from(paymentEvents).where(eq(paymentEvents.paymentId, paymentId)).orderBy(paymentEvents.id),
    );
    return events.map((e) => ({
      at: new Date(e.at).toISOString(),
      from: e.fromStatus as PaymentStatus | null,
      to: e.toStatus as PaymentStatus,
      source: e.source,
    }));
  }
}

async function latestSaleOf(q: Tx, tillId: string): Promise<SaleRow | undefined> {
  const [sale] = await q
    .select()
    .from(sales)
    .where(eq(sales.tillId, tillId))
    .orderBy(desc(sales.createdAt))
    .limit(1);
  return sale;
}

async function latestPaymentOf(q: Tx, saleId: string): Promise<PaymentRow | undefined> {
  const [payment] = await q
    .select()
    .from(payments)
    .where(eq(payments.saleId, saleId))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(1);
  return payment;
}

async function paymentOf(q: Tx, paymentId: string): Promise<PaymentRow | undefined> {
  const [payment] = await q.select().from(payments).where(eq(payments.id, paymentId)).limit(1);
  return payment;
}

async function view(q: Tx, sale: SaleRow): Promise<SaleView> {
  return {
    id: sale.id,
    tillId: sale.tillId,
    createdAt: new Date(sale.createdAt).toISOString(),
    amountCents: sale.amountCents,
    currency: 'EUR',
    status: sale.status,
    tender: sale.tender,
    wristbandId: sale.wristbandId,
    payment: paymentView(await latestPaymentOf(q, sale.id)),
    ...(await tenderOutcome(q, sale)),
    ...(await basketFields(q, sale)),
    tenders: await tendersOf(q, sale),
    dueCents: sale.status === 'paid' || sale.status === 'cancelled' ? 0 : await dueCentsOf(q, sale),
  };
}

function newPaymentValues(p: NewPayment): typeof payments.$inferInsert {
  return {
    id: p.id,
    saleId: p.saleId,
    profileId: p.profileId,
    posId: p.posId,
    status: 'CREATING',
    amountCents: p.amountCents,
    createdAt: p.at,
    updatedAt: p.at,
    ...actorColumns(p.actor ?? NO_ACTOR),
  };
}

function paymentView(row: PaymentRow | undefined): PaymentView | null {
  if (!row) return null;
  return {
    id: row.id,
    bancontactId: row.bancontactId,
    status: row.status as PaymentStatus,
    deeplink: row.deeplink,
    posId: row.posId,
    expiresAt: row.expiresAt === null ? null : new Date(row.expiresAt).toISOString(),
    problem: row.problemCode
      ? { code: row.problemCode as ErrorCode, message: row.problemMessage ?? '' }
      : null,
  };
}
