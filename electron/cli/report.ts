import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDay } from '../../shared/domain/business-day';
import { resolveDataDir } from '../core/config';
import { keepNewFilesPrivate } from '../core/data-folder';
import { checkWritableFolder } from '../core/books/refused-state';
import type { Db } from '../core/db/open-database';
import { Closing } from '../core/reports/closing';
import { writeTransactionsCsv } from '../core/reports/csv-export';
import { renderReportPdf } from '../core/reports/pdf/report-pdf';
import { ensureReady } from '../core/reports/report-services';
import { readSalesSetupFile, SALES_SETUP_FILE, SalesSetupStore } from '../core/reports/sales-setup-store';
import { createSettingsFile } from '../core/settings/settings-file';
import { commandLineDatabase, commandLineMode, openCommandLineBooks } from './command-line-mode';

const USAGE =
  'usage: npm run report -- x|z|csv --date YYYY-MM-DD [--to YYYY-MM-DD] [--data DIR] [--database postgres://HOST/kassa] --out FILE';

function fail(message: string, code = 2): never {
  console.error(code === 2 ? `${message}\n${USAGE}` : message);
  process.exit(code);
}

interface Request {
  kind: 'x' | 'z' | 'csv';
  date: string;
  to: string;
  dataDir: string;
  /** The site's PostgreSQL address (credentials included, never printed), or null for SQLite files. */
  database: string | null;
  out: string;
}

function request(argv: string[]): Request {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        date: { type: 'string' },
        to: { type: 'string' },
        data: { type: 'string' },
        database: { type: 'string' },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { positionals, values } = parsed;
  const kind = positionals[0];
  if (positionals.length !== 1 || (kind !== 'x' && kind !== 'z' && kind !== 'csv'))
    fail('say which report: x, z or csv');
  if (!values.date || parseDay(values.date) === null) fail('--date must be a date written YYYY-MM-DD');
  const to = values.to ?? values.date;
  if (parseDay(to) === null) fail('--to must be a date written YYYY-MM-DD');
  if (to < values.date) fail('--to is before --date: the end date is before the start date');
  if (values.to && kind !== 'csv') fail('--to is for csv only: an X or Z report covers one business day');
  if (!values.out) fail('--out FILE says where to write the report');
  let database;
  try {
    database = commandLineDatabase(values.database);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const dataDir = resolveDataDir(values.data);
  return { kind, date: values.date, to, dataDir, database, out: resolve(values.out) };
}

/**
 * `npm run report`: an X (PDF), a Z reprint (PDF) or the transactions (CSV) of the current mode's
 * books, in the data folder or on the site's PostgreSQL (`--database`), in the station's language. It
 * may run beside a running station (SQLite in WAL mode lets both read, as PostgreSQL does); it never
 * closes a day, which is the manager's act.
 */
async function main(): Promise<void> {
  keepNewFilesPrivate();
  const req = request(process.argv.slice(2));
  // The station's own checks: a damaged file is refused in one line (exit 1), never read as an empty book.
  checkWritableFolder(req.dataDir);
  const stored = createSettingsFile(req.dataDir).read();
  readSalesSetupFile(join(req.dataDir, SALES_SETUP_FILE));
  // The station's rule: settings that say live without what live needs are refused, as the station refuses them.
  const { mode, databaseFile } = await commandLineMode(req.dataDir, stored, req.database);
  const db = await openCommandLineBooks({
    ...{ dataDir: req.dataDir, databaseFile, live: mode === 'live' },
    ...{ database: req.database, applicationName: 'kassa-report' },
  });
  try {
    await ensureReady(db);
    // On a site the books hold the site's setup, mirrored by its stations (reports/site-sales-setup.ts):
    // this folder's own file would overwrite it.
    if (!req.database) await new SalesSetupStore(req.dataDir, db).mirror();
    console.log(await write(db, req, stored.locale));
  } finally {
    await db.close();
  }
}

async function write(db: Db, req: Request, locale: 'en' | 'nl' | 'fr'): Promise<string> {
  const closing = new Closing({ db, now: Date.now });
  if (req.kind === 'csv') {
    const rows = await writeTransactionsCsv(
      db,
      { from: req.date, to: req.to },
      req.out,
      locale === 'en' ? ',' : ';',
    );
    return `wrote ${req.out}: ${rows} transactions from ${req.date} to ${req.to}`;
  }
  const number = req.kind === 'z' ? await closing.numberOf(req.date) : null;
  if (req.kind === 'z' && number === null) fail(`no Z report closes ${req.date}: that day is still open`, 1);
  const report = number === null ? await closing.x(req.date) : await closing.z(number);
  writeFileSync(req.out, await renderReportPdf(report, locale));
  const name = report.kind === 'z' ? `Z report ${report.number}` : 'X report';
  return `wrote ${req.out}: ${name} of ${report.businessDate}, sales ${report.sales.count} for ${report.sales.cents} cents`;
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), 1));
