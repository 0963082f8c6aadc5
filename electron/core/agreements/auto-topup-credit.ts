import { eq } from 'drizzle-orm';
import type { Tx } from '../db/open-database';
import { wristbandEntries } from '../db/schema';
import { upsertBooking } from '../ledger/bookkeeper';
import { currentBusinessDay } from '../ledger/business-calendar';
import { book, type WristbandRow } from '../topup/wristband-book';
import { chargeSource, type AgreementRow } from './charge-booking';

/*
 * A captured charge of an automatic top-up is money on the wristband (docs/agreements.md, "Automatic
 * top-ups"): a wristband entry of kind `topup` whose payment id is PPRO's charge id (unique, so one
 * charge credits once however often its answer is stored), written in the unit of work that stores the
 * charge. The entry is not booked as a transaction of its own (ledger/raw-bookings.ts leaves out
 * entries of a charge): the first charge is the till's sale, a later one is booked here as a top-up of
 * method `agreement_topup` (wristband money, like `topup`: without VAT, not a sale).
 */

export interface CapturedTopup {
  chargeId: string;
  pproChargeId: string;
  amountCents: number;
  at: number;
}

/** Credits the wristband; null when the agreement is no automatic top-up or the charge credited before. */
export async function creditAutoTopup(
  tx: Tx,
  agreement: AgreementRow,
  charge: CapturedTopup,
): Promise<WristbandRow | null> {
  if (agreement.kind !== 'auto_topup' || !agreement.wristbandId) return null;
  const [entry] = await tx
    .select({ id: wristbandEntries.id })
    .from(wristbandEntries)
    .where(eq(wristbandEntries.bancontactId, charge.pproChargeId))
    .limit(1);
  if (entry) return null;
  // A closed or blocked wristband is credited too: the money was taken, and a refund file pays it back.
  return book(tx, agreement.wristbandId, {
    ...{ kind: 'topup', amountCents: charge.amountCents, bancontactId: charge.pproChargeId },
    at: charge.at,
  });
}

/** A later top-up charge in the transactions: method `agreement_topup`, no VAT, not a sale. */
export async function bookTopupCharge(tx: Tx, agreement: AgreementRow, charge: CapturedTopup): Promise<void> {
  const { at, amountCents } = charge;
  await upsertBooking(tx, {
    ...{ source: chargeSource(charge.chargeId), method: 'agreement_topup', status: 'succeeded' },
    ...{ paymentStatus: null, businessDay: await currentBusinessDay(tx, at), createdAt: at, bookedAt: at },
    ...{ amountCents, roundingCents: 0, shopId: agreement.shopId, tillId: agreement.tillId },
    ...{ cashierId: agreement.cashierId, vatRate: null, profileId: '', saleId: null, paymentId: null },
    ...{ bancontactId: null, wristbandId: agreement.wristbandId, counts: 0, vat: [] },
  });
}
