import { eq } from 'drizzle-orm';
import type { RefundExportView, RefundView } from '../../../../shared/contract';
import type { BancontactClient } from '../../bancontact/client';
import type { Db } from '../../db/open-database';
import { NO_ACTOR, type Actor } from '../../ledger/actor';
import { refundExports } from '../../db/schema';
import type { WristbandRow } from '../wristband-book';
import { exportReadyRefunds } from './refund-export';
import { fetchRefundIban } from './refund-iban';
import { listRefundViews, setIbanOutcome, syncRefundRows, waitingRows } from './refund-rows';

export interface RefundServiceDeps {
  db: Db;
  now: () => number;
  newId: () => string;
  /** The top-up profiles' clients by PPID, as configured right now. */
  clients: () => ReadonlyMap<string, BancontactClient>;
  onWristbandChanged: (wristband: WristbandRow) => void;
  /** IBAN look-ups per prepare, so that one call stays within minutes at Bancontact's rate limit. */
  maxLookupsPerPrepare?: number;
}

/** Refunds after the event: propose, fetch the payers' IBANs, export a SEPA file and close the wristbands. */
export class RefundService {
  constructor(private readonly deps: RefundServiceDeps) {}

  list(): RefundView[] {
    this.sync();
    return listRefundViews(this.deps.db);
  }

  /** Asks Bancontact for each waiting IBAN; those it does not have yet keep waiting for the next prepare. */
  async prepare(): Promise<RefundView[]> {
    this.sync();
    const { db, now } = this.deps;
    const clients = this.deps.clients();
    for (const row of waitingRows(db, this.deps.maxLookupsPerPrepare ?? 200)) {
      const outcome = await fetchRefundIban(db, row.bancontactId, clients);
      setIbanOutcome(db, row, outcome, now());
    }
    return listRefundViews(db);
  }

  export(
    input: { debtorName: string; debtorIban: string; executionDate?: string },
    actor: Actor = NO_ACTOR,
  ): RefundExportView {
    const { db, now } = this.deps;
    this.sync();
    const at = now();
    const executionDate = input.executionDate ?? new Date(at).toISOString().slice(0, 10);
    const request = { ...input, executionDate, exportId: this.deps.newId(), at, actor };
    const result = db.transaction((tx) => exportReadyRefunds(tx, request));
    for (const band of result.closed) this.deps.onWristbandChanged(band);
    return result.view;
  }

  /** An export's file, by the name the HTTP shell serves it under; null for anything else. */
  download(exportId: string, kind: 'xml' | 'csv'): string | null {
    const row = this.deps.db.select().from(refundExports).where(eq(refundExports.id, exportId)).get();
    if (!row) return null;
    return kind === 'xml' ? row.xml : row.csv;
  }

  private sync(): void {
    const { db, now, newId } = this.deps;
    db.transaction((tx) => syncRefundRows(tx, now(), newId));
  }
}
