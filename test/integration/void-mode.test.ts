import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulatorServer, TRAINING_DISPLAY_PROFILE, type SimulatorServer } from '../../electron/core/simulator';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';

let sim: SimulatorServer;
let kassa: StationWithShell;

beforeEach(async () => {
  sim = await startSimulatorServer({
    port: 0,
    profiles: [{ ...TRAINING_DISPLAY_PROFILE, voidMode: true, voidTimeoutSeconds: 60 }],
  });
});
afterEach(async () => {
  await kassa.close();
  await sim.close();
});

const simStatus = async (id: string) =>
  ((await (await fetch(`${sim.baseUrl}/_sim/payments/${id}`)).json()) as { status: string }).status;

describe('a profile in VOID mode', () => {
  it('acknowledges a payment the till still wants, which then succeeds', async () => {
    kassa = await startStationWithShell({ simulatorUrl: sim.baseUrl, pollIntervalMs: 100 });
    const sale = await kassa.must('till.startPayment', { amountCents: 1250, idempotencyKey: 'void-wanted-1' });
    await kassa.must('training.scan', { saleId: sale.id });
    await kassa.must('training.confirm', { saleId: sale.id });
    const paid = await kassa.saleUntil(sale.id, (s) => s.status === 'paid');
    const timeline = await kassa.must('payments.getTimeline', { paymentId: paid.payment!.id });
    expect(timeline.map((e) => e.to)).toContain('PENDING_MERCHANT_ACKNOWLEDGEMENT');
    expect(await simStatus(sale.payment!.bancontactId!)).toBe('SUCCEEDED');
  });

  it('lets a payment the cashier gave up void', async () => {
    // Polling slower than the steps below: the customer confirms before the station sees it.
    kassa = await startStationWithShell({ simulatorUrl: sim.baseUrl, pollIntervalMs: 1_500 });
    const sale = await kassa.must('till.startPayment', { amountCents: 990, idempotencyKey: 'void-unwanted-1' });
    await kassa.must('training.scan', { saleId: sale.id });
    await kassa.must('training.confirm', { saleId: sale.id });
    const afterCancel = await kassa.must('till.cancelPayment', { saleId: sale.id });
    expect(afterCancel.payment?.status).toBe('PENDING_MERCHANT_ACKNOWLEDGEMENT');
    await fetch(`${sim.baseUrl}/_sim/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: 61_000 }),
    });
    expect(await simStatus(sale.payment!.bancontactId!)).toBe('VOIDED');
    const ended = await kassa.saleUntil(sale.id, (s) => s.payment?.status === 'VOIDED', 6_000);
    expect(ended.status).toBe('cancelled');
  });
});
