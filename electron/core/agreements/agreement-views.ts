import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { ContractFailure, type MethodName } from '../../../shared/contract';
import type {
  AgreementChargeView,
  AgreementDetailView,
  AgreementPageView,
  AgreementRowView,
} from '../../../shared/contract/agreement-list-methods';
import type { AgreementStatus } from '../../../shared/domain/recurring-plans';
import type { Handlers } from '../api/dispatcher';
import type { Db, Tx } from '../db/open-database';
import { agreementCharges, agreements } from '../db/schema';

/*
 * What the Agreements screen reads of the books: the agreements sold at the tills, a page at a time,
 * and one agreement with its charges. Read only: revoking and refunding are charge-actions' work.
 */

type AgreementRow = typeof agreements.$inferSelect;
type ChargeRow = typeof agreementCharges.$inferSelect;

export interface AgreementListFilter {
  status?: AgreementStatus;
  search?: string;
  offset: number;
  limit: number;
}

/** Charges that took the consumer's money, refunded ones included: the "n" of "n of N". */
const TAKEN = ['captured', 'refunded'] as const;

export async function listAgreements(db: Db, filter: AgreementListFilter): Promise<AgreementPageView> {
  return db.read(async (q) => {
    const page = filter.search?.trim() ? await searchedPage(q, filter) : await statusPage(q, filter);
    const taken = await takenCounts(
      q,
      page.rows.map((row) => row.id),
    );
    return {
      agreements: page.rows.map((row) => rowView(row, taken.get(row.id) ?? 0)),
      total: page.total,
    };
  });
}

const NEWEST_FIRST = [desc(agreements.createdAt), desc(agreements.id)];
const statusWhere = (filter: AgreementListFilter) =>
  filter.status ? eq(agreements.status, filter.status) : undefined;

async function statusPage(q: Tx, filter: AgreementListFilter) {
  const where = statusWhere(filter);
  const [total] = await q.select({ n: count() }).from(agreements).where(where);
  const rows = await q
    .select()
    .from(agreements)
    .where(where)
    .orderBy(...NEWEST_FIRST)
    .limit(filter.limit)
    .offset(filter.offset);
  return { rows, total: Number(total?.n ?? 0) };
}

/**
 * A part of the consumer's name, without regard to case or accents ("elise" finds "Élise"). The names
 * are compared here, not by the engine: SQLite's lower() knows ASCII only, PostgreSQL's knows more, and
 * both engines must find the same agreements. Only ids and names are read for it, then the page.
 */
async function searchedPage(q: Tx, filter: AgreementListFilter) {
  const wanted = folded(filter.search ?? '');
  const names = await q
    .select({ id: agreements.id, consumerName: agreements.consumerName })
    .from(agreements)
    .where(statusWhere(filter))
    .orderBy(...NEWEST_FIRST);
  const ids = names.filter((name) => folded(name.consumerName).includes(wanted)).map((name) => name.id);
  const pageIds = ids.slice(filter.offset, filter.offset + filter.limit);
  const rows =
    pageIds.length === 0
      ? []
      : await q
          .select()
          .from(agreements)
          .where(inArray(agreements.id, pageIds))
          .orderBy(...NEWEST_FIRST);
  return { rows, total: ids.length };
}

function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl').trim();
}

export async function agreementDetail(db: Db, agreementId: string): Promise<AgreementDetailView> {
  return db.read(async (q) => {
    const [row] = await q.select().from(agreements).where(eq(agreements.id, agreementId)).limit(1);
    if (!row) throw new ContractFailure('NOT_FOUND', `No agreement ${agreementId}`);
    const charges = await q
      .select()
      .from(agreementCharges)
      .where(eq(agreementCharges.agreementId, agreementId))
      .orderBy(asc(agreementCharges.period));
    const taken = charges.filter((charge) => (TAKEN as readonly string[]).includes(charge.status)).length;
    return {
      ...rowView(row, taken),
      pproId: row.pproId,
      pproStatus: row.pproStatus,
      vatRate: row.vatRate,
      wristbandId: row.wristbandId,
      thresholdCents: row.thresholdCents,
      consumerEmail: row.consumerEmail,
      termsVersion: row.termsVersion,
      termsAcceptedAt: Number(row.termsAcceptedAt),
      revokedAt: numberOrNull(row.revokedAt),
      charges: charges.map(chargeView),
    };
  });
}

async function takenCounts(q: Tx, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({ agreementId: agreementCharges.agreementId, n: count() })
    .from(agreementCharges)
    .where(and(inArray(agreementCharges.agreementId, ids), inArray(agreementCharges.status, [...TAKEN])))
    .groupBy(agreementCharges.agreementId);
  return new Map(rows.map((row) => [row.agreementId, Number(row.n)]));
}

function rowView(row: AgreementRow, chargesTaken: number): AgreementRowView {
  return {
    id: row.id,
    consumerName: row.consumerName,
    description: row.description,
    kind: row.kind,
    amountCents: row.amountCents,
    period: row.period,
    chargeCount: row.chargeCount,
    chargesTaken,
    status: row.status,
    revokedBy: row.revokedBy,
    nextChargeAt: numberOrNull(row.nextChargeAt),
    createdAt: Number(row.createdAt),
  };
}

function chargeView(row: ChargeRow): AgreementChargeView {
  return {
    id: row.id,
    period: row.period,
    dueAt: Number(row.dueAt),
    status: row.status,
    amountCents: row.amountCents,
    pproChargeId: row.pproChargeId,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: numberOrNull(row.nextAttemptAt),
    refundedCents: row.refundedCents,
    refundStatus: row.refundStatus,
    capturedAt: numberOrNull(row.capturedAt),
    receiptMailedAt: numberOrNull(row.receiptMailedAt),
    receiptMailError: row.receiptMailError,
  };
}

// PostgreSQL's bigint columns may come back as strings: every time is a number on the contract.
function numberOrNull(value: number | null): number | null {
  return value === null ? null : Number(value);
}

type AgreementListMethodName = Extract<MethodName, 'agreements.list' | 'agreements.detail'>;

/** `agreements.list` and `agreements.detail` over the current mode's books. */
export function createAgreementViewHandlers(deps: { db: () => Db }): Pick<Handlers, AgreementListMethodName> {
  return {
    'agreements.list': (filter) => listAgreements(deps.db(), filter),
    'agreements.detail': ({ agreementId }) => agreementDetail(deps.db(), agreementId),
  };
}
