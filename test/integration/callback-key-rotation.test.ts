import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SaleView } from '../../shared/contract';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';

/*
 * The station's own callback verifier against its simulator, as real Bancontact behaves: a signing key
 * rotated while the station holds a cached JWKS, and a callback retried byte-identically (original iat
 * and jti) up to 24 h after it was signed. Only Date is moved; the timers run on real time.
 */

let kassa: StationWithShell;
afterEach(async () => {
  vi.useRealTimers();
  await kassa.close();
});

// Polling and the sweep are slowed right down, so a sale that gets paid was paid by a callback.
const CALLBACKS_ONLY = { pollIntervalMs: 600_000, sweepIntervalMs: 3_600_000 };
const HOUR = 3_600_000;

interface Delivery {
  profileId: string;
  status: string;
  state: string;
  body: string;
  signature: string;
  jti: string;
}

async function paidByCallback(idempotencyKey: string): Promise<SaleView> {
  const sale = await kassa.must('till.startPayment', { amountCents: 1_250, idempotencyKey });
  await kassa.sim('/_sim/payer/scan', { payload: sale.payment!.deeplink });
  await kassa.sim('/_sim/payer/confirm', { paymentId: sale.payment!.bancontactId });
  const paid = await kassa.saleUntil(sale.id, (s) => s.status === 'paid', 5_000);
  const timeline = await kassa.must('payments.getTimeline', { paymentId: paid.payment!.id });
  expect(timeline.map((e) => `${e.to}:${e.source}`)).toContain('SUCCEEDED:callback');
  return paid;
}

async function deliveries(sale: SaleView): Promise<Delivery[]> {
  await kassa.sim('/_sim/callbacks/flush', {});
  const path = `/_sim/callbacks?paymentId=${sale.payment!.bancontactId}`;
  return (await kassa.sim<{ callbacks: Delivery[] }>(path)).callbacks;
}

const succeededEvents = () =>
  kassa.query<{ n: number }>("select count(*) n from payment_events where to_status = 'SUCCEEDED'")[0]?.n;

describe("the station's callback verifier", () => {
  it('keeps accepting callbacks after the signing key is rotated, by fetching the JWKS again', async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    kassa = await startStationWithShell(CALLBACKS_ONLY);
    await paidByCallback('rotation-before-1');
    const rotated = await kassa.sim<{ kid: string }>('/_sim/keys/rotate', { activateInMs: 0 });
    // Past the verifier's refetch cooldown, which only limits how often forged kids cause a fetch.
    vi.setSystemTime(Date.now() + 60_000);
    const after = await paidByCallback('rotation-after-1');
    const signedWith = (await deliveries(after)).map(
      (d) => JSON.parse(Buffer.from(d.signature.split('.')[0]!, 'base64url').toString('utf8')).kid as string,
    );
    expect(new Set(signedWith)).toEqual(new Set([rotated.kid]));
  });

  it('accepts a callback retried almost 24 h after it was signed, and books it once (same jti)', async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    kassa = await startStationWithShell(CALLBACKS_ONLY);
    const sale = await paidByCallback('late-retry-1');
    const succeeded = (await deliveries(sale)).find((d) => d.status === 'SUCCEEDED');
    expect(succeeded).toMatchObject({ state: 'delivered' });
    const receipts = kassa.query<{ jti: string }>('select jti from callback_receipts').length;

    vi.setSystemTime(Date.now() + 24 * HOUR - 60_000);
    const reply = await kassa.station.receiveCallback(
      succeeded!.profileId,
      succeeded!.body,
      succeeded!.signature,
    );
    expect(reply.status).toBe(200);
    expect(succeededEvents()).toBe(1);
    expect(kassa.query<{ jti: string }>('select jti from callback_receipts')).toHaveLength(receipts);
    expect((await kassa.must('till.getSale', { saleId: sale.id })).status).toBe('paid');
  });
});
