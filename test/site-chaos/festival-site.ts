import pg from 'pg';
import type { BatchView } from '../../shared/contract/topup-batch-views';
import type { PairingView } from '../../shared/contract/device-views';
import type { StaffView } from '../../shared/contract/staff-views';
import { DeviceClient } from '../bench/linked-devices-client';
import { freePort, StationSupervisor } from '../chaos/station-supervisor';
import { freePort as freePortOn } from '../support/lan';
import { startHaproxy, type Haproxy } from '../support/haproxy';
import { tempDir } from '../support/temp';
import { giveSiteFiles, SITE_CERTIFICATE_FILES, SITE_KEY_FILE } from '../support/site-files';

/** Where devices reach the site: HAProxy, on the festival's network (loopback here). */
const SITE_ADDRESS = '127.0.0.9';
const CASHIER_PIN = '2580';
/** A tablet gives a call up after this long and tries again (HAProxy then picks a station that answers). */
const CALL_TIMEOUT_MS = 5_000;

export interface FestivalSite {
  stations: StationSupervisor[];
  tablets: DeviceClient[];
  wristbands: string[];
  /** The HTTP shells of the stations that are up (where the callback router may post). */
  upShellUrls(): string[];
  /** Resolves once the books hold `count` top-up credits; rejects after `timeoutMs`. */
  untilCredited(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export interface SiteOpening {
  siteUrl: string;
  stations: number;
  tablets: number;
  wristbands: number;
  simulatorUrl: string;
  publicUrl: string;
}

/**
 * Starts the site as an organiser sets it up: the first station makes the site's key and certificate,
 * the others are given copies; HAProxy in front; a cashier, wristbands printed, tablets paired through
 * HAProxy and signed in.
 */
export async function openFestivalSite(opening: SiteOpening): Promise<FestivalSite> {
  const folders = Array.from({ length: opening.stations }, () => tempDir('kassa-festival-'));
  const stations: StationSupervisor[] = [];
  const books = new pg.Pool({ connectionString: `${opening.siteUrl}_training`, max: 2 });
  let proxy: Haproxy | null = null;
  const close = async () => {
    await Promise.all(stations.map((s) => s.stop().catch(() => undefined)));
    await proxy?.stop();
    await books.end();
    for (const folder of folders) folder.remove();
  };
  try {
    const listens = await Promise.all(folders.map((_, i) => listenAddress(i)));
    const sitePort = await freePortOn(SITE_ADDRESS);
    const startStation = async (i: number): Promise<StationSupervisor> => {
      const station = new StationSupervisor({
        ...{ dataDir: folders[i]!.dir, database: opening.siteUrl, port: await freePort() },
        ...{
          simulatorUrl: opening.simulatorUrl,
          publicUrl: opening.publicUrl,
          stationName: `bar-station-${i + 1}`,
        },
        ...{
          devicesListen: `${listens[i]!.host}:${listens[i]!.port}`,
          requestTimeoutMs: 2_000,
          sweepIntervalMs: 5_000,
        },
        topupSweepIntervalMs: 5_000,
      });
      await station.start();
      stations.push(station);
      return station;
    };
    // The first station makes the site key, and the site certificate once it is given the site address;
    // the others start with copies of both (docs/site-setup.md).
    const first = await startStation(0);
    await must(first, 'devices.setNetwork', { enabled: true, address: SITE_ADDRESS, port: sitePort });
    for (let i = 1; i < opening.stations; i++) {
      giveSiteFiles(folders[0]!.dir, folders[i]!.dir, [SITE_KEY_FILE, ...SITE_CERTIFICATE_FILES]);
      await startStation(i);
    }
    proxy = await startHaproxy({ address: SITE_ADDRESS, port: sitePort, backends: listens });
    const wristbands = await printWristbands(stations[0]!, books, opening.wristbands);
    const tablets = await pairTablets(stations[0]!, opening.tablets);
    return {
      ...{ stations, tablets, wristbands, close },
      upShellUrls: () => stations.filter((s) => s.isUp()).map((s) => s.url),
      untilCredited: (count, timeoutMs) => untilCredited(books, count, timeoutMs),
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A device address per station on its own loopback address, as each station's own machine would have. */
async function listenAddress(i: number): Promise<{ host: string; port: number }> {
  const host = `127.0.0.${20 + i}`;
  return { host, port: await freePortOn(host) };
}

async function must<T>(station: StationSupervisor, method: string, input: unknown = {}): Promise<T> {
  const answer = await station.call<T>(method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.value;
}

async function printWristbands(station: StationSupervisor, books: pg.Pool, count: number): Promise<string[]> {
  const input = {
    count,
    amountMode: 'open',
    description: 'Festival top-up',
    eventName: 'Chaos Fest',
    layout: 'label',
  };
  const { batch } = await must<{ batch: BatchView }>(station, 'topup.createBatch', input);
  const rows = await books.query<{ id: string }>(
    'SELECT id FROM wristbands WHERE batch_id = $1 ORDER BY position',
    [batch.id],
  );
  return rows.rows.map((r) => r.id);
}

async function pairTablets(station: StationSupervisor, count: number): Promise<DeviceClient[]> {
  const cashier = await must<StaffView>(station, 'staff.create', {
    ...{ name: 'Bar staff', locale: 'en', role: 'cashier', secret: CASHIER_PIN },
  });
  const tablets: DeviceClient[] = [];
  for (let n = 0; n < count; n++) {
    const pairing = await must<PairingView>(station, 'devices.createPairing', {
      ...{ name: `Bar ${n + 1}`, rights: 'employee', kind: 'bar' },
    });
    const link = new URL(pairing.link);
    const tablet = new DeviceClient(
      { host: link.hostname, port: Number(link.port) },
      pairing.fingerprint,
      CALL_TIMEOUT_MS,
    );
    await tablet.must('devices.pair', { code: link.hash.slice(1) });
    await tablet.must('session.signIn', { staffId: cashier.id, secret: CASHIER_PIN });
    tablets.push(tablet);
  }
  return tablets;
}

async function untilCredited(books: pg.Pool, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await books
      .query<{ n: number }>(`SELECT count(*)::int AS n FROM wristband_entries WHERE kind = 'topup'`)
      .catch(() => ({ rows: [{ n: -1 }] }));
    if ((rows[0]?.n ?? 0) >= count) return;
    if (Date.now() > deadline)
      throw new Error(`${rows[0]?.n} of ${count} top-ups credited after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
