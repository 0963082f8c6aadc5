import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCallbackListener, type CallbackListener } from '../../electron/core/api/callback-listener';
import { startTestStation, type TestStation } from '../support/station-in-process';
import { waitFor } from '../support/temp';

/**
 * The callback listener is the one address a merchant exposes to Bancontact: it must carry callbacks
 * to the station and answer nothing else, whatever path a scanner tries.
 */
let kassa: TestStation;
let listener: CallbackListener;

beforeAll(async () => {
  listener = await startCallbackListener(
    { receiveCallback: (ppid, body, signature) => kassa.station.receiveCallback(ppid, body, signature) },
    { port: 0, host: '127.0.0.1' },
  );
  // No polling and no sweep within the test's time: a sale can only be paid by the callback.
  kassa = await startTestStation({
    publicUrl: listener.url,
    pollIntervalMs: 600_000,
    sweepIntervalMs: 600_000,
  });
});
afterAll(async () => {
  await kassa.close();
  await listener.close();
});

describe('the callback listener', () => {
  it("carries Bancontact's signed callback to the station: a sale is paid by it alone", async () => {
    const sale = await kassa.must('till.startPayment', {
      amountCents: 1_250,
      idempotencyKey: 'callback-listener-1',
    });
    await kassa.must('training.scan', { saleId: sale.id });
    await kassa.must('training.confirm', { saleId: sale.id });
    const paid = await waitFor(async () => {
      const now = await kassa.must('till.getSale', { saleId: sale.id });
      return now.status === 'paid' ? now : null;
    });
    expect(paid.amountCents).toBe(1_250);
    const timeline = await kassa.must('payments.getTimeline', { paymentId: paid.payment!.id });
    expect(timeline.map((entry) => entry.source)).toContain('callback');
  });

  it('answers nothing but POST /callbacks/…: not the contract, the UI, the events or the downloads', async () => {
    const tries: Array<[string, string]> = [
      ['POST', '/api/station.getStatus'],
      ['POST', '/api/settings.get'],
      ['GET', '/api/events'],
      ['GET', '/'],
      ['GET', '/settings'],
      ['GET', '/downloads/refunds-1.xml'],
      ['GET', '/callbacks/abc'],
    ];
    for (const [method, path] of tries) {
      const answer = await fetch(listener.url + path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'POST' ? '{}' : undefined,
      });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(await answer.text(), `${method} ${path}`).not.toContain('"ok":true');
    }
  });

  it('refuses an unsigned callback and an oversized one without touching any sale', async () => {
    const unsigned = await fetch(
      `${listener.url}/callbacks/${(await kassa.must('settings.get', {})).ppid ?? 'x'}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ paymentId: 'forged', status: 'SUCCEEDED' }),
      },
    );
    expect([401, 404]).toContain(unsigned.status);
    const huge = await fetch(`${listener.url}/callbacks/anything`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(1_000_000),
    });
    expect(huge.status).toBe(413);
  });
});
