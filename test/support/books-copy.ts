import { is, sql } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../electron/core/db/open-database';
import { rawRows, rawRun } from '../../electron/core/db/raw';
import * as schema from '../../electron/core/db/schema';

/**
 * Copies every table of a SQLite book into a fresh PostgreSQL one, row for row, so that a scenario
 * played once by a real station can be compared on both engines. Foreign keys and triggers are off
 * for the copy (session_replication_role, a test server's superuser may), and identity columns then
 * continue after the highest copied key, as SQLite's autoincrement would.
 */
export async function copyBooks(from: Db, to: Db): Promise<void> {
  const tables = Object.values(schema).filter((value) => is(value, SQLiteTable));
  await to.write(async (tx) => {
    await rawRun(tx, sql`SET LOCAL session_replication_role = replica`);
    for (const table of tables) {
      const rows = await from.read((q) => q.select().from(table));
      for (let at = 0; at < rows.length; at += 500) await tx.insert(table).values(rows.slice(at, at + 500));
    }
    const identities = await rawRows<{ t: string; c: string }>(
      tx,
      sql`SELECT table_name AS t, column_name AS c FROM information_schema.columns
          WHERE is_identity = 'YES' AND table_schema = 'public'`,
    );
    for (const { t, c } of identities) {
      await rawRun(
        tx,
        sql.raw(
          `SELECT setval(pg_get_serial_sequence('${t}', '${c}'), coalesce((SELECT max(${c}) FROM ${t}), 0) + 1, false)`,
        ),
      );
    }
  });
}
