import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SiteCipher } from '../../electron/core/settings/site-key';
import { psql } from './postgres-server';
import { testSiteFor } from './postgres-site';

/*
 * The secrets a test's station keeps, read and written behind its back as an older Kassa or an
 * operator would: `secrets.json` of the data folder on SQLite; on a site (integration-pg) the rows of
 * site_secrets, sealed under the folder's `site.key` (settings/site-secret-store.ts).
 */

const KEY_CHECK = 'kassa.siteKeyCheck';

/** The file that guards the secrets, which must be its owner's only: secrets.json, or on a site site.key. */
export function secretsGuardFile(dataDir: string): string {
  return join(dataDir, testSiteFor(dataDir) ? 'site.key' : 'secrets.json');
}

/** Every secret by its name; throws when the station has stored none yet (no file on SQLite). */
export function readStationSecrets(dataDir: string): Record<string, string> {
  const site = testSiteFor(dataDir);
  if (!site) return JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as Record<string, string>;
  const cipher = siteCipher(dataDir);
  const out = psql(
    siteServer(site),
    siteName(site),
    "SELECT coalesce(json_agg(t), '[]') FROM site_secrets t",
  );
  const rows = JSON.parse(out) as { name: string; nonce: string; ciphertext: string }[];
  const values: Record<string, string> = {};
  for (const row of rows.filter((r) => r.name !== KEY_CHECK)) {
    const value = cipher.open(row.name, row);
    if (value === null) throw new Error(`the secret ${row.name} does not open under the folder's site key`);
    values[row.name] = value;
  }
  return values;
}

/** Stores or replaces one secret (while the station is stopped, or before a restart). */
export function writeStationSecret(dataDir: string, name: string, value: string): void {
  const site = testSiteFor(dataDir);
  if (!site) {
    const stored = existsSync(join(dataDir, 'secrets.json')) ? readStationSecrets(dataDir) : {};
    const values = { ...stored, [name]: value };
    return writeFileSync(join(dataDir, 'secrets.json'), JSON.stringify(values), { mode: 0o600 });
  }
  const sealed = siteCipher(dataDir).seal(name, value);
  const text = (s: string) => `'${s.replace(/'/g, "''")}'`;
  psql(
    siteServer(site),
    siteName(site),
    `INSERT INTO site_secrets (name, nonce, ciphertext, updated_at)
     VALUES (${text(name)}, ${text(sealed.nonce)}, ${text(sealed.ciphertext)}, ${Date.now()})
     ON CONFLICT (name) DO UPDATE SET nonce = excluded.nonce, ciphertext = excluded.ciphertext`,
  );
}

function siteCipher(dataDir: string): SiteCipher {
  return new SiteCipher(readFileSync(join(dataDir, 'site.key')));
}

function siteServer(site: string): string {
  const url = new URL(site);
  return `${url.protocol}//${url.username}@${url.host}`;
}

function siteName(site: string): string {
  return new URL(site).pathname.slice(1);
}
