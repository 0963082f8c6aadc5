import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { StationRefusal } from '../../shared/contract';
import {
  closeDay,
  goLive,
  liveOptions,
  runCli,
  snapshot,
  testClock,
  type Simulator,
} from '../support/book-folders';
import { startTestSimulator, startTestStation, type TestStation } from '../support/station-in-process';
import { tempDir } from '../support/temp';

let sim: Simulator;
const clock = testClock();
/** A live production folder after two Zs; `z1` holds its database and marker as they were after Z 1. */
const template = tempDir('kassa-book-');
const z1 = tempDir('kassa-book-z1-');
/** Another station's live book: same settings, another book id. */
const other = tempDir('kassa-other-');
let folder: ReturnType<typeof tempDir>;
let dir: string;

beforeAll(async () => {
  sim = await startTestSimulator();
  const kassa = await startTestStation(liveOptions(sim, template.dir, clock.now));
  await goLive(kassa);
  expect(await closeDay(kassa, clock)).toBe(1);
  await kassa.close();
  for (const name of ['kassa.sqlite', 'books.json']) cpSync(join(template.dir, name), join(z1.dir, name));
  await kassa.restart();
  expect(await closeDay(kassa, clock)).toBe(2);
  await kassa.close();
  const second = await startTestStation(liveOptions(sim, other.dir, clock.now));
  await goLive(second);
  await second.close();
}, 60_000);
afterAll(async () => {
  await sim.close();
  for (const made of [template, z1, other]) made.remove();
});
beforeEach(() => {
  folder = tempDir('kassa-refuse-');
  cpSync(template.dir, folder.dir, { recursive: true });
  dir = folder.dir;
});
afterEach(() => folder.remove());

const kassaFile = (): string => join(dir, 'kassa.sqlite');

/** Starts an in-process station on the damaged folder, reads its refusal, and stops it. */
async function refusalOf(check?: (kassa: TestStation, refusal: StationRefusal) => Promise<void>) {
  const kassa = await startTestStation(liveOptions(sim, dir, clock.now));
  try {
    const status = await kassa.must('station.getStatus', {});
    expect(status.refusal).toBeTruthy();
    const refusal = status.refusal as StationRefusal;
    expect(kassa.station.refusal()).toEqual(refusal);
    // Every method off the allow-list answers the same one line.
    expect(await kassa.call('till.listSales', {})).toEqual({
      ok: false,
      error: { code: 'STATION_REFUSED', message: refusal.line },
    });
    await check?.(kassa, refusal);
    return refusal;
  } finally {
    await kassa.station.stop();
  }
}

/** The refused start, and the proof that the data folder is exactly as it was. */
async function expectRefusedUnchanged(expected: Partial<StationRefusal>, line: RegExp) {
  const before = snapshot(dir);
  const refusal = await refusalOf();
  expect(refusal).toMatchObject(expected);
  expect(refusal.line).toMatch(line);
  expect(snapshot(dir)).toEqual(before);
  return refusal;
}

const BOOK_REMEDY =
  /\. Restore a backup \(npm run restore -- --from FILE\), or start a new book \(npm run new-book\)\.$/;

describe('a live book that is not the one the marker remembers refuses to start', () => {
  it('a deleted kassa.sqlite: refused naming it, and SQLite creates no empty file', async () => {
    rmSync(kassaFile());
    await expectRefusedUnchanged(
      {
        file: kassaFile(),
        fileName: 'kassa.sqlite',
        problem: 'missing',
        remedies: ['restore-backup', 'start-new-book'],
      },
      BOOK_REMEDY,
    );
    expect(readdirSync(dir)).not.toContain('kassa.sqlite');
  });

  it('a truncated kassa.sqlite', async () => {
    truncateSync(kassaFile(), Math.floor(readFileSync(kassaFile()).length / 2));
    await expectRefusedUnchanged({ fileName: 'kassa.sqlite', problem: 'damaged' }, BOOK_REMEDY);
  });

  it('a kassa.sqlite holding another book', async () => {
    cpSync(join(other.dir, 'kassa.sqlite'), kassaFile());
    await expectRefusedUnchanged({ problem: 'other-book', databaseFile: 'kassa.sqlite' }, /another book/);
  });

  it('a kassa.sqlite whose last Z is below the marker (an older copy)', async () => {
    cpSync(join(z1.dir, 'kassa.sqlite'), kassaFile());
    await expectRefusedUnchanged(
      { problem: 'older-z' },
      /kassa\.sqlite: its last Z is 1, but Z 2 was issued: it is older than the books\. Restore a backup/,
    );
  });

  it('a higher Z than the marker is fine, and the marker catches up', async () => {
    cpSync(join(z1.dir, 'books.json'), join(dir, 'books.json'));
    const kassa = await startTestStation(liveOptions(sim, dir, clock.now));
    try {
      expect(await kassa.must('station.getStatus', {})).toMatchObject({ mode: 'live', refusal: null });
      const markers = JSON.parse(readFileSync(join(dir, 'books.json'), 'utf8')) as Record<
        string,
        { lastZ: number }
      >;
      expect(markers['kassa.sqlite']?.lastZ).toBe(2);
      expect(await closeDay(kassa, clock)).toBe(3);
    } finally {
      await kassa.station.stop();
    }
  });
});

describe('settings, secrets and the sales setup are checked at start', () => {
  it('settings.json with a wrong field names the file and the field', async () => {
    const settings = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ...settings, locale: 'de' }));
    await expectRefusedUnchanged(
      { fileName: 'settings.json', problem: 'bad-field', field: 'locale', remedies: ['fix-field'] },
      /settings\.json: the field "locale" is wrong .*\. Fix or remove the field "locale" in that file\.$/,
    );
  });

  it('sales-setup.json with a wrong field names the file and the field', async () => {
    writeFileSync(join(dir, 'sales-setup.json'), JSON.stringify({ cashRounding: 3 }));
    await expectRefusedUnchanged(
      { fileName: 'sales-setup.json', problem: 'bad-field', field: 'cashRounding' },
      /sales-setup\.json: the field "cashRounding" is wrong/,
    );
  });

  it('truncated settings.json', async () => {
    const text = readFileSync(join(dir, 'settings.json'), 'utf8');
    writeFileSync(join(dir, 'settings.json'), text.slice(0, text.length / 2));
    await expectRefusedUnchanged(
      { fileName: 'settings.json', problem: 'not-json' },
      /settings\.json: it is not valid JSON \(truncated or damaged\)\. Fix the file/,
    );
  });

  it('truncated secrets.json: refused without a word of its contents', async () => {
    const text = readFileSync(join(dir, 'secrets.json'), 'utf8');
    writeFileSync(join(dir, 'secrets.json'), text.slice(0, 10));
    const before = snapshot(dir);
    await refusalOf(async (kassa, refusal) => {
      expect(refusal).toMatchObject({ fileName: 'secrets.json', problem: 'not-json' });
      expect(refusal.line).not.toContain('bancontact.apiKey');
      // On the allow-list, but it reads the secrets: refused with the same line, rather than guessed.
      expect(await kassa.call('settings.get', {})).toEqual({
        ok: false,
        error: { code: 'STATION_REFUSED', message: refusal.line },
      });
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('a deleted secrets.json under live settings: refused, not started in training with real sales', async () => {
    rmSync(join(dir, 'secrets.json'));
    const refusal = await expectRefusedUnchanged(
      { fileName: 'secrets.json', problem: 'no-credentials', remedies: ['enter-credentials'] },
      /secrets\.json: it holds no Bancontact API key, but the settings say live mode\. Put the file back/,
    );
    expect(refusal.file).toBe(join(dir, 'secrets.json'));
    expect(readdirSync(dir)).not.toContain('secrets.json');
  });

  it('unknown settings fields survive a settings change', async () => {
    const settings = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    const backup = { ...(settings.backup as object), keepDays: 9 };
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ ...settings, fromNewerKassa: { a: 1 }, backup }),
    );
    const kassa = await startTestStation(liveOptions(sim, dir, clock.now));
    try {
      await kassa.must('settings.setLocale', { locale: 'fr' });
    } finally {
      await kassa.station.stop();
    }
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      mode: 'live',
      environment: 'production',
      locale: 'fr',
      fromNewerKassa: { a: 1 },
      backup: { keepDays: 9 },
    });
  });
});

describe('a read-only data folder', () => {
  it('refuses naming the folder, and changes nothing', async () => {
    execFileSync('mount', ['--bind', '-o', 'ro', dir, dir]);
    try {
      await expectRefusedUnchanged(
        { file: dir, problem: 'read-only', remedies: ['make-writable'] },
        /: the folder is read-only\. Make the folder writable/,
      );
    } finally {
      execFileSync('umount', [dir]);
    }
  });
});

describe('from the command line', () => {
  /** `npm run station` on the folder: exit 1 and exactly one line on stderr, the folder untouched. */
  async function stationRefuses(line: RegExp) {
    const before = snapshot(dir);
    const run = await runCli('station', ['--port', '0', '--data', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Kassa refused to start: [^\n]+\n$/);
    expect(run.stderr).toMatch(line);
    expect(run.stdout).not.toContain('ready');
    expect(snapshot(dir)).toEqual(before);
  }

  it('a zero-byte kassa.sqlite: one line, exit 1; the report command says the same', async () => {
    writeFileSync(kassaFile(), '');
    await stationRefuses(/kassa\.sqlite: it is empty \(0 bytes\)\. Restore a backup/);
    const out = join(dir, '..', `${folder.dir.split('/').pop() ?? 'x'}.pdf`);
    const report = await runCli('report', ['x', '--date', '2026-12-03', '--data', dir, '--out', out]);
    expect(report.code).toBe(1);
    expect(report.stderr).toMatch(/^Kassa refused to start: [^\n]+kassa\.sqlite: it is empty[^\n]+\n$/);
  });

  it('a garbage kassa.sqlite', async () => {
    writeFileSync(kassaFile(), Buffer.alloc(64 * 1024, 'not a database at all '));
    await stationRefuses(/kassa\.sqlite: it is not a SQLite database\. Restore a backup/);
  });

  it('settings.json with a wrong field', async () => {
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ mode: 'live', environment: 'production', ppid: 42 }),
    );
    await stationRefuses(/settings\.json: the field "ppid" is wrong/);
  });

  it('npm run new-book moves the damaged book aside and the Z numbers go on above it', async () => {
    writeFileSync(kassaFile(), 'garbage');
    const run = await runCli('new-book', ['--data', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Its first Z will be number 3\./);
    const aside = readdirSync(dir).filter((name) => name.startsWith('kassa-replaced-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe('garbage');
    const kassa = await startTestStation(liveOptions(sim, dir, clock.now));
    try {
      expect(await kassa.must('station.getStatus', {})).toMatchObject({ mode: 'live', refusal: null });
      expect(await closeDay(kassa, clock)).toBe(3);
    } finally {
      await kassa.station.stop();
    }
  });
});

describe('the remedies', () => {
  it('station.startNewBook: typed confirmation, the old file kept, the station running, Z numbers above the old', async () => {
    truncateSync(kassaFile(), 4096);
    const kassa = await startTestStation(liveOptions(sim, dir, clock.now));
    try {
      const wrong = await kassa.call('station.startNewBook', {
        databaseFile: 'kassa.sqlite',
        typedConfirmation: 'yes',
      });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const done = await kassa.must('station.startNewBook', {
        databaseFile: 'kassa.sqlite',
        typedConfirmation: 'kassa.sqlite',
      });
      expect(done).toMatchObject({ nextZNumber: 3, status: { mode: 'live', refusal: null } });
      expect(done.movedAside[0]).toMatch(/^kassa-replaced-\d{8}T\d{9}Z\.sqlite$/);
      expect(readFileSync(join(dir, done.movedAside[0] ?? '')).length).toBe(4096);
      expect((await kassa.call('till.listSales', {})).ok).toBe(true);
      // The screens were told both times: refused at start, running after the new book.
      const told = kassa.events.flatMap((e) =>
        e.name === 'station.changed' ? [e.payload.refusal?.problem ?? null] : [],
      );
      expect(told).toEqual(['damaged', null]);
      expect(await closeDay(kassa, clock)).toBe(3);
    } finally {
      await kassa.station.stop();
    }
  });

  it('a damaged training.sqlite is moved aside and training starts on a new one', async () => {
    const fresh = tempDir('kassa-training-');
    try {
      writeFileSync(join(fresh.dir, 'training.sqlite'), Buffer.alloc(8192, 'garbage '));
      const kassa = await startTestStation({ dataDir: fresh.dir, simulatorUrl: sim.baseUrl });
      try {
        expect(await kassa.must('station.getStatus', {})).toMatchObject({ mode: 'training', refusal: null });
        expect((await kassa.call('till.listSales', {})).ok).toBe(true);
      } finally {
        await kassa.station.stop();
      }
      const aside = readdirSync(fresh.dir).filter((name) => name.startsWith('training.sqlite.damaged-'));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(fresh.dir, aside[0] ?? ''), 'utf8')).toMatch(/^garbage /);
    } finally {
      fresh.remove();
    }
  });
});
