import { basename, join } from 'node:path';
import type pg from 'pg';
import { newId } from '../db/ids';
import { siteDatabaseName } from '../db/pg/site-databases';
import { SAFETY_MARGIN_MS } from './restore-record';
import { checkedManifest, type DumpEntry, type SiteManifest } from '../backup/pg-manifest';
import { BOOKS_PARTS } from '../backup/pg-site-backup';
import { onDatabase, runTool, SiteToolError, toolVersion, withClient } from '../backup/pg-tools';

/*
 * A site backup put back under a site name of the administrator's choosing: the site database and
 * each mode's books take the target's names (`newsite`, `newsite_training`, …), so the stations are
 * started on `--database …/newsite`. Nothing is touched before every dump has passed the manifest's
 * sha256, the target holds no Kassa tables (unless --replace) and no Kassa program is connected to it.
 */

const APPLICATION = 'kassa-site-restore';
/** The maintenance database every PostgreSQL server has: databases are created and dropped from it. */
const MAINTENANCE = 'postgres';

export interface SiteRestoreRequest {
  from: string;
  targetUrl: string;
  replace: boolean;
  progress: (line: string) => void;
}

export interface SiteRestoreDone {
  manifest: SiteManifest;
  databases: string[];
}

/** Every database name a site called `site` may use, the site database first. */
function targetNames(site: string): string[] {
  return [site, ...BOOKS_PARTS.map((part) => `${site}_${part}`)];
}

/** Kassa's programs name their connections `kassa…` (a station `kassa-station`, `kassa NAME`, …). */
async function connectedKassa(client: pg.Client, names: string[]): Promise<string[]> {
  const rows = await client.query<{ who: string }>(
    `SELECT DISTINCT datname || ' (' || application_name || ')' AS who FROM pg_stat_activity
      WHERE datname = ANY($1) AND application_name LIKE 'kassa%' AND pid <> pg_backend_pid()`,
    [names],
  );
  return rows.rows.map((row) => row.who);
}

async function existing(client: pg.Client, names: string[]): Promise<string[]> {
  const rows = await client.query<{ datname: string }>(
    'SELECT datname FROM pg_database WHERE datname = ANY($1) ORDER BY datname',
    [names],
  );
  return rows.rows.map((row) => row.datname);
}

/** The databases among `names` that hold any table of their own (Kassa's, or anybody's). */
async function withTables(targetUrl: string, names: string[]): Promise<string[]> {
  const full: string[] = [];
  for (const name of names) {
    const count = await withClient(onDatabase(targetUrl, name), APPLICATION, async (client) => {
      const rows = await client.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
      );
      return Number(rows.rows[0]?.n ?? 0);
    });
    if (count > 0) full.push(name);
  }
  return full;
}

/** Refuses a target in use or holding a ledger (unless replaced); answers the databases there now. */
async function checkTarget(request: SiteRestoreRequest, names: string[]): Promise<string[]> {
  const admin = onDatabase(request.targetUrl, MAINTENANCE);
  const { connected, present } = await withClient(admin, APPLICATION, async (client) => ({
    connected: await connectedKassa(client, names),
    present: await existing(client, names),
  }));
  if (connected.length)
    throw new SiteToolError(
      `a Kassa program is connected to the target: ${connected.join(', ')}. Stop every station of that site first`,
    );
  const full = await withTables(request.targetUrl, present);
  if (full.length && !request.replace)
    throw new SiteToolError(
      `the target already holds tables (${full.join(', ')}): choose a new site name, or add --replace to drop them`,
    );
  return present;
}

/** Drops what is replaced, creates what is missing: each database restored into is new and empty. */
async function prepareTarget(targetUrl: string, present: string[], wanted: string[]): Promise<void> {
  await withClient(onDatabase(targetUrl, MAINTENANCE), APPLICATION, async (client) => {
    for (const name of present) await client.query(`DROP DATABASE "${name}"`);
    for (const name of wanted) await client.query(`CREATE DATABASE "${name}"`);
  });
}

/**
 * A restore's row in the restored books, as `npm run restore` writes on SQLite: the station that opens
 * this mode searches Bancontact for the payments made since the backup (GapRecovery), once per payment.
 */
async function recordGap(
  address: string,
  request: SiteRestoreRequest,
  manifest: SiteManifest,
  dump: DumpEntry,
) {
  const takenAt = Date.parse(manifest.takenAt);
  await withClient(address, APPLICATION, (client) =>
    client.query(
      `INSERT INTO restores (id, restored_at, from_file, backup_taken_at, searched_from, searched_at)
       VALUES ($1, $2, $3, $4, $5, NULL)`,
      [newId(), Date.now(), `${basename(request.from)}/${dump.file}`, takenAt, takenAt - SAFETY_MARGIN_MS],
    ),
  );
}

/** Checks the folder and the target, then restores each dump under the target's names. */
export async function restoreSite(request: SiteRestoreRequest): Promise<SiteRestoreDone> {
  toolVersion('pg_restore');
  const manifest = await checkedManifest(request.from);
  request.progress(
    `${manifest.dumps.length} dump(s) match the manifest (site ${manifest.site}, ${manifest.takenAt})`,
  );
  const site = siteDatabaseName(request.targetUrl);
  const names = targetNames(site);
  const present = await checkTarget(request, names);
  const nameOf = (part: string) => (part === 'site' ? site : `${site}_${part}`);
  const databases = manifest.dumps.map((dump) => nameOf(dump.part));
  // An empty database the administrator made beforehand (a managed service's) is kept as it is.
  const empty = present.length && !request.replace ? present : [];
  await prepareTarget(
    request.targetUrl,
    request.replace ? present : [],
    databases.filter((name) => !empty.includes(name)),
  );
  for (const dump of manifest.dumps) {
    const database = nameOf(dump.part);
    request.progress(`Restoring ${dump.database} into ${database}…`);
    const address = onDatabase(request.targetUrl, database);
    await runTool({
      program: 'pg_restore',
      // Owner and grants are the old server's: the target's user owns what it restores.
      args: [
        '--no-owner',
        '--no-acl',
        '--exit-on-error',
        '--single-transaction',
        join(request.from, dump.file),
      ],
      address,
      applicationName: APPLICATION,
    });
    if (dump.part !== 'site') await recordGap(address, request, manifest, dump);
  }
  return { manifest, databases };
}
