import { and, desc, eq, inArray, isNotNull, notInArray } from 'drizzle-orm';
import type { ErrorCode, PaymentView, SaleView, TimelineEntry } from '../../../shared/contract';
import type { PaymentStatus } from '../../../shared/domain/payment-status';
import type { Db } from '../db/open-database';
import { paymentEvents, payments, sales } from '../db/schema';
import { actorColumns, NO_ACTOR, type Actor } from '../ledger/actor';
import { attributionFor, setupIn } from '../ledger/attribution';
import { recordPayment } from '../ledger/bookkeeper';
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

  saleView(saleId: string): SaleView | null {
    const sale = this.db.select().from(sales).where(eq(sales.id, saleId)).get();
    return sale ? this.view(sale) : null;
  }

  findByIdempotencyKey(key: string): SaleRow | undefined {
    return this.db.select().from(sales).where(eq(sales.idempotencyKey, key)).get();
  }

  findOpenSale(tillId: string): SaleRow | undefined {
    return this.db
      .select()
      .from(sales)
      .where(and(eq(sales.tillId, tillId), eq(sales.status, 'open')))
      .get();
  }

  /** Any till's open sale: modes and till setups change only when none is left. */
  findAnyOpenSale(): SaleRow | undefined {
    return this.db.select().from(sales).where(eq(sales.status, 'open')).get();
  }

  /** True when this is the latest payment of its till's latest sale: what that till's screen shows. */
  isOnScreen(paymentId: string): boolean {
    const payment = this.payment(paymentId);
    const sale = payment ? this.db.select().from(sales).where(eq(sales.id, payment.saleId)).get() : undefined;
    if (!payment || !sale) return false;
    return this.latestSale(sale.tillId)?.id === sale.id && this.latestPayment(sale.id)?.id === paymentId;
  }

  latestSale(tillId: string): SaleRow | undefined {
    return this.db.select().from(sales).where(eq(sales.tillId, tillId)).orderBy(desc(sales.createdAt)).get();
  }

  listSales(limit: number): SaleView[] {
    return this.db
      .select()
      .from(sales)
      .orderBy(desc(sales.createdAt))
      .limit(limit)
      .all()
      .map((sale) => this.view(sale));
  }

  latestPayment(saleId: string): PaymentRow | undefined {
    return this.db
      .select()
      .from(payments)
      .where(eq(payments.saleId, saleId))
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .get();
  }

  payment(paymentId: string): PaymentRow | undefined {
    return this.db.select().from(payments).where(eq(payments.id, paymentId)).get();
  }

  /** Payments Bancontact knows of that have not reached a final status: what recovery resumes. */
  unfinishedPayments(): PaymentRow[] {
    return this.db
      .select()
      .from(payments)
      .where(and(isNotNull(payments.bancontactId), notInArray(payments.status, FINAL_STATUSES)))
      .all();
  }

  /** Payments whose creation call was in flight when the station stopped. */
  paymentsBeingCreated(): PaymentRow[] {
    return this.db
      .select()
      .from(payments)
      .where(inArray(payments.status, ['CREATING']))
      .all();
  }

  insertSaleWithPayment(sale: NewSale, payment: NewPayment): void {
    this.db.transaction((tx) => {
      tx.insert(sales)
        .values({
          id: sale.id,
          tillId: sale.tillId,
          amountCents: sale.amountCents,
          idempotencyKey: sale.idempotencyKey,
          status: 'open',
          createdAt: sale.at,
          updatedAt: sale.at,
          // Attributed as it is written, so the cashier is the person at the till (see attributeSale).
          ...attributionFor(setupIn(tx), sale.tillId, sale.actor ?? NO_ACTOR),
          deviceId: sale.actor?.deviceId ?? null,
        })
        .run();
      tx.insert(payments).values(newPaymentValues(payment)).run();
      recordPayment(tx, payment.id);
    });
  }

  insertPayment(payment: NewPayment): void {
    this.db.transaction((tx) => {
      tx.insert(payments).values(newPaymentValues(payment)).run();
      tx.update(sales)
        .set({ status: 'open', updatedAt: payment.at })
        .where(eq(sales.id, payment.saleId))
        .run();
      recordPayment(tx, payment.id);
    });
  }

  /** The cashier no longer wants this payment: it must not be acknowledged, and it closes the sale if it ends. */
  giveUpPayment(paymentId: string, at: number): void {
    this.db.update(payments).set({ wanted: false, updatedAt: at }).where(eq(payments.id, paymentId)).run();
  }

  setSaleStatus(saleId: string, status: SaleRow['status'], at: number): void {
    this.db.update(sales).set({ status, updatedAt: at }).where(eq(sales.id, saleId)).run();
  }

  timeline(paymentId: string): TimelineEntry[] {
    return this.db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.paymentId, paymentId))
      .orderBy(paymentEvents.id)
      .all()
      .map((e) => ({
        at: new Date(e.at).toISOString(),
        from: e.fromStatus as PaymentStatus | null,
        to: e.toStatus as PaymentStatus,
        source: e.source,
      }));
  }

  private view(sale: SaleRow): SaleView {
    return {
      id: sale.id,
      tillId: sale.tillId,
      createdAt: new Date(sale.createdAt).toISOString(),
      amountCents: sale.amountCents,
      currency: 'EUR',
      status: sale.status,
      tender: sale.tender,
      wristbandId: sale.wristbandId,
      payment: paymentView(this.latestPayment(sale.id)),
      ...tenderOutcome(this.db, sale),
    };
  }
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
