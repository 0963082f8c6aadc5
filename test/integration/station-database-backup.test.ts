import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../support/sign-in';
import { startTestStation, type TestStation } from '../support/station-in-process';
import { waitFor } from '../support/temp';

/** People, linked devices and the audit log are backed up with the books, apart from them. */
let kassa: TestStation;

beforeAll(async () => {
  kassa = await startTestStation();
});
afterAll(() => kassa.close());

const stationBackups = () => {
  try {
    return readdirSync(join(kassa.dataDir, 'backups', 'station')).filter((name) => name.endsWith('.sqlite'));
  } catch {
    return [];
  }
};

describe("the station database's backups", () => {
  it('are taken with Back up now and after every Z, hold the people and the audit log, and are never offered as a book', async () => {
    await signInAs(kassa.station, 'cashier', { name: 'Anna' });
    await kassa.must('backups.runNow', {});
    const manual = await waitFor(() =>
      stationBackups().find((name) => /^station-\d{8}T\d{9}Z-manual\.sqlite$/.test(name)),
    );
    const copy = new Database(join(kassa.dataDir, 'backups', 'station', manual), { readonly: true });
    try {
      expect(copy.prepare("select name from staff where name = 'Anna'").all()).toHaveLength(1);
      const signIns = copy
        .prepare("select count(*) as n from audit_log where action = 'staff.signIn'")
        .get() as { n: number };
      expect(signIns.n).toBeGreaterThan(0);
    } finally {
      copy.close();
    }
    await kassa.must('reports.closeDay', {});
    await waitFor(() => stationBackups().some((name) => name.endsWith('-z.sqlite')));
    const offered = await kassa.must('backups.list', {});
    expect(JSON.stringify(offered)).not.toContain('station-');
  });
});
