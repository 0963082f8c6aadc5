import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestStation, type TestStation } from '../support/station-in-process';
import { tempDir } from '../support/temp';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function station(dataDir?: string): Promise<TestStation> {
  const kassa = await startTestStation(dataDir ? { dataDir } : {});
  cleanups.push(() => kassa.close());
  return kassa;
}

function folder(): string {
  const made = tempDir('kassa-backup-folders-');
  cleanups.push(() => made.remove());
  return made.dir;
}

describe('the backup folder', () => {
  it('is never a system folder, whether typed in Settings or written in settings.json', async () => {
    const dataDir = folder();
    const kassa = await station(dataDir);
    const refused = await kassa.call('backups.setFolder', { folder: '/proc/kassa-backups' });
    expect(refused.ok ? 'OK' : refused.error).toMatchObject({
      code: 'INVALID_INPUT',
      message:
        'The backup folder /proc/kassa-backups is inside /proc, a system folder that cannot hold files',
    });
    await kassa.close();
    cleanups.pop();

    // Someone wrote it in the file by hand: the backup fails plainly instead of hanging.
    const settingsFile = join(dataDir, 'settings.json');
    const settings = existsSync(settingsFile)
      ? (JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>)
      : {};
    writeFileSync(
      settingsFile,
      JSON.stringify({ ...settings, backup: { folder: '/sys/kassa', intervalMinutes: 15 } }),
    );
    const again = await station(dataDir);
    const failed = await again.call('backups.runNow', {});
    expect(failed.ok ? 'OK' : failed.error.message).toMatch(/\/sys\/kassa is inside \/sys/);
    expect((await again.must('backups.getStatus', {})).lastFailure).toMatchObject({ reason: 'manual' });
  });

  it('keeps the modes of a folder that was there before, such as a USB stick’s', async () => {
    const kassa = await station();
    const stick = join(folder(), 'usb');
    mkdirSync(stick);
    chmodSync(stick, 0o755);
    await kassa.must('backups.setFolder', { folder: stick });
    const made = await kassa.must('backups.runNow', {});
    expect(statSync(stick).mode & 0o777).toBe(0o755);
    expect(statSync(join(stick, made.fileName)).mode & 0o777).toBe(0o600);
    expect(readdirSync(stick).filter((name) => name !== 'station')).toEqual([made.fileName]);
  });

  it('moving backups to another disk keeps the earlier ones restorable', async () => {
    const kassa = await station();
    const first = (await kassa.must('backups.runNow', {})).fileName;
    const stickA = join(folder(), 'usb-a');
    await kassa.must('backups.setFolder', { folder: stickA });
    const second = (await kassa.must('backups.runNow', {})).fileName;
    await kassa.must('backups.setFolder', { folder: join(folder(), 'usb-b') });
    const third = (await kassa.must('backups.runNow', {})).fileName;

    const listed = (await kassa.must('backups.list', {})).map((backup) => backup.fileName);
    expect(listed).toEqual([third, second, first]);
    const restored = await kassa.must('backups.restore', { fileName: second });
    expect(restored).toMatchObject({ fromFile: second, databaseFile: 'training.sqlite' });
  });
});
