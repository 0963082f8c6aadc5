import { join, resolve } from 'node:path';
import type { SalesSetupView } from '../../../shared/contract/report-views';
import type { Db } from '../db/open-database';
import { writePrivateFile } from '../files/durable-file';
import { readJsonFile } from '../settings/validated-file';
import { DEFAULT_SALES_SETUP, mirrorSetup } from '../ledger/attribution';
import { checkSalesSetup } from './sales-setup-checks';
import { salesSetupFileSchema } from './sales-setup-schema';

export const SALES_SETUP_FILE = 'sales-setup.json';

/**
 * Shops, the business identity, VAT rates with their dates, the cash rounding, default VAT rate and
 * cashier, and per-till overrides, in
 * `sales-setup.json` of the data folder: one setup for the station, shared by its modes. Each mode's
 * database gets a copy when it opens and whenever the setup changes.
 */
export class SalesSetupStore {
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly db: Db,
  ) {
    this.file = join(dataDir, SALES_SETUP_FILE);
  }

  /**
   * A damaged file refuses (StartRefusal naming the file and field) rather than attributing sales to
   * default shops and VAT rates no one chose; the station checks it before it opens a database.
   */
  read(): SalesSetupView {
    return readSalesSetupFile(this.file);
  }

  /** Applies to sales made from now on; a sale keeps the shop, cashier and rate it was made with. */
  async update(change: Partial<SalesSetupView>): Promise<SalesSetupView> {
    const next = { ...this.read(), ...change };
    checkSalesSetup(next, Date.now());
    const site = sitePlaces.get(resolve(this.file));
    if (site) await site.write(next);
    else writePrivateFile(this.file, JSON.stringify(next, null, 2));
    await mirrorSetup(this.db, next);
    return next;
  }

  async mirror(): Promise<void> {
    await mirrorSetup(this.db, this.read());
  }
}

/** Where a station of a site keeps the setup instead of its file (reports/site-sales-setup.ts). */
export interface SalesSetupPlace {
  read(): SalesSetupView;
  /** Keeps a validated setup; resolves once the site has it. */
  write(next: SalesSetupView): Promise<void>;
}

// By the file they replace: every reader of a data folder's setup (the start's checks, the reports,
// the tills a new device must not take) names that file, and one station runs per data folder.
const sitePlaces = new Map<string, SalesSetupPlace>();

/** From now on the setup of `dataDir` is the site's (`place`), or its file again (null, at stop). */
export function keepSalesSetupOnSite(dataDir: string, place: SalesSetupPlace | null): void {
  const file = resolve(dataDir, SALES_SETUP_FILE);
  if (place) sitePlaces.set(file, place);
  else sitePlaces.delete(file);
}

/**
 * The setup in `file` (or the site's, for a station of a site), defaults for what is missing; throws
 * a StartRefusal when the file is damaged.
 */
export function readSalesSetupFile(file: string): SalesSetupView {
  return sitePlaces.get(resolve(file))?.read() ?? readOwnSalesSetupFile(file);
}

/** The data folder's own file, whatever the site keeps: what a site's first station brings. */
export function readOwnSalesSetupFile(file: string): SalesSetupView {
  return readJsonFile(file, salesSetupFileSchema) ?? DEFAULT_SALES_SETUP;
}
