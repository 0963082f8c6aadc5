import { join } from 'node:path';
import { openDatabase, type SynchronousSetting } from '../../electron/core/db/open-database';
import { spawnDurableStation, type DurableStation } from '../support/durable-station';
import { callHttp } from '../support/station-process';
import { MIGRATIONS, tempDir } from '../support/temp';
import { epochNow, ms, summary } from './stats';

const WARM_UP_SALES = 10;

async function must(url: string, method: string, input: unknown): Promise<void> {
  const result = await callHttp(url, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
}

async function timedCashSale(station: DurableStation, key: string): Promise<number> {
  const started = epochNow();
  await must(station.url, 'till.payCash', {
    tillId: 'till-1',
    amountCents: 1_250,
    tenderedCents: 2_000,
    idempotencyKey: key,
  });
  return epochNow() - started;
}

/**
 * What synchronous = FULL costs per cash sale: two stations on the same disk (the OS temp folder), one
 * with FULL and one with the old NORMAL, sold to in turn so that both see the same background noise.
 * Each sale is timed as the till sees it: from the request to the answer over HTTP on 127.0.0.1.
 */
export async function benchDurability(sales = 200): Promise<void> {
  const folder = tempDir('kassa-bench-durability-');
  const settings: SynchronousSetting[] = ['FULL', 'NORMAL'];
  const stations = await Promise.all(
    settings.map((synchronous) =>
      spawnDurableStation({ dataDir: join(folder.dir, synchronous), synchronous }),
    ),
  );
  const samples: number[][] = settings.map(() => []);
  try {
    for (const station of stations)
      await must(station.url, 'drawer.open', { tillId: 'till-1', floatCents: 0 });
    for (let sale = 0; sale < WARM_UP_SALES + sales; sale++) {
      for (const [index, station] of stations.entries()) {
        const took = await timedCashSale(station, `bench-durability-${sale}`);
        if (sale >= WARM_UP_SALES) samples[index]!.push(took);
      }
    }
  } finally {
    await Promise.all(stations.map((station) => station.stop()));
    folder.remove();
  }
  printDurability(sales, settings, samples);
  await printCommitCost(sales);
}

/**
 * The commit alone, without HTTP: one small transaction per sample on a database opened like the
 * station's. SQLite's own cost, so straight on its connection (autocommit, no unit of work around it).
 */
async function commitTimes(dir: string, synchronous: SynchronousSetting, commits: number): Promise<number[]> {
  const db = openDatabase({
    file: join(dir, `commit-${synchronous}.sqlite`),
    migrationsFolder: MIGRATIONS,
    synchronous,
  });
  const sqlite = db.client;
  sqlite.exec('CREATE TABLE bench_commits (id INTEGER PRIMARY KEY, at REAL NOT NULL)');
  const insert = sqlite.prepare('INSERT INTO bench_commits (at) VALUES (?)');
  const times: number[] = [];
  for (let commit = 0; commit < commits; commit++) {
    const started = epochNow();
    insert.run(started);
    times.push(epochNow() - started);
  }
  await db.close();
  return times;
}

const fineMs = (value: number): string => `${value.toFixed(2)} ms`;

async function printCommitCost(commits: number): Promise<void> {
  const folder = tempDir('kassa-bench-commit-');
  try {
    const full = summary(await commitTimes(folder.dir, 'FULL', commits));
    const normal = summary(await commitTimes(folder.dir, 'NORMAL', commits));
    console.log(
      `  one commit alone: FULL median ${fineMs(full.median)} (p95 ${fineMs(full.p95)}), ` +
        `NORMAL median ${fineMs(normal.median)} (p95 ${fineMs(normal.p95)}): the sync of the WAL is the difference`,
    );
  } finally {
    folder.remove();
  }
}

function printDurability(sales: number, settings: SynchronousSetting[], samples: number[][]): void {
  const [full, normal] = samples.map((s) => summary(s));
  console.log(`\nDurability: ${sales} cash sales per setting over HTTP, taken in turn (WAL journal)`);
  settings.forEach((setting, index) => {
    const { median, p95, max } = summary(samples[index]!);
    console.log(`  synchronous = ${setting.padEnd(6)} median ${ms(median)}, p95 ${ms(p95)}, max ${ms(max)}`);
  });
  const extra = full!.median - normal!.median;
  const ratio = full!.median / normal!.median;
  console.log(
    `  FULL costs ${ms(extra)} more per sale at the median: ${ratio.toFixed(2)}× the time of NORMAL`,
  );
}
