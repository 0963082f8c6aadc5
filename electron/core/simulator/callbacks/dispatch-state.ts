import type { SimClock } from '../clock';
import type { FaultEngine } from '../faults/fault-engine';
import type { SigningKeys } from '../jws/signing-keys';
import type { ProfileRegistry } from '../profiles';
import type { SettingsHolder } from '../settings';
import type { SimStore } from '../store';
import type { Delivery } from './delivery-store';
import { postCallback, type PostOutcome } from './http-post';

export interface CallbackDeps {
  store: SimStore;
  clock: SimClock;
  keys: SigningKeys;
  settings: SettingsHolder;
  faults: FaultEngine;
  profiles: ProfileRegistry;
}

/** What the dispatcher's parts share: its dependencies and the work under way. */
export interface DispatchState extends CallbackDeps {
  stop: AbortController;
  /** The running delivery chain per payment id. */
  inFlight: Map<string, Promise<void>>;
  /** Attempts what is due, soon (a pass is never run inside the call that asks for it). */
  trigger(): void;
}

export function postDelivery(state: DispatchState, d: Delivery, timeoutMs: number): Promise<PostOutcome> {
  const userAgent = state.settings.get().callbackUserAgent;
  return postCallback(
    { url: d.url, body: d.body, signature: d.signature, userAgent },
    timeoutMs,
    state.stop.signal,
  );
}
