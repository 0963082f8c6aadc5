import { wallClockNow } from '../clock';
import { signDetached } from '../jws/detached-signer';
import type { SimPayment } from '../types';
import { callbackBody, callbackTargets } from './callback-body';
import { runDuePass } from './delivery-attempts';
import type { Delivery } from './delivery-store';
import type { CallbackDeps, DispatchState } from './dispatch-state';
import { sendSyncCallback } from './sync-callback';

export type { CallbackDeps } from './dispatch-state';

/**
 * Sends the merchant callbacks. A status change queues one delivery per target URL with its body and
 * signature fixed, so every retry is byte-identical. Attempts are due by simulator time: the real-time
 * ticker, clock advances and new deliveries only trigger a pass over what is due.
 */
export interface CallbackDispatcher {
  onStatusChange(payment: SimPayment): void;
  /** Sync callback for an AUTHORIZED payment: true when the merchant answered 200. */
  sendSync(payment: SimPayment): Promise<boolean>;
  /** The delivery log, oldest first. */
  list(filter?: { paymentId?: string }): Delivery[];
  /** Attempts what is due now, without waiting for the attempts. */
  trigger(): void;
  /** Attempts what is due now and waits until queued and running deliveries have settled. */
  flush(): Promise<void>;
  close(): void;
}

// Enough for every delivery of a payment to take its turn; each pass settles at least one attempt.
const MAX_FLUSH_PASSES = 50;

async function queueDelivery(state: DispatchState, payment: SimPayment, url: string, issuedAt: number) {
  if (state.stop.signal.aborted) return;
  const decided = state.faults.callbackFaults(payment.profileId);
  const body = callbackBody(payment);
  const sub = payment.profileId;
  const signature = await signDetached(
    body,
    state.keys.active(),
    // Signed now, by the wall clock: queued and retried deliveries keep this iat (byte-identical).
    { path: url, sub, issuedAt: wallClockNow(state.clock) },
    decided.quirks,
  );
  if (state.stop.signal.aborted) return;
  const row = {
    ...{ paymentId: payment.paymentId, profileId: sub, status: payment.status, kind: 'async' as const },
    ...{
      url,
      body,
      signature: signature.value,
      jti: signature.jti,
      createdAt: issuedAt,
      nextAttemptAt: issuedAt,
    },
  };
  state.store.deliveries.insert({ ...row, state: decided.drop ? 'dropped' : 'pending' });
  if (decided.drop) return;
  for (let copy = 0; copy < decided.extraCopies; copy++)
    state.store.deliveries.insert({ ...row, state: 'pending' });
}

export function createCallbackDispatcher(deps: CallbackDeps): CallbackDispatcher {
  const state: DispatchState = {
    ...deps,
    stop: new AbortController(),
    inFlight: new Map(),
    trigger: () => {
      if (!state.stop.signal.aborted) setImmediate(() => void runDuePass(state));
    },
  };
  let queueing: Promise<void> = Promise.resolve();
  let queued = 0;

  function onStatusChange(payment: SimPayment): void {
    // With sync callbacks the AUTHORIZED callback is the synchronous question, sent by sendSync.
    if (payment.status === 'AUTHORIZED' && deps.profiles.byPpid(payment.profileId)?.syncCallbacks) return;
    const issuedAt = deps.clock.now();
    for (const url of callbackTargets(payment, deps.settings.get())) {
      queued++;
      // Chained so deliveries are stored in the order the statuses changed, although signing is async.
      queueing = queueing
        .then(() => queueDelivery(state, payment, url, issuedAt))
        .catch((error: unknown) => console.error('Simulator could not queue a callback:', error))
        .finally(() => {
          // Pass only once everything queued together is stored, so a reorder fault sees the whole batch.
          if (--queued === 0) state.trigger();
        });
    }
  }

  return {
    onStatusChange,
    sendSync: (payment) => sendSyncCallback(state, payment),
    list: (filter) => deps.store.deliveries.list(filter),
    trigger: state.trigger,
    async flush() {
      // A payment's later deliveries wait for its running ones, so one pass may not reach them all.
      for (let pass = 0; pass < MAX_FLUSH_PASSES && !state.stop.signal.aborted; pass++) {
        await queueing;
        await runDuePass(state);
        const due = deps.store.deliveries.listDue(deps.clock.now()).some((d) => d.kind === 'async');
        if (!due && state.inFlight.size === 0) return;
      }
    },
    close: () => state.stop.abort(),
  };
}
