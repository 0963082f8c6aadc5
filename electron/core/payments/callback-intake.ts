import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { BANCONTACT_STATUSES } from '../../../shared/domain/payment-status';
import { createCallbackVerifier, type CallbackVerification } from '../bancontact/callback-verifier';
import type { Db } from '../db/open-database';
import { changedRows } from '../db/raw';
import { guardFor, type StorageGuard } from '../db/storage-errors';
import { callbackReceipts, payments } from '../db/schema';
import type { Logger } from '../logging/logger';
import { recordRejection } from './rejected-callbacks';
import { applyStatusIn } from './transition';

export interface CallbackVerifierLike {
  verify(rawBody: string, signatureHeader: string | undefined): Promise<CallbackVerification>;
}

export interface CallbackIntakeDeps {
  db: Db;
  profileId: string;
  verifier: CallbackVerifierLike;
  now: () => number;
  logger: Logger;
  onSaleChanged: (saleId: string) => void;
  /** Tells a full disk from other failures (the station's, shared); one of its own otherwise. */
  storage?: StorageGuard;
}

/** 503: Bancontact retries the same signed callback later, by when it can be saved. */
export const DISK_FULL_ANSWER: CallbackAnswer = { status: 503, body: { ok: false, reason: 'DISK_FULL' } };

export interface CallbackAnswer {
  status: 200 | 400 | 401 | 404 | 503;
  body: { ok: boolean; reason?: string };
}

// Only what the state machine needs is required; Bancontact may send more.
const callbackBody = z.looseObject({
  paymentId: z.string().length(24),
  status: z.enum(BANCONTACT_STATUSES),
});

export const REJECTION_STATUS: Record<string, CallbackAnswer['status']> = {
  // Our own trouble fetching keys: 503 makes Bancontact retry later instead of giving up.
  JWKS_UNAVAILABLE: 503,
  // A key published moments ago may not be fetched yet (the refetch has a cooldown): let Bancontact retry.
  UNKNOWN_KEY: 503,
  MALFORMED_BODY: 400,
};

/**
 * Bancontact's signed callbacks for one payment profile. A callback is applied only after its
 * signature verifies, at most once per jti, and answered 200 only once the change is committed.
 */
export class CallbackIntake {
  private readonly storage: StorageGuard;

  constructor(private readonly deps: CallbackIntakeDeps) {
    this.storage = deps.storage ?? guardFor(deps.db, deps.logger);
  }

  async receive(rawBody: string, signature: string | undefined): Promise<CallbackAnswer> {
    try {
      return await this.verifyAndApply(rawBody, signature);
    } catch (error) {
      if (this.storage.absorbs(error, `saving a callback for profile ${this.deps.profileId}`))
        return DISK_FULL_ANSWER;
      throw error;
    }
  }

  private async verifyAndApply(rawBody: string, signature: string | undefined): Promise<CallbackAnswer> {
    const verification = await this.deps.verifier.verify(rawBody, signature);
    if (!verification.ok) return await this.reject(verification.reason, verification.detail, rawBody);
    const parsed = callbackBody.safeParse(verification.callback.body);
    if (!parsed.success)
      return await this.reject('MALFORMED_BODY', 'the body is not a payment callback', rawBody);
    const saleId = await this.apply(verification.callback.jti, parsed.data, rawBody);
    if (saleId) this.deps.onSaleChanged(saleId);
    return { status: 200, body: { ok: true } };
  }

  /** Records the receipt and the new status in one unit of work; returns the sale that changed, if any. */
  private apply(jti: string, body: z.infer<typeof callbackBody>, rawBody: string): Promise<string | null> {
    const { db, now, profileId } = this.deps;
    return db.write(async (tx) => {
      const [payment] = await tx
        .select()
        .from(payments)
        .where(eq(payments.bancontactId, body.paymentId))
        .limit(1);
      const inserted = await tx
        .insert(callbackReceipts)
        .values({
          jti,
          receivedAt: now(),
          profileId,
          bancontactId: body.paymentId,
          status: body.status,
          body: rawBody,
          matched: payment !== undefined,
        })
        .onConflictDoNothing();
      if (changedRows(inserted) === 0 || !payment) return null;
      const result = await applyStatusIn(tx, {
        paymentId: payment.id,
        status: body.status,
        source: 'callback',
        at: now(),
      });
      return result.changed ? result.saleId : null;
    });
  }

  private async reject(reason: string, detail: string, rawBody: string): Promise<CallbackAnswer> {
    const { db, now, profileId, logger } = this.deps;
    await recordRejection(db, logger, { profileId, reason, detail, rawBody, at: now(), kind: 'callback' });
    return { status: REJECTION_STATUS[reason] ?? 401, body: { ok: false, reason } };
  }
}

/** The intake of one profile's callbacks, verified for its PPID and its callback URL. */
export function profileIntake(
  deps: Omit<CallbackIntakeDeps, 'profileId' | 'verifier'> & { jwksUrl: string },
  profileId: string,
  callbackUrl: string,
): CallbackIntake {
  const { jwksUrl, ...rest } = deps;
  const verifier = createCallbackVerifier({ jwksUrl, ppid: profileId, callbackUrl });
  return new CallbackIntake({ ...rest, profileId, verifier });
}
