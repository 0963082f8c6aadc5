import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ContractFailure, type ParsedInput } from '../../../shared/contract';
import type {
  SaleRefundTransferView,
  SaleRefundView,
  SaleReturnsView,
} from '../../../shared/contract/returns-methods';
import { compactIban, isValidIban } from '../../../shared/domain/iban';
import type { Db, Tx } from '../db/open-database';
import { saleRefunds } from '../db/schema';
import type { Actor } from '../ledger/actor';
import { issueRefundReceipt } from '../receipts/refund-receipt';
import { buildPain001 } from '../topup/refunds/pain001';
import { giveBack } from './give-back';
import type { SaleRefundsAtBancontact } from './sale-refund-bancontact';
import { saleRefundView, saleReturnsView } from './sale-refund-views';

/*
 * A manager's returns of a past sale (issue 13, scope 6): what a sale can still give back, a refund of
 * some lines by one tender, and a Bancontact refund the Refund API would not take paid by SEPA file.
 * The money and the books move in giveBack's unit of work; Bancontact is asked after its commit.
 */

export interface SaleReturnsDeps {
  db: () => Db;
  bancontact: SaleRefundsAtBancontact;
  now: () => number;
  /** A sale's refunds changed (after the commit). */
  changed: (saleId: string) => void;
}

export class SaleReturns {
  constructor(private readonly deps: SaleReturnsDeps) {}

  async get(saleId: string): Promise<SaleReturnsView> {
    const view = await this.deps.db().read((q) => saleReturnsView(q, saleId));
    if (view.tenders.length === 0 && view.lines.length === 0)
      throw new ContractFailure('NOT_FOUND', `No paid sale ${saleId}`);
    return view;
  }

  /**
   * One refund per idempotency key: looked up in the same unit of work that would give the money back,
   * so a request sent twice (even at once: units of work are serialised) refunds once and answers the
   * same refund, with the same receipt number.
   */
  async refund(input: ParsedInput<'returns.refund'>, actor: Actor): Promise<SaleRefundView> {
    const requestHash = refundRequestHash(input);
    const given = await this.deps.db().write(async (tx) => {
      const earlier = await refundByKey(tx, input.idempotencyKey, requestHash);
      if (earlier) return earlier;
      const [done] = await giveBack(tx, {
        ...{ saleId: input.saleId, kind: 'refund', tenders: [{ source: input.tender }], lines: input.lines },
        ...{ actor, at: this.deps.now() },
        ...(input.reason ? { reason: input.reason } : {}),
      });
      const { refundId, paymentId } = done!;
      await tx
        .update(saleRefunds)
        .set({ idempotencyKey: input.idempotencyKey, requestHash })
        .where(eq(saleRefunds.id, refundId));
      await issueRefundReceipt(tx, refundId, this.deps.now());
      return { refundId, paymentId, made: true };
    });
    // A Bancontact refund not yet asked (the first answer was lost before it was) is asked now, with
    // the same Idempotency-Key at Bancontact as the first time.
    if (given.paymentId !== null) await this.deps.bancontact.start([given.refundId]);
    if (given.made) this.deps.changed(input.saleId);
    return this.view(given.refundId);
  }

  /** Pays a refund waiting for an IBAN by SEPA transfer: the file to hand to the bank. */
  async payByIban(input: ParsedInput<'returns.payByIban'>): Promise<SaleRefundTransferView> {
    for (const [field, value] of [
      ['iban', input.iban],
      ['debtorIban', input.debtorIban],
    ] as const)
      if (!isValidIban(value))
        throw new ContractFailure('INVALID_INPUT', 'Not a valid IBAN', { fields: [field] });
    const at = this.deps.now();
    const refund = await this.deps.db().write(async (tx) => {
      const [row] = await tx.select().from(saleRefunds).where(eq(saleRefunds.id, input.refundId)).limit(1);
      if (!row) throw new ContractFailure('NOT_FOUND', `No refund ${input.refundId}`);
      if (row.status !== 'awaiting_iban')
        throw new ContractFailure('CONFLICT', `Refund ${row.id} does not wait for an IBAN`);
      const iban = compactIban(input.iban);
      // Handed to the bank: the money leaves by the transfer in this file, which the books already count.
      await tx
        .update(saleRefunds)
        .set({ iban, status: 'refunded', updatedAt: at })
        .where(eq(saleRefunds.id, row.id));
      return { ...row, iban };
    });
    const xml = buildPain001({
      messageId: `KASSA-R${refund.id}-${at.toString(36)}`.slice(0, 35),
      createdAt: new Date(at),
      executionDate: input.executionDate,
      debtor: { name: input.debtorName, iban: compactIban(input.debtorIban) },
      transfers: [
        {
          endToEndId: `KASSA-R${refund.id}`,
          amountCents: refund.amountCents,
          ...{ creditorName: input.name, creditorIban: refund.iban },
          remittance: `Refund ${refund.saleId}`,
        },
      ],
    });
    this.deps.changed(refund.saleId);
    return { refund: await this.view(refund.id), fileName: `refund-${refund.id}.xml`, xml };
  }

  private async view(refundId: number): Promise<SaleRefundView> {
    const view = await this.deps.db().read((q) => saleRefundView(q, refundId));
    if (!view) throw new ContractFailure('NOT_FOUND', `No refund ${refundId}`);
    return view;
  }
}

/** The request a key stands for: the sale, the tender, the lines (in any order) and the reason. */
function refundRequestHash(input: ParsedInput<'returns.refund'>): string {
  const lines = [...input.lines].sort((a, b) => a.saleLineId.localeCompare(b.saleLineId));
  const request = [input.saleId, input.tender, lines, input.reason ?? ''];
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/**
 * The refund an earlier request with this key made, or null. The same key for another request is
 * refused: it would otherwise answer a refund the manager did not ask for.
 */
async function refundByKey(
  tx: Tx,
  key: string,
  requestHash: string,
): Promise<{ refundId: number; paymentId: string | null; made: false } | null> {
  const [row] = await tx.select().from(saleRefunds).where(eq(saleRefunds.idempotencyKey, key)).limit(1);
  if (!row) return null;
  if (row.requestHash !== requestHash)
    throw new ContractFailure('CONFLICT', 'This refund key was already used for another refund', {
      fields: ['idempotencyKey'],
    });
  const notYetAsked = row.status === 'pending' && row.bancontactRefundId === null;
  return { refundId: row.id, paymentId: notYetAsked ? row.paymentId : null, made: false };
}
