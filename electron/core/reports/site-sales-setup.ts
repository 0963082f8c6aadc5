import { eq } from 'drizzle-orm';
import type { SalesSetupView } from '../../../shared/contract/report-views';
import { refuse } from '../../../shared/contract/station-refusal';
import type { StationDb } from '../db/open-station-database';
import { siteSettings } from '../db/station-schema';
import { salesSetupFileSchema } from './sales-setup-schema';
import { readOwnSalesSetupFile } from './sales-setup-store';
import { SITE_SETTINGS_PLACE } from '../settings/site-settings-store';
import { WriteQueue } from '../settings/write-queue';

/** The sales setup's row in site_settings. */
export const SALES_SETUP_SETTING = 'salesSetup';

/**
 * The sales setup (shops, cash rounding, VAT, cashiers, every till's overrides) shared by the stations
 * of a site, in place of each station's `sales-setup.json`: the tills of a site are the site's, and
 * each station copies the setup into the shared books, where two different files would overwrite each
 * other. In memory like the settings: `load()`, `refresh()`, and `write()` through to the database.
 * SalesSetupStore keeps validating a change and mirroring it into the books; this is where it keeps it.
 */
export class SiteSalesSetup {
  private setup: SalesSetupView | null = null;
  private readonly writes = new WriteQueue();

  constructor(
    private readonly db: StationDb,
    /** This station's `sales-setup.json`: what a site without a setup yet starts from. */
    private readonly localFile: string,
  ) {}

  async load(): Promise<void> {
    let value = await this.stored();
    if (value === undefined) {
      const seed = {
        name: SALES_SETUP_SETTING,
        value: JSON.stringify(readOwnSalesSetupFile(this.localFile)),
        updatedAt: Date.now(),
      };
      await this.db.write((tx) => tx.insert(siteSettings).values(seed).onConflictDoNothing());
      value = await this.stored();
    }
    this.setup = parseSetup(value ?? '{}');
  }

  async refresh(): Promise<void> {
    await this.writes.settle();
    await this.load();
  }

  flush(): Promise<void> {
    return this.writes.flush();
  }

  read(): SalesSetupView {
    if (!this.setup) throw new Error('the sales setup is read at start: await load() first');
    return this.setup;
  }

  /** Keeps `next` (already validated by SalesSetupStore) and writes it through. */
  write(next: SalesSetupView): void {
    this.setup = next;
    const row = { name: SALES_SETUP_SETTING, value: JSON.stringify(next), updatedAt: Date.now() };
    this.writes.push(async () => {
      await this.db.write((tx) =>
        tx
          .insert(siteSettings)
          .values(row)
          .onConflictDoUpdate({
            target: siteSettings.name,
            set: { value: row.value, updatedAt: row.updatedAt },
          }),
      );
    });
  }

  private async stored(): Promise<string | undefined> {
    const rows = await this.db.read((q) =>
      q
        .select({ value: siteSettings.value })
        .from(siteSettings)
        .where(eq(siteSettings.name, SALES_SETUP_SETTING)),
    );
    return rows[0]?.value;
  }
}

/** A damaged setup refuses, as a damaged `sales-setup.json` does: no sale goes to shops no one chose. */
function parseSetup(value: string): SalesSetupView {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw refuse({
      file: SITE_SETTINGS_PLACE,
      problem: 'not-json',
      detail: `the setting "${SALES_SETUP_SETTING}" is not valid JSON`,
      field: SALES_SETUP_SETTING,
      remedies: ['fix-field'],
    });
  }
  const parsed = salesSetupFileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const field = [SALES_SETUP_SETTING, ...(parsed.error.issues[0]?.path.map(String) ?? [])].join('.');
  const detail = `the setting "${field}" is wrong (${parsed.error.issues[0]?.message ?? 'invalid'})`;
  throw refuse({ file: SITE_SETTINGS_PLACE, problem: 'bad-field', detail, field, remedies: ['fix-field'] });
}
