import { and, eq, max } from 'drizzle-orm';
import type { PrintersView } from '../../../shared/contract/receipt-methods';
import type { Db, Tx } from '../db/open-database';
import { printJobs, receipts, reportMeta, sales } from '../db/schema';
import { newId } from '../db/ids';

/*
 * A finished sale's receipt: its number and, at a till that prints by itself, its print job, written in
 * the unit of work that makes the sale paid. The number is the till's highest plus one, read under the
 * write lock both engines hold for a unit of work (SQLite's BEGIN IMMEDIATE, the site's write lock on
 * PostgreSQL); the unique index (till, number) would refuse a duplicate rather than let one through.
 */

const PRINTING_KEY = 'receipt_printing';
const NO_PRINTING: PrintersView = { printers: [], tills: [] };

/**
 * The printers and which till prints where live in the station database; a copy sits in each mode's
 * books so the unit of work that finishes a sale can queue its receipt without reaching for another
 * database (like the sales setup's copy, ledger/attribution.ts).
 */
export async function mirrorPrinting(db: Db, printing: PrintersView): Promise<void> {
  const value = JSON.stringify(printing);
  await db.write((tx) =>
    tx
      .insert(reportMeta)
      .values({ key: PRINTING_KEY, value })
      .onConflictDoUpdate({ target: reportMeta.key, set: { value } }),
  );
}

export async function printingIn(q: Tx): Promise<PrintersView> {
  const [row] = await q.select().from(reportMeta).where(eq(reportMeta.key, PRINTING_KEY)).limit(1);
  return row ? (JSON.parse(row.value) as PrintersView) : NO_PRINTING;
}

export interface SaleReceiptInput {
  saleId: string;
  at: number;
  /** A cash sale: the drawer opens where the till's printer has one wired. */
  cash?: boolean;
}

/**
 * Issues the sale's receipt (once: a sale paid again by a late status finds its receipt) and queues
 * it at a till whose printer prints every sale. Returns the receipt's id.
 */
export async function issueSaleReceipt(tx: Tx, input: SaleReceiptInput): Promise<string> {
  const [existing] = await tx
    .select({ id: receipts.id })
    .from(receipts)
    .where(and(eq(receipts.saleId, input.saleId), eq(receipts.kind, 'sale')))
    .limit(1);
  if (existing) return existing.id;
  const [sale] = await tx
    .select({ tillId: sales.tillId })
    .from(sales)
    .where(eq(sales.id, input.saleId))
    .limit(1);
  if (!sale) throw new Error(`sale ${input.saleId} does not exist`);
  const [last] = await tx
    .select({ number: max(receipts.number) })
    .from(receipts)
    .where(eq(receipts.tillId, sale.tillId));
  const id = newId();
  const number = (last?.number ?? 0) + 1;
  await tx
    .insert(receipts)
    .values({ id, tillId: sale.tillId, number, kind: 'sale', saleId: input.saleId, createdAt: input.at });
  await queueAutoPrint(tx, { receiptId: id, tillId: sale.tillId, at: input.at, cash: input.cash === true });
  return id;
}

export async function queueAutoPrint(
  tx: Tx,
  job: { receiptId: string; tillId: string; at: number; cash: boolean },
): Promise<void> {
  const printing = await printingIn(tx);
  const till = printing.tills.find((t) => t.tillId === job.tillId);
  const printer = till && printing.printers.find((p) => p.id === till.printerId);
  if (!till?.autoPrint || !printer) return;
  await tx.insert(printJobs).values({
    ...{ receiptId: job.receiptId, printerId: printer.id, copy: 0, status: 'queued' },
    ...{ createdAt: job.at, openDrawer: job.cash && printer.drawer },
  });
}
