import { join } from 'node:path';
import { eq } from 'drizzle-orm';
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
import { summaries } from './summaries';
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
}

/** Cash, drawers, closing and exports of one mode's database. */
export interface ReportServices {
  cash: CashSales;
  drawers: DrawerService;
  closing: Closing;
  exports: ReportExports;
  setup: SalesSetupStore;
  folder: ExportFolder;
  summaries(): Promise<SummariesView>;
}

const READY_KEY = 'reports_ready';

export async function createReportServices(options: ReportServicesOptions): Promise<ReportServices> {
  const { db, repo, dataDir, now, newId, onSaleChanged, onDayClosed } = options;
  const setup = new SalesSetupStore(dataDir, db);
  await setup.mirror();
  await ensureReady(db);
  const closing = new Closing({ db, now, onDayClosed });
  const folder = new ExportFolder(join(dataDir, 'exports'));
  return {
    cash: new CashSales({ db, repo, now, newId, onSaleChanged }),
    drawers: new DrawerService({ db, now, newId }),
    closing,
    exports: new ReportExports({ db, folder, closing }),
    setup,
    folder,
    summaries: () => summaries(db, now()),
  };
}

/**
 * A database from before the reports existed has sales but no transactions rows or totals: the first
 * start-up with reports builds them once from the raw rows.
 */
export async function ensureReady(db: Db): Promise<void> {
  const [ready] = await db.read((q) =>
    q.select().from(reportMeta).where(eq(reportMeta.key, READY_KEY)).limit(1),
  );
  if (ready) return;
  await rebuildTotals(db);
  await markReady(db);
}

export async function markReady(db: Db): Promise<void> {
  await db.write((tx) => tx.insert(reportMeta).values({ key: READY_KEY, value: '1' }).onConflictDoNothing());
}
