import type { SimClock } from './clock';
import type { PaymentService } from './payments';
import type { ProfileRegistry } from './profiles';
import type { SimPayment } from './types';

const DEFAULT_VOID_TIMEOUT_SECONDS = 60;

export interface SettlementDeps {
  payments: PaymentService;
  profiles: ProfileRegistry;
  clock: SimClock;
  /** Asks the merchant (sync callbacks); true when it accepted. */
  askMerchant(payment: SimPayment): Promise<boolean>;
}

/**
 * The payer confirms: IDENTIFIED → AUTHORIZED, then what the profile says. Plain profiles succeed at once;
 * VOID-mode profiles wait for the merchant's acknowledge; sync-callback profiles succeed or fail on the
 * merchant's answer, and the payer's confirm waits for that answer.
 */
export async function confirmPayment(deps: SettlementDeps, paymentId: string): Promise<SimPayment> {
  const authorized = deps.payments.authorize(paymentId);
  const profile = deps.profiles.byPpid(authorized.profileId);
  if (profile?.voidMode) {
    const timeout = (profile.voidTimeoutSeconds ?? DEFAULT_VOID_TIMEOUT_SECONDS) * 1000;
    return deps.payments.awaitAcknowledgement(authorized, deps.clock.now() + timeout);
  }
  if (!profile?.syncCallbacks) return deps.payments.succeed(authorized);
  const accepted = await deps.askMerchant(authorized);
  const current = deps.payments.get(paymentId);
  if (current.status !== 'AUTHORIZED') return current;
  return accepted ? deps.payments.succeed(current) : deps.payments.fail(current);
}
