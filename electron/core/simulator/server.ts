import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createSimulator, type Simulator, type SimulatorOptions } from './simulator';

/** Port of the standalone simulator (`npm run simulator`), fixed so the station can find it without asking. */
export const DEFAULT_SIMULATOR_PORT = 7878;

export interface SimulatorServerOptions extends SimulatorOptions {
  /** 0 (the default here) picks a free port; the CLI defaults to DEFAULT_SIMULATOR_PORT instead. */
  port?: number;
  /** Default 127.0.0.1: the simulator holds published keys and must not face the network by accident. */
  host?: string;
}

export interface SimulatorServer {
  /** e.g. `http://127.0.0.1:54321`, without a trailing slash. */
  baseUrl: string;
  /** The callback-signing JWKS, served at the root of its own base URL (`${baseUrl}/jwks/`). */
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

export async function startSimulatorServer(options: SimulatorServerOptions = {}): Promise<SimulatorServer> {
  const { port = 0, host = '127.0.0.1', ...simulatorOptions } = options;
  const simulator = createSimulator(simulatorOptions);
  const server = createAdaptorServer({ fetch: simulator.app.fetch }) as Server;
  let address: AddressInfo;
  try {
    address = await listen(server, port, host);
  } catch (error) {
    simulator.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  const baseUrl = `http://${urlHost(address)}:${address.port}`;
  return {
    baseUrl,
    jwksUrl: `${baseUrl}/jwks/`,
    simulator,
    close() {
      // Dropping the connections also aborts requests held by the hang fault.
      closing ??= stop(server).finally(() => simulator.close());
      return closing;
    },
  };
}
