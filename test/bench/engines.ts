import { randomUUID } from 'node:crypto';
import { psql, startThrowawayPostgres } from '../support/postgres-server';
import {
  createCashier,
  fundedWristbands,
  linkBar,
  startBenchStation,
  type BenchDevice,
} from './linked-devices-setup';
import { ms, summary } from './stats';

/*
 * Issue 12's figure for one station: bar tablets over HTTPS paying by wristband as fast as the station
 * answers (each tablet sends its next payment when the last one is answered), on SQLite and on
 * PostgreSQL, in the same run. A 70,000-visitor festival needs about 80 bar payments a second at peak.
 */

export const FESTIVAL_PEAK_PER_SECOND = 80;

export interface Load {
  paid: number;
  failed: number;
  perSecond: number;
  latencies: number[];
}

export async function benchEngines(devices = 20, seconds = 20): Promise<void> {
  console.log(`\n[engines] ${devices} bar tablets over HTTPS, back to back for ${seconds} s, one station:`);
  const sqlite = await loadOn(undefined, devices, seconds);
  print('SQLite (file, synchronous = FULL)', sqlite);
  const server = await startThrowawayPostgres({ durable: true });
  try {
    psql(server.baseUrl, 'postgres', 'CREATE DATABASE bench_site');
    const postgres = await loadOn(`${server.baseUrl}/bench_site`, devices, seconds);
    print('PostgreSQL 15 (loopback; fsync on)', postgres);
    console.log(
      `  PostgreSQL / SQLite throughput: ${(postgres.perSecond / sqlite.perSecond).toFixed(2)}×; ` +
        `margin over a festival's ${FESTIVAL_PEAK_PER_SECOND}/s peak: SQLite ${(sqlite.perSecond / FESTIVAL_PEAK_PER_SECOND).toFixed(1)}×, PostgreSQL ${(postgres.perSecond / FESTIVAL_PEAK_PER_SECOND).toFixed(1)}× (one station)`,
    );
  } finally {
    server.remove();
  }
}

export function print(engine: string, load: Load): void {
  const s = summary(load.latencies);
  console.log(
    `  ${engine}: ${load.paid} paid, ${load.failed} failed, ${load.perSecond.toFixed(1)} payments/s; latency p50 ${ms(s.median)}, p95 ${ms(s.p95)}`,
  );
}

async function loadOn(database: string | undefined, devices: number, seconds: number): Promise<Load> {
  const station = await startBenchStation(database ? { database } : {});
  const linked: BenchDevice[] = [];
  try {
    const cashier = await createCashier(station);
    const bands = await fundedWristbands(station, devices);
    for (let i = 0; i < devices; i++) linked.push(await linkBar(station, `Bar ${i + 1}`, cashier));
    return await backToBack(linked, bands, seconds);
  } catch (error) {
    console.error(`station output (tail):\n${station.process.output().slice(-4_000)}`);
    throw error;
  } finally {
    for (const device of linked) device.client.close();
    await station.close();
  }
}

export async function backToBack(
  devices: readonly BenchDevice[],
  bands: readonly string[],
  seconds: number,
): Promise<Load> {
  const load: Load = { paid: 0, failed: 0, perSecond: 0, latencies: [] };
  const started = performance.now();
  const until = started + seconds * 1_000;
  await Promise.all(
    devices.map(async (device, d) => {
      for (let n = 0; performance.now() < until; n++) {
        const input = {
          amountCents: 1 + ((d + n) % 5),
          idempotencyKey: randomUUID(),
          wristbandId: bands[(d + n) % bands.length]!,
        };
        const { result, ms: took } = await device.client.call('till.payWithWristband', input);
        load.latencies.push(took);
        if (result.ok) load.paid++;
        else load.failed++;
      }
    }),
  );
  load.perSecond = load.paid / ((performance.now() - started) / 1_000);
  return load;
}
