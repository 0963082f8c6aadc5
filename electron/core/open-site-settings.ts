import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { StationDb } from './db/open-station-database';
import { SALES_SETUP_FILE } from './reports/sales-setup-store';
import { createSettingsFile } from './settings/settings-file';
import { createSiteKey, readSiteKey, SITE_KEY_FILE, SiteCipher } from './settings/site-key';
import { SiteSalesSetup } from './reports/site-sales-setup';
import { SiteSecretStore } from './settings/site-secret-store';
import { SiteSettingsStore } from './settings/site-settings-store';

export interface SiteSettingsOpening {
  /** The station database: the site database on PostgreSQL, station.sqlite on SQLite. */
  db: StationDb;
  dataDir: string;
  /** The site key file; `site.key` in the data folder unless given. */
  keyFile?: string;
}

/** What the stations of a site share: settings and secrets, loaded, kept in step by `refresh()`. */
export interface SiteSettings {
  settings: SiteSettingsStore;
  secrets: SiteSecretStore;
  /** Where SalesSetupStore keeps the setup on a site, instead of sales-setup.json. */
  salesSetup: SiteSalesSetup;
  keyFile: string;
  /** True for the site's first station, which created the site key just now. */
  created: boolean;
  /** Takes in what other stations changed (call it on their settings events). */
  refresh(): Promise<void>;
  /** Waits until this station's changes are in the site database; throws when one did not get there. */
  flush(): Promise<void>;
}

/**
 * Opens the site's settings and secrets. The site's first station (no key check in the database yet)
 * creates the site key file; any other station must have been given a copy, and is refused
 * (StartRefusal naming the file) when it is missing, readable by others, or another site's key.
 * Call it outside any unit of work: writes it queues later run as units of their own.
 */
export async function openSiteSettings(opening: SiteSettingsOpening): Promise<SiteSettings> {
  const keyFile = opening.keyFile ?? join(opening.dataDir, SITE_KEY_FILE);
  const isFirst = !existsSync(keyFile) && !(await SiteSecretStore.siteHasKey(opening.db));
  const key = isFirst ? createSiteKey(keyFile) : readSiteKey(keyFile);
  const secrets = new SiteSecretStore(opening.db, new SiteCipher(key), keyFile);
  const settings = new SiteSettingsStore(opening.db, createSettingsFile(opening.dataDir));
  try {
    await secrets.load();
  } catch (error) {
    // Two first stations raced and the other's key check was stored first: the key made here is of
    // no site, and must not be mistaken later for this site's key.
    if (isFirst) rmSync(keyFile, { force: true });
    throw error;
  }
  const salesSetup = new SiteSalesSetup(opening.db, join(opening.dataDir, SALES_SETUP_FILE));
  await settings.load();
  await salesSetup.load();
  return {
    settings,
    secrets,
    salesSetup,
    keyFile,
    created: isFirst,
    refresh: async () => {
      await secrets.refresh();
      await settings.refresh();
      await salesSetup.refresh();
    },
    flush: async () => {
      await Promise.all([secrets.flush(), settings.flush(), salesSetup.flush()]);
    },
  };
}
