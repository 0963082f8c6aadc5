import { eq } from 'drizzle-orm';
import { refuse } from '../../../shared/contract/station-refusal';
import type { StationDb } from '../db/open-station-database';
import { siteSecrets } from '../db/station-schema';
import type { SecretStore } from './secret-store';
import type { Sealed, SiteCipher } from './site-key';
import { WriteQueue } from './write-queue';

/** Sealed under the site key by the first station: a station with another key fails to open it. */
export const KEY_CHECK_NAME = 'kassa.siteKeyCheck';
const KEY_CHECK_VALUE = 'kassa site key';

/** Where the values live, for messages: never the key file, whose path is given separately. */
export const SITE_SECRETS_PLACE = 'site database, table site_secrets';

/**
 * The secrets every station of a site shares (Bancontact API keys), in the site database, AES-256-GCM
 * under the site key. SecretStore is synchronous, so the values are held in memory: `load()` at start,
 * `refresh()` when another station changed them; `set`/`delete` change the copy at once and write
 * through in order (`flush()` awaits those writes and answers a failure).
 */
export class SiteSecretStore implements SecretStore {
  readonly file = SITE_SECRETS_PLACE;
  private values: Map<string, string> | null = null;
  private readonly writes = new WriteQueue();

  constructor(
    private readonly db: StationDb,
    private readonly cipher: SiteCipher,
    private readonly keyFile: string,
  ) {}

  /** Whether the site has a key yet: false only before its first station stored its key check. */
  static async siteHasKey(db: StationDb): Promise<boolean> {
    const rows = await db.read((q) =>
      q.select({ name: siteSecrets.name }).from(siteSecrets).where(eq(siteSecrets.name, KEY_CHECK_NAME)),
    );
    return rows.length > 0;
  }

  /**
   * Reads and decrypts every value. The site's first station stores the key check; any station whose
   * key does not open it is refused (StartRefusal naming the key file), before it writes anything.
   */
  async load(): Promise<void> {
    let rows = await this.rows();
    if (!rows.some((r) => r.name === KEY_CHECK_NAME)) {
      const check = {
        name: KEY_CHECK_NAME,
        ...this.cipher.seal(KEY_CHECK_NAME, KEY_CHECK_VALUE),
        updatedAt: Date.now(),
      };
      // Two first stations racing: one check is stored, and the other station's key fails it below.
      await this.db.write((tx) => tx.insert(siteSecrets).values(check).onConflictDoNothing());
      rows = await this.rows();
    }
    this.values = this.opened(rows);
  }

  /** Takes in what other stations wrote, after this station's own writes reached the database. */
  async refresh(): Promise<void> {
    await this.writes.settle();
    await this.load();
  }

  flush(): Promise<void> {
    return this.writes.flush();
  }

  verify(): void {
    this.loaded();
  }

  get(name: string): string | null {
    return this.loaded().get(name) ?? null;
  }

  set(name: string, value: string): void {
    assertNotReserved(name);
    this.loaded().set(name, value);
    const row = { name, ...this.cipher.seal(name, value), updatedAt: Date.now() };
    this.writes.push(async () => {
      await this.db.write((tx) =>
        tx
          .insert(siteSecrets)
          .values(row)
          .onConflictDoUpdate({
            target: siteSecrets.name,
            set: { nonce: row.nonce, ciphertext: row.ciphertext, updatedAt: row.updatedAt },
          }),
      );
    });
  }

  delete(name: string): void {
    assertNotReserved(name);
    this.loaded().delete(name);
    this.writes.push(async () => {
      await this.db.write((tx) => tx.delete(siteSecrets).where(eq(siteSecrets.name, name)));
    });
  }

  private rows(): Promise<(Sealed & { name: string })[]> {
    return this.db.read((q) => q.select().from(siteSecrets));
  }

  private loaded(): Map<string, string> {
    if (!this.values) throw new Error('the site secrets are read at start: await load() first');
    return this.values;
  }

  private opened(rows: (Sealed & { name: string })[]): Map<string, string> {
    const check = rows.find((r) => r.name === KEY_CHECK_NAME);
    if (!check || this.cipher.open(KEY_CHECK_NAME, check) !== KEY_CHECK_VALUE) {
      throw refuse({
        file: this.keyFile,
        problem: 'wrong-key',
        detail: 'it is not the key of this site: the site database was set up with another site key',
        remedies: ['copy-site-key'],
      });
    }
    const values = new Map<string, string>();
    for (const row of rows) {
      if (row.name === KEY_CHECK_NAME) continue;
      const value = this.cipher.open(row.name, row);
      if (value === null) throw undecryptable(row.name);
      values.set(row.name, value);
    }
    return values;
  }
}

/** The key opens the check but not this value: it was changed, or copied from another name. */
function undecryptable(name: string) {
  return refuse({
    file: SITE_SECRETS_PLACE,
    problem: 'damaged',
    detail: `the secret "${name}" does not decrypt under the site key (changed, or moved from another name, in the database)`,
    remedies: ['enter-credentials'],
  });
}

function assertNotReserved(name: string): void {
  if (name === KEY_CHECK_NAME) throw new Error(`${KEY_CHECK_NAME} is the site key check, not a secret`);
}
