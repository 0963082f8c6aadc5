import { eq } from 'drizzle-orm';
import type { AttentionReason } from '../../../shared/contract';
import type { Db, Tx } from '../db/open-database';
import { topupAttention, wristbandEntries } from '../db/schema';
import { book, findWristband, type WristbandRow } from './wristband-book';
import { normalizeWristbandId } from '../../../shared/domain/wristband-id';

/** A top-up payment as Bancontact reports it, by callback or in a search result. */
export interface TopupPayment {
  paymentId: string;
  status: string;
  amount: number;
  reference?: string;
  debtor?: { name?: string };
}

export type CreditOutcome =
  | { kind: 'credited'; wristband: WristbandRow }
  | { kind: 'attention'; reason: AttentionReason }
  /** Not SUCCEEDED, or this payment was booked (or listed) before. */
  | { kind: 'ignored' };

export interface LedgerDeps {
  db: Db;
  now: () => number;
  /** Runs after the credit is committed. */
  onWristbandChanged: (wristband: WristbandRow) => void;
}

/**
 * Turns SUCCEEDED top-up payments into wristband credits, exactly once per Bancontact paymentId:
 * the entry (UNIQUE on that id) and the balance are written in one transaction, so a payment seen
 * by callback and by sweep, in any order and any number of times, is credited once. What cannot be
 * credited goes to the needs-attention list, never nowhere.
 */
export class TopupLedger {
  constructor(private readonly deps: LedgerDeps) {}

  async credit(profileId: string, payment: TopupPayment): Promise<CreditOutcome> {
    const outcome = await this.deps.db.write((tx) => this.creditInTx(tx, profileId, payment));
    this.announce(outcome);
    return outcome;
  }

  /** For callers that record more in the same transaction; they call `announce` after the commit. */
  async creditInTx(tx: Tx, profileId: string, payment: TopupPayment): Promise<CreditOutcome> {
    if (payment.status !== 'SUCCEEDED' || (await alreadyBooked(tx, payment.paymentId)))
      return { kind: 'ignored' };
    const at = this.deps.now();
    const id = normalizeWristbandId(payment.reference ?? '');
    const band = id ? await findWristband(tx, id) : undefined;
    const reason = attentionReason(id, band);
    if (reason) {
      await tx.insert(topupAttention).values({
        bancontactId: payment.paymentId,
        profileId,
        reference: payment.reference ?? null,
        amountCents: payment.amount,
        reason,
        receivedAt: at,
      });
      return { kind: 'attention', reason };
    }
    const credited = await book(tx, band!.id, {
      kind: 'topup',
      amountCents: payment.amount,
      bancontactId: payment.paymentId,
      payerName: payment.debtor?.name ?? null,
      profileId,
      at,
    });
    return credited ? { kind: 'credited', wristband: credited } : { kind: 'ignored' };
  }

  announce(outcome: CreditOutcome): void {
    if (outcome.kind === 'credited') this.deps.onWristbandChanged(outcome.wristband);
  }
}

async function alreadyBooked(tx: Tx, paymentId: string): Promise<boolean> {
  const [entry] = await tx
    .select({ id: wristbandEntries.id })
    .from(wristbandEntries)
    .where(eq(wristbandEntries.bancontactId, paymentId))
    .limit(1);
  if (entry) return true;
  const [listed] = await tx
    .select({ id: topupAttention.bancontactId })
    .from(topupAttention)
    .where(eq(topupAttention.bancontactId, paymentId))
    .limit(1);
  return listed !== undefined;
}

/**
 * A blocked wristband is one reported lost: money paid onto it waits for the manager (who may credit
 * it to the replacement) instead of landing where nobody can spend it. A closed wristband was
 * refunded in a refund file: a top-up that arrives later (a festival-goer paying after the end, a
 * late callback) is credited to it and refunded in the next file, so the debt it creates shows in
 * the liability instead of waiting in the list unseen.
 */
function attentionReason(id: string | null, band: WristbandRow | undefined): AttentionReason | null {
  if (!id) return 'malformed_reference';
  if (!band) return 'unknown_reference';
  if (band.status === 'blocked') return 'wristband_blocked';
  return null;
}
