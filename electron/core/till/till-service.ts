import { ContractFailure, type SaleView } from '../../../shared/contract';
import { isFinalStatus } from '../../../shared/domain/payment-status';
import type { BasketInput } from '../../../shared/contract/basket-input';
import { NO_CATALOGUE, type ArticleLookup } from '../sales/catalogue';
import type { BancontactClient } from '../bancontact/client';
import { toContractFailure } from '../bancontact/contract-errors';
import type { Db } from '../db/open-database';
import { setupIn } from '../ledger/attribution';
import { NO_ACTOR, type Actor } from '../ledger/actor';
import type { PaymentTracker } from '../payments/tracker';
import { applyStatus, recordProblem } from '../payments/transition';
import { basketOrRefuse, prepareBasket, type PreparedBasket } from '../sales/sale-preparation';
import type { SalesRepo } from '../sales/sales-repo';
import { tillBusy } from './till-busy';
import type { TillProfile, TillProfiles } from './till-profiles';
import { abandonCreation, cancelAtBancontact } from './payment-ending';
import {
  cancelWithTenders,
  partsTaken,
  runningPayment,
  type GiveBackTenders,
  type SaleCancelDeps,
} from './sale-cancel';
import { firstPartCents, nextPart, partId, type PartRequest } from './tender-parts';

export interface TillDeps {
  db: Db;
  repo: SalesRepo;
  client: BancontactClient;
  tracker: PaymentTracker;
  profileId: string;
  /** Each shop's display profile (till-profiles.ts); absent: every till pays with `profileId`. */
  profiles?: TillProfiles;
  /** Set for a sticker till: payments are created for this POS id. */
  posId: string | null;
  /** Bancontact posts status changes here; null when the station works by polling alone. */
  callbackUrl: string | null;
  now: () => number;
  newId: () => string;
  onSaleChanged: (saleId: string) => void;
  /** The catalogue article lines are priced from; absent: free amounts only. */
  articles?: ArticleLookup;
  /** Gives a cancelled sale's tenders back (sale-cancel.ts); absent: a sale with parts taken stays. */
  giveBackTenders?: GiveBackTenders;
  startRefunds?: SaleCancelDeps['startRefunds'];
}

type StartInput = PartRequest & { basket?: BasketInput };

/** Sales at the till: persist first, then call Bancontact, then let the tracker follow. */
export class TillService {
  /** Payments whose creation at Bancontact this process is waiting for right now. */
  private readonly creating = new Set<string>();

  constructor(private readonly deps: TillDeps) {}

  async startPayment(input: StartInput, actor: Actor = NO_ACTOR): Promise<SaleView> {
    if (input.saleId) return this.startPart({ ...input, saleId: input.saleId }, actor);
    const { db, articles = NO_CATALOGUE } = this.deps;
    const prepared = await prepareBasket({ db, articles }, input, actor);
    // One unit of work from the checks to the insert: two tenders at one till cannot both pass the check.
    const started = await db.write(() => this.persistPayment(input, prepared, actor));
    if (!started.paymentId) return this.view(started.saleId);
    const { saleId, paymentId, superseded } = started;
    await this.createAtBancontact(paymentId, saleId, firstPartCents(input), input.tillId);
    // Bancontact has now invalidated the sticker's previous payment; look it up soon.
    if (superseded) this.deps.tracker.follow(superseded);
    return this.view(saleId);
  }

  /** A Bancontact part of the till's open split sale: its payment is for the part, not the sale. */
  private async startPart(input: StartInput & { saleId: string }, actor: Actor): Promise<SaleView> {
    const { db, repo, now } = this.deps;
    const paymentId = partId(input.saleId, input.idempotencyKey);
    const part = await db.write(async (tx) => {
      if (await repo.payment(paymentId)) return null;
      const { saleId, cents } = await nextPart(tx, repo, input);
      const { profileId } = await this.profileOf(input.tillId);
      const posId = await this.posIdOf(input.tillId);
      await repo.insertPayment({
        id: paymentId,
        saleId,
        profileId,
        posId,
        amountCents: cents,
        at: now(),
        actor,
      });
      return cents;
    });
    if (part !== null) await this.createAtBancontact(paymentId, input.saleId, part, input.tillId);
    return this.view(input.saleId);
  }

  async retryPayment(saleId: string, actor: Actor = NO_ACTOR): Promise<SaleView> {
    const { paymentId, amountCents, tillId, superseded } = await this.deps.db.write(async () => {
      const sale = await this.view(saleId);
      const current = sale.payment?.status;
      if (sale.status === 'paid' || sale.status === 'cancelled' || (current && !isFinalStatus(current))) {
        throw new ContractFailure('CONFLICT', `Sale ${saleId} cannot be retried while it is ${sale.status}`);
      }
      const replaced = await this.openSaleToReplace(sale.tillId, saleId);
      const id = this.deps.newId();
      const { now } = this.deps;
      const { profileId } = await this.profileOf(sale.tillId);
      const posId = await this.posIdOf(sale.tillId);
      // What is still due: after parts of a split sale, not the whole amount.
      const amount = sale.dueCents ?? sale.amountCents;
      await this.deps.repo.insertPayment({
        id,
        saleId,
        profileId,
        posId,
        amountCents: amount,
        at: now(),
        actor,
      });
      return { paymentId: id, amountCents: amount, tillId: sale.tillId, superseded: replaced };
    });
    await this.createAtBancontact(paymentId, saleId, amountCents, tillId);
    if (superseded) this.deps.tracker.follow(superseded);
    return this.view(saleId);
  }

  async cancelPayment(saleId: string): Promise<SaleView> {
    const atBancontact = await this.deps.db.write(() => this.cancelLocally(saleId));
    // The intent is written first: whatever the network does, this payment is no longer wanted.
    if (atBancontact) {
      const client = await this.clientOfPayment(atBancontact.paymentId);
      await cancelAtBancontact({ ...this.deps, client }, atBancontact.paymentId, atBancontact.bancontactId);
    }
    this.deps.onSaleChanged(saleId);
    return this.view(saleId);
  }

  /**
   * An open sale given up: with no tender taken, as cancelPayment; otherwise a running Bancontact part is
   * given up first, then every tender taken goes back and the sale is cancelled (sale-cancel.ts).
   */
  async cancelSale(saleId: string, actor: Actor = NO_ACTOR): Promise<SaleView> {
    const sale = await this.view(saleId);
    if (sale.status === 'cancelled') return sale;
    if (!partsTaken(sale)) return this.cancelPayment(saleId);
    if (runningPayment(sale)) await this.cancelPayment(saleId);
    await cancelWithTenders(this.deps, saleId, actor);
    return this.view(saleId);
  }

  /** The checks and the new sale with its CREATING payment; `paymentId` is null for a repeated key. */
  private async persistPayment(
    input: StartInput,
    prepared: PreparedBasket,
    actor: Actor,
  ): Promise<{ saleId: string; paymentId: string | null; superseded: string | null }> {
    const { repo, now } = this.deps;
    const existing = await repo.findByIdempotencyKey(input.idempotencyKey);
    if (existing) {
      if (existing.amountCents !== input.amountCents) {
        throw new ContractFailure('CONFLICT', 'This idempotency key was already used for another amount');
      }
      return { saleId: existing.id, paymentId: null, superseded: null };
    }
    const basket = basketOrRefuse(prepared);
    const partCents = firstPartCents(input);
    const superseded = await this.openSaleToReplace(input.tillId, null);
    const saleId = this.deps.newId();
    const paymentId = this.deps.newId();
    const at = now();
    const { amountCents, idempotencyKey, tillId } = input;
    const { profileId } = await this.profileOf(tillId);
    const posId = await this.posIdOf(tillId);
    await repo.insertSaleWithPayment(
      { id: saleId, tillId, amountCents, idempotencyKey, at, actor, basket },
      { id: paymentId, saleId, profileId, posId, amountCents: partCents, at, actor },
    );
    return { saleId, paymentId, superseded };
  }

  /**
   * Cancels what can be cancelled here; answers the payment Bancontact must still be told about, after
   * it was given up (the unit of work has committed before the network is called).
   */
  private async cancelLocally(saleId: string): Promise<{ paymentId: string; bancontactId: string } | null> {
    const sale = await this.view(saleId);
    if (sale.status === 'paid') throw new ContractFailure('CONFLICT', 'This sale is already paid');
    const payment = sale.payment;
    // With parts of a split sale taken, only the payment is given up; the sale stays open (cancelSale).
    const taken = partsTaken(sale);
    if (!payment || isFinalStatus(payment.status)) {
      if (taken)
        throw new ContractFailure('CONFLICT', 'Tenders were taken: cancel the sale to give them back');
      await this.deps.repo.setSaleStatus(saleId, 'cancelled', this.deps.now());
    } else if (!payment.bancontactId && this.creating.has(payment.id)) {
      throw new ContractFailure('CONFLICT', 'The payment is still being created; try again in a moment');
    } else if (!payment.bancontactId) {
      await abandonCreation(this.deps, payment.id);
      if (!taken) await this.deps.repo.setSaleStatus(saleId, 'cancelled', this.deps.now());
    } else {
      await this.deps.repo.giveUpPayment(payment.id, this.deps.now());
      return { paymentId: payment.id, bancontactId: payment.bancontactId };
    }
    return null;
  }

  private async view(saleId: string): Promise<SaleView> {
    const sale = await this.deps.repo.saleView(saleId);
    if (!sale) throw new ContractFailure('NOT_FOUND', `No sale ${saleId}`);
    return sale;
  }

  /** The profile a till of its shop pays with; NO_LIVE_PROFILE before anything is written. */
  private async profileOf(tillId: string): Promise<TillProfile> {
    const { profiles, profileId, client } = this.deps;
    return profiles
      ? profiles.forTill(tillId)
      : { profileId, client, isMain: true, callbackUrl: this.deps.callbackUrl };
  }

  private async clientOfPayment(paymentId: string) {
    const row = await this.deps.repo.payment(paymentId);
    return row && this.deps.profiles ? this.deps.profiles.client(row.profileId) : this.deps.client;
  }

  /**
   * A sticker till's POS id: its own from the sales setup, else the station's. Bancontact keeps one open
   * payment per POS id, so two tills sharing one would cancel each other's payments. Null at a display
   * till (the station's profile shows the QR on screen).
   */
  private async posIdOf(tillId: string): Promise<string | null> {
    if (!this.deps.posId) return null;
    const setup = await this.deps.db.read((q) => setupIn(q));
    return setup.tills.find((till) => till.tillId === tillId)?.stickerPosId ?? this.deps.posId;
  }

  /**
   * One open payment per till. A display till refuses a second one; at a sticker till the new payment
   * replaces the open one (Bancontact invalidates it), which is given up here. Returns that payment.
   */
  private async openSaleToReplace(tillId: string, saleId: string | null): Promise<string | null> {
    const open = await this.deps.repo.findOpenSale(tillId);
    if (!open || open.id === saleId) return null;
    const payment = await this.deps.repo.latestPayment(open.id);
    if (!this.deps.posId || !payment?.bancontactId) {
      throw tillBusy();
    }
    await this.deps.repo.giveUpPayment(payment.id, this.deps.now());
    return payment.id;
  }

  /** Asks Bancontact for the payment whose row was just persisted as CREATING. */
  private async createAtBancontact(
    paymentId: string,
    saleId: string,
    amountCents: number,
    tillId: string,
  ): Promise<void> {
    this.creating.add(paymentId);
    try {
      await this.askBancontact(paymentId, saleId, amountCents, tillId);
    } finally {
      this.creating.delete(paymentId);
    }
  }

  private async askBancontact(
    paymentId: string,
    saleId: string,
    amountCents: number,
    tillId: string,
  ): Promise<void> {
    const { db, now } = this.deps;
    this.deps.onSaleChanged(saleId);
    try {
      const profile = await this.profileOf(tillId);
      const { callbackUrl } = profile;
      const posId = await this.posIdOf(tillId);
      const request = {
        amount: amountCents,
        currency: 'EUR' as const,
        // The local payment id travels as the reference, so a later search can match what Bancontact holds.
        reference: paymentId,
        description: `Kassa ${tillId}`,
        ...(callbackUrl ? { callbackUrl } : {}),
      };
      const created = posId
        ? await profile.client.createPosPayment({ ...request, posId })
        : await profile.client.createPayment(request);
      const expiresAt = Date.parse(created.expiresAt);
      const deeplink = created._links.deeplink.href;
      await applyStatus(db, {
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
      await applyStatus(db, { paymentId, status: 'CREATE_FAILED', source: 'create', at: now() });
      await recordProblem(db, paymentId, { code: failure.code, message: failure.message }, now());
    }
    this.deps.onSaleChanged(saleId);
  }
}
