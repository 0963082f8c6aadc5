import type { SaleStatus, SaleView } from '../../shared/contract';
import { isFinalStatus } from '../../shared/domain/payment-status';
import type { SeededRandom } from '../../electron/core/simulator/faults/random';
import type { SimClient } from '../support/sim-client';
import type { Behaviour, KillMoment, SalePlan } from './plan';
import type { StationSupervisor } from './station-supervisor';
import { ChaosAnomaly, sleep, TillCalls } from './till-calls';

export interface SaleOutcome {
  index: number;
  idempotencyKey: string;
  behaviour: Behaviour;
  saleId: string | null;
  /** The sale statuses this script may end in; the comparison checks the station's record against them. */
  expected: readonly SaleStatus[];
  anomaly: string | null;
}

/** A customer who gives up or is refused and does not try again leaves a sale the cashier closes. */
function expectedStatuses(plan: SalePlan): readonly SaleStatus[] {
  switch (plan.behaviour) {
    case 'pays':
      return ['paid'];
    case 'refuses':
    case 'backs-out':
      return plan.secondChance ? ['paid'] : ['cancelled'];
    case 'cashier-cancels':
      return ['cancelled'];
    case 'cancel-confirm-race':
      return ['paid', 'cancelled'];
    case 'walks-away':
      return ['unpaid'];
  }
}

const MAX_CREATE_ATTEMPTS = 30;

/**
 * Plays one planned sale at one till, as a cashier and a customer would, and pulls the station's plug
 * at the planned moment. Everything goes through the station's contract and the simulator's payer.
 */
export class SaleScript {
  private readonly calls: TillCalls;

  constructor(
    private readonly station: StationSupervisor,
    private readonly sim: SimClient,
    private readonly random: SeededRandom,
  ) {
    this.calls = new TillCalls(station);
  }

  async run(plan: SalePlan, tillId: string): Promise<SaleOutcome> {
    const outcome: SaleOutcome = {
      index: plan.index,
      idempotencyKey: plan.idempotencyKey,
      behaviour: plan.behaviour,
      saleId: null,
      expected: expectedStatuses(plan),
      anomaly: null,
    };
    try {
      const sale = await this.open(plan, tillId);
      outcome.saleId = sale.id;
      if (plan.killAt === 'waiting') await this.station.killAndRestart();
      await this.act(plan, sale);
    } catch (error) {
      outcome.anomaly = error instanceof Error ? error.message : String(error);
    }
    return outcome;
  }

  /** Rings up the sale and gets a payment the customer can scan, retrying failed creations. */
  private async open(plan: SalePlan, tillId: string): Promise<SaleView> {
    const input = { amountCents: plan.amountCents, idempotencyKey: plan.idempotencyKey, tillId };
    if (plan.killAt === 'creating') {
      const inFlight = this.station.call('till.startPayment', input);
      await sleep(this.random.next('kill-delay') * 40);
      await this.station.killAndRestart();
      await inFlight;
    }
    // The same key again: after a crash the till asks for its sale, it never rings it up twice.
    const sale = await this.calls.must('till.startPayment', input);
    return this.payable(sale.id);
  }

  private async payable(saleId: string): Promise<SaleView> {
    for (let attempt = 0; attempt < MAX_CREATE_ATTEMPTS; attempt++) {
      const sale = await this.calls.untilShownOrFailed(saleId);
      if (sale.payment?.status !== 'CREATE_FAILED') return sale;
      // A sale whose payment was never created is retried; CONFLICT means a retry already went through.
      // Like a cashier facing an outage, wait a little longer before each new try.
      await sleep(Math.min(3_000, 100 * 2 ** attempt));
      const retried = await this.calls.press('till.retryPayment', { saleId });
      if (!retried.ok && retried.code !== 'CONFLICT') throw new ChaosAnomaly(`retry: ${retried.code}`);
    }
    throw new ChaosAnomaly(`sale ${saleId}: no payment could be created`);
  }

  private async act(plan: SalePlan, sale: SaleView): Promise<void> {
    switch (plan.behaviour) {
      case 'pays':
        return this.pay(plan, sale);
      case 'refuses':
        await this.scan(sale);
        await this.payer('refuse', sale, plan.killAt);
        return this.afterFailure(plan, sale, 'AUTHORIZATION_FAILED');
      case 'backs-out':
        if (plan.scansFirst) await this.scan(sale);
        await this.payer('cancel', sale, plan.killAt);
        return this.afterFailure(plan, sale, 'CANCELLED');
      case 'cashier-cancels':
        if (plan.scansFirst) await this.scan(sale);
        await this.cancel(sale, plan.killAt);
        return this.expectFinal(sale, ['CANCELLED']);
      case 'cancel-confirm-race':
        return this.race(plan, sale);
      case 'walks-away':
        if (plan.scansFirst) await this.scan(sale);
    }
  }

  private async pay(plan: SalePlan, sale: SaleView): Promise<void> {
    await this.scan(sale);
    await this.payer('confirm', sale, plan.killAt);
    await this.expectFinal(sale, ['SUCCEEDED']);
  }

  /** The customer tries again with a fresh QR, or the cashier closes the sale. */
  private async afterFailure(plan: SalePlan, sale: SaleView, status: string): Promise<void> {
    await this.expectFinal(sale, [status]);
    if (!plan.secondChance) {
      await this.calls.must('till.cancelPayment', { saleId: sale.id });
      return;
    }
    const retried = await this.calls.press('till.retryPayment', { saleId: sale.id });
    if (!retried.ok && retried.code !== 'CONFLICT') throw new ChaosAnomaly(`retry: ${retried.code}`);
    const again = await this.payable(sale.id);
    await this.pay({ ...plan, killAt: null }, again);
  }

  /** The cashier presses Cancel while the customer presses Confirm. */
  private async race(plan: SalePlan, sale: SaleView): Promise<void> {
    await this.scan(sale);
    const confirmKill = plan.killAt === 'confirming' ? 'confirming' : null;
    const cancelKill = plan.killAt === 'cancelling' ? 'cancelling' : null;
    await Promise.all([
      this.cancel(sale, cancelKill),
      sleep(this.random.next('race-delay') * 15).then(() => this.payer('confirm', sale, confirmKill)),
    ]);
    await this.expectFinal(sale, ['SUCCEEDED', 'CANCELLED']);
  }

  private scan(sale: SaleView): Promise<void> {
    return this.simulatorPost('/_sim/payer/scan', { payload: sale.payment?.deeplink });
  }

  /** The customer's button in the banking app, with the plug pulled right after when planned. */
  private async payer(action: 'confirm' | 'refuse' | 'cancel', sale: SaleView, kill: KillMoment | null) {
    const sent = this.simulatorPost(`/_sim/payer/${action}`, { paymentId: sale.payment?.bancontactId });
    if (kill === 'confirming') {
      await sleep(this.random.next('kill-delay') * 20);
      await this.station.killAndRestart();
    }
    await sent;
  }

  /** Cancel at the till; after a crash the cashier sees the payment still open and presses Cancel again. */
  private async cancel(sale: SaleView, kill: KillMoment | null): Promise<void> {
    if (kill === 'cancelling') {
      const inFlight = this.station.call('till.cancelPayment', { saleId: sale.id });
      await sleep(this.random.next('kill-delay') * 20);
      await this.station.killAndRestart();
      await inFlight;
    }
    for (let attempt = 0; attempt < 10; attempt++) {
      const now = await this.calls.sale(sale.id);
      if (now.payment && isFinalStatus(now.payment.status)) return;
      const answer = await this.calls.press('till.cancelPayment', { saleId: sale.id });
      // CONFLICT: the customer's confirmation won the race and the sale is paid.
      if (answer.ok || answer.code === 'CONFLICT') return;
      throw new ChaosAnomaly(`cancel: ${answer.code} ${answer.message}`);
    }
  }

  private async expectFinal(sale: SaleView, allowed: readonly string[]): Promise<void> {
    const ended = await this.calls.untilFinal(sale.id);
    const status = ended.payment?.status ?? 'none';
    if (!allowed.includes(status))
      throw new ChaosAnomaly(`sale ${sale.id} ended ${status}, not ${allowed.join('/')}`);
  }

  /**
   * The payer's side has no faults switched on. A 422 on confirm or cancel is the other side of a race
   * winning; whether that was right is judged by the status the sale ends in.
   */
  private async simulatorPost(path: string, body: unknown): Promise<void> {
    const answer = await this.sim.control(path, body);
    const raceLost = answer.status === 422 && /confirm|cancel/.test(path);
    if (answer.status >= 400 && !raceLost) throw new ChaosAnomaly(`${path}: ${answer.status} ${answer.text}`);
  }
}
