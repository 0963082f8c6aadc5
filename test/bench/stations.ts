import { connect, createServer, type Server } from 'node:net';
import type { StationStatus } from '../../shared/contract';
import { startSimulatorServer } from '../../electron/core/simulator';
import { psql, startThrowawayPostgres } from '../support/postgres-server';
import { mustCall, spawnStation } from '../support/station-process';
import { tempDir } from '../support/temp';
import { backToBack, FESTIVAL_PEAK_PER_SECOND, print, type Load } from './engines';
import {
  createCashier,
  fundedWristbands,
  linkBar,
  startBenchStation,
  type BenchDevice,
  type BenchStation,
} from './linked-devices-setup';
import { giveSiteFiles } from '../support/site-files';

/*
 * Issue 12's figure for a site: the same 20 bar tablets paying by wristband back to back (each sends
 * its next payment when the last is answered), on one SQLite station, then on 1, 2 and 4 station
 * processes sharing one PostgreSQL site, the tablets spread evenly and each paired to its station.
 * Every configuration gets a fresh site; PostgreSQL runs with fsync on, as a real server does. As at
 * a festival, the site has one device address and certificate and each station listens on its own port
 * (`--devices-listen`); in front, where HAProxy would be, a TCP relay hands the n-th connection to
 * station n mod count (a tablet keeps its one connection, so it stays with the station it paired at).
 */

const LAN_ADDRESS = '127.0.0.2';
const STATION_COUNTS = [1, 2, 4] as const;

/** A station of the bench: where its device listener is, for tablets paired to it. */
type SiteStation = BenchStation & { devicesPort: number | null };

export async function benchStations(devices = 20, seconds = 20): Promise<void> {
  console.log(
    `\n[stations] ${devices} bar tablets over HTTPS, back to back for ${seconds} s; SQLite beside 1, 2 and 4 stations on one PostgreSQL:`,
  );
  const sqlite = await measure([{ ...(await startBenchStation()), devicesPort: null }], devices, seconds);
  report('SQLite, 1 station', sqlite, null);
  const server = await startThrowawayPostgres({ durable: true });
  const sim = await startSimulatorServer({ port: 0 });
  try {
    for (const count of STATION_COUNTS) {
      psql(server.baseUrl, 'postgres', `CREATE DATABASE bench_site_${count}`);
      const relay = await startRelay();
      const site = await startSite(`${server.baseUrl}/bench_site_${count}`, sim.baseUrl, count, relay);
      try {
        const load = await measure(site, devices, seconds);
        report(`PostgreSQL, ${count} station${count > 1 ? 's' : ''}`, load, sqlite);
      } finally {
        relay.server.close();
      }
    }
  } finally {
    await sim.close();
    server.remove();
  }
}

function report(what: string, load: Load, sqlite: Load | null): void {
  print(what, load);
  const margin = `${(load.perSecond / FESTIVAL_PEAK_PER_SECOND).toFixed(1)}× a festival's ${FESTIVAL_PEAK_PER_SECOND}/s peak`;
  const ratio = sqlite ? `; ${(load.perSecond / sqlite.perSecond).toFixed(2)}× SQLite's throughput` : '';
  console.log(`    margin: ${margin}${ratio}`);
}

/** Funds the bands at the first station, pairs tablet i to station i mod n, and runs the load. */
async function measure(site: SiteStation[], devices: number, seconds: number): Promise<Load> {
  const linked: BenchDevice[] = [];
  try {
    const cashier = await createCashier(site[0]!);
    const bands = await fundedWristbands(site[0]!, devices);
    for (let i = 0; i < devices; i++)
      linked.push(await linkBar(site[i % site.length]!, `Bar ${i + 1}`, cashier));
    return await backToBack(linked, bands, seconds);
  } catch (error) {
    for (const station of site)
      console.error(`station output (tail):\n${station.process.output().slice(-3_000)}`);
    throw error;
  } finally {
    for (const device of linked) device.client.close();
    for (const station of site) await station.close();
  }
}

/** `count` stations of one site, one after another; each after the first is given the site key. */
async function startSite(
  database: string,
  simulatorUrl: string,
  count: number,
  relay: Relay,
): Promise<SiteStation[]> {
  const site: SiteStation[] = [];
  try {
    let keyFrom: string | null = null;
    for (let n = 0; n < count; n++) {
      const folder = tempDir(`kassa-bench-station-${n + 1}-`);
      if (keyFrom) giveSiteFiles(keyFrom, folder.dir);
      const station = await siteStation(folder, database, simulatorUrl, n === 0 ? relay.port : null);
      relay.targets.push(station.devicesPort!);
      site.push(station);
      keyFrom ??= folder.dir;
    }
    return site;
  } catch (error) {
    for (const station of site) await station.close();
    throw error;
  }
}

/** A training station of the site with the shared simulator, its device listener on the bench LAN. */
async function siteStation(
  folder: { dir: string; remove(): void },
  database: string,
  simulatorUrl: string,
  /** The first station stores the site's device address: the relay's port. */
  siteDevicesPort: number | null,
): Promise<SiteStation> {
  const devicesPort = await freePortOnLan();
  const devicesListen = `${LAN_ADDRESS}:${devicesPort}`;
  const process = await spawnStation({ dataDir: folder.dir, database, simulatorUrl, devicesListen });
  const must = <T>(method: string, input: unknown = {}): Promise<T> =>
    mustCall<T>(process.url, method, input);
  const close = async (): Promise<void> => {
    await process.stop();
    folder.remove();
  };
  try {
    // The site's one device address (HAProxy's in a festival): set once, every station serves it.
    if (siteDevicesPort !== null)
      await must('devices.setNetwork', { enabled: true, address: LAN_ADDRESS, port: siteDevicesPort });
    const status = await must<StationStatus>('station.getStatus');
    if (!status.tlsFingerprint) throw new Error('the station shows no certificate fingerprint');
    return { process, must, fingerprint: status.tlsFingerprint, close, devicesPort };
  } catch (error) {
    console.error(`station output (tail):\n${process.output().slice(-3_000)}`);
    await close();
    throw error;
  }
}

interface Relay {
  server: Server;
  port: number;
  /** The stations' own device ports, in the order they started. */
  targets: number[];
}

/** HAProxy's part on loopback: each new connection to the site address goes to the next station. */
async function startRelay(): Promise<Relay> {
  const relay: Relay = { server: createServer(), port: await freePortOnLan(), targets: [] };
  let next = 0;
  relay.server.on('connection', (socket) => {
    const target = relay.targets[next++ % relay.targets.length]!;
    const upstream = connect(target, LAN_ADDRESS);
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => relay.server.listen(relay.port, LAN_ADDRESS, resolve));
  return relay;
}

function freePortOnLan(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, LAN_ADDRESS, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}
