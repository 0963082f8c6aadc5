import type { LiabilityView, RejectedCallbackGroupView } from '../../shared/contract';
import type { RestoreView } from '../../shared/contract/restore-methods';
import type { Db } from './db/open-database';
import { listRejectedCallbacks } from './payments/rejected-callbacks';
import { rebuildTotals } from './reports/rebuild';
import type { TransactionReader } from './reports/report-handlers';
import { transactionDetail, transactionPage } from './reports/transaction-queries';
import { lastRestoreView } from './restore/restore-record';
import type { SalesRepo } from './sales/sales-repo';
import type { TopupProfile } from './settings/topup-profiles';
import { BatchService } from './topup/batch-service';
import { liability } from './topup/liability';

/**
 * The reads and per-call services of one mode that handlers use, built over its database here, so
 * that no handler holds the mode's `db` or `repo` (each slice declares the narrow shape it needs).
 */
export interface ModeReaders {
  transactions: TransactionReader;
  rejectedCallbacks(limit: number): Promise<RejectedCallbackGroupView[]>;
  liability(): Promise<LiabilityView>;
  lastRestore(): Promise<RestoreView | null>;
  /** Made per call: it works over the mode's top-up profiles as they are at that moment. */
  batches(): BatchService;
}

export function createModeReaders(db: Db, repo: SalesRepo, profiles: () => TopupProfile[]): ModeReaders {
  return {
    transactions: {
      page: (filters, page) => transactionPage(db, filters, page),
      detail: (id) => transactionDetail(db, repo, id),
      rebuildTotals: () => rebuildTotals(db),
    },
    rejectedCallbacks: (limit) => listRejectedCallbacks(db, limit),
    liability: () => liability(db),
    lastRestore: () => lastRestoreView(db),
    // The wall clock, as batches have always been stamped (the station clock is injected for sales and days).
    batches: () => new BatchService({ db, profiles: profiles(), now: Date.now }),
  };
}
