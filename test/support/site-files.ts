import { chmodSync, copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** The site key every station of a site is given (docs/site-setup.md). */
export const SITE_KEY_FILE = 'site.key';
/** The one site certificate, made by the station where the site address was set. */
export const SITE_CERTIFICATE_FILES = ['station-tls-key.pem', 'station-tls-cert.pem'] as const;

/**
 * Gives a station's data folder copies of the site's files from another station's, readable by their
 * owner only, as an organiser does before the station's first start. A file the first station has not
 * made (no site address yet, or a SQLite station) is skipped.
 */
export function giveSiteFiles(
  fromFolder: string,
  toFolder: string,
  names: readonly string[] = [SITE_KEY_FILE],
): void {
  for (const name of names) {
    const from = join(fromFolder, name);
    if (!existsSync(from)) continue;
    copyFileSync(from, join(toFolder, name));
    chmodSync(join(toFolder, name), 0o600);
  }
}
