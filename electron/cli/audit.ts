import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { formatLocalDateTime, parseDay } from '../../shared/domain/business-day';
import { createAuditLog, type AuditLog } from '../core/audit/audit-log';
import type { AuditFilter, AuditRow } from '../core/audit/audit-query';
import { brusselsDayStart } from '../core/audit/day-bounds';
import { resolveDataDir } from '../core/config';
import { keepNewFilesPrivate } from '../core/data-folder';
import * as stationSchema from '../core/db/station-schema';
import { STATION_DATABASE_FILE, type StationSchema } from '../core/db/open-station-database';
import { SqliteStore } from '../core/db/unit-of-work';
import { createSettingsFile } from '../core/settings/settings-file';

const USAGE = [
  'usage: npm run audit -- verify [--data DIR]',
  '       npm run audit -- list [--since YYYY-MM-DD] [--action X] [--limit N] [--data DIR]',
  '       npm run audit -- export --out FILE [--since YYYY-MM-DD] [--action X] [--separator ";"|","] [--data DIR]',
].join('\n');

function fail(message: string, code = 2): never {
  console.error(code === 2 ? `${message}\n${USAGE}` : message);
  process.exit(code);
}

interface Request {
  command: 'verify' | 'list' | 'export';
  dataDir: string;
  filter: AuditFilter;
  limit: number;
  out: string | null;
  separator: ';' | ',' | null;
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: 'string' },
        since: { type: 'string' },
        action: { type: 'string' },
        limit: { type: 'string' },
        out: { type: 'string' },
        separator: { type: 'string' },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

function request(argv: string[]): Request {
  const { positionals, values } = parse(argv);
  const command = positionals[0];
  if (positionals.length !== 1 || (command !== 'verify' && command !== 'list' && command !== 'export'))
    fail('say what to do: verify, list or export');
  const since = values.since === undefined ? undefined : parseDay(values.since);
  if (since === null) fail('--since must be a date written YYYY-MM-DD');
  const limit = Number(values.limit ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200)
    fail('--limit must be a whole number from 1 to 200');
  if (command === 'export' && !values.out) fail('--out FILE says where to write the CSV');
  const separator = values.separator ?? null;
  if (separator !== null && separator !== ';' && separator !== ',') fail('--separator is ";" or ","');
  return {
    command,
    dataDir: resolveDataDir(values.data),
    filter: {
      ...(since === undefined ? {} : { fromMs: brusselsDayStart(since) }),
      ...(values.action ? { action: values.action } : {}),
    },
    limit,
    out: values.out ? resolve(values.out) : null,
    separator,
  };
}

/**
 * The station database opened for reading only, without migrating it: this may run beside a running
 * station (WAL lets a reader in) and must never be the thing that changes the file it checks.
 */
function openForReading(dataDir: string): { log: AuditLog; close(): Promise<void> } {
  const file = join(dataDir, STATION_DATABASE_FILE);
  if (!existsSync(file)) fail(`no audit log in ${dataDir}: ${STATION_DATABASE_FILE} is not there`, 1);
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const db = new SqliteStore(
    drizzle(sqlite, { schema: stationSchema }) as BetterSQLite3Database<StationSchema> & {
      $client: Database.Database;
    },
  );
  return { log: createAuditLog({ db, now: Date.now, mode: () => null }), close: () => db.close() };
}

function describeRow(row: AuditRow): string {
  const who = [row.staffName ?? row.staffId, row.deviceName ?? row.deviceId].filter(Boolean).join(' @ ');
  return [
    `#${row.seq}`,
    formatLocalDateTime(row.at),
    row.mode ?? '-',
    row.outcome === 'ok' ? 'ok     ' : 'REFUSED',
    row.action,
    row.subject ?? '-',
    who || '-',
    row.detail === '{}' ? '' : row.detail,
  ]
    .join('  ')
    .trimEnd();
}

/** `;` where Excel expects it (the station speaks nl or fr), `,` in English; a damaged settings file means `;`. */
function separatorFor(req: Request): ';' | ',' {
  if (req.separator) return req.separator;
  try {
    return createSettingsFile(req.dataDir).read().locale === 'en' ? ',' : ';';
  } catch {
    return ';';
  }
}

async function run(req: Request, log: AuditLog): Promise<number> {
  if (req.command === 'verify') {
    const result = await log.verify();
    if (result.ok) console.log(`${result.message} (last hash ${result.lastHash})`);
    else console.error(result.message);
    return result.ok ? 0 : 1;
  }
  if (req.command === 'list') {
    const page = await log.list({ ...req.filter, limit: req.limit });
    for (const row of page.entries) console.log(describeRow(row));
    if (page.entries.length === 0) console.log('no entries match');
    else if (page.nextBeforeSeq !== null) console.log(`… older entries: raise --limit or narrow --since`);
    return 0;
  }
  const rows = await log.exportCsv(req.filter, req.out!, separatorFor(req));
  console.log(`wrote ${req.out}: ${rows} audit entries`);
  return 0;
}

/**
 * `npm run audit`: verify the hash chain of the station's audit log (exit 0 when intact, 1 naming the
 * first broken entry), list entries, or export them as CSV, from the data folder of a station that may
 * be running.
 */
async function main(): Promise<void> {
  keepNewFilesPrivate();
  const req = request(process.argv.slice(2));
  const { log, close } = openForReading(req.dataDir);
  try {
    process.exitCode = await run(req, log);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), 1));
