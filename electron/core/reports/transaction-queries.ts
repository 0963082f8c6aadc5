import { and, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { ContractFailure } from '../../../shared/contract';
import type {
  TransactionDetailView,
  TransactionMethod,
  TransactionPageView,
  TransactionRowView,
  TransactionStatus,
} from '../../../shared/contract/report-views';
import { formatDay, parseDay } from '../../../shared/domain/business-day';
import type { PaymentStatus } from '../../../shared/domain/payment-status';
import { normalizeWristbandId } from '../../../shared/domain/wristband-id';
import { engineOf } from '../db/dialect';
import type { Db, Tx } from '../db/open-database';
import { transactions } from '../db/schema';
import { cashTender } from '../till/cash-sales';
import type { SalesRepo } from '../sales/sales-repo';
import type { TransactionRow } from '../ledger/bookkeeper';

export interface TransactionFilters {
  from?: string;
  to?: string;
  shopId?: string;
  tillId?: string;
  cashierId?: string;
  profileId?: string;
  method?: TransactionMethod;
  status?: TransactionStatus;
  search?: string;
}

interface Cursor {
  day: number;
  seq: number;
}

/**
 * Newest first: by business day, then by creation order. Every filter has an index on
 * (filter, business_day) ending in the rowid, so a page walks an index and stops after `limit` rows.
 */
export async function transactionPage(
  db: Db,
  filters: TransactionFilters,
  page: { cursor?: string; limit: number },
): Promise<TransactionPageView> {
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const rows = await db.read((q) => pageRows(q, filters, after, page.limit + 1));
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  const last = shown.at(-1);
  return { rows: shown.map(rowView), nextCursor: more && last ? `${last.businessDay}:${last.seq}` : null };
}

export async function pageRows(
  q: Tx,
  filters: TransactionFilters,
  after: Cursor | null,
  limit: number,
): Promise<TransactionRow[]> {
  if (engineOf(q) === 'postgres') return pgPageRows(q, filters, after, limit);
  const where = [...filterConditions(filters)];
  if (after)
    where.push(sql`(${transactions.businessDay}, ${transactions.seq}) < (${after.day}, ${after.seq})`);
  return await q
    .select()
    .from(transactions)
    .where(and(...where))
    .orderBy(desc(transactions.businessDay), desc(transactions.seq))
    .limit(limit);
}

/**
 * The same page on PostgreSQL, in two steps. Its indexes on (filter, business_day) do not end in seq
 * (SQLite's end in the rowid), so ORDER BY business_day DESC, seq DESC fetched and sorted every row of
 * the newest day for a page of 50 (40,000 rows a day on a million sales: 30–40 ms). First the rest of
 * the cursor's day (or of the newest day with a row), newest seq first: the primary key read backwards
 * from the cursor, where that day's rows are; then, if the page is not full, the days before it as
 * before. The same rows in the same order as (business_day, seq) < cursor.
 */
async function pgPageRows(
  q: Tx,
  filters: TransactionFilters,
  after: Cursor | null,
  limit: number,
): Promise<TransactionRow[]> {
  const where = filterConditions(filters);
  const day = after?.day ?? (await newestDay(q, where));
  if (day === null) return [];
  const sameDay = [...where, eq(transactions.businessDay, day)];
  if (after) sameDay.push(lt(transactions.seq, after.seq));
  const first = await q
    .select()
    .from(transactions)
    .where(and(...sameDay))
    .orderBy(desc(transactions.seq))
    .limit(limit);
  if (first.length === limit) return first;
  const rest = await q
    .select()
    .from(transactions)
    .where(and(...where, lt(transactions.businessDay, day)))
    .orderBy(desc(transactions.businessDay), desc(transactions.seq))
    .limit(limit - first.length);
  return [...first, ...rest];
}

async function newestDay(q: Tx, where: SQL[]): Promise<number | null> {
  const [row] = await q
    .select({ day: sql<number | null>`max(${transactions.businessDay})` })
    .from(transactions)
    .where(and(...where));
  return row?.day === null || row?.day === undefined ? null : Number(row.day);
}

export function filterConditions(f: TransactionFilters): SQL[] {
  const where: SQL[] = [];
  const from = f.from ? parseDay(f.from) : null;
  const to = f.to ? parseDay(f.to) : null;
  if (from !== null) where.push(gte(transactions.businessDay, from));
  if (to !== null) where.push(lte(transactions.businessDay, to));
  if (f.shopId !== undefined) where.push(eq(transactions.shopId, f.shopId));
  if (f.tillId !== undefined) where.push(eq(transactions.tillId, f.tillId));
  if (f.cashierId !== undefined) where.push(eq(transactions.cashierId, f.cashierId));
  if (f.profileId !== undefined) where.push(eq(transactions.profileId, f.profileId));
  if (f.method !== undefined) where.push(eq(transactions.method, f.method));
  if (f.status !== undefined) where.push(eq(transactions.status, f.status));
  if (f.search !== undefined) where.push(searchCondition(f.search.trim()));
  return where;
}

/** A Bancontact payment id, Kassa's reference (its payment id), a sale id or a wristband id (any spelling). */
function searchCondition(q: string): SQL {
  const wristband = normalizeWristbandId(q);
  return or(
    inArray(transactions.source, [`p:${q}`, `c:${q}`]),
    eq(transactions.saleId, q),
    eq(transactions.bancontactId, q),
    ...(wristband ? [eq(transactions.wristbandId, wristband)] : []),
  )!;
}

function decodeCursor(text: string): Cursor {
  const match = /^(\d{8}):(\d{1,15})$/.exec(text);
  if (!match)
    throw new ContractFailure('INVALID_INPUT', 'The cursor is not one this station handed out', {
      fields: ['cursor'],
    });
  return { day: Number(match[1]), seq: Number(match[2]) };
}

const orNull = (text: string): string | null => (text === '' ? null : text);

export function rowView(r: TransactionRow): TransactionRowView {
  return {
    id: r.source,
    method: r.method as TransactionMethod,
    status: r.status as TransactionStatus,
    paymentStatus: r.paymentStatus as PaymentStatus | null,
    businessDate: formatDay(r.businessDay),
    createdAt: new Date(r.createdAt).toISOString(),
    amountCents: r.amountCents,
    roundingCents: r.roundingCents,
    shopId: orNull(r.shopId),
    tillId: orNull(r.tillId),
    cashierId: orNull(r.cashierId),
    vatRate: r.vatRate,
    profileId: orNull(r.profileId),
    saleId: r.saleId,
    paymentId: r.paymentId,
    bancontactId: r.bancontactId,
    wristbandId: r.wristbandId,
  };
}

/** One row with its sale, its cash tender and its payment's status timeline. */
export async function transactionDetail(db: Db, repo: SalesRepo, id: string): Promise<TransactionDetailView> {
  const [row] = await db.read((q) =>
    q.select().from(transactions).where(eq(transactions.source, id)).limit(1),
  );
  if (!row) throw new ContractFailure('NOT_FOUND', `No transaction ${id}`);
  const { saleId, paymentId } = row;
  return {
    row: rowView(row),
    sale: saleId ? await repo.saleView(saleId) : null,
    cash: saleId && row.method === 'cash' ? await db.read((q) => cashTender(q, saleId)) : null,
    timeline: paymentId ? await repo.timeline(paymentId) : [],
  };
}
