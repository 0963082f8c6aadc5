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

  async list(): Promise<RefundView[]> {
    await this.sync();
    return listRefundViews(this.deps.db);
  }

  /** Asks Bancontact for each waiting IBAN; those it does not have yet keep waiting for the next prepare. */
  async prepare(): Promise<RefundView[]> {
    await this.sync();
    const { db, now } = this.deps;
    const clients = this.deps.clients();
    // Each look-up is a call to Bancontact, outside any unit of work; its outcome is written on its own.
    for (const row of await waitingRows(db, this.deps.maxLookupsPerPrepare ?? 200)) {
      const outcome = await fetchRefundIban(db, row.bancontactId, clients);
      await setIbanOutcome(db, row, outcome, now());
    }
    return listRefundViews(db);
  }

  async export(
    input: { debtorName: string; debtorIban: string; executionDate?: string },
    actor: Actor = NO_ACTOR,
  ): Promise<RefundExportView> {
    const { db, now } = this.deps;
    await this.sync();
    const at = now();
    const executionDate = input.executionDate ?? new Date(at).toISOString().slice(0, 10);
    const request = { ...input, executionDate, exportId: this.deps.newId(), at, actor };
    const result = await db.write((tx) => exportReadyRefunds(tx, request));
    for (const band of result.closed) this.deps.onWristbandChanged(band);
    return result.view;
  }

  /** An export's file, by the name the HTTP shell serves it under; null for anything else. */
  async download(exportId: string, kind: 'xml' | 'csv'): Promise<string | null> {
    const [row] = await this.deps.db.read((q) =>
      q.select().from(refundExports).where(eq(refundExports.id, exportId)).limit(1),
    );
    if (!row) return null;
    return kind === 'xml' ? row.xml : row.csv;
  }

  private async sync(): Promise<void> {
    const { db, now, newId } = this.deps;
    await db.write((tx) => syncRefundRows(tx, now(), newId));
  }
}
