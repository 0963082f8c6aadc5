import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchView } from '../../shared/contract/topup-batch-views';
import { startSimulatorServer } from '../../electron/core/simulator';
import { psql, startThrowawayPostgres, type PostgresServer } from '../support/postgres-server';
import { mustCall, spawnStation, type StationProcess } from '../support/station-process';
import { REPO_ROOT, tempDir, waitFor } from '../support/temp';
import { giveSiteFiles } from '../support/site-files';

/*
 * `npm run site-backup` / `site-restore` on a real throw-away PostgreSQL: a station sells on a site,
 * the site is dumped while it runs, restored under a new name, and a station started there answers the
 * same sales, balances and Z numbers, with its audit chain intact. The address carries a password
 * (the test server trusts loopback and ignores it) that must never show in what the tools print.
 */

const PASSWORD = 'pw-never-printed-7c1e';
let server: PostgresServer;
let sim: Awaited<ReturnType<typeof startSimulatorServer>>;
let work: ReturnType<typeof tempDir>;
const stations: StationProcess[] = [];

const siteUrl = (name: string) => `${server.baseUrl.replace('postgres@', `postgres:${PASSWORD}@`)}/${name}`;

beforeAll(async () => {
  server = await startThrowawayPostgres();
  psql(server.baseUrl, 'postgres', 'CREATE DATABASE fest');
  sim = await startSimulatorServer({ port: 0 });
  work = tempDir('kassa-site-backup-');
}, 60_000);

afterAll(async () => {
  for (const station of stations) await station.stop();
  await sim?.close();
  server?.remove();
  work?.remove();
});

interface CliRun {
  code: number | null;
  out: string;
}

/** A site CLI as `npm run site-…` runs it; the address in KASSA_DATABASE, as the README advises. */
function cli(
  name: 'site-backup' | 'site-restore',
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, `electron/cli/${name}.ts`), ...args],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, out })));
}

function must<T>(station: StationProcess, method: string, input: unknown = {}): Promise<T> {
  return mustCall<T>(station.url, method, input);
}

async function startOn(site: string, dataDir: string): Promise<StationProcess> {
  const station = await spawnStation({ dataDir, database: siteUrl(site), simulatorUrl: sim.baseUrl });
  stations.push(station);
  return station;
}

/** A day at the festival: a top-up, a wristband payment at a bar, a cash sale, a Bancontact sale, a Z. */
async function sell(station: StationProcess): Promise<string> {
  const printed = { count: 2, amountMode: 'open', description: 'Top-up', eventName: 'Fest', layout: 'label' };
  const { batch } = await must<{ batch: BatchView }>(station, 'topup.createBatch', printed);
  const band = batch.firstWristbandId;
  await must(station, 'training.topUp', { wristbandId: band, amountCents: 5_000 });
  await waitFor(async () => (await balance(station, band)) === 5_000, 20_000, 'the top-up booked');
  await must(station, 'till.payWithWristband', {
    amountCents: 1_200,
    idempotencyKey: 'bar-sale-0001',
    wristbandId: band,
  });
  await must(station, 'drawer.open', { tillId: 'till-1', floatCents: 0 });
  await must(station, 'till.payCash', {
    amountCents: 750,
    tenderedCents: 1_000,
    idempotencyKey: 'cash-sale-0001',
  });
  await must(station, 'drawer.close', { tillId: 'till-1', countedCents: 750 });
  const sale = await must<{ id: string }>(station, 'till.startPayment', {
    amountCents: 990,
    idempotencyKey: 'bancontact-0001',
  });
  await must(station, 'training.scan', { saleId: sale.id });
  await must(station, 'training.confirm', { saleId: sale.id });
  await waitFor(
    async () =>
      (await must<{ status: string }>(station, 'till.getSale', { saleId: sale.id })).status === 'paid',
    20_000,
    'the Bancontact sale paid',
  );
  await must(station, 'reports.closeDay', {});
  return band;
}

const balance = async (station: StationProcess, wristbandId: string) =>
  (await must<{ balanceCents: number }>(station, 'wristbands.get', { wristbandId })).balanceCents;

/** What a manager sees of the ledger: the sales, the wristband's balance, the Z reports. */
async function ledger(station: StationProcess, band: string) {
  return {
    sales: await must(station, 'till.listSales', { limit: 50 }),
    balanceCents: await balance(station, band),
    liability: await must(station, 'topup.getLiability', {}),
    zs: await must(station, 'reports.listZ', { limit: 50 }),
  };
}

/** A station of the restored site is given the site key, as every station of a site is. */
function newStationFolder(keyFrom: string): string {
  const folder = tempDir('kassa-site-station-');
  giveSiteFiles(keyFrom, folder.dir);
  return folder.dir;
}

let backupFolder = '';

describe('backing up and restoring a site’s ledger on PostgreSQL', () => {
  it('a site dumped while its station sells, restored under a new name, answers the same sales, balances, Z numbers and audit chain', async () => {
    const first = tempDir('kassa-site-station-').dir;
    const a = await startOn('fest', first);
    const band = await sell(a);
    const before = await ledger(a, band);
    expect(before.zs).toMatchObject([{ number: 1 }]);
    expect(before.balanceCents).toBe(3_800);
    expect((before.sales as unknown[]).length).toBeGreaterThanOrEqual(3);
    const chainAtA = await must<{ ok: boolean; checked: number }>(a, 'audit.verify');

    const backup = await cli('site-backup', ['--to', join(work.dir, 'backups')], {
      KASSA_DATABASE: siteUrl('fest'),
    });
    expect(backup.out).not.toContain(PASSWORD);
    expect(backup.code, backup.out).toBe(0);
    backupFolder = /Site backup written to (\S+) /.exec(backup.out)![1]!;
    const manifest = JSON.parse(readFileSync(join(backupFolder, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      kind: 'kassa-site-backup',
      site: 'fest',
      kassaVersion: expect.any(String),
    });
    expect(manifest.dumps.map((d: { database: string }) => d.database)).toEqual(['fest', 'fest_training']);
    await a.stop();

    const restore = await cli('site-restore', ['--from', backupFolder, '--database', siteUrl('fest2')]);
    expect(restore.out).not.toContain(PASSWORD);
    expect(restore.code, restore.out).toBe(0);
    const b = await startOn('fest2', newStationFolder(first));
    expect(await ledger(b, band)).toEqual(before);
    // The payments made at Bancontact since the backup are searched for, as after a restore on SQLite.
    const gap = await waitFor(
      async () => (await must<{ searchedAt: string | null } | null>(b, 'restore.getLast'))?.searchedAt,
      15_000,
      'the gap searched at Bancontact',
    );
    expect(Date.parse(gap)).toBeGreaterThan(
      Date.parse(JSON.parse(readFileSync(join(backupFolder, 'manifest.json'), 'utf8')).takenAt),
    );
    const audit = await must<{ ok: boolean; checked: number }>(b, 'audit.verify');
    expect(chainAtA.ok).toBe(true);
    expect(audit.ok).toBe(true);
    expect(audit.checked).toBeGreaterThanOrEqual(chainAtA.checked);

    const busy = await cli('site-restore', [
      '--from',
      backupFolder,
      '--database',
      siteUrl('fest2'),
      '--replace',
    ]);
    expect(busy.code).toBe(1);
    expect(busy.out).toMatch(/a Kassa program is connected to the target: fest2/);
    await b.stop();
    const full = await cli('site-restore', ['--from', backupFolder, '--database', siteUrl('fest2')]);
    expect(full.code).toBe(1);
    expect(full.out).toMatch(/the target already holds tables \(fest2, fest2_training\).*--replace/);
  }, 180_000);

  it('refuses a dump with one byte flipped, before creating any database', async () => {
    const damaged = join(work.dir, 'damaged');
    cpSync(backupFolder, damaged, { recursive: true });
    const dump = join(damaged, 'training.dump');
    const bytes = readFileSync(dump);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(dump, bytes);
    const run = await cli('site-restore', ['--from', damaged, '--database', siteUrl('fest3')]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/training\.dump is damaged: its sha256 is not the one the manifest recorded/);
    expect(
      psql(server.baseUrl, 'postgres', "SELECT count(*) FROM pg_database WHERE datname LIKE 'fest3%'").trim(),
    ).toBe('0');
  }, 60_000);

  it('says in one line when pg_dump is missing or the server cannot be reached, never the password', async () => {
    const noTool = await cli('site-backup', ['--to', work.dir], {
      KASSA_DATABASE: siteUrl('fest'),
      PATH: '/nonexistent',
    });
    expect(noTool).toMatchObject({
      code: 1,
      out: 'Site backup failed: pg_dump is not installed: apt-get install postgresql-client\n',
    });
    const closed = `postgres://postgres:${PASSWORD}@127.0.0.1:1/fest`;
    const away = await cli('site-backup', ['--database', closed, '--to', work.dir]);
    expect(away.code).toBe(1);
    expect(away.out).toMatch(
      /^Site backup failed: cannot reach PostgreSQL at 127\.0\.0\.1:1\/fest: .*ECONNREFUSED.*\n$/,
    );
    expect(away.out).not.toContain(PASSWORD);
  }, 60_000);
});
