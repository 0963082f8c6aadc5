import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signInAs } from '../support/sign-in';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { tempDir } from '../support/temp';

/*
 * A failed backup in the inbox. SQLite only: these are the SQLite files' backups (on PostgreSQL the
 * server's own tools back the books up, see test/support/sqlite-only-tests.ts).
 */

let kassa: StationWithShell;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  await kassa.close();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('a failed backup in the inbox', () => {
  it('is for administrators, and goes once a backup succeeds again', async () => {
    kassa = await startStationWithShell({ database: null });
    const folder = tempDir();
    cleanups.push(() => folder.remove());
    const chosen = join(folder.dir, 'backups');
    await kassa.must('backups.setFolder', { folder: chosen });
    // The backup disk went away and something else now sits at that path: nothing can be written there.
    rmSync(chosen, { recursive: true });
    writeFileSync(chosen, 'not a folder');
    const refused = await kassa.call('backups.runNow', {});
    expect(refused.ok).toBe(false);

    const manager = await signInAs(kassa.station, 'manager');
    expect((await manager.must('inbox.list', {})).messages).toEqual([]);
    const admin = await signInAs(kassa.station, 'administrator');
    const [message] = (await admin.must('inbox.list', {})).messages;
    expect(message).toMatchObject({
      kind: 'backup_failed',
      link: 'settings',
      severity: 'error',
      read: false,
    });
    expect(message!.facts.name).toBe(chosen);
    expect(message!.facts.reason).toMatch(/EEXIST|ENOTDIR/);
    expect(await admin.must('inbox.unreadCount', {})).toEqual({ unread: 1 });

    rmSync(chosen);
    await admin.must('backups.runNow', {});
    expect(await admin.must('inbox.list', {})).toEqual({ messages: [], unread: 0 });
  });
});
