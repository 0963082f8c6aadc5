import type { SimClock } from '../simulator/clock';
import { createAgreement, decideCharge, moveAgreement, newCharge, type Moment } from './agreements';
import { PproError } from './errors';
import { newId } from './ids';
import { checkWipAmount, validateChargeBody, type WipLimits } from './rules';
import type { PproStore } from './store';
import type { Agreement, Charge, Money, Refund } from './types';
import type { WebhookDispatcher } from './webhooks';

export interface ServiceSettings extends WipLimits {
  /** Simulator time a refund stays REFUND_PENDING before it succeeds. */
  refundDelayMs: number;
}

/** What the merchant sees of a charge: the stored one without the simulator's own bookkeeping. */
export function chargeView(charge: Charge) {
  const { createdAtMs: _createdAtMs, ...view } = charge;
  const href = (part: string) => ({ href: `/v1/payment-charges/${charge.id}/${part}` });
  return {
    ...view,
    _links: {
      authorizations: href('authorizations'),
      captures: href('captures'),
      refunds: href('refunds'),
      voids: href('voids'),
    },
  };
}

/** The PPRO simulator's rules over its store: every change is saved, then told by webhook. */
export class PproService {
  constructor(
    private readonly store: PproStore,
    private readonly clock: SimClock,
    private readonly webhooks: WebhookDispatcher,
    readonly settings: ServiceSettings,
    private readonly baseUrl: () => string,
  ) {}

  private moment(): Moment {
    const ms = this.clock.now();
    return { ms, iso: new Date(ms).toISOString() };
  }

  getAgreement(id: string): Agreement {
    const agreement = this.store.getAgreement(id);
    if (agreement === undefined) throw new PproError(404, 'NOT_FOUND', `No payment agreement ${id}`);
    return agreement;
  }

  agreementByCode(codePayload: string): Agreement {
    const agreement = this.store.agreementByCode(codePayload);
    if (agreement === undefined) throw new PproError(404, 'NOT_FOUND', 'No payment agreement has this code');
    return agreement;
  }

  private chargeOf(id: string): Charge {
    const charge = this.store.getCharge(id);
    if (charge === undefined) throw new PproError(404, 'NOT_FOUND', `No payment charge ${id}`);
    return charge;
  }

  private saveAgreement(agreement: Agreement, at: Moment): void {
    this.store.putAgreement(agreement);
    this.webhooks.send(agreement.webhooksUrl, `PAYMENT_AGREEMENT_${agreement.status}`, agreement, at.iso);
  }

  private saveCharge(charge: Charge, type: string, at: Moment): void {
    this.store.putCharge(charge);
    this.webhooks.send(this.getAgreement(charge.agreementId).webhooksUrl, type, chargeView(charge), at.iso);
  }

  create(body: unknown): Agreement {
    const at = this.moment();
    const { agreement, charge } = createAgreement(body, at, this.baseUrl(), this.settings);
    this.store.putCharge(charge);
    this.saveAgreement(agreement, at);
    return agreement;
  }

  getCharge(id: string) {
    return chargeView(this.chargeOf(id));
  }

  listCharges(agreementId: string) {
    return this.store.chargesOf(this.getAgreement(agreementId).id).map(chargeView);
  }

  /** The consumer's answer after scanning: ACTIVE with the first charge captured, or FAILED. */
  decide(id: string, authorised: boolean): Agreement {
    const at = this.moment();
    const status = authorised ? 'ACTIVE' : 'FAILED';
    const agreement = moveAgreement(this.getAgreement(id), ['AUTHENTICATION_PENDING'], status, at);
    const charge = decideCharge(this.chargeOf(agreement.initialPaymentChargeId), authorised, at);
    this.saveCharge(charge, `PAYMENT_CHARGE_${charge.status}`, at);
    this.saveAgreement(agreement, at);
    return agreement;
  }

  revoke(id: string, by: 'MERCHANT' | 'CONSUMER'): Agreement {
    const at = this.moment();
    const from = ['AUTHENTICATION_PENDING', 'ACTIVE'] as const;
    const agreement = moveAgreement(this.getAgreement(id), from, 'REVOKED', at, by);
    this.saveAgreement(agreement, at);
    return agreement;
  }

  /** The next WIP charges the consumer's bank declines (a training aid for the station's retry policy). */
  private declines = 0;

  declineNextCharges(count: number): void {
    this.declines = count;
  }

  /**
   * A merchant-initiated (WIP) charge: no consumer in front, captured at once on an ACTIVE agreement, or
   * FAILED when the bank declines it (see declineNextCharges).
   */
  charge(agreementId: string, body: unknown) {
    const request = validateChargeBody(body);
    const agreement = this.getAgreement(agreementId);
    if (agreement.status !== 'ACTIVE')
      throw new PproError(
        422,
        'AGREEMENT_NOT_ACTIVE',
        `The agreement is ${agreement.status}; only ACTIVE ones are charged`,
      );
    const at = this.moment();
    const amount = request.amount as Money;
    const reference = request.merchantPaymentChargeReference as string | undefined;
    checkWipAmount({ ...amount, reference }, this.store.chargesOf(agreementId), at.ms, this.settings);
    const declined = this.declines > 0;
    if (declined) this.declines -= 1;
    const charge = decideCharge(newCharge(agreement, amount, at, request), !declined, at);
    this.saveCharge(charge, `PAYMENT_CHARGE_${charge.status}`, at);
    return chargeView(charge);
  }

  refund(chargeId: string, body: unknown): Refund {
    const charge = this.chargeOf(chargeId);
    const value = (body as { amount?: unknown } | null)?.amount ?? charge.amount;
    if (!Number.isInteger(value) || (value as number) <= 0)
      throw new PproError(400, 'VALIDATION_ERROR', 'The request has invalid fields', [
        { field: 'amount', message: 'must be a whole number of cents above 0' },
      ]);
    const refunded = charge.refunds.reduce((sum, r) => sum + r.amount, 0);
    if (charge.status !== 'CAPTURED' || refunded + (value as number) > charge.amount)
      throw new PproError(422, 'REFUND_NOT_ALLOWED', 'Only a captured charge is refunded, up to its amount');
    const at = this.moment();
    const refund: Refund = {
      id: newId('refund'),
      amount: value as number,
      status: 'REFUND_PENDING',
      settlesAt: at.ms + this.settings.refundDelayMs,
      createdAt: at.iso,
      updatedAt: at.iso,
    };
    const refunds = [...charge.refunds, refund];
    this.saveCharge({ ...charge, refunds, updatedAt: at.iso }, 'PAYMENT_CHARGE_REFUND_PENDING', at);
    return refund;
  }

  /** Settles what simulator time has made due: pending refunds succeed, a fully refunded charge is REFUNDED. */
  settle(): void {
    const at = this.moment();
    const due = (r: Refund) => r.status === 'REFUND_PENDING' && r.settlesAt <= at.ms;
    for (const charge of this.store.chargesWithPendingRefunds()) {
      if (!charge.refunds.some(due)) continue;
      const refunds = charge.refunds.map((r) =>
        due(r) ? { ...r, status: 'SUCCEEDED' as const, updatedAt: at.iso } : r,
      );
      const total = refunds.filter((r) => r.status === 'SUCCEEDED').reduce((sum, r) => sum + r.amount, 0);
      const status = total >= charge.amount ? 'REFUNDED' : charge.status;
      const settled: Charge = { ...charge, refunds, status, updatedAt: at.iso };
      this.saveCharge(settled, 'PAYMENT_CHARGE_REFUND_SUCCEEDED', at);
    }
  }
}
