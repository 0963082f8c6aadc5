import { and, eq, gt } from 'drizzle-orm';
import { ContractFailure, type RefundExportView } from '../../../../shared/contract';
import type { Tx } from '../../db/open-database';
import { actorColumns, NO_ACTOR, type Actor } from '../../ledger/actor';
import { refundExports, wristbandRefunds, wristbands } from '../../db/schema';
import { assertEventEnded } from '../event-end';
import { book, type WristbandRow } from '../wristband-book';
import { buildPain001, type CreditTransfer } from './pain001';
import { buildRefundCsv, type CsvRefund } from './refund-csv';
import type { RefundRow } from './refund-rows';

export interface ExportRequest {
  debtorName: string;
  debtorIban: string;
  executionDate: string;
  exportId: string;
  at: number;
  /** Who exported the file, on which device: written on the export and on each refund entry. */
  actor?: Actor;
}

export interface ExportResult {
  view: RefundExportView;
  closed: WristbandRow[];
}

/** Where the HTTP shell serves an export's files. */
export const exportPaths = (exportId: string) => ({
  xmlPath: `/downloads/refunds-${exportId}.xml`,
  csvPath: `/downloads/refunds-${exportId}.csv`,
});

/**
 * After the end of the event only: every ready refund, for the balance its wristband holds now, goes
 * into one SEPA file and its CSV; each wristband gets its refund entry (balance to zero) and is
 * closed. One transaction: the files and the closed wristbands are stored together or not at all.
 * "Closed" means "refunded up to this file": a top-up that still arrives is credited to it and goes
 * into the next file (see `syncRefundRows`), so money is neither lost nor refunded twice.
 */
export async function exportReadyRefunds(tx: Tx, request: ExportRequest): Promise<ExportResult> {
  await assertEventEnded(tx);
  const ready = await readyRefunds(tx);
  if (ready.length === 0) throw new ContractFailure('NO_REFUNDS_READY', 'No refund has its IBAN yet');
  const refunds: CsvRefund[] = [];
  const closed: WristbandRow[] = [];
  for (const { refund, balance } of ready) {
    closed.push(await closeWithRefund(tx, refund, balance, request));
    refunds.push({
      ...transfer(refund, balance),
      wristbandId: refund.wristbandId,
      bancontactId: refund.bancontactId,
    });
  }
  const { exportId } = request;
  const totalCents = refunds.reduce((sum, r) => sum + r.amountCents, 0);
  await tx.insert(refundExports).values(files(request, refunds, totalCents));
  return { view: { exportId, count: refunds.length, totalCents, ...exportPaths(exportId) }, closed };
}

function readyRefunds(tx: Tx) {
  return tx
    .select({ refund: wristbandRefunds, balance: wristbands.balanceCents })
    .from(wristbandRefunds)
    .innerJoin(wristbands, eq(wristbands.id, wristbandRefunds.wristbandId))
    .where(and(eq(wristbandRefunds.status, 'ready'), gt(wristbands.balanceCents, 0)))
    .orderBy(wristbandRefunds.wristbandId);
}

/** The wristband's whole balance goes back: a refund entry takes it to zero and the wristband closes. */
async function closeWithRefund(
  tx: Tx,
  refund: RefundRow,
  balance: number,
  { at, exportId, actor }: ExportRequest,
): Promise<WristbandRow> {
  await book(tx, refund.wristbandId, { kind: 'refund', amountCents: -balance, at, actor });
  await tx
    .update(wristbandRefunds)
    .set({ status: 'exported', amountCents: balance, exportId, problem: null, updatedAt: at })
    .where(eq(wristbandRefunds.id, refund.id));
  const [closed] = await tx
    .update(wristbands)
    .set({ status: 'closed', updatedAt: at })
    .where(eq(wristbands.id, refund.wristbandId))
    .returning();
  return closed!;
}

function files(
  request: ExportRequest,
  refunds: CsvRefund[],
  totalCents: number,
): typeof refundExports.$inferInsert {
  const messageId = `KASSA-${request.exportId}`;
  const xml = buildPain001({
    messageId,
    createdAt: new Date(request.at),
    executionDate: request.executionDate,
    debtor: { name: request.debtorName, iban: request.debtorIban },
    transfers: refunds,
  });
  const csv = buildRefundCsv(refunds);
  return {
    id: request.exportId,
    messageId,
    count: refunds.length,
    totalCents,
    xml,
    csv,
    createdAt: request.at,
    ...actorColumns(request.actor ?? NO_ACTOR),
  };
}

function transfer(refund: RefundRow, amountCents: number): CreditTransfer {
  return {
    endToEndId: refund.id,
    amountCents,
    // Bancontact reports the payer's first name at most; the bank still needs a name.
    creditorName: refund.creditorName ?? 'Festival visitor',
    creditorIban: refund.iban ?? '',
    remittance: `Refund wristband ${refund.wristbandId}`,
  };
}
