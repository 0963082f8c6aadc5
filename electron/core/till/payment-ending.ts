import type { PaymentStatus } from '../../../shared/domain/payment-status';
import type { BancontactClient } from '../bancontact/client';
import { toContractFailure } from '../bancontact/contract-errors';
import { BancontactError } from '../bancontact/errors';
import type { Db } from '../db/open-database';
import { applyStatus, recordProblem } from '../payments/transition';

/** How a payment attempt the till no longer waits for ends: given up before or after Bancontact has it. */
interface EndingDeps {
  db: Db;
  client: BancontactClient;
  now: () => number;
}

/**
 * A payment left CREATING with no creation under way: Bancontact's answer could not be recorded (a full
 * disk). Its QR was never shown, so nobody can pay it; it is closed as failed, as at start-up.
 */
export async function abandonCreation(deps: EndingDeps, paymentId: string): Promise<void> {
  const { db, now } = deps;
  await applyStatus(db, { paymentId, status: 'CREATE_FAILED', source: 'recovery', at: now() });
  const message = "Bancontact's answer could not be recorded; no QR was shown";
  await recordProblem(db, paymentId, { code: 'DISK_FULL', message }, now());
}

/** DELETE, and when Bancontact says it is too late, take the status it has: it may just have been paid. */
export async function cancelAtBancontact(
  deps: EndingDeps,
  paymentId: string,
  bancontactId: string,
): Promise<void> {
  const { db, client, now } = deps;
  try {
    await client.cancelPayment(bancontactId);
    await applyStatus(db, { paymentId, status: 'CANCELLED', source: 'cancel', at: now() });
  } catch (error) {
    if (!(error instanceof BancontactError && error.status === 422)) {
      const failure = toContractFailure(error);
      await recordProblem(db, paymentId, { code: failure.code, message: failure.message }, now());
      throw failure;
    }
    const remote = await client.getPayment(bancontactId).catch((e: unknown) => {
      throw toContractFailure(e);
    });
    await applyStatus(db, { paymentId, status: remote.status as PaymentStatus, source: 'poll', at: now() });
  }
}
