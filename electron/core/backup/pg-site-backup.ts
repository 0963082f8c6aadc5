import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { siteDatabaseName } from '../db/pg/site-databases';
import { dumpEntry, writeManifest, type DumpEntry, type SitePart } from './pg-manifest';
import { onDatabase, runTool, toolVersion, withClient } from './pg-tools';

/*
 * A site's ledger on PostgreSQL is the site database (staff, devices, sessions, audit, settings) and
 * each mode's books beside it (db/pg/site-databases.ts). pg_dump takes each in one snapshot while the
 * stations keep selling; the databases are dumped one after another, so a sale booked between two
 * dumps may be in the books and not yet in the audit log of the site database, as after a power cut.
 */

const APPLICATION = 'kassa-site-backup';
export const BOOKS_PARTS = ['training', 'preprod', 'live'] as const;

export interface SiteBackupRequest {
  siteUrl: string;
  /** The folder that receives one dated folder per backup. */
  to: string;
  kassaVersion: string;
  now: Date;
  progress: (line: string) => void;
}

export interface SiteBackupDone {
  folder: string;
  dumps: DumpEntry[];
}

/** The databases of the site that exist, the site database first (it must). */
export async function siteParts(siteUrl: string): Promise<{ part: SitePart; database: string }[]> {
  const site = siteDatabaseName(siteUrl);
  const wanted = [
    { part: 'site' as SitePart, database: site },
    ...BOOKS_PARTS.map((part) => ({ part: part as SitePart, database: `${site}_${part}` })),
  ];
  const found = await withClient(siteUrl, APPLICATION, async (client) => {
    const rows = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname = ANY($1)',
      [wanted.map((w) => w.database)],
    );
    return new Set(rows.rows.map((row) => row.datname));
  });
  return wanted.filter((w) => found.has(w.database));
}

/** `kassa-site-SITE-2026-07-04T18-00-00Z`, one per backup, never reused. */
function datedFolder(to: string, site: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  let folder = join(to, `kassa-site-${site}-${stamp}`);
  for (let n = 2; existsSync(folder) || existsSync(`${folder}.partial`); n++)
    folder = join(to, `kassa-site-${site}-${stamp}-${n}`);
  return folder;
}

/** Dumps every database of the site into a new dated folder, its manifest written last. */
export async function backUpSite(request: SiteBackupRequest): Promise<SiteBackupDone> {
  const pgDump = toolVersion('pg_dump');
  const parts = await siteParts(request.siteUrl);
  const site = siteDatabaseName(request.siteUrl);
  const folder = datedFolder(request.to, site, request.now);
  // Named .partial until the manifest is in: an interrupted backup never looks like a finished one.
  const partial = `${folder}.partial`;
  mkdirSync(partial, { recursive: true, mode: 0o700 });
  const dumps: DumpEntry[] = [];
  for (const { part, database } of parts) {
    request.progress(`Dumping ${database} (${part === 'site' ? 'site database' : `${part} books`})…`);
    const address = onDatabase(request.siteUrl, database);
    await runTool({
      program: 'pg_dump',
      args: ['--format=custom', `--file=${join(partial, `${part}.dump`)}`],
      address,
      applicationName: APPLICATION,
    });
    const entry = await dumpEntry(partial, part, database);
    request.progress(
      `  ${entry.file}: ${(entry.bytes / 1024).toFixed(0)} KiB, sha256 ${entry.sha256.slice(0, 12)}…`,
    );
    dumps.push(entry);
  }
  writeManifest(partial, {
    kind: 'kassa-site-backup',
    formatVersion: 1,
    kassaVersion: request.kassaVersion,
    site,
    takenAt: request.now.toISOString(),
    pgDump,
    dumps,
  });
  renameSync(partial, folder);
  return { folder, dumps };
}
