import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupRunner, type BackupRequest } from '../../electron/core/backup/backup-runner';
import { BackupService } from '../../electron/core/backup/backup-service';
import { openDatabase } from '../../electron/core/db/open-database';
import { silentLogger } from '../../electron/core/logging/logger';
import type { BackupStatusView } from '../../shared/contract/backup-methods';
import { startTestStation, type TestStation } from '../support/station-in-process';
import { writeOlderDatabase } from '../support/older-database';
import { MIGRATIONS, tempDir, waitFor } from '../support/temp';

const cleanups: Array<() => Promise<void> | void> = [];
const stations: TestStation[] = [];
// The stations stop first: a stopping station lets its backups under way finish, and a folder removed
// beneath a running copy fails the removal (ENOTEMPTY) whichever was made first.
afterEach(async () => {
  for (const kassa of stations.splice(0).reverse()) await kassa.close();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function station(options: Parameters<typeof startTestStation>[0] = {}): Promise<TestStation> {
  const kassa = await startTestStation(options);
  stations.push(kassa);
  return kassa;
}

function folder(): string {
  const made = tempDir('kassa-backups-');
  cleanups.push(() => made.remove());
  return made.dir;
}

const key = () => `key-${Math.random().toString(36).slice(2)}`;
const cashSale = (kassa: TestStation, amountCents: number) =>
  kassa.must('till.payCash', {
    amountCents,
    tenderedCents: amountCents,
    idempotencyKey: key(),
    tillId: 'till-1',
  });

const statusEvents = (kassa: TestStation): BackupStatusView[] =>
  kassa.events.flatMap((event) => (event.name === 'backups.changed' ? [event.payload] : []));

/** Opens a backup the way a restore would: read-only, and it must pass SQLite's own check. */
function openBackup(path: string): Database.Database {
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  cleanups.push(() => void copy.close());
  expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
  return copy;
}

describe('a backup after every Z', () => {
  it('holds that Z and its sales, in a private file in a private folder', async () => {
    const kassa = await station();
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    for (const amount of [1000, 250, 1250]) await cashSale(kassa, amount);
    await kassa.must('drawer.close', { tillId: 'till-1', countedCents: 2500 });
    const z = await kassa.must('reports.closeDay', {});
    const status = await waitFor(
      () => statusEvents(kassa).find((s) => s.lastBackup?.reason === 'z' && !s.running),
      10_000,
      'the Z backup',
    );
    expect(status).toMatchObject({
      databaseFile: 'training.sqlite',
      lastFailure: null,
      folderIsDefault: true,
    });
    const file = join(status.folder, status.lastBackup!.fileName);
    const copy = openBackup(file);
    const zRow = copy.prepare('select number from z_reports').all();
    expect(zRow).toEqual([{ number: z.number }]);
    const cash = copy.prepare('select sum(due_cents) as total, count(*) as n from cash_tenders').get();
    expect(cash).toEqual({ total: 2500, n: 3 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(status.folder).mode & 0o777).toBe(0o700);
    expect(readdirSync(status.folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
    const listed = await kassa.must('backups.list', {});
    expect(listed[0]).toMatchObject({
      fileName: status.lastBackup!.fileName,
      reason: 'z',
      databaseFile: 'training.sqlite',
    });
    expect(listed[0]!.sizeBytes).toBe(statSync(file).size);
  });
});

describe('a backup every N minutes of activity', () => {
  /** A database opened as the station opens it, and a backup service over it on a clock the test moves. */
  function serviceOverDatabase() {
    const dataDir = folder();
    const db = openDatabase({ file: join(dataDir, 'kassa.sqlite'), migrationsFolder: MIGRATIONS });
    cleanups.push(() => db.close());
    const clock = { at: Date.parse('2026-12-03T10:00:00Z') };
    const service = new BackupService({
      dataDir,
      settings: () => ({ folder: null, intervalMinutes: 15, previousFolders: [] }),
      current: () => ({ databaseFile: 'kassa.sqlite', sqlite: db.client }),
      now: () => clock.at,
      logger: silentLogger,
      onChanged: () => undefined,
    });
    cleanups.push(() => service.stop());
    let n = 0;
    // Backups count SQLite's own changes on the station's connection: straight on it.
    const change = () =>
      db.client.prepare('insert into report_meta (key, value) values (?, ?)').run(`probe-${n++}`, 'x');
    return { service, clock, change, folder: join(dataDir, 'backups') };
  }
  const minutes = (m: number) => m * 60_000;

  it('waits for a change, then for the interval since the last backup, and skips quiet periods', async () => {
    const { service, clock, change, folder: backups } = serviceOverDatabase();
    expect(await service.checkActivity()).toBeNull(); // first look: nothing changed since
    clock.at += minutes(120);
    expect(await service.checkActivity()).toBeNull(); // two quiet hours: no backup
    change();
    const first = await service.checkActivity(); // never backed up: the first change is due at once
    expect(first).toMatchObject({ ok: true, reason: 'interval' });
    clock.at += minutes(5);
    change();
    expect(await service.checkActivity()).toBeNull(); // changed, but only 5 minutes after the last
    clock.at += minutes(10);
    const second = await service.checkActivity();
    expect(second).toMatchObject({ ok: true, reason: 'interval', takenAt: clock.at });
    clock.at += minutes(60);
    expect(await service.checkActivity()).toBeNull(); // an hour without a sale: nothing new to save
    expect(listNames(backups)).toEqual([second, first].map((o) => (o?.ok ? o.fileName : '')));
    const copy = openBackup(join(backups, second?.ok ? second.fileName : ''));
    expect(copy.prepare("select count(*) as n from report_meta where key like 'probe-%'").get()).toEqual({
      n: 2,
    });
  });

  it('happens in a running station after a sale, from its own timer', async () => {
    const kassa = await station({ backupCheckMs: 20 });
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    await cashSale(kassa, 700);
    const made = await waitFor(
      () => statusEvents(kassa).find((s) => s.lastBackup?.reason === 'interval'),
      10_000,
      'an interval backup',
    );
    const copy = openBackup(join(made.folder, made.lastBackup!.fileName));
    expect(copy.prepare('select due_cents from cash_tenders').all()).toEqual([{ due_cents: 700 }]);
  });
});

/** The book backups in a folder (the station database's own go to its `station/` folder). */
function listNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name !== 'station')
    .sort()
    .reverse();
}

describe('one backup at a time per database', () => {
  it('makes requests that come while one runs share a single backup after it, named for the weightiest reason', async () => {
    const dataDir = folder();
    const db = openDatabase({ file: join(dataDir, 'kassa.sqlite'), migrationsFolder: MIGRATIONS });
    cleanups.push(() => db.close());
    let clock = Date.parse('2026-12-03T10:00:00Z');
    const started: BackupRequest[] = [];
    const runner = new BackupRunner({
      now: () => (clock += 1_000),
      onStarted: (request) => started.push({ ...request }),
    });
    cleanups.push(() => runner.settle());
    const request = (reason: BackupRequest['reason']): BackupRequest => ({
      sourceFile: join(dataDir, 'kassa.sqlite'),
      databaseFile: 'kassa.sqlite',
      folder: join(dataDir, 'backups'),
      reason,
    });
    const first = runner.run(request('interval'));
    expect(runner.isRunning(join(dataDir, 'kassa.sqlite'))).toBe(true);
    const second = runner.run(request('interval'));
    const third = runner.run(request('z'));
    const [a, b, c] = await Promise.all([first, second, third]);
    expect(started.map((r) => r.reason)).toEqual(['interval', 'z']);
    expect(b).toBe(c);
    expect(a).toMatchObject({ ok: true, reason: 'interval' });
    expect(b).toMatchObject({ ok: true, reason: 'z' });
    expect(listNames(join(dataDir, 'backups'))).toEqual([b, a].map((o) => (o.ok ? o.fileName : '')));
    expect(runner.isRunning(join(dataDir, 'kassa.sqlite'))).toBe(false);
  });
});

describe('a backup before every migration', () => {
  /** A data folder whose training database was made by an older Kassa: only its first four migrations. */
  function olderDatabase(): string {
    const dataDir = folder();
    writeOlderDatabase(join(dataDir, 'training.sqlite'), 4, folder());
    return dataDir;
  }
  const applied = (sqlite: Database.Database) =>
    (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;

  it('copies the database as the older Kassa left it, before migrating it', async () => {
    const dataDir = olderDatabase();
    const kassa = await station({ dataDir });
    const [backup, ...others] = await kassa.must('backups.list', {});
    expect(others).toEqual([]);
    expect(backup).toMatchObject({ databaseFile: 'training.sqlite', reason: 'migration' });
    const copy = openBackup(join(dataDir, 'backups', backup!.fileName));
    expect(applied(copy)).toBe(4);
    const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    const live = new Database(join(dataDir, 'training.sqlite'), { readonly: true });
    cleanups.push(() => void live.close());
    expect(applied(live)).toBe(journal.entries.length);
  });

  it('takes none for a new database, nor for one already up to date', async () => {
    const kassa = await station();
    await kassa.restart();
    expect(await kassa.must('backups.list', {})).toEqual([]);
  });
});

describe('the backup folder and failures', () => {
  it('checks a chosen folder, and keeps the folder and the interval across a restart', async () => {
    const kassa = await station();
    const codeOf = async (folderPath: string) => {
      const result = await kassa.call('backups.setFolder', { folder: folderPath });
      return result.ok ? 'OK' : result.error.code;
    };
    expect(await codeOf('relative/backups')).toBe('INVALID_INPUT');
    const aFile = join(folder(), 'a-file');
    writeFileSync(aFile, 'x');
    expect(await codeOf(join(aFile, 'backups'))).toBe('INVALID_INPUT');
    const chosen = join(folder(), 'usb', 'kassa');
    const status = await kassa.must('backups.setFolder', { folder: chosen });
    expect(status).toMatchObject({ folder: chosen, folderIsDefault: false });
    expect(statSync(chosen).mode & 0o777).toBe(0o700);
    await kassa.must('backups.setInterval', { intervalMinutes: 5 });
    await kassa.restart();
    expect(await kassa.must('backups.getStatus', {})).toMatchObject({ folder: chosen, intervalMinutes: 5 });
    const made = await kassa.must('backups.runNow', {});
    expect(listNames(chosen)).toEqual([made.fileName]);
  });

  it('warns through the status and the event when the folder cannot be written, and sales go on', async () => {
    const kassa = await station();
    const chosen = join(folder(), 'backups');
    await kassa.must('backups.setFolder', { folder: chosen });
    // The disk went away and something else now sits at that path.
    rmSync(chosen, { recursive: true });
    writeFileSync(chosen, 'not a folder');
    const refused = await kassa.call('backups.runNow', {});
    expect(refused.ok ? 'OK' : refused.error.code).toBe('INTERNAL');
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    expect((await cashSale(kassa, 450)).sale.status).toBe('paid');
    await kassa.must('drawer.close', { tillId: 'till-1', countedCents: 450 });
    await kassa.must('reports.closeDay', {});
    const warned = await waitFor(
      () => statusEvents(kassa).find((s) => s.lastFailure?.reason === 'z' && !s.running),
      10_000,
      'the failed Z backup',
    );
    expect(warned.lastFailure!.message).toMatch(/EEXIST|ENOTDIR/);
    expect(await kassa.must('backups.getStatus', {})).toMatchObject({ lastFailure: warned.lastFailure });
    // A restart does not make the failure look as if all was well.
    await kassa.restart();
    expect(await kassa.must('backups.getStatus', {})).toMatchObject({ lastFailure: warned.lastFailure });
    rmSync(chosen);
    await kassa.must('backups.runNow', {});
    expect(await kassa.must('backups.getStatus', {})).toMatchObject({
      lastFailure: null,
      lastBackup: { reason: 'manual' },
    });
    await kassa.restart();
    expect((await kassa.must('backups.getStatus', {})).lastFailure).toBeNull();
  });

  it('answers DISK_FULL when the backup disk is full', async () => {
    const kassa = await station();
    const small = folder();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', small]);
    cleanups.push(() => void execFileSync('umount', [small]));
    await kassa.must('backups.setFolder', { folder: small });
    const refused = await kassa.call('backups.runNow', {});
    expect(refused.ok ? 'OK' : refused.error.code).toBe('DISK_FULL');
    // Nothing but, at most, the empty folder the station database's backup would have gone to.
    expect(readdirSync(small).filter((name) => name !== 'station')).toEqual([]);
    expect((await kassa.must('backups.getStatus', {})).lastFailure?.reason).toBe('manual');
  });
});
