import { createServer } from 'node:net';
import { measureSucceededToEvent } from './payment-latency';
import { ms, verdict } from './stats';

const TARGET_P95_MS = 100;

/**
 * With a public URL, the simulator posts signed callbacks to the station. Polling and sweeps are
 * slowed right down (a poll a minute, a sweep an hour) so that the figure is the callback path alone.
 */
export async function benchCallbackLatency(count = 50): Promise<void> {
  // The public URL must be known before the station starts, so its port is chosen up front.
  const port = await freePort();
  const s = await measureSucceededToEvent({
    count,
    // The station listens on plain http on loopback, which real Bancontact would refuse.
    simulator: { allowHttpCallbacks: true },
    station: {
      port,
      publicUrl: `http://127.0.0.1:${port}`,
      pollIntervalMs: 60_000,
      sweepIntervalMs: 3_600_000,
    },
    // No poll cycle to land in: when the customer confirms does not matter, so do not wait.
    confirmSpreadMs: 0,
  });
  console.log(
    `[1] with callbacks (poll every 60 s), ${count} payments: SUCCEEDED → UI event median ${ms(s.median)}, p95 ${ms(s.p95)} (min ${ms(s.min)}, max ${ms(s.max)}; learnt by ${s.sources}) — target p95 ≤ ${TARGET_P95_MS} ms: ${verdict(s.p95 <= TARGET_P95_MS)}`,
  );
}

/** A free loopback port: asked of the OS, then released for the station to take. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}
