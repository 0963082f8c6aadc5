import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntryInput } from '../../electron/core/audit/audit-entry';
import { openStationDatabase } from '../../electron/core/db/open-station-database';
import { writeDeviceNetwork } from '../../electron/core/devices/device-network';
import { createDeviceNetworkRunner } from '../../electron/core/devices/device-network-runner';
import { createDeviceRegistry } from '../../electron/core/devices/device-registry';
import { deviceUpkeep } from '../../electron/core/devices/device-upkeep';
import { silentLogger } from '../../electron/core/logging/logger';
import { readStored } from '../../electron/core/tls/station-certificate';
import { STATION_MIGRATIONS, tempDir } from '../support/temp';

const DAY = 24 * 60 * 60 * 1000;

async function freePort(host: string): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("the station's daily care of linked devices", () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('logs out devices unused for 30 days, starts the listener, and renews the certificate in its last month', async () => {
    const folder = tempDir();
    cleanups.push(() => folder.remove());
    const db = openStationDatabase(join(folder.dir, 'station.sqlite'), STATION_MIGRATIONS);
    cleanups.push(() => db.close());
    const clock = { at: Date.parse('2026-12-03T10:00:00Z') };
    const entries: AuditEntryInput[] = [];
    const registry = createDeviceRegistry({
      db,
      now: () => clock.at,
      audit: { record: (e) => void entries.push(e) },
    });
    const app = new Hono();
    const runner = createDeviceNetworkRunner({
      fetch: app.fetch,
      dataFolder: folder.dir,
      logger: silentLogger,
      now: () => clock.at,
      hostName: 'kassa-pc',
    });
    cleanups.push(() => runner.close());
    const deps = { db, registry, runner, logger: silentLogger };

    const actor = { staff: null, device: null };
    const pairing = await registry.createPairing({ name: 'Bar', rights: 'employee', kind: 'bar', actor });
    await registry.pair({ code: pairing.code, address: null });
    await writeDeviceNetwork(db, { enabled: true, address: '127.0.0.2', port: await freePort('127.0.0.2') });

    expect(await deviceUpkeep(deps)).toBe(0);
    const url = runner.url();
    expect(url).toMatch(/^https:\/\/127\.0\.0\.2:/);
    const first = readStored(folder.dir)?.fingerprint();

    clock.at += 31 * DAY;
    expect(await deviceUpkeep(deps)).toBe(1);
    expect((await registry.list()).map((d) => d.status)).toEqual(['expired']);
    expect(readStored(folder.dir)?.fingerprint()).toBe(first);

    clock.at += 700 * DAY;
    await deviceUpkeep(deps);
    expect(readStored(folder.dir)?.fingerprint()).not.toBe(first);
    expect(runner.url()).toBe(url);
  });
});
