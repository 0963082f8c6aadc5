import { fork } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { createSimulator, type SimulatorOptions } from '../../electron/core/simulator';
import { epochNow } from './stats';

/** One request that reached the simulator's merchant API: what the station spent of its rate limit. */
export interface ApiCall {
  /** epochNow() when the request reached the simulator. */
  at: number;
  kind: 'create' | 'get' | 'search' | 'cancel' | 'other';
  /** The payment profile, told apart by its (published training) API key: the limit is per profile. */
  profile: string;
}

/** What the simulator saw: merchant API calls, and when each payment became SUCCEEDED (epochNow()). */
export interface SimulatorRecord {
  calls: ApiCall[];
  succeededAt: Record<string, number>;
}

/**
 * The simulator on its own HTTP server, like `startSimulatorServer`, but with every merchant API
 * request (`/v3/…`) and every SUCCEEDED recorded. Counting at the receiving end sees what the station
 * sent, after its rate limiter, without a proxy adding a hop and its own delays.
 */
export async function startCountingSimulator(options: SimulatorOptions = {}) {
  const record: SimulatorRecord = { calls: [], succeededAt: {} };
  const simulator = createSimulator({
    ...options,
    onStatusChange: (payment) => {
      if (payment.status === 'SUCCEEDED') record.succeededAt[payment.paymentId] = epochNow();
    },
  });
  const fetch = (...args: Parameters<typeof simulator.app.fetch>) => {
    const { method, url, headers } = args[0];
    const { pathname } = new URL(url);
    const profile = headers.get('authorization') ?? 'none';
    if (pathname.startsWith('/v3/'))
      record.calls.push({ at: epochNow(), kind: kindOf(method, pathname), profile });
    return simulator.app.fetch(...args);
  };
  const server = createAdaptorServer({ fetch }) as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      // The station's keep-alive connections would otherwise hold close() open.
      server.closeAllConnections();
    }).finally(() => simulator.close());
  return { baseUrl: `http://127.0.0.1:${port}`, record, close };
}

function kindOf(method: string, pathname: string): ApiCall['kind'] {
  if (pathname.endsWith('/search')) return 'search';
  if (method === 'POST' && /^\/v3\/payments(\/pos)?$/.test(pathname)) return 'create';
  if (method === 'GET') return 'get';
  if (method === 'DELETE') return 'cancel';
  return 'other';
}

export interface CountingSimulatorProcess {
  baseUrl: string;
  /** Everything recorded so far. */
  record(): Promise<SimulatorRecord>;
  close(): Promise<void>;
}

/**
 * Runs the counting simulator in its own process, as Bancontact is its own machine. In the bench's
 * process, whose event loop is busy with 500 tills and an SSE stream, requests that reached the socket
 * 200 ms apart would be stamped together whenever the loop came free, and look like a burst.
 */
export function spawnCountingSimulator(): Promise<CountingSimulatorProcess> {
  const child = fork(join(__dirname, 'counting-simulator-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: { type: string; value: T }) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        resolve(message.value);
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`counting simulator exited with ${code}`)));
    });
  return next<string>('ready').then((baseUrl) => ({
    baseUrl,
    record: () => {
      const answer = next<SimulatorRecord>('record');
      child.send({ type: 'record' });
      return answer;
    },
    close: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'close' });
      await exited;
    },
  }));
}
