import { ContractFailure } from '../../../shared/contract/errors';
import type { AgreementTillView } from '../../../shared/contract/agreement-methods';
import type { Locale } from '../../../shared/domain/money';
import { dueAtOfCharge } from '../../../shared/domain/plan-schedule';
import type { RecurringPlan } from '../../../shared/domain/recurring-plans';
import { newId } from '../db/ids';
import type { Db } from '../db/open-database';
import type { Actor } from '../ledger/actor';
import type { Logger } from '../logging/logger';
import type { PproAgreement } from '../ppro';
import type { ArticleLookup, CatalogueArticle } from '../sales/catalogue';
import { basketOrRefuse, prepareBasket } from '../sales/sale-preparation';
import { tillBusy } from '../till/till-busy';
import { followRevocation } from './agreement-revocation';
import { agreementRequest, isAboveMaximum, pproFailure, pproNotSetUp } from './ppro-failures';
import type { PproRuntime } from './ppro-runtime';

export type { PproRuntime } from './ppro-runtime';
import * as rows from './till-agreement-rows';

/** Kassa's own terms version until the merchant sets theirs in Settings. */
export const DEFAULT_TERMS_VERSION = 'Kassa-terms-1';

export interface TillAgreementDeps {
  db: Db;
  ppro: PproRuntime | null;
  articles?: ArticleLookup;
  now: () => number;
  newId: () => string;
  logger: Logger;
  termsVersion: () => string;
  /** A sale of an agreement changed: the screens hear it as any sale's change. */
  onSaleChanged: (saleId: string) => void;
  /** How often a pending agreement is read back from PPRO (a webhook may never come). */
  pollMs: number;
  /** Training: the PPRO simulator whose control API plays the consumer; null when live. */
  simulatorUrl: (() => Promise<string>) | null;
}

/** The mode's agreements at the till, following those a stop left pending (mode-runtime.ts). */
export function openTillAgreements(
  options: {
    ppro: PproRuntime | null;
    articles?: ArticleLookup;
    config: { now: () => number; logger: Logger; timings: { agreementPollMs: number } };
    agreementSetup: { pproSimulatorUrl: (() => Promise<string>) | null; agreementTermsVersion: string };
  },
  db: Db,
  onSaleChanged: (saleId: string) => void,
): TillAgreements {
  const { ppro, articles, config, agreementSetup } = options;
  const { now, logger } = config;
  const agreements = new TillAgreements({
    ...{ db, ppro, articles, now, newId, logger, onSaleChanged },
    termsVersion: () => agreementSetup.agreementTermsVersion,
    pollMs: config.timings.agreementPollMs,
    simulatorUrl: agreementSetup.pproSimulatorUrl,
  });
  void agreements
    .start()
    .catch((error: unknown) => logger.error('following pending agreements failed', error));
  return agreements;
}

export interface StartAtTillInput {
  tillId: string;
  idempotencyKey: string;
  articleId: string;
  consumer: { name: string; email: string; locale: Locale };
  wristbandId?: string;
}

/**
 * Agreements sold at the till (docs/agreements.md): written first, then PPRO is asked; a pending one is
 * followed by polling and by PPRO's webhooks (hints only: the agreement is always read back).
 */
export class TillAgreements {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The QR's content by Kassa's agreement id: PPRO's, not the books'; read back from PPRO when missing. */
  private readonly codes = new Map<string, string>();
  private readonly failures = new Map<string, AgreementTillView['failure']>();
  private closed = false;

  constructor(private readonly deps: TillAgreementDeps) {}

  /** Follows the agreements left pending by a stop. */
  async start(): Promise<void> {
    for (const row of await this.deps.db.read((q) => rows.pendingAgreements(q))) this.follow(row.id);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  async startAtTill(input: StartAtTillInput, actor: Actor): Promise<AgreementTillView> {
    const ppro = this.requirePpro();
    const known = await this.deps.db.read((q) => rows.agreementByKey(q, input.idempotencyKey));
    if (known) {
      // A retry after PPRO could not be reached asks again, with the same key: still one agreement.
      if (known.status === 'pending' && known.pproId === null) await this.askPpro(ppro, known.id);
      return this.view(known.id);
    }
    const { article, plan } = await this.articleOf(input.articleId);
    if (plan.kind === 'auto_topup' && !input.wristbandId)
      throw new ContractFailure('INVALID_INPUT', 'An automatic top-up needs its wristband', {
        fields: ['wristbandId'],
      });
    const agreementId = await this.write(input, actor, article, plan);
    if (agreementId !== null) await this.askPpro(ppro, agreementId);
    const row = await this.deps.db.read((q) => rows.agreementByKey(q, input.idempotencyKey));
    return this.view(row!.id);
  }

  /** The agreement by id, or the till's latest (the customer display's question). */
  async getForTill(tillId: string, agreementId?: string): Promise<AgreementTillView | null> {
    const row = await this.deps.db.read((q) =>
      agreementId ? rows.agreementById(q, agreementId) : rows.latestOfTill(q, tillId),
    );
    if (!row || row.tillId !== tillId) return null;
    if (row.status === 'pending' && row.pproId && !this.codes.has(row.id)) await this.refresh(row.id);
    return this.view(row.id);
  }

  /** Gives up a pending agreement: revoked at PPRO first (nobody can authorise it after), then here. */
  async cancelAtTill(agreementId: string): Promise<AgreementTillView> {
    const row = await this.deps.db.read((q) => rows.agreementById(q, agreementId));
    if (!row) throw new ContractFailure('NOT_FOUND', `No agreement ${agreementId}`);
    if (row.status !== 'pending')
      throw new ContractFailure('CONFLICT', `Agreement ${agreementId} is ${row.status}, not pending`);
    const ppro = this.requirePpro();
    if (row.pproId) {
      const revoked = await ppro.client
        .revokeAgreement(row.pproId, `${row.idempotencyKey}:revoke`)
        .catch((error: unknown) => this.readBackAfter(error, row.pproId!));
      // The consumer was quicker: it is paid, and stays so (a refund gives the money back).
      if (revoked.status !== 'REVOKED') {
        await this.refresh(agreementId);
        return this.view(agreementId);
      }
    }
    await this.end(agreementId, { status: 'revoked', pproStatus: 'REVOKED' });
    return this.view(agreementId);
  }

  /** Training: the simulated consumer authorises (and pays) or refuses, through the simulator's control API. */
  async decideInTraining(agreementId: string, authorise: boolean): Promise<AgreementTillView> {
    const simulatorUrl = this.deps.simulatorUrl;
    if (!simulatorUrl)
      throw new ContractFailure('NOT_IN_TRAINING', 'The customer panel only works in training');
    const row = await this.deps.db.read((q) => rows.agreementById(q, agreementId));
    if (!row?.pproId) throw new ContractFailure('NOT_FOUND', `No agreement ${agreementId} at PPRO`);
    const response = await fetch(
      `${await simulatorUrl()}/_sim/consumer/${authorise ? 'authorise' : 'refuse'}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ agreementId: row.pproId }),
      },
    );
    if (!response.ok)
      throw new ContractFailure('CONFLICT', `The simulated consumer could not: ${response.status}`);
    await this.refresh(agreementId);
    return this.view(agreementId);
  }

  /** A webhook named this PPRO agreement (or a charge of it): read it back and act on that. */
  async hint(pproAgreementId: string): Promise<void> {
    try {
      const row = await this.deps.db.read((q) => rows.agreementByPproId(q, pproAgreementId));
      if (row?.status === 'pending') await this.refresh(row.id);
      if (row?.status === 'active')
        await followRevocation({ ...this.deps, agreementId: row.id, pproId: pproAgreementId });
    } catch (error) {
      // The poll follows it anyway: a failed read-back only means it shows a moment later.
      this.deps.logger.warn(`a PPRO webhook's read-back failed: ${String(error)}`);
    }
  }

  /** Reads the pending agreement back from PPRO and moves it on; never acts on anything else. */
  async refresh(agreementId: string): Promise<void> {
    const { ppro } = this.deps;
    const row = await this.deps.db.read((q) => rows.agreementById(q, agreementId));
    if (!ppro || row?.status !== 'pending' || !row.pproId) return;
    const agreement = await ppro.client.getAgreement(row.pproId);
    this.remember(agreementId, agreement);
    if (agreement.status === 'FAILED')
      await this.end(agreementId, { status: 'failed', pproStatus: 'FAILED' });
    if (agreement.status === 'REVOKED')
      await this.end(agreementId, { status: 'revoked', pproStatus: 'REVOKED' });
    if (agreement.status !== 'ACTIVE') return;
    const charge = await ppro.client.getCharge(agreement.initialPaymentChargeId);
    if (charge.status === 'CAPTURED' || charge.status === 'REFUNDED') await this.captured(ppro, row);
    if (charge.status === 'FAILED') await this.end(agreementId, { status: 'failed', pproStatus: 'ACTIVE' });
  }

  private async captured(ppro: PproRuntime, row: rows.AgreementRow): Promise<void> {
    const anchorAt = await ppro.now();
    const further = row.chargeCount === null || row.chargeCount > 1;
    const nextChargeAt = row.period && further ? dueAtOfCharge(anchorAt, row.period, 1) : null;
    const at = this.deps.now();
    const done = await this.deps.db.write((tx) =>
      rows.completeFirstCharge(tx, row.id, { at, anchorAt, nextChargeAt }),
    );
    if (done && row.saleId) this.deps.onSaleChanged(row.saleId);
  }

  private async end(agreementId: string, end: { status: 'failed' | 'revoked'; pproStatus: string }) {
    const at = this.deps.now();
    const failure = this.failures.get(agreementId);
    const error = failure ? `${failure.code}: ${failure.message}` : undefined;
    const row = await this.deps.db.read((q) => rows.agreementById(q, agreementId));
    const done = await this.deps.db.write((tx) => rows.endPending(tx, agreementId, { ...end, at, error }));
    if (done && row?.saleId) this.deps.onSaleChanged(row.saleId);
  }

  /** The sale, the agreement and its first charge in one unit of work; null when the key was there first. */
  private async write(
    input: StartAtTillInput,
    actor: Actor,
    article: CatalogueArticle,
    plan: RecurringPlan,
  ): Promise<string | null> {
    const { db, articles, newId } = this.deps;
    const basketInput = { lines: [{ articleId: article.id, quantity: 1 }] };
    const sale = { amountCents: article.priceCents, tillId: input.tillId, basket: basketInput };
    const prepared = await prepareBasket({ db, articles: articles! }, sale, actor);
    const ids = { agreement: newId(), sale: newId(), charge: newId() };
    const written = await db.write(async (tx) => {
      if (await rows.agreementByKey(tx, input.idempotencyKey)) return false;
      // One open sale per till, as for a payment: the customer cannot pay two things at once.
      if (await rows.hasOpenSale(tx, input.tillId)) throw tillBusy();
      const basket = basketOrRefuse(prepared);
      const { consumer, wristbandId = null } = input;
      const termsVersion = this.deps.termsVersion();
      const common = {
        tillId: input.tillId,
        idempotencyKey: input.idempotencyKey,
        actor,
        at: this.deps.now(),
      };
      await rows.insertTillAgreement(tx, {
        ...common,
        ids,
        article,
        plan,
        basket,
        consumer,
        termsVersion,
        wristbandId,
      });
      return true;
    });
    if (!written) return null;
    this.deps.onSaleChanged(ids.sale);
    return ids.agreement;
  }

  /** Asks PPRO to make the agreement, with the agreement's own key: a retry gets the same one. */
  private async askPpro(ppro: PproRuntime, agreementId: string): Promise<void> {
    const row = await this.deps.db.read((q) => rows.agreementById(q, agreementId));
    if (!row) return;
    try {
      const first = await this.deps.db.read((q) => rows.firstCharge(q, agreementId));
      const request = agreementRequest(row, first.amountCents, ppro.webhooksUrl);
      const created = await ppro.client.createAgreement(request, row.idempotencyKey);
      this.remember(agreementId, created);
      const at = this.deps.now();
      const { id: pproId, status: pproStatus, initialPaymentChargeId: pproChargeId } = created;
      await this.deps.db.write((tx) =>
        rows.recordCreated(tx, agreementId, { pproId, pproStatus, pproChargeId, at }),
      );
      this.follow(agreementId);
    } catch (error) {
      throw await this.refused(ppro, agreementId, error);
    }
  }

  /** A refusal ends the agreement (the sale unpaid); PPRO out of reach leaves it pending for a retry. */
  private async refused(ppro: PproRuntime, agreementId: string, error: unknown): Promise<ContractFailure> {
    if (isAboveMaximum(error)) await ppro.now().catch(() => 0);
    const failure = pproFailure(error, ppro.maxChargeCents);
    this.failures.set(agreementId, { code: failure.code, message: failure.message });
    if (failure.code !== 'PPRO_UNAVAILABLE')
      await this.end(agreementId, { status: 'failed', pproStatus: 'FAILED' });
    this.deps.logger.warn(`agreement ${agreementId}: ${failure.message}`);
    return failure;
  }

  /** Polls the pending agreement until it is no longer pending (webhooks only make it sooner). */
  private follow(agreementId: string): void {
    if (this.closed || this.timers.has(agreementId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(agreementId);
      void this.refresh(agreementId)
        .catch((error: unknown) => this.deps.logger.warn(`agreement ${agreementId}: ${String(error)}`))
        .then(() => this.deps.db.read((q) => rows.agreementById(q, agreementId)))
        .then((row) => (row?.status === 'pending' ? this.follow(agreementId) : undefined))
        .catch(() => undefined);
    }, this.deps.pollMs);
    timer.unref?.();
    this.timers.set(agreementId, timer);
  }

  private async readBackAfter(error: unknown, pproId: string): Promise<PproAgreement> {
    const agreement = await this.requirePpro()
      .client.getAgreement(pproId)
      .catch(() => null);
    if (agreement) return agreement;
    throw pproFailure(error, this.deps.ppro?.maxChargeCents ?? null);
  }

  private remember(agreementId: string, agreement: PproAgreement): void {
    const scan = agreement.authenticationMethods.find((m) => m.type === 'SCAN_CODE');
    const code = scan?.details.codePayload;
    if (code) this.codes.set(agreementId, code);
  }

  private async articleOf(articleId: string): Promise<{ article: CatalogueArticle; plan: RecurringPlan }> {
    const article = (await (this.deps.articles?.([articleId]) ?? Promise.resolve(new Map()))).get(
      articleId,
    ) as CatalogueArticle | undefined;
    if (!article?.active) throw new ContractFailure('NOT_FOUND', `No article ${articleId} for sale`);
    if (!article.recurringPlan)
      throw new ContractFailure('INVALID_INPUT', `Article ${articleId} has no recurring plan`, {
        fields: ['articleId'],
      });
    return { article, plan: article.recurringPlan };
  }

  private requirePpro(): PproRuntime {
    if (!this.deps.ppro) throw pproNotSetUp();
    return this.deps.ppro;
  }

  private async view(agreementId: string): Promise<AgreementTillView> {
    return this.deps.db.read(async (q) => {
      const row = await rows.agreementById(q, agreementId);
      if (!row) throw new ContractFailure('NOT_FOUND', `No agreement ${agreementId}`);
      return rows.tillView(q, row, this.codes.get(agreementId) ?? null, this.failureOf(row));
    });
  }

  private failureOf(row: rows.AgreementRow): AgreementTillView['failure'] {
    const known = this.failures.get(row.id);
    if (known) return known;
    return row.status === 'failed' ? { code: 'PPRO_REFUSED', message: 'The customer refused' } : null;
  }
}
