import type { StationDb } from './db/open-station-database';
import type { Logger } from './logging/logger';
import { keepSalesSetupOnSite } from './reports/sales-setup-store';
import { keepLogoOnSite } from './settings/logo-store';
import { openSiteSettings, type SiteSettings } from './open-site-settings';
import { SiteEvents } from './site/site-events';
import { withoutCredentials } from './station-storage';
import type { SecretStore } from './settings/secret-store';
import { createSettingsFile, type SettingsFile, type StoredSettings } from './settings/settings-file';
import { API_KEY_SECRET } from './settings/settings-service';
import { profileKeySecret } from './settings/profile-keys';
import { SHARED_FIELDS } from './settings/site-settings-store';
import { SwitchableSecretStore, SwitchableSettingsFile } from './settings/switchable-stores';
import { topupKeySecret } from './settings/topup-profile-settings';
import { SMTP_PASSWORD_SECRET } from './mail/mail-settings';

/*
 * A station of a site (PostgreSQL) keeps its shared settings, secrets and sales setup in the site
 * database (open-site-settings.ts), and keeps in step with the other stations: after its own
 * change has reached the database it sends a `settings` event on the site database; on another
 * station's event (or after its listening connection was lost: `resync`) it reads them again and
 * applies what changed as it applies its own changes. On SQLite the station's own files stay in use.
 */

/** A channel of its own: the site database's other events (staff, devices) never wake a refresh. */
export const SITE_SETTINGS_CHANNEL = 'kassa_site_settings';

/**
 * The device network (the site address) is not among the shared settings a `settings` event re-reads:
 * it lives in the site database's `station_meta`, so its change is an event of its own kind, and a
 * settings change does not move the device listener nor a network change re-read every setting.
 */
export const DEVICES_NETWORK_EVENT = 'devices-network';

/** How the station applies a change another station made. */
export interface SiteFollowers {
  /** The mode, its Bancontact profile or API key changed: open the mode again on these settings. */
  reopen(stored: StoredSettings): Promise<void>;
  /** The live top-up profiles or their keys changed. */
  topupProfiles(stored: StoredSettings): void;
  /** Anything shared changed: tell the screens (`settings.changed`). */
  changed(): void;
  /** The device network (site address) changed: read it again and serve it. */
  network?(): Promise<void>;
}

export interface StationSiteSettingsConfig {
  dataDir: string;
  /** The site database, or null on SQLite. */
  database: string | null;
  stationName: string;
  logger: Logger;
  /** The station's own secret store (secrets.json, or the desktop's keychain store). */
  secrets: SecretStore;
}

/** What is compared before and after a refresh, to know what to apply. */
interface Snapshot {
  mode: string;
  topup: string;
  shared: string;
}

export class StationSiteSettings {
  readonly file: SwitchableSettingsFile;
  readonly secrets: SwitchableSecretStore;
  private readonly ownFile: SettingsFile;
  private site: SiteSettings | null = null;
  private events: SiteEvents | null = null;
  private followers: SiteFollowers | null = null;
  private publishing: Promise<void> = Promise.resolve();
  private publishPending = false;
  private refreshing: Promise<void> = Promise.resolve();
  private hearOther: (kind: string) => void = () => undefined;

  constructor(private readonly config: StationSiteSettingsConfig) {
    this.ownFile = createSettingsFile(config.dataDir);
    this.file = new SwitchableSettingsFile(this.ownFile);
    this.secrets = new SwitchableSecretStore(config.secrets);
  }

  follow(followers: SiteFollowers): void {
    this.followers = followers;
  }

  /** Another station's event of any other kind than the settings' (site-register-relay.ts), or `resync`. */
  onOther(listener: (kind: string) => void): void {
    this.hearOther = listener;
  }

  /**
   * On PostgreSQL, once the site database is open and before the mode opens: the site's settings,
   * secrets and sales setup replace the station's files. A missing or wrong site key throws the
   * StartRefusal naming the key file (the start holds it); the files stay in use meanwhile.
   */
  async open(db: StationDb | null): Promise<void> {
    const url = this.config.database;
    if (!url || this.site) return;
    // Running on the station's own files would split it from the site: never start that way.
    if (!db) throw new Error(`the site database (${withoutCredentials(url)}) is not open`);
    const site = await openSiteSettings({ db, dataDir: this.config.dataDir });
    if (site.created) await bringOwnSecrets(site, this.config.secrets);
    const events = new SiteEvents({
      ...{ url, station: this.config.stationName, channel: SITE_SETTINGS_CHANNEL },
      applicationName: `kassa ${this.config.stationName} settings`,
    });
    events.on('event', (event) => {
      if (event.kind === 'settings') this.refresh();
      else if (event.kind === DEVICES_NETWORK_EVENT) this.followNetwork();
      else this.hearOther(event.kind);
    });
    // Events may have been missed while the connection was down: all are read again.
    events.on('resync', () => (this.refresh(), this.followNetwork(), this.hearOther('resync')));
    await events.start();
    this.site = site;
    this.events = events;
    const written = (): void => this.publish();
    this.file.use(site.settings, written);
    this.secrets.use(site.secrets, written);
    keepLogoOnSite(this.config.dataDir, db);
    keepSalesSetupOnSite(this.config.dataDir, {
      read: () => site.salesSetup.read(),
      write: async (next) => {
        site.salesSetup.write(next);
        await site.salesSetup.flush();
        written();
      },
    });
  }

  /** Lets this station's last changes reach the site, stops listening, and goes back to its files. */
  async close(): Promise<void> {
    const site = this.site;
    if (!site) return;
    keepSalesSetupOnSite(this.config.dataDir, null);
    keepLogoOnSite(this.config.dataDir, null);
    await this.publishing;
    await this.refreshing;
    await this.events?.close();
    await site.flush().catch((error: unknown) => this.config.logger.error(UNSAVED, error));
    this.site = null;
    this.events = null;
    this.file.use(this.ownFile, () => undefined);
    this.secrets.use(this.config.secrets, () => undefined);
  }

  /** This station's device network change is stored (committed): the other stations are told. */
  announceNetwork(): void {
    this.announce(DEVICES_NETWORK_EVENT, 'the new site address');
  }

  /** A change of `kind` is stored (committed) in the site database: the other stations are told. */
  announce(kind: string, what = `a change (${kind})`): void {
    this.publishing = this.publishing.then(async () => {
      try {
        await this.events?.publish(kind, this.config.stationName);
      } catch (error) {
        this.config.logger.error(`the other stations could not be told of ${what}`, error);
      }
    });
  }

  /** After this station's change: once it is in the site database, the other stations are told. */
  private publish(): void {
    if (this.publishPending) return;
    this.publishPending = true;
    this.publishing = this.publishing.then(async () => {
      this.publishPending = false;
      const { site, events } = this;
      if (!site || !events) return;
      try {
        await site.flush();
        await events.publish('settings', this.config.stationName);
      } catch (error) {
        this.config.logger.error(UNSAVED, error);
      }
    });
  }

  /** Another station changed something (or events may have been missed): read and apply, one at a time. */
  private refresh(): void {
    this.refreshing = this.refreshing
      .then(() => this.takeIn())
      .catch((error: unknown) => {
        this.config.logger.error("the site's settings could not be read again after a change", error);
      });
  }

  /** Another station changed the device network: after any refresh under way, it is read and served. */
  private followNetwork(): void {
    this.refreshing = this.refreshing
      .then(() => this.followers?.network?.())
      .catch((error: unknown) => {
        this.config.logger.error('the site address could not be read again after a change', error);
      });
  }

  private async takeIn(): Promise<void> {
    const site = this.site;
    if (!site) return;
    const before = this.snapshot();
    await site.refresh();
    const after = this.snapshot();
    const followers = this.followers;
    if (!followers || after.shared === before.shared) return;
    const stored = this.file.read();
    if (after.mode !== before.mode) await this.reopen(followers, stored);
    else if (after.topup !== before.topup) followers.topupProfiles(stored);
    followers.changed();
  }

  private async reopen(followers: SiteFollowers, stored: StoredSettings): Promise<void> {
    try {
      await followers.reopen(stored);
    } catch (error) {
      // A refusal is held by the start and shown on every screen; the log says why it came now.
      this.config.logger.error('the mode could not be opened again after another station changed it', error);
    }
  }

  /** Compared in memory only: the keys never leave the station, not even in its log. */
  private snapshot(): Snapshot {
    const stored = this.file.read();
    const keys = [
      ...stored.topupProfiles.map((p) => this.secrets.get(topupKeySecret(p.ppid))),
      ...(stored.paymentProfiles ?? []).map((p) => this.secrets.get(profileKeySecret(p.id))),
    ];
    const mode = JSON.stringify([
      stored.mode,
      stored.environment,
      stored.ppid,
      this.secrets.get(API_KEY_SECRET),
    ]);
    const topup = JSON.stringify([stored.topupProfiles, stored.paymentProfiles, keys]);
    const fields = SHARED_FIELDS.map((field) => stored[field]);
    const setup = this.site?.salesSetup.read() ?? null;
    return { mode, topup, shared: JSON.stringify([mode, topup, fields, setup]) };
  }
}

const UNSAVED = 'a settings change could not be saved in the site database or told to the other stations';

/**
 * The site's first station brings its keys (and the mail server's password) along with its settings:
 * a shop that grows into a site keeps going live, and mailing receipts, without entering them again.
 * Its own store is left as it is.
 */
async function bringOwnSecrets(site: SiteSettings, own: SecretStore): Promise<void> {
  const { topupProfiles, paymentProfiles = [] } = site.settings.read();
  const names = [
    ...[API_KEY_SECRET, ...topupProfiles.map((p) => topupKeySecret(p.ppid))],
    ...paymentProfiles.map((p) => profileKeySecret(p.id)),
    // The mail server's password goes with its settings (e-mailed receipts).
    SMTP_PASSWORD_SECRET,
  ];
  for (const name of names) {
    const value = own.get(name);
    if (value !== null) site.secrets.set(name, value);
  }
  await site.secrets.flush();
}
