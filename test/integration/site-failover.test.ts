import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILES, startSimulatorServer, type SimulatorServer } from '../../electron/core/simulator';
import type { SaleView, StationStatus } from '../../shared/contract';
import type { PairingView } from '../../shared/contract/device-views';
import { DeviceClient } from '../bench/linked-devices-client';
import { createCashier, fundedWristbands, linkBar, type BenchStation } from '../bench/linked-devices-setup';
import { health, startHaproxy, type Haproxy } from '../support/haproxy';
import { freePort, servedFingerprint } from '../support/lan';
import { psql, startThrowawayPostgres, type PostgresServer } from '../support/postgres-server';
import { mustCall, spawnStation, type StationProcess } from '../support/station-process';
import { tempDir } from '../support/temp';
import { giveSiteFiles, SITE_CERTIFICATE_FILES, SITE_KEY_FILE } from '../support/site-files';

/*
 * Issue 12: a device keeps taking payments when its station dies. Two stations on one PostgreSQL site,
 * one shared Bancontact simulator, Debian's HAProxy in front on the site address; the devices know only
 * that address. The station serving them is killed with SIGKILL.
 */

const SITE_ADDRESS = '127.0.0.11';
const LISTEN = ['127.0.0.31', '127.0.0.32'] as const;
/** The site's own files every station is given a copy of (docs/site-setup.md). */
/** The issue's bound for a device to take payments on another station. */
const FAILOVER_BOUND_MS = 10_000;

interface Site {
  postgres: PostgresServer;
  simulator: SimulatorServer;
  proxy: Haproxy;
  stations: StationProcess[];
  listens: Array<{ host: string; port: number }>;
  folders: Array<ReturnType<typeof tempDir>>;
}

let site: Site;

beforeAll(async () => {
  const postgres = await startThrowawayPostgres();
  psql(postgres.baseUrl, 'postgres', 'CREATE DATABASE failover_site');
  const listens = await Promise.all(LISTEN.map(async (host) => ({ host, port: await freePort(host) })));
  const shells = await Promise.all(LISTEN.map(() => freePort('127.0.0.1')));
  // Bancontact's callbacks also go through HAProxy, to whichever station's shell is up.
  const proxy = await startHaproxy({
    ...{ address: SITE_ADDRESS, backends: listens, balance: 'first' },
    callbacks: shells.map((port) => ({ host: '127.0.0.1', port })),
  });
  // A top-up profile's callback address is set at Bancontact (here the simulator's profile): the site's.
  const profiles = DEFAULT_PROFILES.map((p) =>
    p.type === 'topup' ? { ...p, callbackUrl: `${proxy.callbackUrl!}/callbacks/${p.ppid}` } : p,
  );
  const simulator = await startSimulatorServer({ port: 0, allowHttpCallbacks: true, profiles });
  site = {
    postgres,
    simulator,
    proxy,
    stations: [],
    listens,
    folders: [tempDir('kassa-a-'), tempDir('kassa-b-')],
  };
  const start = (i: number) =>
    spawnStation({
      ...{ dataDir: site.folders[i]!.dir, database: `${postgres.baseUrl}/failover_site`, port: shells[i] },
      ...{ simulatorUrl: simulator.baseUrl, publicUrl: proxy.callbackUrl!, stationName: `station-${i + 1}` },
      devicesListen: `${listens[i]!.host}:${listens[i]!.port}`,
    });
  site.stations.push(await start(0));
  // The first station is told the site address: it makes the site's certificate for it.
  await must(site.stations[0]!, 'devices.setNetwork', {
    enabled: true,
    address: SITE_ADDRESS,
    port: proxy.port,
  });
  giveSiteFiles(site.folders[0]!.dir, site.folders[1]!.dir, [SITE_KEY_FILE, ...SITE_CERTIFICATE_FILES]);
  site.stations.push(await start(1));
  for (const listen of listens) await until(async () => (await health(listen, SITE_ADDRESS)).status === 200);
  // HAProxy found them down before they started; it takes them back after two passed checks.
  await until(async () => LISTEN.every((_, i) => proxy.isUp(`stations/station${i + 1}`)));
}, 120_000);

afterAll(async () => {
  for (const station of site?.stations ?? []) await station.stop();
  await site?.proxy.stop();
  await site?.simulator.close();
  for (const folder of site?.folders ?? []) folder.remove();
  site?.postgres.remove();
});

describe('devices behind HAProxy on a site of two stations', () => {
  it('every station serves the one site certificate, and answers /health under any Host', async () => {
    const [a, b] = site.listens;
    const fingerprint = (await stationStatus(site.stations[0]!)).tlsFingerprint;
    expect(fingerprint).toBeTruthy();
    expect(await servedFingerprint(a!.port, a!.host)).toBe(fingerprint);
    expect(await servedFingerprint(b!.port, b!.host)).toBe(fingerprint);
    expect(await servedFingerprint(site.proxy.port, SITE_ADDRESS)).toBe(fingerprint);
    // The second station's Linked devices screen shows the site's certificate, not a new one of its own.
    const network = await must<{ fingerprint: string | null }>(site.stations[1]!, 'devices.getNetwork');
    expect(network.fingerprint).toBe(fingerprint);
    expect(await servedFingerprint(b!.port, b!.host)).toBe(fingerprint);
    // HAProxy's check reaches each station by its own address; the answer holds nothing more.
    expect(await health(b!, `${b!.host}:${b!.port}`)).toEqual({
      status: 200,
      body: { ok: true, state: 'running' },
    });
    // The API answers the site address only: a cookie for a station's own address would not fail over.
    const direct = await new DeviceClient(b!, fingerprint!).call('station.getStatus');
    expect(direct.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a bar tablet takes payments on the other station within 10 s, and an open payment carries on', async () => {
    const [stationA, stationB] = site.stations as [StationProcess, StationProcess];
    const first = await benchStation(stationA);
    const cashier = await createCashier(first);
    const [band] = await fundedWristbands(first, 1);
    const bar = await linkBar(first, 'Bar 1', cashier);
    const till = await linkTill(first, cashier);
    // HAProxy (`balance first`) sends both to the first station while it is up.
    expect((await bar.client.must<StationStatus>('station.getStatus')).httpUrl).toBe(stationA.url);
    const pay = (key: string) =>
      within(
        3_000,
        bar.client.call('till.payWithWristband', {
          amountCents: 250,
          idempotencyKey: key,
          wristbandId: band,
        }),
      );
    expect((await pay(randomUUID())).result.ok).toBe(true);
    const sale = await till.must<SaleView>('till.startPayment', {
      amountCents: 1250,
      idempotencyKey: randomUUID(),
    });
    expect(sale.payment?.status).toBe('PENDING');

    await stationA.kill();
    const killedAt = performance.now();
    const key = randomUUID();
    // The tablet retries the same payment (same idempotency key) as the bar screen does after no answer.
    for (let tries = 0; ; tries++) {
      const answer = await pay(key).catch(() => null);
      if (answer?.result.ok) break;
      expect(tries, 'the tablet never took a payment again').toBeLessThan(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const failoverMs = performance.now() - killedAt;
    console.log(
      `[failover] SIGKILL of the serving station to the bar tablet's next payment taken: ${failoverMs.toFixed(0)} ms`,
    );
    expect(failoverMs).toBeLessThan(FAILOVER_BOUND_MS);
    expect((await bar.client.must<StationStatus>('station.getStatus')).httpUrl).toBe(stationB.url);
    // Its health checks fail too: HAProxy takes the dead station out of the pool (fall 2, inter 500 ms).
    await until(async () => !site.proxy.isUp('stations/station1'), 5_000);
    console.log(
      `[failover] HAProxy took the killed station out of the pool after ${(performance.now() - killedAt).toFixed(0)} ms`,
    );

    // The customer pays the open payment after its station died: the till sees it paid through the other.
    await simulator('/_sim/payer/scan', { payload: sale.payment!.deeplink });
    await simulator('/_sim/payer/confirm', { paymentId: sale.payment!.bancontactId });
    await until(
      async () => (await till.must<SaleView>('till.getSale', { saleId: sale.id })).status === 'paid',
      15_000,
    );
    const timeline = await must<Array<{ to: string; source: string }>>(stationB, 'payments.getTimeline', {
      paymentId: sale.payment!.id,
    });
    expect(timeline.filter((e) => e.to === 'SUCCEEDED')).toHaveLength(1);
    console.log(
      `[failover] the open payment finished on the surviving station: ${timeline.map((e) => `${e.to}:${e.source}`).join(', ')}`,
    );
    bar.client.close();
    till.close();
  }, 120_000);
});

describe('a station whose database does not answer', () => {
  it('says so on /health (503) and leaves the pool until PostgreSQL is back', async () => {
    const b = site.listens[1]!;
    site.postgres.stop('immediate');
    try {
      await until(async () => (await health(b, SITE_ADDRESS)).status === 503, 10_000);
      expect(await health(b, SITE_ADDRESS)).toEqual({
        status: 503,
        body: { ok: false, state: 'database-unreachable' },
      });
      await until(async () => !site.proxy.isUp('stations/station2'), 5_000);
    } finally {
      site.postgres.start();
    }
    await until(async () => (await health(b, SITE_ADDRESS)).status === 200, 20_000);
    await until(async () => site.proxy.isUp('stations/station2'), 5_000);
  }, 60_000);
});

describe('--devices-listen', () => {
  it('refuses a value that is no IP address and port, naming the field', async () => {
    const folder = tempDir('kassa-listen-');
    try {
      const refused = spawnStation({
        dataDir: folder.dir,
        database: null,
        devicesListen: 'bar-tablets:8443',
      });
      await expect(refused).rejects.toThrow(
        /devicesListen must be an IP address and port this station listens on/,
      );
    } finally {
      folder.remove();
    }
  });
});

function must<T>(station: StationProcess, method: string, input: unknown = {}): Promise<T> {
  return mustCall<T>(station.url, method, input);
}

const stationStatus = (station: StationProcess) => must<StationStatus>(station, 'station.getStatus');

/** The bench's helpers work on a station's window (its loopback shell, as the training administrator). */
async function benchStation(station: StationProcess): Promise<BenchStation> {
  const { tlsFingerprint } = await stationStatus(station);
  return {
    ...{ process: station, fingerprint: tlsFingerprint ?? '', close: station.stop },
    must: (method, input) => must(station, method, input),
  };
}

/** A till on another machine, linked through the site address, its cashier signed in. */
async function linkTill(
  station: BenchStation,
  cashier: { staffId: string; pin: string },
): Promise<DeviceClient> {
  const pairing = await station.must<PairingView>('devices.createPairing', {
    name: 'Till 1',
    rights: 'employee',
    kind: 'till',
  });
  const link = new URL(pairing.link);
  const till = new DeviceClient({ host: link.hostname, port: Number(link.port) }, pairing.fingerprint);
  await till.must('devices.pair', { code: link.hash.slice(1) });
  await till.must('session.signIn', { staffId: cashier.staffId, secret: cashier.pin });
  return till;
}

async function simulator(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${site.simulator.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
}

/** A call given up after `ms`, as a tablet's screen would (the station it reached may be gone). */
function within<T>(ms: number, call: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error('no answer')), ms)),
  );
  return Promise.race([call, late]).finally(() => clearTimeout(timer));
}

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`not there within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
