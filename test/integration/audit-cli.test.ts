import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, type AuditLog } from '../../electron/core/audit/audit-log';
import {
  openStationDatabase,
  STATION_DATABASE_FILE,
  type StationDb,
} from '../../electron/core/db/open-station-database';
import { REPO_ROOT, STATION_MIGRATIONS, tempDir } from '../support/temp';

/** `npm run audit -- …args`, run to its end. */
function audit(args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'electron/cli/audit.ts'), ...args],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

let folder: ReturnType<typeof tempDir>;
let db: StationDb;
let log: AuditLog;
let open = true;
const file = () => join(folder.dir, STATION_DATABASE_FILE);

beforeEach(async () => {
  folder = tempDir('kassa-audit-cli-');
  db = openStationDatabase(file(), STATION_MIGRATIONS);
  open = true;
  let clock = Date.UTC(2026, 11, 3, 9, 0);
  log = createAuditLog({ db, now: () => (clock += 60_000), mode: () => 'live' });
  const who = { staff: { id: 'staff-an', name: 'An' }, device: { id: 'station', name: 'Station' } };
  await log.record({
    ...who,
    action: 'drawer.open',
    outcome: 'ok',
    subject: 'till-1',
    detail: { floatCents: 5000 },
  });
  await log.record({ ...who, action: 'reports.closeDay', outcome: 'ok', subject: 'Z 4', detail: {} });
  await log.record({
    ...who,
    action: 'settings.goLive',
    outcome: 'refused',
    subject: null,
    detail: { error: 'FORBIDDEN' },
  });
});
afterEach(async () => {
  if (open) await db.close();
  folder.remove();
});

describe('npm run audit', () => {
  it('verify: exit 0 and the count, beside a running station', async () => {
    const run = audit(['verify', '--data', folder.dir]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^audit log intact: 3 entries \(last hash [0-9a-f]{64}\)\n$/);
  });

  it('verify: also on a closed station’s file, and it does not change the file', async () => {
    await db.close();
    open = false;
    const before = readFileSync(file());
    expect(audit(['verify', '--data', folder.dir])).toMatchObject({ code: 0 });
    expect(readFileSync(file()).equals(before)).toBe(true);
  });

  it('verify: exit 1 naming the first broken entry when one was changed outside Kassa', async () => {
    await db.close();
    open = false;
    const outside = new Database(file());
    outside.exec('DROP TRIGGER audit_log_no_update');
    outside.exec(`UPDATE audit_log SET subject = 'Z 5' WHERE seq = 2`);
    outside.close();
    const run = audit(['verify', '--data', folder.dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'audit log broken at entry #2: entry #2 was changed: its content does not match its hash\n',
    );
  });

  it('list: newest first, filtered by action and by day', async () => {
    const all = audit(['list', '--data', folder.dir]);
    expect(all.code).toBe(0);
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split('  ')[0])).toEqual(['#3', '#2', '#1']);
    expect(lines[0]).toContain('REFUSED  settings.goLive  -  An @ Station  {"error":"FORBIDDEN"}');
    expect(lines[2]).toBe(
      '#1  2026-12-03 10:01:00  live  ok       drawer.open  till-1  An @ Station  {"floatCents":5000}',
    );
    const closing = audit(['list', '--action', 'reports.closeDay', '--data', folder.dir]);
    expect(closing.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(audit(['list', '--since', '2026-12-04', '--data', folder.dir]).stdout).toBe('no entries match\n');
  });

  it('export: a CSV with one line per entry', async () => {
    const out = join(folder.dir, 'audit.csv');
    const run = audit(['export', '--out', out, '--separator', ',', '--data', folder.dir]);
    expect(run).toMatchObject({ code: 0, stdout: `wrote ${out}: 3 audit entries\n` });
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      '\ufeffseq,local_time,at_utc,mode,action,outcome,staff_id,staff_name,device_id,device_name,subject,detail,prev_hash,hash',
    );
  });

  it('refuses bad arguments with the usage (exit 2), and a folder without a station database (exit 1)', async () => {
    expect(audit(['list', '--since', '3 December', '--data', folder.dir])).toMatchObject({ code: 2 });
    expect(audit(['export', '--data', folder.dir]).stderr).toContain('--out FILE');
    const empty = tempDir('kassa-audit-empty-');
    try {
      const run = audit(['verify', '--data', empty.dir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('no audit log in');
      expect(existsSync(join(empty.dir, STATION_DATABASE_FILE))).toBe(false);
    } finally {
      empty.remove();
    }
  });
});
