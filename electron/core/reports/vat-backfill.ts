import { sql } from 'drizzle-orm';
import type { Tx } from '../db/open-database';
import { rawRows } from '../db/raw';
import { transactionVat } from '../db/schema';
import { vatRows } from '../ledger/transaction-vat';
import { SALE_VAT_COLUMN, vatParts } from '../ledger/vat-parts';

/** Transactions per page: their parts (at most a few each) stay well below either engine's parameters. */
const PAGE = 1_000;

interface MissingRow {
  seq: number;
  source: string;
  amountCents: number;
  vatRate: number | null;
  saleVat: string | null;
}

/**
 * Gives each sale's transaction that has none its `transaction_vat` rows, computed as the running
 * hooks compute them (vat-parts.ts). Only rows booked before the parts existed lack them, so after
 * the first rebuild this finds nothing. Sale refunds (`r:`) always carry their own parts. Paged by `seq`, in the caller's unit of work; answers how many
 * transactions it gave parts to.
 */
export async function backfillVatParts(tx: Tx): Promise<number> {
  let after = 0;
  let filled = 0;
  for (;;) {
    const page = await rawRows<MissingRow>(
      tx,
      sql`SELECT t.seq AS seq, t.source AS source, t.amount_cents AS "amountCents", s.vat_rate AS "vatRate",
        ${sql.raw(SALE_VAT_COLUMN)}
        FROM transactions t JOIN sales s ON s.id = t.sale_id
        WHERE t.seq > ${after} AND t.source NOT LIKE 'r:%' AND NOT EXISTS (SELECT 1 FROM transaction_vat tv WHERE tv.source = t.source)
        ORDER BY t.seq LIMIT ${PAGE}`,
    );
    if (page.length === 0) return filled;
    const rows = page.flatMap((r) => vatRows(r.source, vatParts(r.saleVat, r.vatRate, r.amountCents)));
    if (rows.length > 0) await tx.insert(transactionVat).values(rows);
    filled += page.length;
    after = Number(page[page.length - 1]!.seq);
  }
}
