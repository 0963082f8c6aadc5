import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContractFailure } from '../../../shared/contract';
import type { SalesSetupView } from '../../../shared/contract/report-views';
import type { Db } from '../db/open-database';
import { DEFAULT_SALES_SETUP, mirrorSetup } from './attribution';

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

  read(): SalesSetupView {
    if (!existsSync(this.file)) return DEFAULT_SALES_SETUP;
    try {
      return {
        ...DEFAULT_SALES_SETUP,
        ...(JSON.parse(readFileSync(this.file, 'utf8')) as Partial<SalesSetupView>),
      };
    } catch {
      // A damaged file must not stop the till: sales go on with the defaults.
      return DEFAULT_SALES_SETUP;
    }
  }

  /** Applies to sales made from now on; a sale keeps the shop, cashier and rate it was made with. */
  update(change: Partial<SalesSetupView>): SalesSetupView {
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
    writeFileSync(this.file, JSON.stringify(next, null, 2));
    mirrorSetup(this.db, next);
    return next;
  }

  mirror(): void {
    mirrorSetup(this.db, this.read());
  }
}
