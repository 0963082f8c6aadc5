import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawRows, rawRun } from '../../electron/core/db/raw';
import { auditFixture, entry, rows, T0, type AuditFixture } from './audit-fixture';

let f: AuditFixture;
beforeEach(async () => {
  f = auditFixture();
});
afterEach(() => f.close());

const MINUTE = 60_000;
const forbidden = (action = 'settings.goLive') =>
  entry({ action, outcome: 'refused', subject: null, detail: { error: 'FORBIDDEN' } });
const tallies = () => f.db.read((q) => rawRows(q, sql`SELECT * FROM audit_refusal_tallies`));

describe('refusals counted per minute', () => {
  it('a flood of 10,000 refusals in a minute makes two entries, not 10,000', async () => {
    for (let i = 0; i < 10_000; i += 1) {
      f.clock.ms = T0 + Math.floor((i * MINUTE) / 10_000);
      await f.log.refused(forbidden(), 'device-bar');
    }
    expect(await rows(f.db)).toHaveLength(1);
    f.clock.ms = T0 + MINUTE;
    await f.log.flush();
    const written = await rows(f.db);
    expect(written).toHaveLength(2);
    expect(written[0]).toMatchObject({ action: 'settings.goLive', outcome: 'refused' });
    expect(JSON.parse(String(written[0]!.detail))).toEqual({ error: 'FORBIDDEN', caller: 'device-bar' });
    expect(written[1]).toMatchObject({ action: 'settings.goLive', outcome: 'refused', at: T0 + MINUTE });
    expect(JSON.parse(String(written[1]!.detail))).toEqual({
      repeated: 9_999,
      minute: new Date(T0).toISOString(),
      caller: 'device-bar',
    });
    expect(await tallies()).toEqual([]);
    expect(await f.log.verify()).toMatchObject({ ok: true, checked: 2 });
  });

  it('counts each caller and each action apart', async () => {
    for (let i = 0; i < 5; i += 1) {
      await f.log.refused(forbidden('settings.goLive'), 'device-bar');
      await f.log.refused(forbidden('refunds.export'), 'device-bar');
      await f.log.refused(forbidden('settings.goLive'), '127.0.0.9');
    }
    expect(await rows(f.db)).toHaveLength(3);
    f.clock.ms += MINUTE;
    await f.log.flush();
    const summaries = (await rows(f.db))
      .slice(3)
      .map((row) => [
        row.action,
        JSON.parse(String(row.detail)).caller,
        JSON.parse(String(row.detail)).repeated,
      ]);
    expect(summaries).toEqual([
      ['settings.goLive', '127.0.0.9', 4],
      ['refunds.export', 'device-bar', 4],
      ['settings.goLive', 'device-bar', 4],
    ]);
  });

  it('the next entry written in a later minute closes the count, without waiting for flush', async () => {
    await f.log.refused(forbidden(), 'device-bar');
    await f.log.refused(forbidden(), 'device-bar');
    f.clock.ms += MINUTE;
    await f.log.record(entry({ action: 'reports.closeDay' }));
    expect((await rows(f.db)).map((row) => row.action)).toEqual([
      'settings.goLive',
      'settings.goLive',
      'reports.closeDay',
    ]);
    expect(JSON.parse(String((await rows(f.db))[1]!.detail))).toMatchObject({ repeated: 1 });
  });

  it('a single refusal in a minute is one entry and no summary', async () => {
    await f.log.refused(forbidden(), 'device-bar');
    f.clock.ms += MINUTE;
    await f.log.flush();
    expect(await rows(f.db)).toHaveLength(1);
    expect(await tallies()).toEqual([]);
  });

  it('a new minute starts a new first entry', async () => {
    await f.log.refused(forbidden(), 'device-bar');
    f.clock.ms += MINUTE;
    await f.log.refused(forbidden(), 'device-bar');
    expect(await rows(f.db)).toHaveLength(2);
  });

  it('counts left by a station that stopped mid-minute are written after a restart', async () => {
    await f.log.refused(forbidden(), 'device-bar');
    await f.log.refused(forbidden(), 'device-bar');
    await f.log.refused(forbidden(), 'device-bar');
    f.clock.ms += 5 * MINUTE;
    const restarted = f.reopen();
    await restarted.refused(forbidden('staff.create'), '127.0.0.9');
    expect(
      (await rows(f.db)).map((row) => [row.action, JSON.parse(String(row.detail)).repeated ?? null]),
    ).toEqual([
      ['settings.goLive', null],
      ['settings.goLive', 2],
      ['staff.create', null],
    ]);
  });

  it('names the linked device a run of refusals came from', async () => {
    await f.db.write((tx) =>
      rawRun(
        tx,
        sql`INSERT INTO devices (id, name, rights, kind, till_id, credential_hash, created_at)
         VALUES ('device-bar', 'Bar 1', 'employee', 'bar', 'bar-1', 'x', 0)`,
      ),
    );
    await f.log.refused(forbidden(), 'device-bar');
    await f.log.refused(forbidden(), 'device-bar');
    f.clock.ms += MINUTE;
    await f.log.flush();
    expect((await f.log.list({ deviceId: 'device-bar' })).entries[0]).toMatchObject({
      seq: 2,
      deviceId: 'device-bar',
      deviceName: 'Bar 1',
    });
  });
});
