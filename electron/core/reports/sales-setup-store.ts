import { join } from 'node:path';
import { ContractFailure } from '../../../shared/contract';
import type { SalesSetupView } from '../../../shared/contract/report-views';
import type { Db } from '../db/open-database';
import { writePrivateFile } from '../files/durable-file';
import { readJsonFile } from '../settings/validated-file';
import { DEFAULT_SALES_SETUP, mirrorSetup } from '../ledger/attribution';
import { salesSetupFileSchema } from './sales-setup-schema';

export const SALES_SETUP_FILE = 'sales-setup.json';

/**
 * Shops, the cash rounding, default VAT rate and cashier, and per-till overrides, in
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
    const shopIds = new Set(next.shops.map((s) => s.id));
    const unknown = next.tills.find((t) => t.shopId !== undefined && !shopIds.has(t.shopId));
    if (unknown) {
      throw new ContractFailure(
        'INVALID_INPUT',
        `Till ${unknown.tillId} names shop ${unknown.shopId ?? ''}, which is not a shop`,
        {
          fields: ['tills'],
        },
      );
    }
    if (shopIds.size !== next.shops.length) {
      throw new ContractFailure('INVALID_INPUT', 'Two shops have the same id', { fields: ['shops'] });
    }
    writePrivateFile(this.file, JSON.stringify(next, null, 2));
    await mirrorSetup(this.db, next);
    return next;
  }

  async mirror(): Promise<void> {
    await mirrorSetup(this.db, this.read());
  }
}

/** The setup in `file`, defaults for what is missing; throws a StartRefusal when the file is damaged. */
export function readSalesSetupFile(file: string): SalesSetupView {
  return readJsonFile(file, salesSetupFileSchema) ?? DEFAULT_SALES_SETUP;
}
