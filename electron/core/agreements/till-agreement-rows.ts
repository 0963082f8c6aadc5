import { and, desc, eq } from 'drizzle-orm';
import type { AgreementTillView } from '../../../shared/contract/agreement-methods';
import type { Locale } from '../../../shared/domain/money';
import { chargeIdempotencyKey, type RecurringPlan } from '../../../shared/domain/recurring-plans';
import type { Tx } from '../db/open-database';
import { agreementCharges, agreements, sales } from '../db/schema';
import type { Actor } from '../ledger/actor';
import { attributionFor, setupIn } from '../ledger/attribution';
import { upsertBooking } from '../ledger/bookkeeper';
import { currentBusinessDay } from '../ledger/business-calendar';
import { vatParts } from '../ledger/vat-parts';
import { issueSaleReceipt } from '../receipts/receipt-numbers';
import type { SaleBasket } from '../sales/basket-pricing';
import { writeBasket } from '../sales/sale-basket-store';
import { creditAutoTopup } from './auto-topup-credit';

/*
 * The books' side of an agreement sold at a till (docs/agreements.md): the sale, the agreement and its
 * first charge are written in one unit of work before PPRO is asked; PPRO's answers move them on.
 */

export type AgreementRow = typeof agreements.$inferSelect;

export interface NewTillAgreement {
  ids: { agreement: string; sale: string; charge: string };
  tillId: string;
  idempotencyKey: string;
  actor: Actor;
  article: { id: string; name: string; priceCents: number; vatRate: number };
  plan: RecurringPlan;
  basket: SaleBasket;
  consumer: { name: string; email: string; locale: Locale };
  termsVersion: string;
  wristbandId: string | null;
  at: number;
}

/** The agreement a till's key already made, if any: a retried sale finds it instead of a second one. */
export async function agreementByKey(q: Tx, idempotencyKey: string): Promise<AgreementRow | undefined> {
  const [row] = await q
    .select()
    .from(agreements)
    .where(eq(agreements.idempotencyKey, idempotencyKey))
    .limit(1);
  return row;
}

export async function agreementById(q: Tx, id: string): Promise<AgreementRow | undefined> {
  const [row] = await q.select().from(agreements).where(eq(agreements.id, id)).limit(1);
  return row;
}

export async function agreementByPproId(q: Tx, pproId: string): Promise<AgreementRow | undefined> {
  const [row] = await q.select().from(agreements).where(eq(agreements.pproId, pproId)).limit(1);
  return row;
}

/** The till's latest agreement, for the customer display. */
export async function latestOfTill(q: Tx, tillId: string): Promise<AgreementRow | undefined> {
  const [row] = await q
    .select()
    .from(agreements)
    .where(eq(agreements.tillId, tillId))
    .orderBy(desc(agreements.createdAt))
    .limit(1);
  return row;
}

export async function hasOpenSale(q: Tx, tillId: string): Promise<boolean> {
  const [open] = await q
    .select({ id: sales.id })
    .from(sales)
    .where(and(eq(sales.tillId, tillId), eq(sales.status, 'open')))
    .limit(1);
  return open !== undefined;
}

export async function pendingAgreements(q: Tx): Promise<AgreementRow[]> {
  return q.select().from(agreements).where(eq(agreements.status, 'pending'));
}

export async function insertTillAgreement(tx: Tx, n: NewTillAgreement): Promise<void> {
  const { ids, at, article, plan } = n;
  const first = article.priceCents;
  const attribution = attributionFor(await setupIn(tx), n.tillId, n.actor);
  await tx.insert(sales).values({
    ...{ id: ids.sale, tillId: n.tillId, amountCents: first, idempotencyKey: n.idempotencyKey },
    ...{ status: 'open', createdAt: at, updatedAt: at, ...attribution, vatRate: n.basket.mainRate },
    deviceId: n.actor.deviceId ?? null,
  });
  await writeBasket(tx, ids.sale, n.basket);
  await tx.insert(agreements).values({
    ...{
      id: ids.agreement,
      kind: plan.kind,
      status: 'pending',
      shopId: attribution.shopId,
      tillId: n.tillId,
    },
    ...{
      cashierId: attribution.cashierId,
      saleId: ids.sale,
      articleId: article.id,
      description: article.name,
    },
    amountCents: plan.kind === 'plan' ? first : plan.topupCents,
    vatRate: plan.kind === 'plan' ? article.vatRate : null,
    period: plan.kind === 'plan' ? plan.period : null,
    chargeCount: plan.kind === 'plan' ? plan.chargeCount : null,
    wristbandId: n.wristbandId,
    thresholdCents: plan.kind === 'auto_topup' ? plan.thresholdCents : null,
    ...{ consumerName: n.consumer.name, consumerEmail: n.consumer.email, consumerLocale: n.consumer.locale },
    ...{ termsVersion: n.termsVersion, termsAcceptedAt: at, idempotencyKey: n.idempotencyKey },
    ...{ createdAt: at, updatedAt: at },
  });
  // Sent from the start: PPRO is asked right after this commits, with the agreement's own key.
  await tx.insert(agreementCharges).values({
    ...{ id: ids.charge, agreementId: ids.agreement, period: 0, status: 'sent', amountCents: first },
    ...{ idempotencyKey: chargeIdempotencyKey(ids.agreement, 0), dueAt: at, attempts: 1 },
    ...{ createdAt: at, updatedAt: at },
  });
}

/** PPRO made the agreement: its ids. */
export async function recordCreated(
  tx: Tx,
  agreementId: string,
  created: { pproId: string; pproStatus: string; pproChargeId: string; at: number },
): Promise<void> {
  await tx
    .update(agreements)
    .set({ pproId: created.pproId, pproStatus: created.pproStatus, updatedAt: created.at })
    .where(eq(agreements.id, agreementId));
  await tx
    .update(agreementCharges)
    .set({ pproChargeId: created.pproChargeId, updatedAt: created.at })
    .where(and(eq(agreementCharges.agreementId, agreementId), eq(agreementCharges.period, 0)));
}

export interface FirstCapture {
  /** The station's clock: the books' day and hour. */
  at: number;
  /** PPRO's time of the capture: a plan's periods count from it. */
  anchorAt: number;
  nextChargeAt: number | null;
}

/**
 * PPRO says ACTIVE and the first charge CAPTURED: the agreement is active, its first charge captured,
 * its sale paid with its receipt (printed like any sale's), and the charge booked as method `agreement`
 * (an automatic top-up's as `agreement_topup`: wristband money, not turnover).
 * False when it was no longer pending (another poll or webhook got there first).
 */
export async function completeFirstCharge(tx: Tx, agreementId: string, c: FirstCapture): Promise<boolean> {
  const agreement = await agreementById(tx, agreementId);
  if (agreement?.status !== 'pending') return false;
  const { at } = c;
  await tx
    .update(agreements)
    .set({
      status: 'active',
      pproStatus: 'ACTIVE',
      anchorAt: c.anchorAt,
      nextChargeAt: c.nextChargeAt,
      updatedAt: at,
    })
    .where(eq(agreements.id, agreementId));
  const charge = await firstCharge(tx, agreementId);
  await tx
    .update(agreementCharges)
    .set({ status: 'captured', capturedAt: at, updatedAt: at })
    .where(eq(agreementCharges.id, charge.id));
  if (agreement.saleId) await payTheSale(tx, agreement, charge, at);
  // An automatic top-up's first charge is also the wristband's first top-up (auto-topup-credit.ts).
  const { id: chargeId, pproChargeId, amountCents } = charge;
  if (pproChargeId) await creditAutoTopup(tx, agreement, { chargeId, pproChargeId, amountCents, at });
  return true;
}

/** The agreement's first charge (period 0), paid at the till. */
export async function firstCharge(tx: Tx, agreementId: string) {
  const [charge] = await tx
    .select()
    .from(agreementCharges)
    .where(and(eq(agreementCharges.agreementId, agreementId), eq(agreementCharges.period, 0)))
    .limit(1);
  if (!charge) throw new Error(`agreement ${agreementId} has no first charge`);
  return charge;
}

/** The transaction source of a charge (`a:<charge id>`, as agreements/charge-booking.ts books later ones). */
const chargeSource = (chargeId: string): string => `a:${chargeId}`;

async function payTheSale(
  tx: Tx,
  agreement: { saleId: string | null; kind: string; wristbandId: string | null },
  charge: { id: string; amountCents: number },
  at: number,
) {
  const saleId = agreement.saleId;
  const [sale] = saleId ? await tx.select().from(sales).where(eq(sales.id, saleId)).limit(1) : [];
  if (!sale) return;
  // A sale given up meanwhile stays given up; the money taken is still booked (and can be refunded).
  const completes = sale.status === 'open';
  if (completes) {
    await tx
      .update(sales)
      .set({ status: 'paid', tender: 'bancontact', completedBy: chargeSource(charge.id), updatedAt: at })
      .where(eq(sales.id, sale.id));
    await issueSaleReceipt(tx, { saleId: sale.id, at, cash: false });
  }
  const amountCents = charge.amountCents;
  // An automatic top-up's first charge is money paid onto the wristband (docs/agreements.md): booked like
  // a top-up, without VAT and not as turnover, or the bar's debits from it would count the money twice.
  const topup = agreement.kind === 'auto_topup';
  await upsertBooking(tx, {
    ...{ source: chargeSource(charge.id), status: 'succeeded', paymentStatus: null },
    ...{ businessDay: await currentBusinessDay(tx, at), createdAt: at, bookedAt: at, amountCents },
    ...{ roundingCents: 0, shopId: sale.shopId ?? '', tillId: sale.tillId, cashierId: sale.cashierId ?? '' },
    ...{ profileId: '', saleId: sale.id, paymentId: null, bancontactId: null },
    ...(topup
      ? { method: 'agreement_topup', vatRate: null, wristbandId: agreement.wristbandId, counts: 0, vat: [] }
      : {
          ...{ method: 'agreement', vatRate: sale.vatRate, wristbandId: null, counts: completes ? 1 : 0 },
          vat: vatParts(null, sale.vatRate, amountCents),
        }),
  });
}

/**
 * Failed (the consumer refused: the sale is unpaid) or revoked while pending (the cashier gave up: the
 * sale is cancelled). Nothing was taken either way.
 */
export async function endPending(
  tx: Tx,
  agreementId: string,
  end: { status: 'failed' | 'revoked'; pproStatus: string; at: number; error?: string },
): Promise<boolean> {
  const agreement = await agreementById(tx, agreementId);
  if (agreement?.status !== 'pending') return false;
  const { at } = end;
  await tx
    .update(agreements)
    .set({
      ...{ status: end.status, pproStatus: end.pproStatus, updatedAt: at },
      ...(end.status === 'revoked' && { revokedAt: at, revokedBy: 'merchant' as const }),
    })
    .where(eq(agreements.id, agreementId));
  await tx
    .update(agreementCharges)
    .set({ status: 'failed', lastError: end.error ?? end.pproStatus, updatedAt: at })
    .where(and(eq(agreementCharges.agreementId, agreementId), eq(agreementCharges.period, 0)));
  if (agreement.saleId)
    await tx
      .update(sales)
      .set({ status: end.status === 'failed' ? 'unpaid' : 'cancelled', updatedAt: at })
      .where(and(eq(sales.id, agreement.saleId), eq(sales.status, 'open')));
  return true;
}

/** The till's view; the QR's content comes from PPRO (it is not kept in the books). */
export async function tillView(
  tx: Tx,
  row: AgreementRow,
  codePayload: string | null,
  failure: AgreementTillView['failure'],
): Promise<AgreementTillView> {
  const [sale] = row.saleId
    ? await tx.select({ status: sales.status }).from(sales).where(eq(sales.id, row.saleId)).limit(1)
    : [];
  const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
  return {
    ...{ id: row.id, tillId: row.tillId, saleId: row.saleId, kind: row.kind, status: row.status },
    pproId: row.pproId,
    saleStatus: (sale?.status as AgreementTillView['saleStatus']) ?? null,
    ...{ description: row.description, amountCents: (await firstCharge(tx, row.id)).amountCents },
    ...{ consumerName: row.consumerName, consumerLocale: row.consumerLocale as Locale },
    codePayload: row.status === 'pending' ? codePayload : null,
    ...{ anchorAt: iso(row.anchorAt), nextChargeAt: iso(row.nextChargeAt), failure },
  };
}
