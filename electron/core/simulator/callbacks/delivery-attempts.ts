import type { DispatchState } from './dispatch-state';
import { postDelivery } from './dispatch-state';
import type { Delivery } from './delivery-store';
import { describeOutcome, isRetryable } from './http-post';

/** One attempt of an async delivery, and what comes next: done, final refusal, or a retry by simulator time. */
async function attempt(state: DispatchState, d: Delivery): Promise<void> {
  const outcome = await postDelivery(state, d, state.settings.get().callbackTimeoutMs);
  if (state.stop.signal.aborted) return;
  const now = state.clock.now();
  const s = state.settings.get();
  const result = describeOutcome(outcome);
  const record = state.store.deliveries.recordAttempt;
  if ('status' in outcome && outcome.status === 200) {
    record(d.deliveryId, { state: 'delivered', nextAttemptAt: now, result });
  } else if (!isRetryable(outcome, s.callbackRetryOn)) {
    record(d.deliveryId, { state: 'rejected', nextAttemptAt: now, result });
  } else {
    const delays = s.callbackRetryDelaysMs;
    const next = now + (delays[Math.min(d.attempts, delays.length - 1)] ?? 0);
    // The window counts from the first attempt; a retry that would fall outside it is not made.
    record(d.deliveryId, {
      state: next > d.createdAt + s.callbackRetryWindowMs ? 'expired' : 'pending',
      nextAttemptAt: next,
      result,
    });
  }
}

function dueGroups(state: DispatchState): Map<string, Delivery[]> {
  const groups = new Map<string, Delivery[]>();
  for (const d of state.store.deliveries.listDue(state.clock.now())) {
    if (d.kind !== 'async' || state.inFlight.has(d.paymentId)) continue;
    groups.set(d.paymentId, [...(groups.get(d.paymentId) ?? []), d]);
  }
  return groups;
}

/**
 * Attempts every due delivery. One payment's deliveries go one after the other (the reorder fault flips
 * their order); payments run side by side, so a merchant that never answers one payment does not hold
 * up the others. Resolves when the attempts it started (and those already running) have settled.
 */
export function runDuePass(state: DispatchState): Promise<void> {
  if (state.stop.signal.aborted) return Promise.resolve();
  for (const [paymentId, group] of dueGroups(state)) {
    const first = group[0];
    const reversed = first !== undefined && group.length > 1 && state.faults.reorder(first.profileId);
    const ordered = reversed ? [...group].reverse() : group;
    const run = (async () => {
      for (const d of ordered) await attempt(state, d);
    })()
      // Another pass picks up what became due meanwhile; not after a failure, which would only repeat it.
      .then(() => state.trigger())
      .catch((error: unknown) => console.error('Simulator callback attempt failed:', error))
      .finally(() => state.inFlight.delete(paymentId));
    state.inFlight.set(paymentId, run);
  }
  return Promise.all(state.inFlight.values()).then(() => undefined);
}
