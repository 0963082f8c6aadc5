import { z } from 'zod';
import { BANCONTACT_STATUSES } from '../../../shared/domain/payment-status';
import type { Db } from '../db/open-database';
import { guardFor, type StorageGuard } from '../db/storage-errors';
import { callbackReceipts } from '../db/schema';
import type { Logger } from '../logging/logger';
import {
  DISK_FULL_ANSWER,
  REJECTION_STATUS,
  type CallbackAnswer,
  type CallbackVerifierLike,
} from '../payments/callback-intake';
import { recordRejection } from '../payments/rejected-callbacks';
import type { CreditOutcome, TopupLedger } from './ledger';

export interface TopupCallbackIntakeDeps {
  db: Db;
  profileId: string;
  verifier: CallbackVerifierLike;
  ledger: TopupLedger;
  now: () => number;
  logger: Logger;
  /** Tells a full disk from other failures (the station's, shared); one of its own otherwise. */
  storage?: StorageGuard;
}

// A top-up callback must say how much was paid and for which wristband (R); the rest may vary.
const topupCallbackBody = z.looseObject({
  paymentId: z.string().length(24),
  status: z.enum(BANCONTACT_STATUSES),
  amount: z.number().int().positive(),
  reference: z.string().optional(),
  debtor: z.looseObject({ name: z.string().optional() }).optional(),
});

/**
 * Signed callbacks for one top-up profile. Only a verified callback is applied; the receipt (kept
 * once per jti) and the credit are one transaction, answered 200 only after it is committed.
 */
export class TopupCallbackIntake {
  private readonly storage: StorageGuard;

  constructor(private readonly deps: TopupCallbackIntakeDeps) {
    this.storage = deps.storage ?? guardFor(deps.db, deps.logger);
  }

  /** A full disk is answered 503, so Bancontact brings the top-up again once it can be saved. */
  async receive(rawBody: string, signature: string | undefined): Promise<CallbackAnswer> {
    try {
      return await this.verifyAndApply(rawBody, signature);
    } catch (error) {
      if (this.storage.absorbs(error, `saving a top-up callback for profile ${this.deps.profileId}`))
        return DISK_FULL_ANSWER;
      throw error;
    }
  }

  private async verifyAndApply(rawBody: string, signature: string | undefined): Promise<CallbackAnswer> {
    const verification = await this.deps.verifier.verify(rawBody, signature);
    if (!verification.ok) return this.reject(verification.reason, verification.detail, rawBody);
    const parsed = topupCallbackBody.safeParse(verification.callback.body);
    if (!parsed.success)
      return this.reject('MALFORMED_BODY', 'the body is not a top-up payment callback', rawBody);
    const outcome = await this.apply(verification.callback.jti, parsed.data, rawBody);
    this.deps.ledger.announce(outcome);
    return { status: 200, body: { ok: true } };
  }

  private apply(
    jti: string,
    body: z.infer<typeof topupCallbackBody>,
    rawBody: string,
  ): Promise<CreditOutcome> {
    const { db, now, profileId, ledger } = this.deps;
    return db.write(async (tx) => {
      const outcome = await ledger.creditInTx(tx, profileId, body);
      await tx
        .insert(callbackReceipts)
        .values({
          jti,
          receivedAt: now(),
          profileId,
          bancontactId: body.paymentId,
          status: body.status,
          body: rawBody,
          matched: outcome.kind === 'credited',
        })
        .onConflictDoNothing();
      return outcome;
    });
  }

  private async reject(reason: string, detail: string, rawBody: string): Promise<CallbackAnswer> {
    const { db, now, profileId, logger } = this.deps;
    await recordRejection(db, logger, {
      profileId,
      reason,
      detail,
      rawBody,
      at: now(),
      kind: 'top-up callback',
    });
    return { status: REJECTION_STATUS[reason] ?? 401, body: { ok: false, reason } };
  }
}
