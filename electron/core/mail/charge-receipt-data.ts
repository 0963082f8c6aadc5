import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { SalesSetupView } from '../../../shared/contract/report-views';
import { LOCALES, type Locale } from '../../../shared/domain/money';
import { formatBelgianVatNumber } from '../../../shared/domain/vat-number';
import { dueAtOfCharge } from '../../../shared/domain/plan-schedule';
import type { Db } from '../db/open-database';
import { agreementCharges, agreements } from '../db/schema';
import { setupIn } from '../ledger/attribution';
import type { ChargeReceiptData } from './charge-receipt';
import type { MerchantContact } from './mail-settings';

export type ChargeRow = typeof agreementCharges.$inferSelect;
export type AgreementRow = typeof agreements.$inferSelect;

/** A captured charge whose receipt the mail server has not taken yet, with its agreement. */
export interface UnmailedCharge {
  charge: ChargeRow;
  agreement: AgreementRow;
}

/**
 * Oldest capture first (the partial index agreement_charges_mail holds exactly these rows). `toSend`:
 * only those with an address, least tried first, so receipts that cannot go (no address, a recipient
 * the server refuses) never keep a new charge's receipt out of the batch.
 */
export function unmailedCharges(db: Db, limit = 100, toSend = false): Promise<UnmailedCharge[]> {
  const waiting = and(eq(agreementCharges.status, 'captured'), isNull(agreementCharges.receiptMailedAt));
  return db.read((q) =>
    q
      .select({ charge: agreementCharges, agreement: agreements })
      .from(agreementCharges)
      .innerJoin(agreements, eq(agreements.id, agreementCharges.agreementId))
      .where(toSend ? and(waiting, isNotNull(agreements.consumerEmail)) : waiting)
      .orderBy(
        ...(toSend ? [asc(agreementCharges.receiptMailAttempts)] : []),
        asc(agreementCharges.capturedAt),
        asc(agreementCharges.id),
      )
      .limit(limit),
  );
}

export function readSetup(db: Db): Promise<SalesSetupView> {
  return db.read((q) => setupIn(q));
}

export function consumerLocale(agreement: AgreementRow): Locale {
  return (LOCALES as readonly string[]).includes(agreement.consumerLocale)
    ? (agreement.consumerLocale as Locale)
    : 'nl';
}

/** What the receipt of one charge says, from the charge, its agreement as sold, the shop and the contact. */
export function chargeReceiptData(
  { charge, agreement }: UnmailedCharge,
  setup: SalesSetupView,
  contact: MerchantContact,
): ChargeReceiptData {
  return {
    merchant: merchantOf(setup, agreement.shopId),
    contact,
    consumerName: agreement.consumerName,
    chargedAt: charge.capturedAt ?? charge.dueAt,
    amountCents: charge.amountCents,
    vatRate: agreement.kind === 'plan' ? agreement.vatRate : null,
    description: agreement.description,
    chargeNumber: charge.period + 1,
    plan:
      agreement.kind === 'auto_topup'
        ? {
            kind: 'auto_topup',
            wristbandId: agreement.wristbandId ?? '',
            thresholdCents: agreement.thresholdCents ?? 0,
          }
        : { kind: 'plan', period: agreement.period ?? 'month', chargeCount: agreement.chargeCount },
    pproChargeId: charge.pproChargeId,
    agreementRef: agreement.id,
    nextChargeAt: nextChargeAfter(charge, agreement),
  };
}

/** The charge after this one, counted from the anchor: none after a plan's last or once not active. */
function nextChargeAfter(charge: ChargeRow, agreement: AgreementRow): number | null {
  if (agreement.kind !== 'plan' || agreement.status !== 'active') return null;
  if (agreement.anchorAt === null || agreement.period === null) return null;
  const next = charge.period + 1;
  if (agreement.chargeCount !== null && next >= agreement.chargeCount) return null;
  return dueAtOfCharge(agreement.anchorAt, agreement.period, next);
}

/** The business that charges (its legal name and VAT number), at the shop that sold the agreement. */
function merchantOf(setup: SalesSetupView, shopId: string): ChargeReceiptData['merchant'] {
  const loose = setup as unknown as {
    business?: Partial<ChargeReceiptData['merchant']>;
    shops: Array<Partial<ChargeReceiptData['merchant']> & { id: string }>;
  };
  const business = loose.business ?? {};
  const shop = loose.shops.find((s) => s.id === shopId) ?? loose.shops[0] ?? { id: shopId };
  const names = [business.name, shop.name].filter((n): n is string => Boolean(n));
  return {
    name: [...new Set(names)].join(' — '),
    address: shop.address || business.address || '',
    vatNumber: formatBelgianVatNumber(business.vatNumber || shop.vatNumber || ''),
  };
}
