import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { ArticleLookup } from '../sales/catalogue';
import type { Db } from '../db/open-database';
import { reportMeta } from '../db/schema';
import { CashSales } from '../till/cash-sales';
import { DrawerService } from '../till/drawers';
import type { SalesRepo } from '../sales/sales-repo';
import { Closing } from './closing';
import { ExportFolder } from './export-folder';
import { rebuildTotals } from './rebuild';
import { ReportExports } from './report-exports';
import { SalesSetupStore } from './sales-setup-store';
import { readLogo } from '../settings/logo-store';
import { summaries, type SummaryFilter } from './summaries';
import type { SummariesView } from '../../../shared/contract/report-views';

export interface ReportServicesOptions {
  db: Db;
  repo: SalesRepo;
  dataDir: string;
  now: () => number;
  newId: () => string;
  onSaleChanged: (saleId: string) => void;
  /** After each Z has committed (book marker, backup); see `ClosingDeps.onDayClosed`. */
  onDayClosed?: (zNumber: number) => Promise<void> | void;
  /** The catalogue cash sales price their baskets from. */
  articles?: ArticleLookup;
}

/** Cash, drawers, closing and exports of one mode's database. */
export interface ReportServices {
  cash: CashSales;
  drawers: DrawerService;
  closing: Closing;
  exports: ReportExports;
  setup: SalesSetupStore;
  folder: ExportFolder;
  /** By shop and by payment profile when asked, as the transactions list filters. */
  summaries(filter?: SummaryFilter): Promise<SummariesView>;
}

const READY_KEY = 'reports_ready';
/**
 * The shape of the totals a start-up rebuild brings a database to: 1 the first totals, 2 the VAT per
 * rate that sales computed (report_totals.vat_cents, transaction_vat), 3 a sale counted once however
 * many tenders paid it (sale_count) and a cancel's give-back no refund. A lower one is rebuilt once.
 */
const REPORTS_VERSION = '3';

export async function createReportServices(options: ReportServicesOptions): Promise<ReportServices> {
  const { db, repo, dataDir, now, newId, onSaleChanged, onDayClosed, articles } = options;
  const setup = new SalesSetupStore(dataDir, db);
  await setup.mirror();
  await ensureReady(db);
  const closing = new Closing({ db, now, onDayClosed });
  const folder = new ExportFolder(join(dataDir, 'exports'));
  return {
    cash: new CashSales({ db, repo, now, newId, onSaleChanged, articles }),
    drawers: new DrawerService({ db, now, newId }),
    closing,
    exports: new ReportExports({
      ...{ db, folder, closing },
      letterhead: async () => ({ business: setup.read().business, logo: await readLogo(dataDir) }),
    }),
    setup,
    folder,
    summaries: (filter) => summaries(db, now(), filter),
  };
}

/**
 * A database from before the reports existed has sales but no transactions rows or totals, and one
 * from before VAT per rate no VAT in its totals: the first start-up after either builds them once from
 * the raw rows. Frozen Z reports are not touched.
 */
export async function ensureReady(db: Db): Promise<void> {
  const [ready] = await db.read((q) =>
    q.select().from(reportMeta).where(eq(reportMeta.key, READY_KEY)).limit(1),
  );
  if (ready?.value === REPORTS_VERSION) return;
  await rebuildTotals(db);
  await markReady(db);
}

export async function markReady(db: Db): Promise<void> {
  await db.write((tx) =>
    tx
      .insert(reportMeta)
      .values({ key: READY_KEY, value: REPORTS_VERSION })
      .onConflictDoUpdate({ target: reportMeta.key, set: { value: REPORTS_VERSION } }),
  );
}
