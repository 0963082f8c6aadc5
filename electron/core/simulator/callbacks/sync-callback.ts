import { wallClockNow } from '../clock';
import { signDetached } from '../jws/detached-signer';
import type { SimPayment } from '../types';
import { callbackBody } from './callback-body';
import type { DispatchState } from './dispatch-state';
import { postDelivery } from './dispatch-state';
import { describeOutcome } from './http-post';

/**
 * The sync callback of a profile with `syncCallbacks`: the AUTHORIZED callback is sent while the payer
 * waits; a 200 accepts the payment, anything else or no answer within the timeout counts as a refusal,
 * and after `syncCallbackAttempts` refusals the payment fails. Every attempt is byte-identical.
 */
export async function sendSyncCallback(state: DispatchState, payment: SimPayment): Promise<boolean> {
  const url = payment.callbackUrl;
  // Nobody to ask means nobody accepts: the payment fails, as with a merchant that never answers.
  if (url === undefined) return false;
  const s = state.settings.get();
  const now = state.clock.now();
  const body = callbackBody(payment);
  const { quirks } = state.faults.callbackFaults(payment.profileId);
  const claims = { path: url, sub: payment.profileId, issuedAt: wallClockNow(state.clock) };
  const signature = await signDetached(body, state.keys.active(), claims, quirks);
  const d = state.store.deliveries.insert({
    paymentId: payment.paymentId,
    profileId: payment.profileId,
    status: payment.status,
    kind: 'sync',
    url,
    body,
    signature: signature.value,
    jti: signature.jti,
    state: 'pending',
    createdAt: now,
    nextAttemptAt: now,
  });
  for (let attemptNo = 1; attemptNo <= s.syncCallbackAttempts; attemptNo++) {
    const outcome = await postDelivery(state, d, s.syncCallbackTimeoutMs);
    if (state.stop.signal.aborted) return false;
    const accepted = 'status' in outcome && outcome.status === 200;
    const final = accepted ? 'delivered' : attemptNo === s.syncCallbackAttempts ? 'rejected' : 'pending';
    const result = describeOutcome(outcome);
    state.store.deliveries.recordAttempt(d.deliveryId, {
      state: final,
      nextAttemptAt: state.clock.now(),
      result,
    });
    if (accepted) return true;
  }
  return false;
}
