import { eq } from 'drizzle-orm';
import type { GetPaymentResponse } from '../bancontact/types';
import type { Db, Tx } from '../db/open-database';
import { paymentEvents, payments, sales, topupAttention, wristbandEntries } from '../db/schema';
import { recordPayment } from '../ledger/bookkeeper';
import { issueSaleReceipt } from '../receipts/receipt-numbers';
import type { CreditOutcome, TopupLedger } from '../topup/ledger';
import { insertRecovered, isRecovered, type RecoveredRow, type RestoreRow } from './restore-record';

/** Recovered sales carry this till id, so the reports show plainly where they came from. */
export const RECOVERED_TILL_ID = 'recovered';

export interface RecoverDeps {
  db: Db;
  now: () => number;
  newId: () => string;
  /** The mode's own Bancontact profile: the one its till sales are paid through. */
  profileId: string;
  ledger: TopupLedger;
}

/** When Bancontact says the payment succeeded; its creation time when the answer does not say. */
export function succeededAt(payment: GetPaymentResponse): number {
  const at = Date.parse(payment.succeededAt ?? payment.createdAt);
  return Number.isNaN(at) ? 0 : at;
}

/**
 * A SUCCEEDED till payment the book does not know (no payment row with its Bancontact id) becomes a
 * paid Bancontact sale. Its payment reaches SUCCEEDED now, through the payment rows and the same
 * reporting hook as any sale (recordPayment), so it lands on the first open business day and X and Z
 * count it. Sale, payment, event, totals, receipt number and the recovered row are one unit of work.
 */
export async function recoverSale(
  deps: RecoverDeps,
  restore: RestoreRow,
  payment: GetPaymentResponse,
): Promise<RecoveredRow | null> {
  if (payment.status !== 'SUCCEEDED') return null;
  return deps.db.write(async (tx) => {
    if ((await isRecovered(tx, payment.paymentId)) || (await knownPayment(tx, payment.paymentId)))
      return null;
    const at = deps.now();
    const createdAt = Date.parse(payment.createdAt) || at;
    const saleId = deps.newId();
    const paymentId = deps.newId();
    await tx.insert(sales).values({
      ...{ id: saleId, tillId: RECOVERED_TILL_ID, amountCents: payment.amount },
      ...{ idempotencyKey: `recovered-${payment.paymentId}`, status: 'paid', tender: 'bancontact' },
      completedBy: `p:${paymentId}`, // its one payment counts it (sales/sale-tenders.ts completionMark)
      ...{ createdAt, updatedAt: at },
    });
    await tx.insert(payments).values({
      ...{ id: paymentId, saleId, bancontactId: payment.paymentId, profileId: deps.profileId },
      ...{ status: 'SUCCEEDED', amountCents: payment.amount, createdAt, updatedAt: at },
    });
    await tx
      .insert(paymentEvents)
      .values({ paymentId, at, fromStatus: null, toStatus: 'SUCCEEDED', source: 'recovery' });
    await recordPayment(tx, paymentId);
    // A recovered sale is a finished sale: it takes the next number of the 'recovered' till, as any other.
    await issueSaleReceipt(tx, { saleId, at });
    const row = recoveredRow(restore, payment, 'sale', at, { saleId, wristbandId: null });
    await insertRecovered(tx, row);
    return row;
  });
}

/**
 * A SUCCEEDED top-up that succeeded before the restore and that the restored book had not booked goes
 * to its wristband through the ledger (or to needs-attention, as any top-up for an unknown wristband).
 * The top-up profiles' own sweeps may have credited it since the restore; it is then listed as
 * recovered with the credit they made, and never credited twice (the ledger is unique per payment).
 */
export async function recoverTopup(
  deps: RecoverDeps,
  restore: RestoreRow,
  profileId: string,
  payment: GetPaymentResponse,
): Promise<{ row: RecoveredRow; outcome: CreditOutcome } | null> {
  if (payment.status !== 'SUCCEEDED' || succeededAt(payment) >= restore.restoredAt) return null;
  return deps.db.write(async (tx) => {
    if (await isRecovered(tx, payment.paymentId)) return null;
    const booked = await bookedSince(tx, payment.paymentId, restore.restoredAt);
    if (booked === 'before') return null;
    const at = deps.now();
    if (booked) {
      const row = recoveredRow(restore, payment, 'topup', at, {
        saleId: null,
        wristbandId: booked.wristbandId,
      });
      await insertRecovered(tx, row);
      return { row, outcome: { kind: 'ignored' } as CreditOutcome };
    }
    const outcome = await deps.ledger.creditInTx(tx, profileId, payment);
    if (outcome.kind === 'ignored') return null;
    const wristbandId = outcome.kind === 'credited' ? outcome.wristband.id : null;
    const row = recoveredRow(restore, payment, 'topup', at, { saleId: null, wristbandId });
    await insertRecovered(tx, row);
    return { row, outcome };
  });
}

async function knownPayment(tx: Tx, bancontactId: string): Promise<boolean> {
  const [row] = await tx.select().from(payments).where(eq(payments.bancontactId, bancontactId)).limit(1);
  return row !== undefined;
}

/**
 * 'before': the restored book already had this top-up. A credit or attention row written at or after the
 * restore was written by a sweep or callback since then: the book had lost it.
 */
async function bookedSince(
  tx: Tx,
  bancontactId: string,
  restoredAt: number,
): Promise<'before' | { wristbandId: string | null } | null> {
  const [entry] = await tx
    .select()
    .from(wristbandEntries)
    .where(eq(wristbandEntries.bancontactId, bancontactId))
    .limit(1);
  if (entry) return entry.at < restoredAt ? 'before' : { wristbandId: entry.wristbandId };
  const [attention] = await tx
    .select()
    .from(topupAttention)
    .where(eq(topupAttention.bancontactId, bancontactId))
    .limit(1);
  if (attention) return attention.receivedAt < restoredAt ? 'before' : { wristbandId: null };
  return null;
}

function recoveredRow(
  restore: RestoreRow,
  payment: GetPaymentResponse,
  kind: 'sale' | 'topup',
  at: number,
  links: { saleId: string | null; wristbandId: string | null },
): RecoveredRow {
  return {
    bancontactId: payment.paymentId,
    restoreId: restore.id,
    kind,
    amountCents: payment.amount,
    succeededAt: succeededAt(payment),
    ...links,
    recoveredAt: at,
  };
}
