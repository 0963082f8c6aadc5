import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { keepNewFilesPrivate } from '../core/data-folder';
import { backUpSite } from '../core/backup/pg-site-backup';
import { SiteToolError } from '../core/backup/pg-tools';
import { commandLineDatabase } from './command-line-mode';
import { REPO_ROOT } from './paths';

const USAGE =
  'usage: npm run site-backup -- --database postgres://HOST/SITE --to FOLDER  (or KASSA_DATABASE=…)';

function fail(message: string, code: 1 | 2): never {
  console.error(code === 2 ? `${message}\n${USAGE}` : message);
  process.exit(code);
}

function request(argv: string[]): { siteUrl: string; to: string } {
  let values: { database?: string; to?: string };
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: { database: { type: 'string' }, to: { type: 'string' } },
    }).values;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error), 2);
  }
  let siteUrl: string | null;
  try {
    siteUrl = commandLineDatabase(values.database);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error), 2);
  }
  if (!siteUrl) fail('--database (or KASSA_DATABASE) names the site database to back up', 2);
  if (!values.to) fail('--to FOLDER says where the backup goes', 2);
  return { siteUrl, to: resolve(values.to) };
}

/**
 * `npm run site-backup`: pg_dump of a site's database and of each mode's books, into one dated folder
 * with a manifest (sizes, sha256). The stations keep running; the address's password never shows.
 */
async function main(): Promise<void> {
  keepNewFilesPrivate();
  const req = request(process.argv.slice(2));
  const kassaVersion = (
    JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
  ).version;
  try {
    const done = await backUpSite({ ...req, kassaVersion, now: new Date(), progress: console.log });
    const bytes = done.dumps.reduce((sum, dump) => sum + dump.bytes, 0);
    console.log(
      `Site backup written to ${done.folder} (${done.dumps.length} databases, ${(bytes / 1024).toFixed(0)} KiB).`,
    );
  } catch (error) {
    if (error instanceof SiteToolError) fail(`Site backup failed: ${error.message}`, 1);
    throw error;
  }
}

void main().catch((error: unknown) => {
  // An unexpected failure: its message, never the address (which may carry the password).
  fail(`Site backup failed: ${error instanceof Error ? error.message : String(error)}`, 1);
});
