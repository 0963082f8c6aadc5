import { asc, eq, inArray, max } from 'drizzle-orm';
import { priceBasket } from '../../../shared/domain/basket';
import { newId } from '../db/ids';
import type { Tx } from '../db/open-database';
import { agreements, receipts, sales, transactions } from '../db/schema';
import type { Booking } from '../ledger/booking';
import { bookingOf, upsertBooking } from '../ledger/bookkeeper';
import { storedVatParts } from '../ledger/transaction-vat';
import { currentBusinessDay } from '../ledger/business-calendar';
import type { SaleBasket } from '../sales/basket-pricing';
import { writeBasket } from '../sales/sale-basket-store';

/*
 * A captured charge in the books: a paid sale of the agreement's till with one line (what was sold, the
 * amount, its VAT rate), a receipt number, and a transaction of method `agreement`, so the transaction
 * list, the X and Z and the exports count it like any sale. Written in the unit of work that stores
 * PPRO's answer, so a charge is never captured without its sale, nor booked twice.
 */

export type AgreementRow = typeof agreements.$inferSelect;

export interface CapturedCharge {
  chargeId: string;
  /** PPRO's idempotency key of the charge: the sale's key too, so one charge is one sale. */
  idempotencyKey: string;
  amountCents: number;
  /** The station's clock: the books' day and hour. */
  at: number;
}

/** The transaction source of a charge's sale (`transactions.source`). */
export const chargeSource = (chargeId: string): string => `a:${chargeId}`;

/** A refund of a charge: counted as a refund (ledger/booking.ts reads the `r:` prefix). */
export const chargeRefundSource = (chargeId: string, refundId: string): string =>
  `r:a:${chargeId}:${refundId}`;

export async function bookCapturedCharge(
  tx: Tx,
  agreement: AgreementRow,
  charge: CapturedCharge,
): Promise<string> {
  const [existing] = await tx
    .select({ id: sales.id })
    .from(sales)
    .where(eq(sales.idempotencyKey, saleKey(charge)))
    .limit(1);
  if (existing) return existing.id;
  const basket = chargeBasket(agreement, charge.amountCents);
  const saleId = newId();
  const { at } = charge;
  await tx.insert(sales).values({
    ...{
      id: saleId,
      tillId: agreement.tillId,
      amountCents: charge.amountCents,
      idempotencyKey: saleKey(charge),
    },
    // Paid by Bancontact (recurring): the sale's tender; its transaction's method says `agreement`.
    ...{ status: 'paid', tender: 'bancontact', completedBy: chargeSource(charge.chargeId) },
    ...{ shopId: agreement.shopId, cashierId: agreement.cashierId, vatRate: basket.mainRate },
    ...{ createdAt: at, updatedAt: at },
  });
  await writeBasket(tx, saleId, basket);
  await issueReceiptNumber(tx, agreement.tillId, saleId, at);
  await upsertBooking(tx, {
    ...(await chargeBooking(tx, agreement, charge, basket)),
    saleId,
  });
  return saleId;
}

/** The money given back on a charge, negative, at the agreement's till and rate, counted as a refund. */
export async function bookChargeRefund(
  tx: Tx,
  agreement: AgreementRow,
  refund: { chargeId: string; refundId: string; amountCents: number; saleId: string | null; at: number },
): Promise<void> {
  const basket = chargeBasket(agreement, refund.amountCents);
  const vat = basket.priced.byRate.map((r) => ({
    vatRate: r.ratePercent,
    grossCents: -r.grossCents,
    vatCents: -r.vatCents,
  }));
  await upsertBooking(tx, {
    ...(await chargeBooking(tx, agreement, { ...refund, amountCents: -refund.amountCents }, basket)),
    source: chargeRefundSource(refund.chargeId, refund.refundId),
    vat,
    saleId: refund.saleId,
  });
}

/** The sale of a charge, found by its key (null when the charge was never booked). */
export async function chargeSaleId(tx: Tx, idempotencyKey: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: sales.id })
    .from(sales)
    .where(eq(sales.idempotencyKey, saleKey({ idempotencyKey })))
    .limit(1);
  return row?.id ?? null;
}

const saleKey = (charge: { idempotencyKey: string }): string => `agreement-charge:${charge.idempotencyKey}`;

function chargeBasket(agreement: AgreementRow, amountCents: number): SaleBasket {
  const vatRate = agreement.vatRate ?? 0;
  const line = {
    ...{ articleId: agreement.articleId, name: agreement.description, quantity: 1 },
    ...{ unitPriceCents: amountCents, vatRate, discount: null, note: null },
  };
  const priced = priceBasket([line], null);
  return { lines: [line], discount: null, note: null, priced, mainRate: vatRate };
}

async function chargeBooking(
  tx: Tx,
  agreement: AgreementRow,
  charge: { chargeId: string; amountCents: number; at: number },
  basket: SaleBasket,
): Promise<Booking> {
  const { at, amountCents } = charge;
  return {
    ...{
      source: chargeSource(charge.chargeId),
      method: 'agreement',
      status: 'succeeded',
      paymentStatus: null,
    },
    ...{ businessDay: await currentBusinessDay(tx, at), createdAt: at, bookedAt: at, amountCents },
    ...{ roundingCents: 0, shopId: agreement.shopId, tillId: agreement.tillId },
    ...{ cashierId: agreement.cashierId, vatRate: basket.mainRate, profileId: '' },
    ...{ saleId: null, paymentId: null, bancontactId: null, wristbandId: null, counts: 1 },
    vat: basket.priced.byRate.map((r) => ({
      vatRate: r.ratePercent,
      grossCents: r.grossCents,
      vatCents: r.vatCents,
    })),
  };
}

/**
 * The sale's receipt number at its till. No print job: the consumer is not at the till, the receipt
 * is e-mailed (the mail outbox), and a reprint stays possible from the sale.
 */
async function issueReceiptNumber(tx: Tx, tillId: string, saleId: string, at: number): Promise<void> {
  const [last] = await tx
    .select({ number: max(receipts.number) })
    .from(receipts)
    .where(eq(receipts.tillId, tillId));
  const number = (last?.number ?? 0) + 1;
  await tx.insert(receipts).values({ id: newId(), tillId, number, kind: 'sale', saleId, createdAt: at });
}

/**
 * The charges' bookings as stored, for a rebuild of the totals: a charge has no raw row of the kinds a
 * rebuild reads (payments, cash, wristband entries), and its booking was written once, when PPRO
 * answered, from the agreement as sold. Automatic top-ups' charges (method `agreement_topup`) too.
 */
export async function storedChargeBookings(tx: Tx): Promise<Booking[]> {
  const rows = await tx
    .select()
    .from(transactions)
    .where(inArray(transactions.method, ['agreement', 'agreement_topup']))
    .orderBy(asc(transactions.seq));
  const bookings: Booking[] = [];
  for (const row of rows) bookings.push(bookingOf(row, await storedVatParts(tx, row.source)));
  return bookings;
}
