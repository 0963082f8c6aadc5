import { refuse } from '../../../shared/contract/station-refusal';
import type { StationDb } from '../db/open-station-database';
import { siteSettings } from '../db/station-schema';
import { storedSettingsSchema, type SettingsFile, type StoredSettings } from './settings-file';
import { WriteQueue } from './write-queue';

/*
 * Which settings the stations of a site share, and which stay each station's own in its settings.json:
 * - shared: the mode (one book per mode for the whole site), the Bancontact environment and payment
 *   profile, the language, the live top-up profiles and the shops' payment profiles (their keys are in
 *   SiteSecretStore), the SMTP settings of e-mailed receipts (one station of the site sends them);
 * - the station's own: `publicUrl` (the address that forwards callbacks to *this* station), this
 *   till's `stickerPosId` (every till's sticker is in the sales setup already), and `backup` (the
 *   folder is a disk of this machine, the interval goes with it).
 */
export const SHARED_FIELDS = [
  'mode',
  'environment',
  'ppid',
  'locale',
  'topupProfiles',
  'paymentProfiles',
  'mail',
] as const;
type SharedField = (typeof SHARED_FIELDS)[number];
type Shared = Pick<StoredSettings, SharedField>;

const sharedSchema = storedSettingsSchema.pick({
  mode: true,
  environment: true,
  ppid: true,
  locale: true,
  topupProfiles: true,
  paymentProfiles: true,
  mail: true,
});

export const SITE_SETTINGS_PLACE = 'site database, table site_settings';

const isShared = (field: string): field is SharedField =>
  (SHARED_FIELDS as readonly string[]).includes(field);

/**
 * The settings of a station of a site: shared fields in the site database, the others in the local
 * settings.json (`local`). SettingsFile is synchronous, so the shared fields are held in memory:
 * `load()` at start, `refresh()` when another station changed them; `update` changes the copy at once
 * and writes through in order (`flush()` awaits the writes and answers a failure).
 */
export class SiteSettingsStore implements SettingsFile {
  private shared: Shared | null = null;
  private readonly writes = new WriteQueue();

  constructor(
    private readonly db: StationDb,
    private readonly local: SettingsFile,
  ) {}

  /** The site's settings; a site without any yet takes this station's (its first station's) as they are. */
  async load(): Promise<void> {
    let rows = await this.rows();
    if (!rows.some((r) => isShared(r.name))) {
      const seed = sharedPart(this.local.read());
      await this.db.write((tx) => tx.insert(siteSettings).values(settingRows(seed)).onConflictDoNothing());
      rows = await this.rows();
    }
    this.shared = parseShared(rows);
    this.mirror();
  }

  /** Takes in what other stations wrote, after this station's own writes reached the database. */
  async refresh(): Promise<void> {
    await this.writes.settle();
    await this.load();
  }

  flush(): Promise<void> {
    return this.writes.flush();
  }

  read(): StoredSettings {
    return { ...this.local.read(), ...this.loaded() };
  }

  update(change: Partial<StoredSettings>): StoredSettings {
    const changed = sharedPart(change);
    this.shared = { ...this.loaded(), ...changed };
    // The local file gets the shared fields too: the command-line tools (report, audit, new-book)
    // read settings.json, and see the site's values as this station last knew them.
    const next = this.local.update({ ...change, ...this.shared });
    const rows = settingRows(changed);
    if (rows.length > 0) {
      this.writes.push(async () => {
        await this.db.write(async (tx) => {
          for (const row of rows) {
            await tx
              .insert(siteSettings)
              .values(row)
              .onConflictDoUpdate({
                target: siteSettings.name,
                set: { value: row.value, updatedAt: row.updatedAt },
              });
          }
        });
      });
    }
    return next;
  }

  private rows(): Promise<{ name: string; value: string }[]> {
    return this.db.read((q) =>
      q.select({ name: siteSettings.name, value: siteSettings.value }).from(siteSettings),
    );
  }

  private loaded(): Shared {
    if (!this.shared) throw new Error('the site settings are read at start: await load() first');
    return this.shared;
  }

  /** Writes the site's values into settings.json when they differ from what it holds. */
  private mirror(): void {
    const local = this.local.read();
    const shared = this.loaded();
    if (SHARED_FIELDS.some((f) => JSON.stringify(local[f]) !== JSON.stringify(shared[f])))
      this.local.update(shared);
  }
}

function sharedPart(settings: Partial<StoredSettings>): Partial<Shared> {
  return Object.fromEntries(Object.entries(settings).filter(([field]) => isShared(field))) as Partial<Shared>;
}

function settingRows(values: Partial<Shared>): { name: string; value: string; updatedAt: number }[] {
  const updatedAt = Date.now();
  // A field a file has not got yet (the payment profiles of a file not upgraded) is no row.
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ({ name, value: JSON.stringify(value), updatedAt }));
}

/** A wrong value in the table refuses as a wrong field in settings.json does, naming the field. */
function parseShared(rows: { name: string; value: string }[]): Shared {
  const values: Record<string, unknown> = {};
  for (const row of rows.filter((r) => isShared(r.name))) {
    try {
      values[row.name] = JSON.parse(row.value) as unknown;
    } catch {
      throw refuse({
        file: SITE_SETTINGS_PLACE,
        problem: 'not-json',
        detail: `the setting "${row.name}" is not valid JSON`,
        field: row.name,
        remedies: ['fix-field'],
      });
    }
  }
  const parsed = sharedSchema.safeParse(values);
  if (parsed.success) return parsed.data as Shared;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') || '(all settings)';
  const detail = `the setting "${field}" is wrong (${issue?.message ?? 'invalid'})`;
  throw refuse({ file: SITE_SETTINGS_PLACE, problem: 'bad-field', detail, field, remedies: ['fix-field'] });
}
