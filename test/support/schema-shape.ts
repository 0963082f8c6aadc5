import type Database from 'better-sqlite3';
import type pg from 'pg';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';

/*
 * The shape of a schema, the same way whoever describes it: the model's tables (what the code
 * expects), a migrated SQLite file, or a migrated PostgreSQL database. Names of automatic indexes
 * differ between engines, so an index is known by its columns, uniqueness and whether it is partial.
 */

export type TypeFamily = 'integer' | 'text' | 'real';
export interface TableShape {
  columns: Record<string, { type: TypeFamily; notNull: boolean }>;
  primaryKey: string[];
  indexes: string[];
  checks: string[];
}
export type SchemaShape = Record<string, TableShape>;

const family = (type: string): TypeFamily => {
  const t = type.toLowerCase();
  if (t === 'integer' || t === 'bigint') return 'integer';
  if (t === 'real' || t === 'double precision') return 'real';
  if (t === 'text') return 'text';
  throw new Error(`unexpected column type ${type}`);
};
const indexKey = (columns: string[], unique: boolean, partial: boolean) =>
  `${unique ? 'unique ' : ''}(${columns.join(',')})${partial ? ' partial' : ''}`;

export function modelShape(schema: Record<string, unknown>): SchemaShape {
  const shape: SchemaShape = {};
  for (const table of Object.values(schema).filter((v): v is SQLiteTable => is(v, SQLiteTable))) {
    const config = getTableConfig(table);
    const pk =
      config.primaryKeys[0]?.columns.map((c) => c.name) ??
      config.columns.filter((c) => c.primary).map((c) => c.name);
    const indexes = config.indexes.map(({ config: ix }) =>
      indexKey(
        ix.columns.map((c) => (c as SQLiteColumn).name),
        ix.unique,
        Boolean(ix.where),
      ),
    );
    for (const c of config.columns) if (c.isUnique) indexes.push(indexKey([c.name], true, false));
    shape[config.name] = {
      columns: Object.fromEntries(
        config.columns.map((c) => [
          c.name,
          { type: family(c.getSQLType()), notNull: c.notNull || pk.includes(c.name) },
        ]),
      ),
      primaryKey: pk.sort(),
      indexes: indexes.sort(),
      checks: config.checks.map((c) => c.name).sort(),
    };
  }
  return shape;
}

export function sqliteShape(sqlite: Database.Database): SchemaShape {
  const tables = sqlite
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
    )
    .all() as { name: string; sql: string }[];
  const shape: SchemaShape = {};
  for (const { name, sql } of tables) {
    const info = sqlite.pragma(`table_info(${JSON.stringify(name)})`) as {
      name: string;
      type: string;
      notnull: number;
      pk: number;
    }[];
    const list = sqlite.pragma(`index_list(${JSON.stringify(name)})`) as {
      name: string;
      unique: number;
      origin: string;
      partial: number;
    }[];
    shape[name] = {
      columns: Object.fromEntries(
        info.map((c) => [c.name, { type: family(c.type), notNull: c.notnull === 1 || c.pk > 0 }]),
      ),
      primaryKey: info
        .filter((c) => c.pk > 0)
        .map((c) => c.name)
        .sort(),
      indexes: list
        .filter((ix) => ix.origin !== 'pk')
        .map((ix) => {
          const cols = (sqlite.pragma(`index_info(${JSON.stringify(ix.name)})`) as { name: string }[]).map(
            (c) => c.name,
          );
          return indexKey(cols, ix.unique === 1, ix.partial === 1);
        })
        .sort(),
      checks: [...sql.matchAll(/CONSTRAINT\s+["`]?(\w+)["`]?\s+CHECK/gi)].map((m) => m[1]!).sort(),
    };
  }
  return shape;
}

export async function postgresShape(client: pg.ClientBase): Promise<SchemaShape> {
  const columns = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
  }>(
    "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
  );
  const indexes = await client.query<{
    table: string;
    cols: string[];
    unique: boolean;
    partial: boolean;
    primary: boolean;
  }>(`
    SELECT t.relname AS table, i.indisunique AS unique, i.indpred IS NOT NULL AS partial, i.indisprimary AS primary,
           array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(n, o)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n ORDER BY k.o)::text[] AS cols
    FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace s ON s.oid = t.relnamespace
    WHERE s.nspname = 'public'`);
  const checks = await client.query<{ table: string; name: string }>(`
    SELECT t.relname AS table, c.conname AS name FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_namespace s ON s.oid = t.relnamespace WHERE s.nspname = 'public' AND c.contype = 'c'`);
  const shape: SchemaShape = {};
  for (const c of columns.rows) {
    const table = (shape[c.table_name] ??= { columns: {}, primaryKey: [], indexes: [], checks: [] });
    table.columns[c.column_name] = { type: family(c.data_type), notNull: c.is_nullable === 'NO' };
  }
  for (const ix of indexes.rows) {
    const table = shape[ix.table];
    if (!table) continue;
    if (ix.primary) table.primaryKey = [...ix.cols].sort();
    else table.indexes.push(indexKey(ix.cols, ix.unique, ix.partial));
  }
  for (const c of checks.rows) shape[c.table]?.checks.push(c.name);
  for (const table of Object.values(shape)) {
    table.indexes.sort();
    table.checks.sort();
  }
  return shape;
}
