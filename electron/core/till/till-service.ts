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
export class TillService {
  constructor(private readonly deps: TillDeps) {}

  async startPayment(input: { amountCents: number; idempotencyKey: string }): Promise<SaleView> {
    const { repo, now } = this.deps;
    const existing = repo.findByIdempotencyKey(input.idempotencyKey);
    if (existing) {
      if (existing.amountCents !== input.amountCents) {
        throw new ContractFailure('CONFLICT', 'This idempotency key was already used for another amount');
      }
      return this.view(existing.id);
    }
    this.refuseIfAnotherSaleIsOpen(null);
    const saleId = this.deps.newId();
    const paymentId = this.deps.newId();
    const at = now();
    const { amountCents, idempotencyKey } = input;
    repo.insertSaleWithPayment(
      { id: saleId, tillId: this.deps.tillId, amountCents, idempotencyKey, at },
      { id: paymentId, saleId, profileId: this.deps.profileId, amountCents, at },
    );
    await this.createAtBancontact(paymentId, saleId, amountCents);
    return this.view(saleId);
  }

  async retryPayment(saleId: string): Promise<SaleView> {
    const sale = this.view(saleId);
    const current = sale.payment?.status;
    if (sale.status === 'paid' || sale.status === 'cancelled' || (current && !isFinalStatus(current))) {
      throw new ContractFailure('CONFLICT', `Sale ${saleId} cannot be retried while it is ${sale.status}`);
    }
    this.refuseIfAnotherSaleIsOpen(saleId);
    const paymentId = this.deps.newId();
    const { profileId, now } = this.deps;
    this.deps.repo.insertPayment({
      id: paymentId,
      saleId,
      profileId,
      amountCents: sale.amountCents,
      at: now(),
    });
    await this.createAtBancontact(paymentId, saleId, sale.amountCents);
    return this.view(saleId);
  }

  async cancelPayment(saleId: string): Promise<SaleView> {
    const sale = this.view(saleId);
    if (sale.status === 'paid') throw new ContractFailure('CONFLICT', 'This sale is already paid');
    const payment = sale.payment;
    if (!payment || isFinalStatus(payment.status)) {
      this.deps.repo.setSaleStatus(saleId, 'cancelled', this.deps.now());
    } else if (!payment.bancontactId) {
      throw new ContractFailure('CONFLICT', 'The payment is still being created; try again in a moment');
    } else {
      await this.cancelAtBancontact(payment.id, payment.bancontactId);
    }
    this.deps.onSaleChanged(saleId);
    return this.view(saleId);
  }

  private view(saleId: string): SaleView {
    const sale = this.deps.repo.saleView(saleId);
    if (!sale) throw new ContractFailure('NOT_FOUND', `No sale ${saleId}`);
    return sale;
  }

  private refuseIfAnotherSaleIsOpen(saleId: string | null): void {
    const open = this.deps.repo.findOpenSale(this.deps.tillId);
    if (open && open.id !== saleId) {
      throw new ContractFailure(
        'PAYMENT_OPEN',
        'This till still has an open payment: cancel it or let it finish first',
      );
    }
  }

  /** Asks Bancontact for the payment whose row was just persisted as CREATING. */
  private async createAtBancontact(paymentId: string, saleId: string, amountCents: number): Promise<void> {
    const { db, now } = this.deps;
    this.deps.onSaleChanged(saleId);
    try {
      const created = await this.deps.client.createPayment({
        amount: amountCents,
        currency: 'EUR',
        // The local payment id travels as the reference, so a later search can match what Bancontact holds.
        reference: paymentId,
        description: `Kassa ${this.deps.tillId}`,
      });
      const expiresAt = Date.parse(created.expiresAt);
      const deeplink = created._links.deeplink.href;
      applyStatus(db, {
        paymentId,
        status: created.status,
        source: 'create',
        at: now(),
        created: { bancontactId: created.paymentId, deeplink, expiresAt },
      });
      this.deps.tracker.follow(paymentId);
    } catch (error) {
      // No QR was ever shown, so even if Bancontact did create it, nobody can pay it: it simply expires.
      const failure = toContractFailure(error);
      applyStatus(db, { paymentId, status: 'CREATE_FAILED', source: 'create', at: now() });
      recordProblem(db, paymentId, { code: failure.code, message: failure.message }, now());
    }
    this.deps.onSaleChanged(saleId);
  }

  /** DELETE, and when Bancontact says it is too late, take the status it has: it may just have been paid. */
  private async cancelAtBancontact(paymentId: string, bancontactId: string): Promise<void> {
    const { db, client, now } = this.deps;
    try {
      await client.cancelPayment(bancontactId);
      applyStatus(db, { paymentId, status: 'CANCELLED', source: 'cancel', at: now() });
    } catch (error) {
      if (!(error instanceof BancontactError && error.status === 422)) {
        const failure = toContractFailure(error);
        recordProblem(db, paymentId, { code: failure.code, message: failure.message }, now());
        throw failure;
      }
      const remote = await client.getPayment(bancontactId).catch((e: unknown) => {
        throw toContractFailure(e);
      });
      applyStatus(db, { paymentId, status: remote.status as PaymentStatus, source: 'poll', at: now() });
    }
  }
}
