import { createServer as createNetServer } from 'node:net';
import { ContractFailure } from '../../../shared/contract';
import { startDeviceListener, type DeviceListener, type DeviceListenerOptions } from '../api/device-listener';
import type { Logger } from '../logging/logger';
import {
  ensureSiteCertificate,
  ensureStationCertificate,
  type StationCertificate,
} from '../tls/station-certificate';
import type { DeviceNetwork } from './device-network';

export interface DeviceNetworkRunnerDeps {
  /** The app linked devices reach (the contract with the device's own caller, the UI, the event stream). */
  fetch: DeviceListenerOptions['fetch'];
  /** The data folder: the station's certificate is kept there. */
  dataFolder: string;
  logger: Logger;
  now?: () => number;
  hostName?: string;
  /**
   * On a site (`--devices-listen`): where this station listens, behind the stored site address, serving
   * the site's shared certificate. Null: the listener binds the stored address itself.
   */
  listenOn?: { host: string; port: number } | null;
}

export type DeviceNetworkRunner = ReturnType<typeof createDeviceNetworkRunner>;

/**
 * Keeps the HTTPS listener for linked devices in line with the network settings: started when turned
 * on, moved when the address or port changes, given the renewed certificate when it is remade, and
 * stopped when turned off. Changes run one after another, so two quick saves cannot start two listeners.
 */
export function createDeviceNetworkRunner(deps: DeviceNetworkRunnerDeps) {
  const state: RunnerState = { listener: null };
  let queue: Promise<unknown> = Promise.resolve();
  // One change at a time: each waits for the one before, and a refused one does not block the next.
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    /** Brings the listener in line with `network`; refused (INVALID_INPUT) when it cannot listen there. */
    apply: (network: DeviceNetwork): Promise<string | null> =>
      serially(() => applyNetwork(deps, state, network)),
    url: (): string | null => state.listener?.server.url ?? null,
    close: (): Promise<void> => serially(() => stop(state)),
  };
}

interface RunnerState {
  listener: { server: DeviceListener; host: string; port: number } | null;
}

async function applyNetwork(
  deps: DeviceNetworkRunnerDeps,
  state: RunnerState,
  network: DeviceNetwork,
): Promise<string | null> {
  if (!network.enabled || network.address === null) {
    await stop(state);
    return null;
  }
  const { host, port } = deps.listenOn ?? { host: network.address, port: network.port };
  const running = state.listener;
  const moving = !running || running.host !== host || running.port !== port;
  // Checked before the certificate is remade for the new address, so a refused move leaves it alone.
  if (moving) await probe(host, port);
  const certificate = await certificateFor(deps, network.address);
  if (running && !moving) {
    running.server.setCertificate(certificate.key, certificate.cert);
    return running.server.url;
  }
  // The new listener first: when it cannot start, the one before keeps serving the devices it had.
  const server = await listen({
    fetch: deps.fetch,
    key: certificate.key,
    cert: certificate.cert,
    host,
    port,
  });
  await stop(state);
  state.listener = { server, host, port };
  deps.logger.info(`linked devices: listening at ${server.url}`);
  return server.url;
}

/** This station's own certificate for the address, or on a site the site's shared one for the site address. */
function certificateFor(deps: DeviceNetworkRunnerDeps, address: string): Promise<StationCertificate> {
  const now = deps.now ? { now: deps.now } : {};
  if (deps.listenOn) return ensureSiteCertificate({ folder: deps.dataFolder, siteAddress: address, ...now });
  return ensureStationCertificate({
    folder: deps.dataFolder,
    addresses: [address],
    ...now,
    ...(deps.hostName ? { hostName: deps.hostName } : {}),
  });
}

async function stop(state: RunnerState): Promise<void> {
  const running = state.listener;
  state.listener = null;
  await running?.server.close();
}

async function listen(options: DeviceListenerOptions): Promise<DeviceListener> {
  try {
    return await startDeviceListener(options);
  } catch (error) {
    throw refusal(error, options.host, options.port);
  }
}

/** Can the station listen there? Opens and closes a plain socket on the address and port. */
async function probe(host: string, port: number): Promise<void> {
  const server = createNetServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
  } catch (error) {
    throw refusal(error, host, port);
  }
  await new Promise((resolve) => server.close(resolve));
}

/** An address this machine does not have, or a port another program holds, is the administrator's to fix. */
function refusal(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRNOTAVAIL' || code === 'EINVAL')
    return new ContractFailure('INVALID_INPUT', `This machine has no address ${host}`, {
      fields: ['address'],
    });
  if (code === 'EADDRINUSE' || code === 'EACCES')
    return new ContractFailure('INVALID_INPUT', `Port ${port} is in use or not allowed`, {
      fields: ['port'],
    });
  return error;
}
