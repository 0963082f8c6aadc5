/*
 * Giving money of a sale back, inside the caller's unit of work. The one signature (kept stable:
 * cancelling an open sale and a manager's refund both call it):
 *
 *   giveBack(tx: Tx, request: GiveBackRequest): Promise<GivenBack[]>
 *
 *   request.saleId   the sale
 *   request.kind     'cancel' (an open sale's tenders) or 'refund' (a manager's refund of lines)
 *   request.tenders  [{ source, amountCents }]: which tender (its transaction's source, as
 *                    takenTenders() lists them: 'p:<paymentId>', 'c:<saleId>', 'e:<entry id>') and how
 *                    much of it goes back; omit amountCents for the lines' gross, or without lines for
 *                    all that is left on it
 *   request.lines    for a refund: [{ saleLineId, quantity }] given back; its gross must equal the
 *                    tenders' amount (one tender for a refund: the manager picks the method)
 *   request.reason, request.tillId (default: the sale's till), request.actor, request.at
 *
 * Per tender it writes a `sale_refunds` row and books it (a negative transaction per method, VAT per
 * rate negative; ledger/refund-bookings.ts): a wristband is credited back at once (an entry of kind
 * `credit`), cash leaves the till's open drawer at once (a drawer movement out), a Bancontact payment
 * gets a refund row `pending` that the caller starts through the Refund API after the commit
 * (refunds/sale-refund-service.ts: startBancontactRefunds). Refused, with nothing written: more than
 * a tender can still give back, more of a line than was sold minus refunded (REFUND_AMOUNT_TOO_HIGH),
 * cash without an open drawer (DRAWER_NOT_OPEN) or not enough in it (NOT_ENOUGH_CASH).
 */
import { and, eq, sql } from 'drizzle-orm';
import { ContractFailure } from '../../../shared/contract';
import type { Tx } from '../db/open-database';
import {
  drawerMovements,
  drawerSessions,
  sales,
  saleRefunds,
  saleRefundVat,
  wristbandEntries,
} from '../db/schema';
import { actorColumns, type Actor } from '../ledger/actor';
import { recordSaleRefund } from '../ledger/bookkeeper';
import type { VatPart } from '../ledger/booking';
import { expectedCash, openDrawerOrFail } from '../till/drawers';
import { book } from '../topup/wristband-book';
import { takenTenders, type RefundMethod, type TakenTender } from './refundable';
import { linesToGiveBack, tenderVat, type LineToGiveBack } from './refund-vat';

export interface GiveBackRequest {
  saleId: string;
  kind: 'cancel' | 'refund';
  tenders: { source: string; amountCents?: number }[];
  lines?: LineToGiveBack[];
  reason?: string;
  tillId?: string;
  actor: Actor;
  at: number;
}

export interface GivenBack {
  refundId: number;
  method: RefundMethod;
  amountCents: number;
  status: 'pending' | 'refunded';
  /** Set for Bancontact: the payment the refund is made on (start it after the commit). */
  paymentId: string | null;
}

export async function giveBack(tx: Tx, request: GiveBackRequest): Promise<GivenBack[]> {
  const [sale] = await tx.select().from(sales).where(eq(sales.id, request.saleId)).limit(1);
  if (!sale) throw new ContractFailure('NOT_FOUND', `No sale ${request.saleId}`);
  const tenders = await takenTenders(tx, sale.id);
  const lines = request.lines ? await linesToGiveBack(tx, sale.id, request.lines) : null;
  const given: GivenBack[] = [];
  for (const wanted of request.tenders) {
    const tender = tenders.find((t) => t.source === wanted.source);
    if (!tender) throw new ContractFailure('NOT_FOUND', `Sale ${sale.id} has no tender ${wanted.source}`);
    const amountCents = wanted.amountCents ?? lines?.grossCents ?? tender.leftCents;
    if (amountCents <= 0 || amountCents > tender.leftCents)
      throw new ContractFailure('REFUND_AMOUNT_TOO_HIGH', `At most ${tender.leftCents} cents can go back`, {
        fields: ['amountCents'],
      });
    const vat = lines ? lines.vat : await tenderVat(tx, tender, amountCents);
    if (lines && lines.grossCents !== amountCents)
      throw new ContractFailure('INVALID_INPUT', 'The lines and the amount differ', { fields: ['lines'] });
    const tillId = request.tillId ?? sale.tillId;
    const id = await insertRefund(tx, request, { tender, amountCents, tillId, vat, lines });
    given.push(await handOver(tx, request, { id, tender, amountCents, tillId }));
    await recordSaleRefund(tx, id);
  }
  return given;
}

interface RefundToWrite {
  tender: TakenTender;
  amountCents: number;
  tillId: string;
  vat: VatPart[];
  lines: Awaited<ReturnType<typeof linesToGiveBack>> | null;
}

async function insertRefund(tx: Tx, request: GiveBackRequest, r: RefundToWrite): Promise<number> {
  const isBancontact = r.tender.method.startsWith('bancontact');
  const [row] = await tx
    .insert(saleRefunds)
    .values({
      ...{ saleId: request.saleId, kind: request.kind, method: r.tender.method },
      ...{ paymentId: r.tender.paymentId, wristbandId: r.tender.wristbandId, amountCents: r.amountCents },
      ...{ reason: request.reason ?? null, status: isBancontact ? 'pending' : 'refunded', tillId: r.tillId },
      ...{ ...actorColumns(request.actor), createdAt: request.at, updatedAt: request.at },
    })
    .returning({ id: saleRefunds.id });
  const id = Number(row!.id);
  if (r.vat.length > 0)
    await tx
      .insert(saleRefundVat)
      .values(r.vat.map((v) => ({ refundId: id, ...v, netCents: v.grossCents - v.vatCents })));
  if (r.lines) await r.lines.write(id);
  return id;
}

interface HandOver {
  id: number;
  tender: TakenTender;
  amountCents: number;
  tillId: string;
}

/** The money itself: back onto the wristband, out of the drawer, or a Bancontact refund to start. */
async function handOver(tx: Tx, request: GiveBackRequest, h: HandOver): Promise<GivenBack> {
  const base = { refundId: h.id, method: h.tender.method, amountCents: h.amountCents };
  if (h.tender.method === 'wristband') {
    const band = await book(tx, h.tender.wristbandId!, {
      ...{ kind: 'credit', amountCents: h.amountCents, saleId: request.saleId },
      ...{ at: request.at, actor: request.actor },
    });
    if (!band) throw new ContractFailure('NOT_FOUND', `No wristband ${h.tender.wristbandId}`);
    // The entry book() just wrote: the newest credit of this sale on this wristband.
    const [entry] = await tx
      .select({ id: sql<number>`max(${wristbandEntries.id})` })
      .from(wristbandEntries)
      .where(and(eq(wristbandEntries.saleId, request.saleId), eq(wristbandEntries.kind, 'credit')));
    await tx
      .update(saleRefunds)
      .set({ wristbandEntryId: entry?.id ?? null })
      .where(eq(saleRefunds.id, h.id));
    return { ...base, status: 'refunded', paymentId: null };
  }
  if (h.tender.method === 'cash') {
    await cashOut(tx, request, h);
    return { ...base, status: 'refunded', paymentId: null };
  }
  return { ...base, status: 'pending', paymentId: h.tender.paymentId };
}

async function cashOut(tx: Tx, request: GiveBackRequest, h: HandOver): Promise<void> {
  const drawer = await openDrawerOrFail(tx, h.tillId);
  if (h.amountCents > expectedCash(drawer))
    throw new ContractFailure(
      'NOT_ENOUGH_CASH',
      `The drawer of ${h.tillId} should hold ${expectedCash(drawer)} cents`,
    );
  const reason =
    request.reason?.trim() ||
    `${request.kind === 'cancel' ? 'Cancelled' : 'Refunded'} sale ${request.saleId}`;
  await tx.insert(drawerMovements).values({
    ...{ sessionId: drawer.id, kind: 'out', amountCents: h.amountCents, reason },
    ...{ at: request.at, ...actorColumns(request.actor) },
  });
  await tx
    .update(drawerSessions)
    .set({ cashOutCents: sql`${drawerSessions.cashOutCents} + ${h.amountCents}` })
    .where(eq(drawerSessions.id, drawer.id));
  await tx.update(saleRefunds).set({ drawerSessionId: drawer.id }).where(eq(saleRefunds.id, h.id));
}
