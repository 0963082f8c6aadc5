import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../shared/contract';
import { callHttp, spawnStation } from '../support/station-process';
import { startTestSimulator } from '../support/station-in-process';
import { tempDir, waitFor } from '../support/temp';

let sim: Awaited<ReturnType<typeof startTestSimulator>>;
let folder: ReturnType<typeof tempDir>;

beforeEach(async () => {
  sim = await startTestSimulator();
  folder = tempDir();
});
afterEach(async () => {
  await sim.close();
  folder.remove();
});

describe('a station killed while a payment waits', () => {
  it('ends the sale paid after the customer paid during the outage', async () => {
    const first = await spawnStation({ dataDir: folder.dir, simulatorUrl: sim.baseUrl });
    const started = await callHttp<SaleView>(first.url, 'till.startPayment', {
      amountCents: 1250,
      idempotencyKey: 'crash-test-1',
    });
    if (!started.ok) throw new Error(started.error.message);
    const sale = started.value;
    await first.kill();
    expect(first.process.signalCode).toBe('SIGKILL');

    await sim.control('/_sim/payer/scan', { payload: sale.payment!.deeplink });
    const confirmed = await sim.control<{ status: string }>('/_sim/payer/confirm', {
      paymentId: sale.payment!.bancontactId,
    });
    expect(confirmed.body.status).toBe('SUCCEEDED');

    const second = await spawnStation({ dataDir: folder.dir, simulatorUrl: sim.baseUrl });
    try {
      const paid = await waitFor(
        async () => {
          const result = await callHttp<SaleView>(second.url, 'till.getSale', { saleId: sale.id });
          return result.ok && result.value.status === 'paid' ? result.value : undefined;
        },
        10_000,
        'the sale to be paid',
      );
      expect(paid).toMatchObject({
        amountCents: 1250,
        payment: { status: 'SUCCEEDED', bancontactId: sale.payment!.bancontactId },
      });
    } finally {
      await second.stop();
    }
  });
});
