import type { BancontactClient } from '../bancontact/client';
import type { GetPaymentResponse } from '../bancontact/types';
import type { Logger } from '../logging/logger';
import { recoverSale, recoverTopup, type RecoverDeps } from './recover-payment';
import { markSearched, unsearchedRestores, type RestoreRow } from './restore-record';

export interface GapRecoveryDeps extends RecoverDeps {
  logger: Logger;
  /** The mode's till profile. */
  client: BancontactClient;
  /** Each top-up profile of the mode, by PPID. */
  topupClients: () => ReadonlyMap<string, BancontactClient>;
  onSaleChanged: (saleId: string) => void;
  onRecovered?: () => void;
  /** How long to wait before searching again when Bancontact could not be reached (1 minute by default). */
  retryMs?: number;
}

const PAGE_SIZE = 100;
/** 100,000 payments: far more than any festival's gap; a bound so a broken answer cannot loop forever. */
const MAX_PAGES = 1_000;

/**
 * Brings back what a restore's gap lost at Bancontact. It runs when the restored mode opens and again
 * after every failure until one search of every profile has succeeded; the restore is then marked
 * searched. Each payment is recovered at most once (recovered_payments is keyed by its Bancontact id),
 * so running twice, or being stopped halfway, recovers nothing twice.
 */
export class GapRecovery {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(private readonly deps: GapRecoveryDeps) {}

  /** Resolves once it knows whether there is a gap to search; the search itself runs in the background. */
  async start(): Promise<void> {
    if ((await unsearchedRestores(this.deps.db)).length > 0) void this.runSafely();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Searches every restore not searched yet; answers how many payments came back. Concurrent calls share one run. */
  run(): Promise<number> {
    this.running ??= this.recoverAll().finally(() => (this.running = null));
    return this.running;
  }

  private async runSafely(): Promise<void> {
    try {
      const count = await this.run();
      if (count > 0) this.deps.logger.info(`recovered ${count} payment(s) from the restore's gap`);
    } catch (error) {
      if (this.stopped) return;
      const reason = error instanceof Error ? error.message : String(error);
      this.deps.logger.warn(`searching Bancontact for the restore's gap failed (retrying): ${reason}`);
      this.timer = setTimeout(() => void this.runSafely(), this.deps.retryMs ?? 60_000);
    }
  }

  private async recoverAll(): Promise<number> {
    let count = 0;
    for (const restore of await unsearchedRestores(this.deps.db)) {
      count += await this.recoverGap(restore);
      if (this.stopped) return count;
      await markSearched(this.deps.db, restore.id, this.deps.now());
    }
    if (count > 0) this.deps.onRecovered?.();
    return count;
  }

  /** Every profile is searched before anything is written, so a failure halfway leaves a clean retry. */
  private async recoverGap(restore: RestoreRow): Promise<number> {
    const sales = await this.search(this.deps.client, restore);
    const topups: [string, GetPaymentResponse[]][] = [];
    for (const [ppid, client] of this.deps.topupClients())
      topups.push([ppid, await this.search(client, restore)]);
    if (this.stopped) return 0;
    let count = 0;
    for (const payment of sales) {
      const row = await recoverSale(this.deps, restore, payment);
      if (!row) continue;
      count += 1;
      if (row.saleId) this.deps.onSaleChanged(row.saleId);
    }
    for (const [ppid, found] of topups) {
      for (const payment of found) {
        const recovered = await recoverTopup(this.deps, restore, ppid, payment);
        if (!recovered) continue;
        count += 1;
        this.deps.ledger.announce(recovered.outcome);
      }
    }
    return count;
  }

  private async search(client: BancontactClient, restore: RestoreRow): Promise<GetPaymentResponse[]> {
    const from = new Date(restore.searchedFrom).toISOString();
    const to = new Date(this.deps.now()).toISOString();
    const found: GetPaymentResponse[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const filter = { from, to, page, size: PAGE_SIZE, paymentStatuses: ['SUCCEEDED' as const] };
      const answer = await client.searchPayments(filter, 'low');
      found.push(...answer.details);
      if (page + 1 >= answer.totalPages) break;
    }
    return found;
  }
}
