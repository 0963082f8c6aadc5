import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreSite } from '../core/restore/pg-site-restore';
import { SiteToolError } from '../core/backup/pg-tools';
import { commandLineDatabase } from './command-line-mode';

const USAGE =
  'usage: npm run site-restore -- --from FOLDER --database postgres://HOST/NEWSITE [--replace]  (or KASSA_DATABASE=…)';

function fail(message: string, code: 1 | 2): never {
  console.error(code === 2 ? `${message}\n${USAGE}` : message);
  process.exit(code);
}

interface Request {
  from: string;
  targetUrl: string;
  replace: boolean;
}

function request(argv: string[]): Request {
  let values: { from?: string; database?: string; replace?: boolean };
  let targetUrl: string | null;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: { from: { type: 'string' }, database: { type: 'string' }, replace: { type: 'boolean' } },
    }).values;
    targetUrl = commandLineDatabase(values.database);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error), 2);
  }
  if (!values.from) fail('--from FOLDER names the site backup (a kassa-site-… folder)', 2);
  if (!targetUrl) fail('--database (or KASSA_DATABASE) names the site database to restore into', 2);
  const from = resolve(values.from);
  if (!existsSync(from)) fail(`${from}: no such folder`, 1);
  return { from, targetUrl, replace: values.replace === true };
}

/**
 * `npm run site-restore`: a site backup put back under the target's site name, each dump checked
 * against the manifest first; refused while a Kassa program is connected to the target.
 */
async function main(): Promise<void> {
  const req = request(process.argv.slice(2));
  try {
    const done = await restoreSite({ ...req, progress: console.log });
    console.log(`Restored the site backup of ${done.manifest.takenAt} into ${done.databases.join(', ')}.`);
    console.log(
      'Start the stations on the restored site with the same site.key. Payments made since the backup are not in it: count the drawers again.',
    );
  } catch (error) {
    if (error instanceof SiteToolError) fail(`Site restore failed: ${error.message}`, 1);
    throw error;
  }
}

void main().catch((error: unknown) => {
  fail(`Site restore failed: ${error instanceof Error ? error.message : String(error)}`, 1);
});
