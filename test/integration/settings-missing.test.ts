import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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

let folder: ReturnType<typeof tempDir>;
let sim: Simulator | null = null;
let kassa: TestStation | null = null;
afterEach(async () => {
  await kassa?.close();
  kassa = null;
  await sim?.close();
  sim = null;
  folder.remove();
});

const settingsOf = (dataDir: string) =>
  JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;

describe('settings.json gone missing', () => {
  it('while a live station runs: the next change writes back what the station knew, never the defaults', async () => {
    folder = tempDir();
    sim = await startTestSimulator();
    const clock = testClock();
    kassa = await startTestStation(liveOptions(sim, folder.dir, clock.now));
    await goLive(kassa);
    const live = settingsOf(folder.dir);
    expect(live).toMatchObject({ mode: 'live', environment: 'production' });

    rmSync(join(folder.dir, 'settings.json'));
    await kassa.must('settings.setLocale', { locale: 'fr' });
    expect(settingsOf(folder.dir)).toEqual({ ...live, locale: 'fr' });
    expect(await kassa.must('settings.get', {})).toMatchObject({ mode: 'live', ppid: live.ppid });
  });

  it('at start, where the folder holds a live book: refused in one line, nothing changed', async () => {
    folder = tempDir();
    sim = await startTestSimulator();
    const clock = testClock();
    kassa = await startTestStation(liveOptions(sim, folder.dir, clock.now));
    await goLive(kassa);
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    await kassa.must('drawer.close', { tillId: 'till-1', countedCents: 0 });
    expect(await closeDay(kassa, clock)).toBe(1);
    await kassa.close();
    kassa = null;
    rmSync(join(folder.dir, 'settings.json'));
    const before = snapshot(folder.dir);

    const run = await runCli('station', ['--port', '0', '--data', folder.dir]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `Kassa refused to start: ${join(folder.dir, 'settings.json')}: it is missing, but this data folder holds a live book (kassa.sqlite). Put the file back, or set "mode" to "training" in settings.json and enter the credentials again in Settings.`,
    );
    expect(existsSync(join(folder.dir, 'settings.json'))).toBe(false);
    expect(snapshot(folder.dir)).toEqual(before);
  });
});
