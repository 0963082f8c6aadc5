import { and, desc, eq, inArray, isNotNull, notInArray } from 'drizzle-orm';
import type { ErrorCode, PaymentView, SaleView, TimelineEntry } from '../../../shared/contract';
import type { PaymentStatus } from '../../../shared/domain/payment-status';
import type { Db } from '../db/open-database';
import { paymentEvents, payments, sales } from '../db/schema';

type SaleRow = typeof sales.$inferSelect;
type PaymentRow = typeof payments.$inferSelect;

const FINAL_STATUSES = [
  'SUCCEEDED',
  'AUTHORIZATION_FAILED',
  'FAILED',
  'CANCELLED',
  'EXPIRED',
  'VOIDED',
  'CREATE_FAILED',
];

/** Reads and writes of sales and their payments; no API calls here. */
export function createSalesRepo(db: Db) {
  const latestPayment = (saleId: string): PaymentRow | undefined =>
    db
      .select()
      .from(payments)
      .where(eq(payments.saleId, saleId))
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .get();

  const view = (sale: SaleRow): SaleView => ({
    id: sale.id,
    createdAt: new Date(sale.createdAt).toISOString(),
    amountCents: sale.amountCents,
    currency: 'EUR',
    status: sale.status,
    payment: paymentView(latestPayment(sale.id)),
  });

  return {
    saleView: (saleId: string): SaleView | null => {
      const sale = db.select().from(sales).where(eq(sales.id, saleId)).get();
      return sale ? view(sale) : null;
    },
    findByIdempotencyKey: (key: string): SaleRow | undefined =>
      db.select().from(sales).where(eq(sales.idempotencyKey, key)).get(),
    findOpenSale: (tillId: string): SaleRow | undefined =>
      db
        .select()
        .from(sales)
        .where(and(eq(sales.tillId, tillId), eq(sales.status, 'open')))
        .get(),
    latestSale: (tillId: string): SaleRow | undefined =>
      db.select().from(sales).where(eq(sales.tillId, tillId)).orderBy(desc(sales.createdAt)).get(),
    listSales: (limit: number): SaleView[] =>
      db.select().from(sales).orderBy(desc(sales.createdAt)).limit(limit).all().map(view),
    latestPayment,
    payment: (paymentId: string): PaymentRow | undefined =>
      db.select().from(payments).where(eq(payments.id, paymentId)).get(),
    /** Payments Bancontact knows of that have not reached a final status: what recovery resumes. */
    unfinishedPayments: (): PaymentRow[] =>
      db
        .select()
        .from(payments)
        .where(and(isNotNull(payments.bancontactId), notInArray(payments.status, FINAL_STATUSES)))
        .all(),
    /** Payments whose creation call was in flight when the station stopped. */
    paymentsBeingCreated: (): PaymentRow[] =>
      db
        .select()
        .from(payments)
        .where(inArray(payments.status, ['CREATING']))
        .all(),
    insertSaleWithPayment(
      sale: { id: string; tillId: string; amountCents: number; idempotencyKey: string; at: number },
      paymentRow: NewPayment,
    ): void {
      db.transaction((tx) => {
        tx.insert(sales)
          .values({
            id: sale.id,
            tillId: sale.tillId,
            amountCents: sale.amountCents,
            status: 'open',
            idempotencyKey: sale.idempotencyKey,
            createdAt: sale.at,
            updatedAt: sale.at,
          })
          .run();
        tx.insert(payments).values(newPaymentValues(paymentRow)).run();
      });
    },
    insertPayment(paymentRow: NewPayment): void {
      db.transaction((tx) => {
        tx.insert(payments).values(newPaymentValues(paymentRow)).run();
        tx.update(sales)
          .set({ status: 'open', updatedAt: paymentRow.at })
          .where(eq(sales.id, paymentRow.saleId))
          .run();
      });
    },
    setSaleStatus(saleId: string, status: SaleRow['status'], at: number): void {
      db.update(sales).set({ status, updatedAt: at }).where(eq(sales.id, saleId)).run();
    },
    timeline: (paymentId: string): TimelineEntry[] =>
      db
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
        })),
  };
}

export type SalesRepo = ReturnType<typeof createSalesRepo>;

export interface NewPayment {
  id: string;
  saleId: string;
  profileId: string;
  amountCents: number;
  at: number;
}

function newPaymentValues(p: NewPayment): typeof payments.$inferInsert {
  return {
    id: p.id,
    saleId: p.saleId,
    profileId: p.profileId,
    status: 'CREATING',
    amountCents: p.amountCents,
    createdAt: p.at,
    updatedAt: p.at,
  };
}

function paymentView(row: PaymentRow | undefined): PaymentView | null {
  if (!row) return null;
  return {
    id: row.id,
    bancontactId: row.bancontactId,
    status: row.status as PaymentStatus,
    deeplink: row.deeplink,
    expiresAt: row.expiresAt === null ? null : new Date(row.expiresAt).toISOString(),
    problem: row.problemCode
      ? { code: row.problemCode as ErrorCode, message: row.problemMessage ?? '' }
      : null,
  };
}
