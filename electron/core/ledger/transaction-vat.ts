import { desc, eq } from 'drizzle-orm';
import type { Tx } from '../db/open-database';
import { transactionVat } from '../db/schema';
import type { VatPart } from './booking';

/** A transaction's stored parts per rate, highest rate first (the order vatParts answers in). */
export async function storedVatParts(tx: Tx, source: string): Promise<VatPart[]> {
  const rows = await tx
    .select()
    .from(transactionVat)
    .where(eq(transactionVat.source, source))
    .orderBy(desc(transactionVat.vatRate));
  return rows.map((r) => ({ vatRate: r.vatRate, grossCents: r.grossCents, vatCents: r.vatCents }));
}

/** The `transaction_vat` rows of one transaction: net is what is left of each part after its VAT. */
export function vatRows(source: string, parts: readonly VatPart[]) {
  return parts.map((p) => ({ source, ...p, netCents: p.grossCents - p.vatCents }));
}

/** Replaces a transaction's parts (they change only when a legacy row is first given its own). */
export async function replaceVatParts(tx: Tx, source: string, parts: readonly VatPart[]): Promise<void> {
  await tx.delete(transactionVat).where(eq(transactionVat.source, source));
  if (parts.length > 0) await tx.insert(transactionVat).values(vatRows(source, parts));
}
