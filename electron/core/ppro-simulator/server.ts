import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createPproSimulator, type PproSimulator, type PproSimulatorOptions } from './simulator';

/** Port of the standalone PPRO simulator (`npm run ppro-simulator`), beside the Bancontact one's 7878. */
export const DEFAULT_PPRO_SIMULATOR_PORT = 7879;

export interface PproSimulatorServerOptions extends PproSimulatorOptions {
  /** 0 (the default here) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: a simulator must not face the network by accident. */
  host?: string;
}

export interface PproSimulatorServer {
  baseUrl: string;
  simulator: PproSimulator;
  close(): Promise<void>;
}

export async function startPproSimulatorServer(
  options: PproSimulatorServerOptions = {},
): Promise<PproSimulatorServer> {
  const { port = 0, host = '127.0.0.1', ...rest } = options;
  const simulator = createPproSimulator(rest);
  const server = createAdaptorServer({ fetch: simulator.app.fetch }) as Server;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  }).catch((error: unknown) => {
    simulator.close();
    throw error;
  });
  const hostText = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  const baseUrl = `http://${address.family === 'IPv6' && hostText !== '127.0.0.1' ? `[${hostText}]` : hostText}:${address.port}`;
  simulator.setBaseUrl(baseUrl);
  let closing: Promise<void> | undefined;
  return {
    baseUrl,
    simulator,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Held answers and hanging faults would otherwise keep close() open.
        server.closeAllConnections();
      }).finally(() => simulator.close());
      return closing;
    },
  };
}
