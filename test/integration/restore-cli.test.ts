import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TRAINING_DISPLAY_PROFILE } from '../../electron/core/simulator';
import {
  backUp,
  cashDay,
  nextKey,
  openStation,
  paidSale,
  searched,
  type Kassa,
} from '../support/restore-station';
import { startTestSimulator, startTestStation } from '../support/station-in-process';
import { REPO_ROOT, tempDir, waitFor } from '../support/temp';

let folder: ReturnType<typeof tempDir>;
let kassa: Kassa | null = null;
afterEach(async () => {
  await kassa?.stop();
  kassa = null;
  folder.remove();
});

function restoreCli(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'electron/cli/restore.ts'), ...args],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run restore', () => {
  it('restores a backup while no station runs, and the station then re-learns the gap', async () => {
    folder = tempDir();
    kassa = await openStation(folder.dir);
    await paidSale(kassa, 1_000);
    const backup = join(folder.dir, 'backups', backUp(folder.dir, 'training.sqlite'));
    const gap = await paidSale(kassa, 4_321);
    await cashDay(kassa, 600);
    expect((await kassa.must('reports.closeDay', {})).number).toBe(1);

    const refused = restoreCli('--from', backup, '--data', folder.dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/station \(process \d+\) is running/);
    expect(restoreCli('--data', folder.dir).status).toBe(2);
    expect(restoreCli('--from', backup, '--database', 'nope', '--data', folder.dir).status).toBe(2);

    await kassa.stop();
    kassa = null;
    const garbage = join(folder.dir, 'copy.sqlite');
    writeFileSync(garbage, 'garbage');
    const bad = restoreCli('--from', garbage, '--database', 'training', '--data', folder.dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/copy\.sqlite: is not a SQLite database/);
    expect(restoreCli('--from', garbage, '--data', folder.dir).status).toBe(2);

    const done = restoreCli('--from', backup, '--data', folder.dir);
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(
      /^Restored training\.sqlite in .* from training-\d{8}T\d{9}Z-manual\.sqlite; the replaced file is kept as training\.sqlite\.before-restore-/,
    );
    expect(done.stdout).toMatch(/The next Z is number 2 or higher/);
    expect(done.stdout).toMatch(/Z 1 was issued after this backup/);
    expect(done.stdout).toMatch(
      /Cash sales, wristband payments at the bars and drawer movements .* cannot come back/,
    );
    expect(statSync(join(folder.dir, 'training.sqlite')).mode & 0o777).toBe(0o600);

    kassa = await openStation(folder.dir);
    const last = await searched(kassa);
    expect(last.recovered.map((p) => [p.kind, p.bancontactId, p.amountCents])).toEqual([
      ['sale', gap.payment!.bancontactId, 4_321],
    ]);
    expect((await kassa.must('reports.closeDay', {})).number).toBe(2);
  });

  it('restores a live book, raises its Z floor above the lost Z and rewrites its marker', async () => {
    folder = tempDir();
    const dataDir = folder.dir;
    kassa = await openStation(dataDir);
    await cashDay(kassa, 800);
    expect((await kassa.must('reports.closeDay', {})).number).toBe(1);
    await kassa.stop();
    kassa = null;
    // The training book stands in for a live one: the same file name and marker as production.
    copyFileSync(join(dataDir, 'training.sqlite'), join(dataDir, 'old.sqlite'));
    writeFileSync(
      join(dataDir, 'books.json'),
      JSON.stringify({ 'kassa.sqlite': { bookId: 'x', lastZ: 7, updatedAt: 1 } }),
    );
    // A copy of another book is refused, and so is one without a book id: neither is this book.
    const copy = new Database(join(dataDir, 'old.sqlite'));
    copy.exec(
      "INSERT OR REPLACE INTO book_identity (id, book_id, created_at, z_floor) VALUES (1, 'y', 1, 0)",
    );
    const other = restoreCli('--from', join(dataDir, 'old.sqlite'), '--database', 'kassa', '--data', dataDir);
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/old\.sqlite: is a backup of another book/);
    copy.exec('DELETE FROM book_identity');
    const nameless = restoreCli(
      '--from',
      join(dataDir, 'old.sqlite'),
      '--database',
      'kassa',
      '--data',
      dataDir,
    );
    expect(nameless.stderr).toMatch(/old\.sqlite: has no book id/);
    copy.exec("INSERT INTO book_identity (id, book_id, created_at, z_floor) VALUES (1, 'x', 1, 0)");
    copy.close();
    const done = restoreCli('--from', join(dataDir, 'old.sqlite'), '--database', 'kassa', '--data', dataDir);
    expect(done.status).toBe(0);
    const marker = JSON.parse(readFileSync(join(dataDir, 'books.json'), 'utf8')) as Record<
      string,
      { lastZ: number; bookId: string }
    >;
    expect(marker['kassa.sqlite']?.lastZ).toBe(7);
    const restored = new Database(join(dataDir, 'kassa.sqlite'), { readonly: true });
    const identity = restored.prepare('SELECT book_id AS bookId, z_floor AS zFloor FROM book_identity').get();
    restored.close();
    expect(identity).toMatchObject({ bookId: marker['kassa.sqlite']?.bookId, zFloor: 7 });

    // A new computer after the old one died: the data folder does not exist yet.
    const fresh = join(dataDir, 'new-computer');
    expect(
      restoreCli('--from', join(dataDir, 'old.sqlite'), '--database', 'kassa', '--data', fresh).status,
    ).toBe(0);
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
    expect(statSync(join(fresh, 'kassa.sqlite')).mode & 0o777).toBe(0o600);
    const freshMarker = JSON.parse(readFileSync(join(fresh, 'books.json'), 'utf8')) as Record<
      string,
      { lastZ: number }
    >;
    expect(freshMarker['kassa.sqlite']?.lastZ).toBe(1);
  });
});

describe('restoring a refused station', () => {
  it('brings a live book whose file was deleted back from its backup, and the station starts', async () => {
    folder = tempDir();
    const dataDir = folder.dir;
    const bancontact = await startTestSimulator();
    const options = { dataDir, environmentUrls: { preprod: bancontact.baseUrl } };
    let live = await startTestStation(options);
    const PPID = TRAINING_DISPLAY_PROFILE.ppid;
    const KEY = TRAINING_DISPLAY_PROFILE.apiKey;
    const paidLive = async (amountCents: number) => {
      const sale = await live.must('till.startPayment', { amountCents, idempotencyKey: nextKey() });
      const paymentId = sale.payment!.bancontactId!;
      await bancontact.control('/_sim/payer/scan', {
        payload: `https://pay.bancontact.net/pay/2/${paymentId}`,
      });
      await bancontact.control('/_sim/payer/confirm', { paymentId });
      await waitFor(async () => (await live.must('till.getSale', { saleId: sale.id })).status === 'paid');
      return paymentId;
    };
    try {
      await live.must('settings.testConnection', { environment: 'preprod', ppid: PPID, apiKey: KEY });
      await live.must('settings.goLive', { environment: 'preprod', ppid: PPID, apiKey: KEY });
      await paidLive(1_000);
      expect((await live.must('reports.closeDay', {})).number).toBe(1);
      const backup = backUp(dataDir, 'preprod.sqlite');
      const lost = await paidLive(2_500);
      expect((await live.must('reports.closeDay', {})).number).toBe(2);
      await live.close();
      for (const suffix of ['', '-wal', '-shm'])
        rmSync(join(dataDir, `preprod.sqlite${suffix}`), { force: true });

      live = await startTestStation(options);
      expect((await live.must('station.getStatus', {})).refusal).toBeTruthy();
      expect(await live.call('till.listSales', {})).toMatchObject({
        ok: false,
        error: { code: 'STATION_REFUSED' },
      });
      expect(await live.must('backups.restore', { fileName: backup })).toMatchObject({
        databaseFile: 'preprod.sqlite',
        movedAside: null,
        lastZ: 2,
      });
      expect(await live.must('station.getStatus', {})).toMatchObject({
        mode: 'live',
        environment: 'preprod',
      });
      expect((await live.must('station.getStatus', {})).refusal ?? null).toBeNull();
      const last = await waitFor(async () => {
        const view = await live.must('restore.getLast', {});
        return view?.searchedAt ? view : undefined;
      });
      expect(last.recovered.map((p) => [p.kind, p.bancontactId, p.amountCents])).toEqual([
        ['sale', lost, 2_500],
      ]);
      expect((await live.must('reports.closeDay', {})).number).toBe(3);
    } finally {
      await live.close();
      await bancontact.close();
    }
  });
});
