import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { stationWindowCaller, type Caller } from '../../electron/core/api/dispatcher';
import { silentLogger } from '../../electron/core/logging/logger';
import { createStation, type Station } from '../../electron/core/station';
import { MIGRATIONS, tempDir } from '../support/temp';
import { epochNow, summary } from './stats';

const caller: Caller = stationWindowCaller('local-http');
const WARM_UP_SALES = 20;
/** Rows of about 1 KB, added until the file has the size asked for. */
const ROW_BYTES = 1_000;
const ROWS_PER_COMMIT = 50_000;

async function must(station: Station, method: string, input: unknown): Promise<unknown> {
  const result = await station.dispatch(method, input, caller);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function startStation(dataDir: string): Promise<Station> {
  const station = createStation({ dataDir, migrationsFolder: MIGRATIONS, logger: silentLogger });
  return station.start().then(() => station);
}

/**
 * Grows the training database to about `megabytes` with the station's own schema: refused-callback
 * samples (a table nothing reads while selling) of 1 KB each. Written with the journal off, since
 * nothing else has the file open and a lost bench file is no loss; WAL again afterwards, as the station
 * keeps it.
 */
function fill(file: string, megabytes: number): void {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = DELETE');
  sqlite.pragma('synchronous = OFF');
  const insert = sqlite.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO callback_rejections (received_at, profile_id, reason, detail, body_excerpt)
     SELECT ?, 'bench', 'BAD_SIGNATURE', 'filler', hex(randomblob(?)) FROM n`,
  );
  const bytes = () =>
    Number(sqlite.pragma('page_count', { simple: true })) *
    Number(sqlite.pragma('page_size', { simple: true }));
  while (bytes() < megabytes * 1_000_000) insert.run(ROWS_PER_COMMIT, Date.now(), ROW_BYTES / 2);
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
}

let saleNumber = 0;
async function timedSale(station: Station): Promise<number> {
  const started = epochNow();
  await must(station, 'till.payCash', {
    tillId: 'till-1',
    amountCents: 1_250,
    tenderedCents: 2_000,
    idempotencyKey: `bench-backup-${saleNumber++}`,
  });
  return epochNow() - started;
}

/**
 * Back to back, but each sale a task of its own as an HTTP request is: the dispatcher answers a cash
 * sale without waiting on I/O, so a bare loop of awaits would never let the event loop run (and never
 * hear that the backup's worker ended).
 */
async function salesWhile(station: Station, running: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (running()) {
    times.push(await timedSale(station));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return times;
}

function sales(station: Station, count: number): Promise<number[]> {
  let left = count;
  return salesWhile(station, () => left-- > 0);
}

interface BackupRun {
  tookMs: number;
  sizeBytes: number;
  during: number[];
}

/** Sells back to back from the moment Back up now is pressed until the backup is on disk. */
async function salesDuringBackup(station: Station): Promise<BackupRun> {
  const started = epochNow();
  let done = false;
  const backup = must(station, 'backups.runNow', {}).finally(() => (done = true));
  const during = await salesWhile(station, () => !done);
  const made = (await backup) as { sizeBytes: number };
  return { tookMs: epochNow() - started, sizeBytes: made.sizeBytes, during };
}

/**
 * What a backup of a ~1 GB database costs a sale: a cash sale (`till.payCash` through the station's
 * dispatcher, in the station's own process and thread) timed without a backup, then while one runs,
 * then without again (so that drift on a shared machine shows). The backup runs in its worker thread.
 */
export async function benchBackup(megabytes = 1_024, baselineSales = 300): Promise<void> {
  const folder = tempDir('kassa-bench-backup-');
  try {
    // The station makes its database and schema, then it is grown while nothing has it open.
    await (await startStation(folder.dir)).stop();
    const filling = epochNow();
    fill(join(folder.dir, 'training.sqlite'), megabytes);
    const filledIn = epochNow() - filling;
    const station = await startStation(folder.dir);
    try {
      await must(station, 'drawer.open', { tillId: 'till-1', floatCents: 0 });
      // Another disk (or a RAM disk, to tell disk contention from CPU contention): KASSA_BENCH_BACKUP_FOLDER.
      const elsewhere = process.env.KASSA_BENCH_BACKUP_FOLDER;
      if (elsewhere) await must(station, 'backups.setFolder', { folder: elsewhere });
      await sales(station, WARM_UP_SALES);
      const before = await sales(station, baselineSales);
      const run = await salesDuringBackup(station);
      const after = await sales(station, baselineSales);
      const size = statSync(join(folder.dir, 'training.sqlite')).size;
      printBackup({ size, filledIn, before, after, run, folder: elsewhere ?? 'the data folder (same disk)' });
    } finally {
      await station.stop();
    }
  } finally {
    folder.remove();
  }
}

const msText = (value: number): string => `${value.toFixed(2)} ms`;
const mb = (bytes: number): string => `${(bytes / 1_000_000).toFixed(0)} MB`;

function printBackup(figures: {
  folder: string;
  size: number;
  filledIn: number;
  before: number[];
  after: number[];
  run: BackupRun;
}): void {
  const { size, filledIn, before, after, run, folder } = figures;
  const quiet = summary([...before, ...after]);
  const busy = summary(run.during);
  console.log(`\nBackup of a ${mb(size)} database (built in ${(filledIn / 1000).toFixed(1)} s) to ${folder}`);
  console.log(
    `  backup (VACUUM INTO in a worker, fsync, rename): ${(run.tookMs / 1000).toFixed(1)} s, ${mb(run.sizeBytes)}`,
  );
  console.log(
    `  cash sale without a backup: median ${msText(quiet.median)}, p95 ${msText(quiet.p95)} ` +
      `(${before.length + after.length} sales, before and after)`,
  );
  console.log(
    `  cash sale while it runs:    median ${msText(busy.median)}, p95 ${msText(busy.p95)}, max ${msText(busy.max)} ` +
      `(${run.during.length} sales)`,
  );
  console.log(
    `  ratio while / without: median ×${(busy.median / quiet.median).toFixed(2)}, p95 ×${(busy.p95 / quiet.p95).toFixed(2)}`,
  );
}
