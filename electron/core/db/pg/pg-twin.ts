import { is, SQL } from 'drizzle-orm';
import {
  bigint,
  check,
  doublePrecision,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  type PgColumnBuilderBase,
  type PgTableWithColumns,
} from 'drizzle-orm/pg-core';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';

/*
 * One data model, two engines. The tables in db/schema (sqlite-core) are the model every query is
 * built from; drizzle's pg dialect builds PostgreSQL SQL from the same table objects. This file derives
 * each table's PostgreSQL twin from that model, so that drizzle-kit can write PostgreSQL migrations for
 * it and no second hand-written schema can drift from the first.
 *
 * The storage model is kept as it is on SQLite, so that every value and every raw query means the same
 * on both: integers are int8 (times are milliseconds, amounts cents; node-postgres is told to read
 * int8 as a number, db/pg/pg-types.ts), booleans stay 0/1 integers, JSON stays text. An autoincrement
 * key becomes an identity column.
 */

type AnyTable = PgTableWithColumns<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function columnTwin(column: SQLiteColumn): PgColumnBuilderBase {
  const type = column.getSQLType();
  let twin;
  if (type === 'integer') {
    const int = bigint(column.name, { mode: 'number' });
    twin = column.primary && isAutoIncrement(column) ? int.generatedByDefaultAsIdentity() : int;
  } else if (type === 'real') twin = doublePrecision(column.name);
  else if (type === 'text') twin = text(column.name);
  else throw new Error(`no PostgreSQL twin for ${column.name} (${type})`);
  if (column.notNull) twin = twin.notNull();
  if (column.primary) twin = twin.primaryKey();
  if (column.isUnique) twin = twin.unique(column.uniqueName);
  if (column.default !== undefined) twin = twin.default(defaultOf(column) as never);
  return twin;
}

/** Only integer primary keys have it (SQLiteInteger); the base column type does not say so. */
const isAutoIncrement = (column: SQLiteColumn) =>
  (column as unknown as { autoIncrement?: boolean }).autoIncrement === true;

/** SQLite stores `true` as 1; the twin's integer column takes the same number. */
function defaultOf(column: SQLiteColumn): unknown {
  const value = column.default;
  if (is(value, SQL)) return value;
  return typeof value === 'boolean' ? Number(value) : value;
}

/** The PostgreSQL twin of one table of the model. */
export function pgTwin(table: SQLiteTable): AnyTable {
  const config = getTableConfig(table);
  const keyOf = new Map(Object.entries(table).map(([key, column]) => [column, key] as const));
  const columns = Object.fromEntries(config.columns.map((c) => [keyOf.get(c) ?? c.name, columnTwin(c)]));
  // The extra-config callback's columns are typed per key; here they are found by the model's key.
  const twinOf = (t: object, column: SQLiteColumn) =>
    (t as Record<string, never>)[keyOf.get(column) ?? column.name]!;
  return pgTable(config.name, columns, (t) => [
    ...config.indexes.map(({ config: ix }) => {
      const on = ix.columns.map((c) => twinOf(t, c as SQLiteColumn));
      const made = (ix.unique ? uniqueIndex(ix.name) : index(ix.name)).on(on[0]!, ...on.slice(1));
      return ix.where ? made.where(ix.where) : made;
    }),
    ...config.checks.map((c) => check(c.name, c.value)),
    ...config.primaryKeys.map((pk) => {
      const on = pk.columns.map((c) => twinOf(t, c));
      // PostgreSQL's own name: drizzle's joins every column and passes the 63-character limit.
      return primaryKey({ name: `${config.name}_pkey`, columns: [on[0]!, ...on.slice(1)] });
    }),
    ...config.foreignKeys.map((fk) => {
      const ref = fk.reference();
      return foreignKey({
        name: fk.getName(),
        columns: ref.columns.map((c) => twinOf(t, c)) as [never],
        foreignColumns: ref.foreignColumns.map((c) => twinOfForeign(c)) as [never],
      });
    }),
  ]);
}

/*
 * A foreign key names columns of another table's twin: twins are made once per model table and
 * found again here.
 */
const twins = new Map<SQLiteTable, AnyTable>();

function twinOfForeign(column: SQLiteColumn): never {
  const table = column.table as SQLiteTable;
  const twin = twins.get(table);
  if (!twin) throw new Error(`the twin of ${getTableConfig(table).name} must be made before its references`);
  const key = Object.entries(table).find(([, c]) => c === column)?.[0] ?? column.name;
  return twin[key] as never;
}

/** Every table of a schema module, twinned, under the same export names. */
export function pgTwins<S extends Record<string, unknown>>(schema: S): Record<string, AnyTable> {
  const out: Record<string, AnyTable> = {};
  // Referenced tables first: a table's foreign keys need their targets' twins.
  const pending = Object.entries(schema).filter(([, value]) => is(value, SQLiteTable)) as [
    string,
    SQLiteTable,
  ][];
  while (pending.length > 0) {
    const index = pending.findIndex(([, table]) =>
      getTableConfig(table).foreignKeys.every((fk) => {
        const target = fk.reference().foreignTable;
        return target === table || twins.has(target);
      }),
    );
    if (index < 0) throw new Error('the schema has a cycle of foreign keys');
    const [name, table] = pending.splice(index, 1)[0]!;
    const twin = twins.get(table) ?? pgTwin(table);
    twins.set(table, twin);
    out[name] = twin;
  }
  return out;
}
