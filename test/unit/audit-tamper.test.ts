import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryHash } from '../../electron/core/audit/audit-hash';
import { auditFixture, entry, rows, type AuditFixture } from './audit-fixture';

let f: AuditFixture;
beforeEach(async () => {
  f = auditFixture();
  await f.db.write(async () => {
    for (let n = 1; n <= 10; n += 1) {
      await f.log.record(entry({ subject: `Z ${n}`, detail: { salesCents: n * 100 } }));
      f.clock.ms += 1_000;
    }
  });
});
afterEach(() => f.close());

const TRIGGERS = () =>
  f.db.client
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
    .all() as Array<{ name: string; sql: string }>;

/** What someone with the file and the sqlite3 tool can do: drop the triggers, change rows, put them back. */
function tamper(sql: string): void {
  // A separate connection, as an outside tool would be.
  const outside = new Database(f.file);
  try {
    const triggers = TRIGGERS();
    for (const trigger of triggers) outside.exec(`DROP TRIGGER ${trigger.name}`);
    outside.exec(sql);
    for (const trigger of triggers) outside.exec(trigger.sql);
  } finally {
    outside.close();
  }
}

describe('the append-only triggers', () => {
  it('refuse UPDATE and DELETE through raw SQL, and the entry stays as it was', async () => {
    const outside = new Database(f.file);
    try {
      expect(() => outside.exec(`UPDATE audit_log SET detail = '{}' WHERE seq = 3`)).toThrow(
        'the audit log is append-only: an entry cannot be changed',
      );
      expect(() => outside.exec('DELETE FROM audit_log WHERE seq = 3')).toThrow(
        'the audit log is append-only: an entry cannot be removed',
      );
    } finally {
      outside.close();
    }
    expect((await rows(f.db))[2]).toMatchObject({ seq: 3, detail: '{"salesCents":300}' });
  });
});

describe('verify finds what was done with the triggers dropped', () => {
  it('names an entry whose detail was changed', async () => {
    tamper(`UPDATE audit_log SET detail = '{"salesCents":1}' WHERE seq = 4`);
    expect(await f.log.verify()).toMatchObject({
      ok: false,
      firstBrokenSeq: 4,
      reason: 'changed',
      checked: 4,
    });
  });

  it('names the entry after one removed from the middle', async () => {
    tamper('DELETE FROM audit_log WHERE seq = 6');
    const result = await f.log.verify();
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 7, reason: 'missing' });
    expect(result.message).toBe('audit log broken at entry #7: entry #6 is missing: it was removed');
  });

  it('names the entry after one changed with its own hash recomputed', async () => {
    const target = (await rows(f.db))[4]!;
    const forged = entryHash({
      seq: 5,
      at: Number(target.at),
      mode: target.mode as string,
      action: String(target.action),
      outcome: String(target.outcome),
      staffId: target.staff_id as string,
      staffName: target.staff_name as string,
      deviceId: target.device_id as string,
      deviceName: target.device_name as string,
      subject: 'Z 99',
      detail: String(target.detail),
      prevHash: String(target.prev_hash),
    });
    tamper(`UPDATE audit_log SET subject = 'Z 99', hash = '${forged}' WHERE seq = 5`);
    expect(await f.log.verify()).toMatchObject({ ok: false, firstBrokenSeq: 6, reason: 'unlinked' });
  });

  it('notices the first entries removed', async () => {
    tamper('DELETE FROM audit_log WHERE seq <= 2');
    expect(await f.log.verify()).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: 'missing' });
  });

  it('walks page by page and finds a change on a later page', async () => {
    expect(await f.log.verify({ pageSize: 3 })).toMatchObject({ ok: true, checked: 10 });
    tamper(`UPDATE audit_log SET action = 'reports.getX' WHERE seq = 8`);
    expect(await f.log.verify({ pageSize: 3 })).toMatchObject({ ok: false, firstBrokenSeq: 8 });
  });
});
