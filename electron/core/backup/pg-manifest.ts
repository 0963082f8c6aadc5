import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SiteToolError } from './pg-tools';

/*
 * What a site backup folder holds, written last: a folder without `manifest.json` is an unfinished
 * backup. The sha256 of each dump lets a restore refuse a file damaged on its way (a USB stick, a
 * copy cut short) before it touches any database.
 */

export const MANIFEST_FILE = 'manifest.json';

/** The site database, or one mode's books (`<site>_training`, …). */
export type SitePart = 'site' | 'training' | 'preprod' | 'live';

export interface DumpEntry {
  part: SitePart;
  /** The database's name on the server it was taken from. */
  database: string;
  file: string;
  bytes: number;
  sha256: string;
}

export interface SiteManifest {
  kind: 'kassa-site-backup';
  formatVersion: 1;
  kassaVersion: string;
  site: string;
  takenAt: string;
  pgDump: string;
  dumps: DumpEntry[];
}

export function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .once('error', reject)
      .once('end', () => resolve(hash.digest('hex')));
  });
}

export async function dumpEntry(folder: string, part: SitePart, database: string): Promise<DumpEntry> {
  const file = `${part}.dump`;
  const path = join(folder, file);
  return { part, database, file, bytes: statSync(path).size, sha256: await sha256Of(path) };
}

export function writeManifest(folder: string, manifest: SiteManifest): void {
  writeFileSync(join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
}

/** The folder's manifest, each dump checked against it; any difference refuses the whole folder. */
export async function checkedManifest(folder: string): Promise<SiteManifest> {
  const path = join(folder, MANIFEST_FILE);
  if (!existsSync(path))
    throw new SiteToolError(
      `${folder} holds no ${MANIFEST_FILE}: not a Kassa site backup, or an unfinished one`,
    );
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as SiteManifest;
  if (manifest.kind !== 'kassa-site-backup' || manifest.formatVersion !== 1 || !manifest.dumps?.length)
    throw new SiteToolError(`${path} is not the manifest of a Kassa site backup this version can read`);
  if (!manifest.dumps.some((dump) => dump.part === 'site'))
    throw new SiteToolError(`${path} lists no dump of the site database`);
  for (const dump of manifest.dumps) {
    const file = join(folder, dump.file);
    if (!/^[a-z]+\.dump$/.test(dump.file) || !existsSync(file))
      throw new SiteToolError(`${dump.file}, listed in the manifest, is not in ${folder}`);
    const sha256 = await sha256Of(file);
    if (statSync(file).size !== dump.bytes || sha256 !== dump.sha256)
      throw new SiteToolError(
        `${dump.file} is damaged: its sha256 is not the one the manifest recorded when the backup was taken`,
      );
  }
  return manifest;
}
