import type { StationDb } from '../db/open-station-database';
import type { Logger } from '../logging/logger';
import { readDeviceNetwork } from './device-network';
import type { DeviceNetworkRunner } from './device-network-runner';
import type { DeviceRegistry } from './device-registry';
import { DAY_MS } from './device-rows';

export interface DeviceUpkeepDeps {
  db: StationDb;
  registry: DeviceRegistry;
  runner: Pick<DeviceNetworkRunner, 'apply'>;
  logger: Logger;
}

/**
 * What the station does for linked devices once a day (and at start): devices unused for 30 days lose
 * their access even if they never call again, and the certificate is renewed in its last month while
 * the listener keeps running. Returns how many devices it logged out.
 */
export async function deviceUpkeep({ db, registry, runner, logger }: DeviceUpkeepDeps): Promise<number> {
  const expired = await registry.sweepExpired();
  if (expired.length > 0) logger.info(`linked devices: ${expired.length} logged out after 30 days unused`);
  try {
    await runner.apply(await readDeviceNetwork(db));
  } catch (error) {
    // The address may have gone (a laptop moved to another network): the station runs on, the
    // administrator sees the listener off and chooses again.
    logger.error('linked devices: the listener could not start', error);
  }
  return expired.length;
}

/** Runs `deviceUpkeep` now and then daily; the timer never keeps the process alive on its own. */
export function scheduleDeviceUpkeep(deps: DeviceUpkeepDeps, intervalMs = DAY_MS): { stop(): void } {
  const run = () =>
    void deviceUpkeep(deps).catch((error: unknown) =>
      deps.logger.error('linked devices: upkeep failed', error),
    );
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
