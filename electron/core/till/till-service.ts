import { ContractFailure, type SaleView } from '../../../shared/contract';
import { isFinalStatus, type PaymentStatus } from '../../../shared/domain/payment-status';
import type { BancontactClient } from '../bancontact/client';
import { toContractFailure } from '../bancontact/contract-errors';
import { BancontactError } from '../bancontact/errors';
import type { Db } from '../db/open-database';
import type { PaymentTracker } from '../payments/tracker';
import { applyStatus, recordProblem } from '../payments/transition';
import type { SalesRepo } from './sales-repo';

export interface TillDeps {
  db: Db;
  repo: SalesRepo;
  client: BancontactClient;
  tracker: PaymentTracker;
  profileId: string;
  tillId: string;
  now: () => number;
  newId: () => string;
  onSaleChanged: (saleId: string) => void;
}

/** Sales at the till: persist first, then call Bancontact, then let the tracker follow. */
export function createTillService(deps: TillDeps) {
  const { repo, now } = deps;

  const view = (saleId: string): SaleView => {
    const sale = repo.saleView(saleId);
    if (!sale) throw new ContractFailure('NOT_FOUND', `No sale ${saleId}`);
    return sale;
  };

  const refuseIfAnotherSaleIsOpen = (saleId: string | null): void => {
    const open = repo.findOpenSale(deps.tillId);
    if (open && open.id !== saleId) {
      throw new ContractFailure(
        'PAYMENT_OPEN',
        'This till still has an open payment: cancel it or let it finish first',
      );
    }
  };

  /** Asks Bancontact for the payment whose row was just persisted as CREATING. */
  const createAtBancontact = async (
    paymentId: string,
    saleId: string,
    amountCents: number,
  ): Promise<void> => {
    deps.onSaleChanged(saleId);
    try {
      const created = await deps.client.createPayment({
        amount: amountCents,
        currency: 'EUR',
        // The local payment id travels as the reference, so a later search can match what Bancontact holds.
        reference: paymentId,
        description: `Kassa ${deps.tillId}`,
      });
      applyStatus(deps.db, {
        paymentId,
        status: created.status,
        source: 'create',
        at: now(),
        created: {
          bancontactId: created.paymentId,
          deeplink: created._links.deeplink.href,
          expiresAt: Date.parse(created.expiresAt),
        },
      });
      deps.tracker.follow(paymentId);
    } catch (error) {
      // No QR was ever shown, so even if Bancontact did create it, nobody can pay it: it simply expires.
      const failure = toContractFailure(error);
      applyStatus(deps.db, { paymentId, status: 'CREATE_FAILED', source: 'create', at: now() });
      recordProblem(deps.db, paymentId, { code: failure.code, message: failure.message }, now());
    }
    deps.onSaleChanged(saleId);
  };

  return {
    async startPayment(input: { amountCents: number; idempotencyKey: string }): Promise<SaleView> {
      const existing = repo.findByIdempotencyKey(input.idempotencyKey);
      if (existing) {
        if (existing.amountCents !== input.amountCents) {
          throw new ContractFailure('CONFLICT', 'This idempotency key was already used for another amount');
        }
        return view(existing.id);
      }
      refuseIfAnotherSaleIsOpen(null);
      const saleId = deps.newId();
      const paymentId = deps.newId();
      const at = now();
      repo.insertSaleWithPayment(
        {
          id: saleId,
          tillId: deps.tillId,
          amountCents: input.amountCents,
          idempotencyKey: input.idempotencyKey,
          at,
        },
        { id: paymentId, saleId, profileId: deps.profileId, amountCents: input.amountCents, at },
      );
      await createAtBancontact(paymentId, saleId, input.amountCents);
      return view(saleId);
    },

    async retryPayment(saleId: string): Promise<SaleView> {
      const sale = view(saleId);
      const current = sale.payment?.status;
      if (sale.status === 'paid' || sale.status === 'cancelled' || (current && !isFinalStatus(current))) {
        throw new ContractFailure('CONFLICT', `Sale ${saleId} cannot be retried while it is ${sale.status}`);
      }
      refuseIfAnotherSaleIsOpen(saleId);
      const paymentId = deps.newId();
      repo.insertPayment({
        id: paymentId,
        saleId,
        profileId: deps.profileId,
        amountCents: sale.amountCents,
        at: now(),
      });
      await createAtBancontact(paymentId, saleId, sale.amountCents);
      return view(saleId);
    },

    async cancelPayment(saleId: string): Promise<SaleView> {
      const sale = view(saleId);
      if (sale.status === 'paid') throw new ContractFailure('CONFLICT', 'This sale is already paid');
      const payment = sale.payment;
      if (!payment || isFinalStatus(payment.status)) {
        repo.setSaleStatus(saleId, 'cancelled', now());
      } else if (!payment.bancontactId) {
        throw new ContractFailure('CONFLICT', 'The payment is still being created; try again in a moment');
      } else {
        await cancelAtBancontact(payment.id, payment.bancontactId);
      }
      deps.onSaleChanged(saleId);
      return view(saleId);
    },
  };

  /** DELETE, and when Bancontact says it is too late, take the status it has: it may just have been paid. */
  async function cancelAtBancontact(paymentId: string, bancontactId: string): Promise<void> {
    try {
      await deps.client.cancelPayment(bancontactId);
      applyStatus(deps.db, { paymentId, status: 'CANCELLED', source: 'cancel', at: now() });
    } catch (error) {
      if (!(error instanceof BancontactError && error.status === 422)) {
        const failure = toContractFailure(error);
        recordProblem(deps.db, paymentId, { code: failure.code, message: failure.message }, now());
        throw failure;
      }
      const remote = await deps.client.getPayment(bancontactId).catch((e: unknown) => {
        throw toContractFailure(e);
      });
      applyStatus(deps.db, { paymentId, status: remote.status as PaymentStatus, source: 'poll', at: now() });
    }
  }
}

export type TillService = ReturnType<typeof createTillService>;
