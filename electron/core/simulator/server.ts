import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { jwksHostApp } from './public-routes';
import { createSimulator, type Simulator, type SimulatorOptions } from './simulator';

/** Port of the standalone simulator (`npm run simulator`), fixed so the station can find it without asking. */
export const DEFAULT_SIMULATOR_PORT = 7878;

export interface SimulatorServerOptions extends SimulatorOptions {
  /** 0 (the default here) picks a free port; the CLI defaults to DEFAULT_SIMULATOR_PORT instead. */
  port?: number;
  /** Default 127.0.0.1: the simulator holds published keys and must not face the network by accident. */
  host?: string;
  /**
   * Also serve the JWKS at the root of a host of its own, as `https://jwks.bancontact.net/` is (0 picks a
   * free port); `jwksUrl` then points there. Unset: the JWKS is only served at `${baseUrl}/jwks/`.
   */
  jwksPort?: number;
  /** A test's look at every request as it arrives (e.g. which station polled when); not for the CLI. */
  onRequest?: (request: Request) => void;
}

export interface SimulatorServer {
  /** e.g. `http://127.0.0.1:54321`, without a trailing slash. */
  baseUrl: string;
  /** The callback-signing JWKS: `${baseUrl}/jwks/`, or the root of its own host when `jwksPort` is set. */
  jwksUrl: string;
  simulator: Simulator;
  /** Stops accepting requests, drops open connections, then closes the store. */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function urlHost(address: AddressInfo): string {
  // A wildcard bind is reachable on loopback; IPv6 literals need brackets in a URL.
  if (address.address === '0.0.0.0' || address.address === '::') return '127.0.0.1';
  return address.family === 'IPv6' ? `[${address.address}]` : address.address;
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive clients (fetch, the station) would otherwise hold close() open for seconds.
    server.closeAllConnections();
  });
}

/** Listens with `app` or, when that fails, closes what was started and rethrows. */
async function listenOrClose(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  port: number,
  host: string,
  cleanup: () => Promise<void>,
): Promise<{ server: Server; url: string }> {
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  try {
    const address = await listen(server, port, host);
    return { server, url: `http://${urlHost(address)}:${address.port}` };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export async function startSimulatorServer(options: SimulatorServerOptions = {}): Promise<SimulatorServer> {
  const { port = 0, host = '127.0.0.1', jwksPort, onRequest, ...simulatorOptions } = options;
  const simulator = createSimulator(simulatorOptions);
  const closeSimulator = () => Promise.resolve(simulator.close());
  const app = onRequest
    ? { fetch: (request: Request) => (onRequest(request), simulator.app.fetch(request)) }
    : simulator.app;
  const api = await listenOrClose(app, port, host, closeSimulator);
  const jwksHost =
    jwksPort === undefined
      ? undefined
      : await listenOrClose(jwksHostApp(simulator.keys), jwksPort, host, () =>
          stop(api.server).finally(closeSimulator),
        );
  let closing: Promise<void> | undefined;
  return {
    baseUrl: api.url,
    jwksUrl: jwksHost === undefined ? `${api.url}/jwks/` : `${jwksHost.url}/`,
    simulator,
    close() {
      // Dropping the connections also aborts requests held by the hang fault.
      const servers = [api.server, ...(jwksHost === undefined ? [] : [jwksHost.server])];
      closing ??= Promise.all(servers.map(stop))
        .then(() => undefined)
        .finally(() => simulator.close());
      return closing;
    },
  };
}
