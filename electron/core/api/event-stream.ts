import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { StationEvent } from '../../../shared/contract';
import { allows } from '../../../shared/domain/roles';
import type { Caller } from './dispatcher';
import { credentialsOf, type CookieRules } from './session-cookies';
import type { StationPort } from './station-port';

/**
 * `GET /api/events`: only with a session. The stream ends as soon as that session or its device loses
 * access (signed out, switched, blocked, revoked, unlinked, idle): the station says when access
 * changed, and the stream asks again, with the credentials it was opened with, whether they still work.
 */
export async function streamEvents(
  c: Context,
  station: StationPort,
  rules: CookieRules,
  heartbeatMs: number,
): Promise<Response> {
  // Following the station is not activity: an open stream must not keep a session from idling out.
  const credentials = { ...credentialsOf(c, rules), passive: true };
  const stillAllowed = async (): Promise<Caller | null> => {
    const caller = await station.access.callerFor(credentials);
    return allows(caller.rights, 'signedIn') ? caller : null;
  };
  const caller = await stillAllowed();
  if (!caller) {
    return c.json(
      { ok: false, error: { code: 'NOT_SIGNED_IN', message: 'Sign in to follow the station' } },
      401,
    );
  }
  return streamSSE(c, async (stream) => {
    const close = (): void => void stream.close();
    const unsubscribe = station.events.subscribe((event) => {
      if (concerns(caller, event)) void stream.writeSSE({ data: JSON.stringify(event) });
    });
    const stopWatching = station.access.onChanged(() => closeUnlessAllowed(stillAllowed, close));
    // Events may have been missed (event-bus.ts `resync`): ending the stream is what every client already
    // handles, reopening it and fetching again what it shows (renderer/src/api/http-transport.ts).
    const stopResync = station.events.onResync(close);
    const stop = (): void => {
      unsubscribe();
      stopWatching();
      stopResync();
    };
    stream.onAbort(stop);
    // `retry`: a stream the station ended is reopened within a second, not the browser's default three.
    await stream.writeSSE({ event: 'ready', data: '{}', retry: RETRY_MS });
    while (!stream.aborted && !stream.closed) {
      await stream.sleep(heartbeatMs);
      // An idle session ends without anyone acting: the heartbeat looks again.
      if (!(await stillAllowed())) break;
      // A comment line keeps proxies and idle timers from closing a quiet stream.
      await stream.write(': heartbeat\n\n');
    }
    stop();
  });
}

const RETRY_MS = 1_000;

/** Looks again when access changed; a check that fails (the station database closing) closes too. */
function closeUnlessAllowed(stillAllowed: () => Promise<Caller | null>, close: () => void): void {
  void stillAllowed().then(
    (allowed) => {
      if (!allowed) close();
    },
    () => close(),
  );
}

/** A device bound to a till hears about that till's sales only; the station's own window hears everything. */
function concerns(caller: Caller, event: StationEvent): boolean {
  const tillId = caller.device?.tillId;
  if (!tillId || event.name !== 'payments.changed') return true;
  return event.payload.sale.tillId === tillId;
}
