import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../shared/contract';
import { startTestSimulator, startTestStation, type TestStation } from '../support/station-in-process';
import { waitFor } from '../support/temp';

type Sim = Awaited<ReturnType<typeof startTestSimulator>>;
let sim: Sim;
let kassa: TestStation;

beforeEach(async () => {
  sim = await startTestSimulator();
  kassa = await startTestStation({ simulatorUrl: sim.baseUrl });
});
afterEach(async () => {
  await kassa.close();
  await sim.close();
});

const pay = (amountCents: number, key = `key-${Math.random()}`) =>
  kassa.must('till.startPayment', { amountCents, idempotencyKey: key });
const saleUntil = (saleId: string, predicate: (s: SaleView) => boolean) =>
  waitFor(
    async () => {
      const sale = await kassa.must('till.getSale', { saleId });
      return predicate(sale) ? sale : undefined;
    },
    5_000,
    `sale ${saleId}`,
  );
const simStatus = async (id: string) =>
  (await sim.control<{ status: string }>(`/_sim/payments/${id}`)).body.status;

describe('a Bancontact sale at the till', () => {
  it('creates a PENDING payment whose deeplink is a pay.bancontact.net payload', async () => {
    const sale = await pay(1250);
    expect(sale).toMatchObject({
      amountCents: 1250,
      status: 'open',
      payment: { status: 'PENDING', problem: null },
    });
    expect(sale.payment?.deeplink).toMatch(/^https:\/\/pay\.bancontact\.net\/pay\/2\/[0-9a-f]{24}$/);
    expect(sale.payment?.deeplink).toBe(`https://pay.bancontact.net/pay/2/${sale.payment?.bancontactId}`);
    expect(await simStatus(sale.payment!.bancontactId!)).toBe('PENDING');
  });

  it('follows scan and confirm to paid, logging each step and emitting events', async () => {
    const sale = await pay(1250);
    await kassa.must('training.scan', { saleId: sale.id });
    await saleUntil(sale.id, (s) => s.payment?.status === 'IDENTIFIED');
    await kassa.must('training.confirm', { saleId: sale.id });
    const paid = await saleUntil(sale.id, (s) => s.status === 'paid');
    expect(paid.payment?.status).toBe('SUCCEEDED');
    const timeline = await kassa.must('payments.getTimeline', { paymentId: paid.payment!.id });
    expect(timeline.map((e) => e.to)).toEqual(['PENDING', 'IDENTIFIED', 'SUCCEEDED']);
    // The event may follow the stored state by a moment (on PostgreSQL it comes through the
    // station's change feed), so wait for it rather than read the list once.
    const seenStatuses = () =>
      kassa.events.filter((e) => e.name === 'payments.changed').map((e) => e.payload.sale.payment?.status);
    await waitFor(async () => (seenStatuses().includes('SUCCEEDED') ? true : undefined), 5_000, 'SUCCEEDED event');
    expect(seenStatuses()).toContain('SUCCEEDED');
  });

  it('turns a refusal into a refused payment and lets the cashier retry with a new QR', async () => {
    const sale = await pay(700);
    await kassa.must('training.scan', { saleId: sale.id });
    await kassa.must('training.refuse', { saleId: sale.id });
    const refused = await saleUntil(sale.id, (s) => s.payment?.status === 'AUTHORIZATION_FAILED');
    expect(refused.status).toBe('unpaid');
    const retried = await kassa.must('till.retryPayment', { saleId: sale.id });
    expect(retried.status).toBe('open');
    expect(retried.payment?.bancontactId).not.toBe(refused.payment?.bancontactId);
  });

  it('cancels a waiting payment at Bancontact', async () => {
    const sale = await pay(990);
    const cancelled = await kassa.must('till.cancelPayment', { saleId: sale.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', payment: { status: 'CANCELLED' } });
    expect(await simStatus(sale.payment!.bancontactId!)).toBe('CANCELLED');
  });

  it('shows expired once the simulator clock passes expiry', async () => {
    const sale = await pay(500);
    await sim.control('/_sim/clock/advance', { ms: 130_000 });
    const expired = await saleUntil(sale.id, (s) => s.payment?.status === 'EXPIRED');
    expect(expired.status).toBe('unpaid');
  });

  it('resolves a cancel that races the customer paying to the outcome Bancontact decided', async () => {
    const sale = await pay(1500);
    await sim.control('/_sim/payer/scan', { payload: sale.payment!.deeplink });
    await sim.control('/_sim/payer/confirm', { paymentId: sale.payment!.bancontactId });
    const result = await kassa.must('till.cancelPayment', { saleId: sale.id });
    expect(result).toMatchObject({ status: 'paid', payment: { status: 'SUCCEEDED' } });
  });

  it('never creates two sales for one idempotency key', async () => {
    const [a, b] = await Promise.all([pay(1250, 'same-key-123'), pay(1250, 'same-key-123')]);
    expect(a.id).toBe(b.id);
    expect((await sim.control<{ payments: unknown[] }>('/_sim/payments')).body.payments).toHaveLength(1);
    const reused = await kassa.call('till.startPayment', {
      amountCents: 999,
      idempotencyKey: 'same-key-123',
    });
    expect(reused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses a second sale while one payment is open at the till', async () => {
    await pay(100);
    const second = await kassa.call('till.startPayment', {
      amountCents: 200,
      idempotencyKey: 'another-key-1',
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'PAYMENT_OPEN' } });
  });

  it('lets each till of the station have its own open payment', async () => {
    const counter = await pay(100);
    const terrace = await kassa.must('till.startPayment', {
      amountCents: 200,
      idempotencyKey: 'terrace-1',
      tillId: 'terrace',
    });
    expect([counter.tillId, terrace.tillId]).toEqual(['till-1', 'terrace']);
    const again = await kassa.call('till.startPayment', {
      amountCents: 300,
      idempotencyKey: 'terrace-2',
      tillId: 'terrace',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'PAYMENT_OPEN' } });
    expect(await kassa.must('till.getCurrentSale', { tillId: 'terrace' })).toMatchObject({ id: terrace.id });
  });

  it('keeps paid sales across a restart of the station', async () => {
    const sale = await pay(1250);
    await kassa.must('training.scan', { saleId: sale.id });
    await kassa.must('training.confirm', { saleId: sale.id });
    await saleUntil(sale.id, (s) => s.status === 'paid');
    await kassa.restart();
    const listed = await kassa.must('till.listSales', {});
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: sale.id, status: 'paid', amountCents: 1250 });
  });

  it('resumes following an open payment after a restart', async () => {
    const sale = await pay(300);
    await kassa.restart();
    await sim.control('/_sim/payer/scan', { payload: sale.payment!.deeplink });
    await sim.control('/_sim/payer/confirm', { paymentId: sale.payment!.bancontactId });
    await saleUntil(sale.id, (s) => s.status === 'paid');
  });
});
