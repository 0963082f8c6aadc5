import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../shared/contract';
import { startFaultyProxy } from '../support/faulty-proxy';
import { startTestSimulator, startTestStation, type TestStation } from '../support/station-in-process';
import { waitFor } from '../support/temp';

let sim: Awaited<ReturnType<typeof startTestSimulator>>;
let proxy: Awaited<ReturnType<typeof startFaultyProxy>>;
let kassa: TestStation;

beforeEach(async () => {
  sim = await startTestSimulator();
  proxy = await startFaultyProxy(sim.baseUrl);
  // The station reaches "Bancontact" through the proxy; the payer still acts on the simulator itself.
  kassa = await startTestStation({ simulatorUrl: proxy.url, requestTimeoutMs: 1500 });
});
afterEach(async () => {
  await kassa.close();
  await proxy.close();
  await sim.close();
});

const start = (amountCents = 1250) =>
  kassa.must('till.startPayment', { amountCents, idempotencyKey: `key-${Math.random()}` });

describe('when Bancontact cannot be reached or refuses', () => {
  it.each([
    [{ kind: 'status', status: 401, code: 'UNAUTHORIZED' } as const, 'BANCONTACT_UNAUTHORIZED'],
    [{ kind: 'status', status: 403, code: 'ACCESS_DENIED' } as const, 'BANCONTACT_UNAUTHORIZED'],
    [{ kind: 'status', status: 500, code: 'TECHNICAL_ERROR' } as const, 'BANCONTACT_UNAVAILABLE'],
    [{ kind: 'status', status: 503, code: 'TRY_AGAIN_LATER' } as const, 'BANCONTACT_UNAVAILABLE'],
    [{ kind: 'hang' } as const, 'BANCONTACT_TIMEOUT'],
    [{ kind: 'drop' } as const, 'NETWORK_DOWN'],
  ])('keeps the sale with the reason (%o → %s) and lets the cashier retry', async (mode, code) => {
    proxy.set(mode);
    const sale = await start();
    expect(sale).toMatchObject({ status: 'unpaid', payment: { status: 'CREATE_FAILED', problem: { code } } });
    proxy.set({ kind: 'pass' });
    const retried = await kassa.must('till.retryPayment', { saleId: sale.id });
    expect(retried).toMatchObject({
      id: sale.id,
      status: 'open',
      payment: { status: 'PENDING', problem: null },
    });
  });

  it('keeps the API error code and trace id for the manager', async () => {
    proxy.set({ kind: 'status', status: 500, code: 'TECHNICAL_ERROR' });
    const sale = await start();
    expect(sale.payment?.problem?.message).toContain('TECHNICAL_ERROR');
    expect(sale.payment?.problem?.message).toContain('feedfacefeedface');
    const stored = await kassa.must('till.getSale', { saleId: sale.id });
    expect(stored.payment?.problem).toEqual(sale.payment?.problem);
  });

  it('lets the cashier cancel a sale whose payment could not be created, without calling Bancontact', async () => {
    proxy.set({ kind: 'drop' });
    const sale = await start();
    const cancelled = await kassa.must('till.cancelPayment', { saleId: sale.id });
    expect(cancelled.status).toBe('cancelled');
  });

  it('keeps following a payment through a network outage and reports the reason meanwhile', async () => {
    const sale = await start();
    proxy.set({ kind: 'drop' });
    const troubled = await waitFor(async () => {
      const s = await kassa.must('till.getSale', { saleId: sale.id });
      return s.payment?.problem?.code === 'NETWORK_DOWN' ? s : undefined;
    });
    expect(troubled).toMatchObject({ status: 'open', payment: { status: 'PENDING' } });
    await sim.control('/_sim/payer/scan', { payload: sale.payment!.deeplink });
    await sim.control('/_sim/payer/confirm', { paymentId: sale.payment!.bancontactId });
    proxy.set({ kind: 'pass' });
    const paid = await waitFor(async () => {
      const s: SaleView = await kassa.must('till.getSale', { saleId: sale.id });
      return s.status === 'paid' ? s : undefined;
    }, 8_000);
    expect(paid.payment?.problem).toBeNull();
  });

  it('reports a failed cancel and leaves the payment as it was', async () => {
    const sale = await start();
    proxy.set({ kind: 'status', status: 503, code: 'TRY_AGAIN_LATER' });
    const result = await kassa.call('till.cancelPayment', { saleId: sale.id });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'BANCONTACT_UNAVAILABLE', apiCode: 'TRY_AGAIN_LATER', traceId: 'feedfacefeedface' },
    });
    const after = await kassa.must('till.getSale', { saleId: sale.id });
    expect(after).toMatchObject({ status: 'open', payment: { status: 'PENDING' } });
  });
});
