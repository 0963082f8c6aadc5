import Database from 'better-sqlite3';
import { asc } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLog, type AuditLog } from '../../electron/core/audit/audit-log';
import type { AuditEntryInput } from '../../electron/core/audit/audit-entry';
import type { StationDb } from '../../electron/core/db/open-station-database';
import { PostgresStore } from '../../electron/core/db/pg/postgres-store';
import * as stationSchema from '../../electron/core/db/station-schema';
import { SqliteStore } from '../../electron/core/db/unit-of-work';
import { waitFor } from '../support/temp';
import { ENGINES, startEnginePair, type EngineName, type EnginePair } from '../support/engine-pair';

let pair: EnginePair;
beforeAll(async () => {
  pair = await startEnginePair();
}, 60_000);
afterAll(() => pair?.end());

const T0 = Date.UTC(2026, 6, 4, 18, 0, 0);
const signIn = (outcome: 'ok' | 'refused'): AuditEntryInput => ({
  action: 'staff.signIn',
  outcome,
  staff: { id: 's1', name: 'An' },
  device: { id: 'd1', name: 'Bar 1' },
  detail: { pin: '1234', tries: 1 },
});

/** Entries, a flood of refusals in one minute, a new minute that closes the tally, and a flush. */
async function scenario(db: StationDb): Promise<AuditLog> {
  const clock = { ms: T0 };
  const log = createAuditLog({ db, now: () => clock.ms, mode: () => 'live' });
  await log.record(signIn('ok'));
  for (let n = 0; n < 25; n += 1) {
    clock.ms += 1_000;
    await log.refused(signIn('refused'), '10.0.0.7');
  }
  clock.ms = T0 + 90_000;
  await log.record({ ...signIn('ok'), action: 'reports.closeDay', subject: 'Z 1' });
  clock.ms = T0 + 200_000;
  await log.refused(signIn('refused'), '10.0.0.7');
  await log.refused(signIn('refused'), '10.0.0.7');
  clock.ms = T0 + 260_000;
  await log.flush();
  return log;
}

const { auditLog } = stationSchema;
const pgOf = (db: StationDb) => db as unknown as PostgresStore<Record<string, unknown>>;
const entriesOf = (db: StationDb) => db.read((q) => q.select().from(auditLog).orderBy(asc(auditLog.seq)));

/** What someone with the database's owner rights can do: switch the append-only guard off, edit, switch it back. */
async function tamper(engine: EngineName, db: StationDb, statement: string): Promise<void> {
  if (engine === 'sqlite') {
    const outside = new Database((db as unknown as SqliteStore<Record<string, unknown>>).client.name);
    const triggers = outside
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
      .all() as { name: string; sql: string }[];
    for (const trigger of triggers) outside.exec(`DROP TRIGGER ${trigger.name}`);
    outside.exec(statement);
    for (const trigger of triggers) outside.exec(trigger.sql);
    outside.close();
    return;
  }
  const url = pgOf(db).pool.options.connectionString!;
  const outside = new pg.Client({ connectionString: url });
  await outside.connect();
  await outside.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
  await outside.query(statement);
  await outside.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  await outside.end();
}

describe('the audit chain on SQLite and PostgreSQL', () => {
  it('holds the same entries with the same hashes, the refusal flood counted into one entry', async () => {
    const chains = [];
    for (const engine of ENGINES) {
      const db = await pair.station(engine);
      const log = await scenario(db);
      expect(await log.verify({ pageSize: 2 }), engine).toMatchObject({ ok: true, checked: 6 });
      chains.push(await entriesOf(db));
    }
    const [sqlite, postgres] = chains;
    expect(sqlite!.map((e) => [e.seq, e.action, e.outcome, e.detail])).toEqual([
      [1, 'staff.signIn', 'ok', '{"tries":1}'],
      [2, 'staff.signIn', 'refused', '{"caller":"10.0.0.7","tries":1}'],
      [
        3,
        'staff.signIn',
        'refused',
        '{"caller":"10.0.0.7","minute":"2026-07-04T18:00:00.000Z","repeated":24}',
      ],
      [4, 'reports.closeDay', 'ok', '{"tries":1}'],
      [5, 'staff.signIn', 'refused', '{"caller":"10.0.0.7","tries":1}'],
      [
        6,
        'staff.signIn',
        'refused',
        '{"caller":"10.0.0.7","minute":"2026-07-04T18:03:00.000Z","repeated":1}',
      ],
    ]);
    expect(postgres).toEqual(sqlite);
  });

  it('refuse changes through SQL, and verify names the same broken entry after tampering', async () => {
    const verdicts = [];
    for (const engine of ENGINES) {
      const db = await pair.station(engine);
      const log = await scenario(db);
      const pool = engine === 'postgres' ? pgOf(db).pool : null;
      if (pool)
        await expect(pool.query('DELETE FROM audit_log WHERE seq = 2')).rejects.toThrow(/append-only/);
      await tamper(engine, db, `UPDATE audit_log SET detail = '{"tries":9}' WHERE seq = 4`);
      const changed = await log.verify();
      await tamper(engine, db, 'DELETE FROM audit_log WHERE seq = 2');
      verdicts.push([changed, await log.verify()]);
    }
    expect(verdicts[0]![0]).toMatchObject({ ok: false, firstBrokenSeq: 4, reason: 'changed' });
    expect(verdicts[0]![1]).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: 'missing' });
    expect(verdicts[1]).toEqual(verdicts[0]);
  });

  it('keeps one line when two stations append to the same PostgreSQL log at once', async () => {
    const first = await pair.station('postgres');
    const url = pgOf(first).pool.options.connectionString!;
    const second = new PostgresStore({ url }, stationSchema);
    const logs = [first, second].map((db) =>
      createAuditLog({ db: db as StationDb, now: Date.now, mode: () => 'live' }),
    );
    await Promise.all(
      Array.from({ length: 60 }, (_, n) => logs[n % 2]!.record({ ...signIn('ok'), subject: `#${n}` })),
    );
    expect(await logs[0]!.verify()).toMatchObject({ ok: true, checked: 60 });
    await second.close();
  });

  it('counts a flood of refusals on PostgreSQL in a handful of commits, and still writes it as one entry', async () => {
    const db = await pair.station('postgres');
    const pool = pgOf(db).pool;
    // Every transaction that writes takes a transaction id: the ids taken between two readings count the writes.
    const xid = async () => Number((await pool.query('SELECT pg_current_xact_id()::text AS x')).rows[0].x);
    const clock = { ms: T0 };
    const log = createAuditLog({ db, now: () => clock.ms, mode: () => 'live' });
    await log.record(signIn('ok'));
    const before = await xid();
    for (let n = 0; n < 200; n += 1) {
      clock.ms += 100;
      await log.refused(signIn('refused'), '10.0.0.7');
    }
    // The first refusal of the minute is an entry at once; the other 199 wait in memory (one write each without batching).
    expect((await xid()) - before - 1).toBe(1);
    const tally = () => db.read((q) => q.select().from(stationSchema.auditRefusalTallies));
    await waitFor(async () => (await tally())[0]?.count === 200, 3_000, 'the held bumps written');
    clock.ms = T0 + 120_000;
    await log.flush();
    const entries = await entriesOf(db);
    expect(entries.map((e) => e.detail).at(-1)).toBe(
      '{"caller":"10.0.0.7","minute":"2026-07-04T18:00:00.000Z","repeated":199}',
    );
  });
});
