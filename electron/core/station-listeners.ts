import { startCallbackListener, type CallbackListener } from './api/callback-listener';
import { buildDeviceApp } from './api/device-app';
import { startHttpShell, type HttpShell } from './api/http-server';
import { createDeviceNetworkRunner } from './devices/device-network-runner';
import type { Logger } from './logging/logger';
import type { Station } from './station';

export interface ListenerOptions {
  /** The station's own window: loopback only. */
  port: number;
  /** Bancontact's callbacks only, for a reverse proxy or tunnel; off unless given. */
  callbackPort?: number;
  callbackHost?: string;
  rendererDir: string;
  dataDir: string;
  logger: Logger;
  /**
   * On a site (`--devices-listen`): where this station listens for linked devices, behind the stored
   * site address (HAProxy's); null or absent: it listens at the stored address itself.
   */
  devicesListen?: { host: string; port: number } | null;
}

export interface StationListeners {
  /** The loopback shell's URL. */
  url: string;
  callbackUrl: string | null;
  /** After the station started: the HTTPS listener for linked devices follows the administrator's setting. */
  serveDevices(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The station listens in three places, each for its own callers: the station's own window on loopback,
 * linked devices over HTTPS on the LAN address an administrator turned on, and Bancontact's callbacks
 * on an address that answers nothing else.
 */
export async function startListeners(station: Station, options: ListenerOptions): Promise<StationListeners> {
  const shell: HttpShell = await startHttpShell(station, {
    port: options.port,
    rendererDir: options.rendererDir,
  });
  const callbacks: CallbackListener | null =
    options.callbackPort === undefined
      ? null
      : await startCallbackListener(station, { port: options.callbackPort, host: options.callbackHost });
  const runner = createDeviceNetworkRunner({
    fetch: buildDeviceApp(station, { rendererDir: options.rendererDir }).fetch,
    dataFolder: options.dataDir,
    logger: options.logger,
    listenOn: options.devicesListen ?? null,
  });
  return {
    url: shell.url,
    callbackUrl: callbacks?.url ?? null,
    serveDevices: () =>
      station
        .serveDevices((network) => runner.apply(network))
        .catch((error: unknown) => {
          // The station still serves its own window; the administrator sees the reason when saving again.
          options.logger.error('linked devices could not be served', error);
        }),
    async close() {
      await runner.close();
      await callbacks?.close();
      await shell.close();
    },
  };
}
