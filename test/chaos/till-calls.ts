import type { ErrorCode, MethodName, MethodOutput, SaleView } from '../../shared/contract';
import { isFinalStatus } from '../../shared/domain/payment-status';
import type { StationSupervisor } from './station-supervisor';

/** What a cashier does on these answers: wait a moment and press the same button again. */
const TRY_AGAIN: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'STATION_UNREACHABLE',
  'BANCONTACT_UNAVAILABLE',
  'BANCONTACT_TIMEOUT',
  'NETWORK_DOWN',
]);
const MAX_TRIES = 400;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Something the run did not expect: it ends that sale's script and is reported, never hidden. */
export class ChaosAnomaly extends Error {}

/** The contract calls a cashier makes, each pressed again (like a real cashier) until it gets through. */
export class TillCalls {
  constructor(private readonly station: StationSupervisor) {}

  /** Retries what a cashier would retry; any other refusal is returned for the caller to judge. */
  async press<M extends MethodName>(
    method: M,
    input: unknown,
  ): Promise<{ ok: true; value: MethodOutput<M> } | { ok: false; code: ErrorCode; message: string }> {
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      const result = await this.station.call<MethodOutput<M>>(method, input);
      if (result.ok) return result;
      if (!TRY_AGAIN.has(result.error.code)) return { ok: false, ...result.error };
      await this.station.whenUp();
      await sleep(100 + attempt * 20);
    }
    throw new ChaosAnomaly(`${method} never got through`);
  }

  async must<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
    const result = await this.press(method, input);
    if (!result.ok) throw new ChaosAnomaly(`${method}: ${result.code} ${result.message}`);
    return result.value;
  }

  sale(saleId: string): Promise<SaleView> {
    return this.must('till.getSale', { saleId });
  }

  /** Waits until the sale's current payment satisfies `done`, as the cashier watches the screen. */
  async until(saleId: string, done: (sale: SaleView) => boolean, what: string, timeoutMs = 90_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const sale = await this.sale(saleId);
      if (done(sale)) return sale;
      if (Date.now() > deadline) {
        throw new ChaosAnomaly(`sale ${saleId} never ${what}: ${sale.status}/${sale.payment?.status}`);
      }
      await sleep(100);
    }
  }

  /** The payment has an answer from Bancontact or has failed to get one. */
  untilShownOrFailed(saleId: string): Promise<SaleView> {
    return this.until(
      saleId,
      (s) => s.payment !== null && s.payment.status !== 'CREATING',
      'got a QR or a failure',
    );
  }

  untilFinal(saleId: string): Promise<SaleView> {
    return this.until(saleId, (s) => s.payment !== null && isFinalStatus(s.payment.status), 'ended');
  }
}
