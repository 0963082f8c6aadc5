import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../electron/core/api/dispatcher';
import { createAuditLog, type AuditLog } from '../../electron/core/audit/audit-log';
import { auditedDispatch } from '../../electron/core/audit/audited-dispatch';
import { openStationDatabase, type StationDb } from '../../electron/core/db/open-station-database';
import { localCaller, startTestStation, type TestStation } from '../support/station-in-process';
import { STATION_MIGRATIONS } from '../support/temp';

let kassa: TestStation;
let db: StationDb;
let log: AuditLog;
let dispatch: Dispatch;

beforeAll(async () => {
  kassa = await startTestStation();
  // The log on its own file beside the station's, until the lead wires it into the station itself.
  db = openStationDatabase(join(kassa.dataDir, 'audit-test.sqlite'), STATION_MIGRATIONS);
  log = createAuditLog({ db, now: Date.now, mode: () => 'training' });
  dispatch = auditedDispatch(kassa.station.dispatch, log);
});
afterAll(async () => {
  await db.close();
  await kassa.close();
});

const call = (method: string, input: unknown) => dispatch(method, input, localCaller);

describe('the audit log around the real station', () => {
  it('records drawer movements and the Z with what the station answered', async () => {
    expect(await call('drawer.open', { tillId: 'till-1', floatCents: 5_000 })).toMatchObject({ ok: true });
    expect(
      await call('drawer.cashIn', { tillId: 'till-1', amountCents: 1_000, reason: 'change' }),
    ).toMatchObject({
      ok: true,
    });
    expect(await call('drawer.close', { tillId: 'till-1', countedCents: 5_900 })).toMatchObject({ ok: true });
    const closed = await call('reports.closeDay', {});
    expect(closed).toMatchObject({ ok: true });
    const z = closed.ok ? (closed.value as { number: number }).number : 0;
    const entries = (await log.list({})).entries.reverse();
    expect(entries.map((e) => [e.action, e.outcome, e.subject])).toEqual([
      ['drawer.open', 'ok', 'till-1'],
      ['drawer.cashIn', 'ok', 'till-1'],
      ['drawer.close', 'ok', 'till-1'],
      ['reports.closeDay', 'ok', `Z ${z}`],
    ]);
    expect(JSON.parse(entries[2]!.detail)).toMatchObject({
      expectedCents: 6_000,
      countedCents: 5_900,
      differenceCents: -100,
    });
  });

  it('records a refused call with the station’s error code, and ordinary reads not at all', async () => {
    const before = (await log.list({})).entries.length;
    expect(await call('drawer.close', { tillId: 'till-1', countedCents: 0 })).toMatchObject({
      ok: false,
      error: { code: 'DRAWER_NOT_OPEN' },
    });
    expect(await call('reports.getSummaries', {})).toMatchObject({ ok: true });
    const entries = (await log.list({})).entries;
    expect(entries).toHaveLength(before + 1);
    expect(entries[0]).toMatchObject({ action: 'drawer.close', outcome: 'refused', subject: 'till-1' });
    expect(JSON.parse(entries[0]!.detail)).toMatchObject({ error: 'DRAWER_NOT_OPEN' });
    expect(await log.verify()).toMatchObject({ ok: true, checked: before + 1 });
  });
});
