import type { MethodInput, MethodName, MethodOutput, Result, StationEvent } from '../../../shared/contract';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import type { Transport } from './transport';

/** The preload bridge wins when present; otherwise this page was served by the HTTP shell. */
export function chooseTransport(win: Window): Transport {
  if (win.kassa) return createIpcTransport(win.kassa);
  return createHttpTransport({ fetch: win.fetch.bind(win), EventSource: globalThis.EventSource });
}

let transport: Transport | null = null;

function current(): Transport {
  transport ??= chooseTransport(window);
  return transport;
}

/** Tests swap the transport; the app never does. */
export function setTransportForTests(next: Transport | null): void {
  transport = next;
}

export async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<Result<MethodOutput<M>>> {
  // The station validated the output against the same contract; the transport only checked the envelope.
  const result = (await current().call(method, input)) as Result<MethodOutput<M>>;
  if (!result.ok && result.error.code === 'NOT_SIGNED_IN') for (const listener of [...signedOut]) listener();
  if (!result.ok && result.error.code === 'DEVICE_REVOKED') for (const listener of [...deviceRevoked]) listener();
  return result;
}

const signedOut = new Set<() => void>();

/** Any call answered NOT_SIGNED_IN (the session ended or idled out): the sign-in gate comes back. */
export function onSignedOut(listener: () => void): () => void {
  signedOut.add(listener);
  return () => void signedOut.delete(listener);
}

const deviceRevoked = new Set<() => void>();

/** Any call answered DEVICE_REVOKED (revoked at the station, unlinked, unused 30 days): this device shows it is unlinked. */
export function onDeviceRevoked(listener: () => void): () => void {
  deviceRevoked.add(listener);
  return () => void deviceRevoked.delete(listener);
}

export function subscribe(listener: (event: StationEvent) => void): () => void {
  return current().subscribe(listener);
}

export function onReconnect(listener: () => void): () => void {
  return current().onReconnect(listener);
}
