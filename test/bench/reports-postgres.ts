import { execFileSync, spawn } from 'node:child_process';
import { booksUrl } from '../../electron/core/db/pg/site-databases';
import { silentLogger } from '../../electron/core/logging/logger';
import { createStation } from '../../electron/core/station';
import { psql, startThrowawayPostgres, type PostgresServer } from '../support/postgres-server';
import { MIGRATIONS } from '../support/temp';
import { seconds } from './stats';

/*
 * The reports bench on PostgreSQL (KASSA_BENCH_ENGINE=postgres): the same generated books, made on
 * SQLite by the same generator, are copied table by table into a site's training books with COPY.
 * The storage model is the same on both engines (db/pg/pg-twin.ts: integers are int8, text is text,
 * booleans 0/1), so every value arrives as it is; a station started on the site first makes the
 * schema by its own migrations. Loading this way takes a minute or two for a million sales, where
 * writing them through PostgreSQL one unit of work at a time would take far longer than the bench.
 */

export interface BenchSite {
  url: string;
  server: PostgresServer;
  /** The training books' size on disk, bytes. */
  size(): number;
}

const SITE = 'bench_site';

export async function loadIntoPostgres(dataDir: string, sqliteFile: string): Promise<BenchSite> {
  const server = await startThrowawayPostgres();
  try {
    psql(server.baseUrl, 'postgres', `CREATE DATABASE ${SITE}`);
    const url = `${server.baseUrl}/${SITE}`;
    // The site's first station makes the schema and brings the data folder's sales setup to the site.
    const station = createStation({
      dataDir,
      database: url,
      migrationsFolder: MIGRATIONS,
      logger: silentLogger,
    });
    await station.start();
    await station.stop();
    const books = booksUrl(url, 'training');
    const started = performance.now();
    let rows = 0;
    const tables = tablesOf(sqliteFile);
    // The station's first start may have written a row or two of its own.
    const all = tables.map((t) => `"${t}"`).join(', ');
    execFileSync('psql', [books, '-qc', `SET client_min_messages = warning; TRUNCATE ${all} CASCADE`]);
    for (const table of tables) rows += await copyTable(sqliteFile, books, table);
    restartIdentities(books);
    psql(server.baseUrl, `${SITE}_training`, 'VACUUM ANALYZE');
    console.log(
      `  copied ${rows.toLocaleString('en')} rows into PostgreSQL in ${seconds(performance.now() - started)}`,
    );
    const size = () =>
      Number(psql(server.baseUrl, 'postgres', `SELECT pg_database_size('${SITE}_training')`).trim());
    return { url, server, size };
  } catch (error) {
    server.remove();
    throw error;
  }
}

/** The books' tables that hold rows, without the migrations' own. */
function tablesOf(file: string): string[] {
  const list = sqlite(
    file,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%drizzle%'",
  );
  return list.split('\n').filter((name) => name && sqlite(file, `SELECT count(*) FROM "${name}"`) !== '0');
}

function sqlite(file: string, statement: string): string {
  return execFileSync('sqlite3', [file, statement], { encoding: 'utf8' }).trim();
}

/**
 * One table through a pipe: sqlite3 writes CSV (NULL as \N, so an empty text stays empty), psql's
 * \copy reads it into the same columns, by name.
 */
async function copyTable(file: string, books: string, table: string): Promise<number> {
  const columns = sqlite(
    file,
    `SELECT group_concat('"' || name || '"', ',') FROM pragma_table_info('${table}')`,
  );
  const from = spawn(
    'sqlite3',
    ['-csv', '-cmd', ".nullvalue '\\N'", file, `SELECT ${columns} FROM "${table}"`],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const copy = `\\copy "${table}" (${columns}) FROM pstdin WITH (FORMAT csv, NULL '\\N')`;
  const into = spawn('psql', [books, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', NO_TRIGGERS, '-c', copy], {
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  from.stdout.pipe(into.stdin);
  const ended = (child: ReturnType<typeof spawn>, what: string) =>
    new Promise<void>((resolve, reject) =>
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`${what} of ${table}: exit ${code}`)),
      ),
    );
  await Promise.all([ended(from, 'sqlite3'), ended(into, 'psql')]);
  return Number(sqlite(file, `SELECT count(*) FROM "${table}"`));
}

/** The tables arrive one by one, children before parents maybe: foreign keys are not checked meanwhile. */
const NO_TRIGGERS = 'SET session_replication_role = replica';

/** Identity columns were given their values: their sequences go on after the highest. */
function restartIdentities(books: string): void {
  const url = new URL(books);
  const base = `${url.protocol}//${url.username}@${url.host}`;
  const database = url.pathname.slice(1);
  const identities = psql(
    base,
    database,
    "SELECT table_name || ' ' || column_name FROM information_schema.columns WHERE is_identity = 'YES' AND table_schema = 'public'",
  );
  for (const line of identities.split('\n').filter(Boolean)) {
    const [table, column] = line.split(' ') as [string, string];
    psql(
      base,
      database,
      `SELECT setval(pg_get_serial_sequence('"${table}"', '${column}'), coalesce((SELECT max("${column}") FROM "${table}"), 0) + 1, false)`,
    );
  }
}
