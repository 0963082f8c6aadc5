import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { rawRows } from '../../electron/core/db/raw';
import { writeOlderDatabase } from '../support/older-database';
import { MIGRATIONS, tempDir } from '../support/temp';

let folder: { dir: string; remove(): void };
beforeEach(() => (folder = tempDir('kassa-backfills-')));
afterEach(() => folder.remove());

function olderDatabase(count: number): string {
  const file = join(folder.dir, 'kassa.sqlite');
  writeOlderDatabase(file, count, folder.dir);
  return file;
}

describe('upgrading a book made by an older Kassa', () => {
  it('ends the event of a festival that already made refund files, and counts its refused callbacks', async () => {
    const file = olderDatabase(6);
    const sqlite = new Database(file);
    const hour = Date.UTC(2026, 6, 4, 22);
    sqlite
      .prepare(
        `insert into refund_exports (id, message_id, count, total_cents, xml, csv, created_at) values
        ('e1', 'm1', 1, 500, '<xml/>', 'csv', ?), ('e2', 'm2', 1, 700, '<xml/>', 'csv', ?)`,
      )
      .run(hour + 5_000, hour + 9_000);
    const reject = sqlite.prepare(
      `insert into callback_rejections (received_at, profile_id, reason, detail, body_excerpt) values (?, 'p1', ?, '', '')`,
    );
    for (const at of [hour + 1, hour + 2, hour + 3_600_001]) reject.run(at, 'BAD_SIGNATURE');
    reject.run(hour + 10, 'UNKNOWN_KEY');
    // Pretend this book came before migration 0006: its event had no end and nothing was tallied.
    sqlite.exec('delete from event_end; delete from callback_rejection_tallies;');
    sqlite.close();

    const db = openDatabase({ file, migrationsFolder: MIGRATIONS });
    const ended = await db.read((q) => rawRows(q, sql`select id, ended_at as "endedAt" from event_end`));
    expect(ended).toEqual([{ id: 1, endedAt: hour + 5_000 }]);
    const tallies = await db.read((q) =>
      rawRows(
        q,
        sql`select reason, hour_start as "hourStart", count from callback_rejection_tallies order by 1, 2`,
      ),
    );
    expect(tallies).toEqual([
      { reason: 'BAD_SIGNATURE', hourStart: hour, count: 2 },
      { reason: 'BAD_SIGNATURE', hourStart: hour + 3_600_000, count: 1 },
      { reason: 'UNKNOWN_KEY', hourStart: hour, count: 1 },
    ]);
    await db.close();
  });

  it('leaves a festival that made no refund file running', async () => {
    const file = olderDatabase(6);
    const db = openDatabase({ file, migrationsFolder: MIGRATIONS });
    expect(await db.read((q) => rawRows(q, sql`select count(*) as n from event_end`))).toEqual([{ n: 0 }]);
    await db.close();
  });
});
