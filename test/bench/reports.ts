import { statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { stationWindowCaller, type Caller } from '../../electron/core/api/dispatcher';
import { openDatabase } from '../../electron/core/db/open-database';
import { silentLogger } from '../../electron/core/logging/logger';
import { markReady } from '../../electron/core/reports/report-services';
import { SALES_SETUP_FILE } from '../../electron/core/reports/sales-setup-store';
import { createStation, type Station } from '../../electron/core/station';
import type { MethodName } from '../../shared/contract';
import { MIGRATIONS, tempDir } from '../support/temp';
import { BenchDataGenerator } from './reports-data';
import { loadIntoPostgres, type BenchSite } from './reports-postgres';
import { BENCH_SHOPS, BENCH_TILLS } from './reports-rows';
import { ms, seconds, summary, verdict } from './stats';

const caller: Caller = stationWindowCaller('local-http');
const HOUR = 3_600_000;
const FIRST_DAY = Date.parse('2026-11-01T00:00:00Z');

/**
 * `npm run bench` figures of issue 6 on generated sales (1,000,000 over 30 days by default): a Z
 * report, a page of 50 transactions under each single filter, the summary cards, a CSV export of
 * everything with its peak RSS, and the size of the database. Every figure goes through the
 * station's dispatcher, as a till's call would. KASSA_BENCH_REBUILD=0 skips the closing rebuild
 * check; KASSA_BENCH_KEEP=1 keeps the data folder and prints where it is.
 */
export async function benchReports(sales = 1_000_000, days = 30, engine = benchEngine()): Promise<void> {
  const folder = tempDir('kassa-bench-reports-');
  let site: BenchSite | null = null;
  try {
    const file = join(folder.dir, 'training.sqlite');
    await generate(folder.dir, file, sales, days);
    if (engine === 'postgres') site = await loadIntoPostgres(folder.dir, file);
    console.log(`  engine: ${site ? 'PostgreSQL (loopback, fsync off)' : 'SQLite'}`);
    let clock = FIRST_DAY;
    const station = createStation({
      dataDir: folder.dir,
      ...(site ? { database: site.url } : {}),
      migrationsFolder: MIGRATIONS,
      logger: silentLogger,
      now: () => clock,
    });
    await station.start();
    try {
      const call = timed(station);
      const zTimes: number[] = [];
      for (let day = 0; day < days - 1; day++) {
        clock = FIRST_DAY + day * 24 * HOUR + 22.75 * HOUR;
        zTimes.push((await call('reports.closeDay', {})).ms);
      }
      clock = FIRST_DAY + (days - 1) * 24 * HOUR + 22.75 * HOUR;
      report('Z report (reports.closeDay), one per day', zTimes, 100);
      await backupsSettled(call);
      await benchReads(call, days);
      await benchCsv(call, sales);
      await benchRebuild(call);
    } finally {
      await station.stop();
    }
    const size = site ? site.size() : statSync(file).size + walSize(file);
    console.log(
      `  database size: ${(size / 1024 / 1024).toFixed(0)} MiB (${sales.toLocaleString('en')} sales)`,
    );
  } finally {
    if (process.env.KASSA_BENCH_KEEP) console.log(`  kept ${folder.dir}`);
    else folder.remove();
    site?.server.remove();
  }
}

/** KASSA_BENCH_ENGINE=postgres runs the same figures on a throw-away PostgreSQL (reports-postgres.ts). */
function benchEngine(): 'sqlite' | 'postgres' {
  return process.env.KASSA_BENCH_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}

async function generate(dataDir: string, file: string, sales: number, days: number): Promise<void> {
  const tills = BENCH_TILLS.map((t) => ({
    tillId: t.id,
    shopId: t.shopId,
    vatRate: t.vatRate,
    cashierId: t.cashiers[0],
  }));
  writeFileSync(join(dataDir, SALES_SETUP_FILE), JSON.stringify({ shops: BENCH_SHOPS, tills }));
  const db = openDatabase({ file, migrationsFolder: MIGRATIONS });
  // A bulk load, not a till: nothing here must survive a power cut, so the fastest settings apply.
  db.client.pragma('synchronous = OFF');
  // A cash tender is written before its drawer's closing row of that day: references hold once each day is done.
  db.client.pragma('foreign_keys = OFF');
  db.client.pragma('cache_size = -262144');
  const started = performance.now();
  const { bookings } = await new BenchDataGenerator(db, {
    sales,
    days,
    firstDayMs: FIRST_DAY,
    wristbands: 20_000,
  }).run();
  await markReady(db);
  db.client.pragma('wal_checkpoint(TRUNCATE)');
  await db.close();
  const took = performance.now() - started;
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  console.log(
    `Reports on ${sales.toLocaleString('en')} generated sales over ${days} days (${bookings.toLocaleString('en')} transactions rows, generated in ${seconds(took)}; load average ${load})`,
  );
}

type Call = (method: MethodName, input: unknown) => Promise<{ ms: number; value: unknown }>;

function timed(station: Station): Call {
  return async (method, input) => {
    const started = performance.now();
    const result = await station.dispatch(method, input, caller);
    const took = performance.now() - started;
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return { ms: took, value: result.value };
  };
}

async function repeat(call: Call, method: MethodName, input: unknown, times = 21): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push((await call(method, input)).ms);
  return samples;
}

function report(label: string, samples: number[], targetMs: number): void {
  const s = summary(samples);
  console.log(
    `  ${label}: median ${ms(s.median)}, p95 ${ms(s.p95)} (target ≤ ${targetMs} ms) ${verdict(s.median <= targetMs)}`,
  );
}

async function benchReads(call: Call, days: number): Promise<void> {
  report('Z report reprint (reports.getZ)', await repeat(call, 'reports.getZ', { number: 15 }), 100);
  report('X report of today (reports.getX)', await repeat(call, 'reports.getX', {}), 100);
  const page = (await call('reports.listTransactions', { method: 'wristband' })).value as {
    rows: { bancontactId: string | null; wristbandId: string | null }[];
    nextCursor: string;
  };
  const someone = (
    (await call('reports.listTransactions', { method: 'bancontact_display' })).value as typeof page
  ).rows[7]!;
  const mid = `2026-11-${String(Math.ceil(days / 2)).padStart(2, '0')}`;
  const filters: [string, Record<string, unknown>][] = [
    ['no filter', {}],
    ['one day', { from: mid, to: mid }],
    ['shop', { shopId: 'food' }],
    ['till', { tillId: 'till-07' }],
    ['cashier', { cashierId: 'c5' }],
    ['payment profile', { profileId: 'PPIDSTICKER' }],
    ['method', { method: 'cash' }],
    ['status (rare: expired)', { status: 'expired' }],
    ['search by Bancontact id', { search: someone.bancontactId }],
    ['search by wristband id', { search: page.rows[0]!.wristbandId }],
    ['next page (cursor)', { method: 'wristband', cursor: page.nextCursor }],
  ];
  for (const [label, input] of filters) {
    report(`transactions page of 50, ${label}`, await repeat(call, 'reports.listTransactions', input), 30);
  }
  report(
    'summary cards (today, week, month, year + hourly)',
    await repeat(call, 'reports.getSummaries', {}),
    50,
  );
}

/**
 * Each Z starts a backup of the books (a copy of gigabytes here): the figures are taken once those
 * copies are done, not while one competes with them for the two cores and the disk.
 */
async function backupsSettled(call: Call): Promise<void> {
  const started = performance.now();
  const running = async () => ((await call('backups.getStatus', {})).value as { running: boolean }).running;
  while (await running()) await new Promise((resolve) => setTimeout(resolve, 500));
  console.log(`  (the Z backups ended ${seconds(performance.now() - started)} after the last Z)`);
}

/** The CSV of everything, three times in a row: the median, and the peak RSS over all three. */
async function benchCsv(call: Call, sales: number): Promise<void> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const times: number[] = [];
  let value: unknown;
  for (let i = 0; i < 3; i++) ({ ms: times[i], value } = await call('reports.exportCsv', { separator: ';' }));
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const { rows, bytes } = value as { rows: number; bytes: number };
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
  const { median } = summary(times);
  const load = loadavg()[0]!.toFixed(1);
  console.log(
    `  CSV export of all ${rows.toLocaleString('en')} rows (${mib(bytes)}): median ${seconds(median)} of ${times.map(seconds).join(', ')} (target ≤ 5 s) ${verdict(median <= 5_000)}; ` +
      `RSS ${mib(before)} before, peak ${mib(peak)} (+${mib(peak - before)}) for ${sales.toLocaleString('en')} sales; load average ${load}`,
  );
}

async function benchRebuild(call: Call): Promise<void> {
  if (process.env.KASSA_BENCH_REBUILD === '0') return;
  const { ms: took, value } = await call('reports.rebuildTotals', {});
  const { bookings, differences } = value as { bookings: number; differences: number };
  console.log(
    `  rebuild of the totals from the raw rows: ${seconds(took)}, ${bookings.toLocaleString('en')} bookings, ${differences} totals rows differed`,
  );
}

function walSize(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}
