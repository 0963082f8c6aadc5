import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_PROFILES,
  startSimulatorServer,
  TRAINING_DISPLAY_PROFILE,
  TRAINING_STICKER_PROFILE,
  type CreatePaymentView,
  type Delivery,
  type FaultSettings,
  type SimulatorServer,
} from '../../electron/core/simulator';
import { startCallbackReceiver, type CallbackReceiver } from '../support/callback-receiver';
import { signRequest } from '../support/merchant-signer';
import { request, simClient, type SimClient } from '../support/sim-client';

/**
 * Where faults reach: callback faults repeat for a seed and stay in their profile's scope, request faults
 * hit the signed Refund API as well, and nothing ever breaks the control API, the JWKS or /qrcode.
 */
const T0 = Date.parse('2026-12-01T08:00:00.000Z');
const DISPLAY = TRAINING_DISPLAY_PROFILE;
const STICKER = TRAINING_STICKER_PROFILE;

let receiver: CallbackReceiver;
let server: SimulatorServer;
let sim: SimClient;

async function start(seed: number): Promise<void> {
  server = await startSimulatorServer({
    port: 0,
    now: () => T0,
    seed,
    allowHttpCallbacks: true,
    profiles: [
      { ...DISPLAY, callbackUrl: receiver.url('/display') },
      { ...STICKER, callbackUrl: receiver.url('/sticker') },
      ...DEFAULT_PROFILES.slice(2),
    ],
  });
  sim = simClient(server.baseUrl);
}

beforeEach(async () => {
  receiver = await startCallbackReceiver();
  await start(1);
});
afterEach(async () => {
  await server.close();
  await receiver.close();
});

const setFaults = (faults: FaultSettings, ppid?: string) =>
  sim.control(ppid === undefined ? '/_sim/faults/global' : `/_sim/faults/profiles/${ppid}`, faults, 'PUT');

/** Creates and scans a payment of `key`, sends its IDENTIFIED callback, and answers its delivery state. */
async function identifiedState(key: string): Promise<string> {
  const created = (await sim.merchant(key).post<CreatePaymentView>('/v3/payments', { amount: 100 })).body;
  await sim.scan(created._links.deeplink.href);
  await sim.flush();
  const log = await sim.control<{ callbacks: Delivery[] }>(`/_sim/callbacks?paymentId=${created.paymentId}`);
  return log.body.callbacks.map((d) => d.state).join('+');
}

describe('callback faults', () => {
  it('repeat for the same seed and differ for another', async () => {
    const pattern = async (seed: number) => {
      await server.close();
      await start(seed);
      await setFaults({ callbackDropRate: 0.5 });
      const states: string[] = [];
      for (let i = 0; i < 12; i++) states.push(await identifiedState(DISPLAY.apiKey));
      return states.join();
    };
    const first = await pattern(42);
    expect(first).toContain('dropped');
    expect(first).toContain('delivered');
    expect(await pattern(42)).toBe(first);
    expect(await pattern(7)).not.toBe(first);
  });

  it("switched on for one profile, leave the other profiles' callbacks alone", async () => {
    await setFaults({ callbackDuplicateRate: 1 }, STICKER.ppid);
    expect(await identifiedState(STICKER.apiKey)).toBe('delivered+delivered');
    expect(await identifiedState(DISPLAY.apiKey)).toBe('delivered');
    await setFaults({}, STICKER.ppid);
    expect(await identifiedState(STICKER.apiKey)).toBe('delivered');
    expect(receiver.received.filter((r) => r.path === '/sticker')).toHaveLength(3);
  });
});

describe('request faults', () => {
  async function refundCall(paymentId: string) {
    const path = `/v3/payments/${paymentId}/refunds`;
    const body = JSON.stringify({ amount: 10, currency: 'EUR' });
    const signature = await signRequest(body, { path, sub: DISPLAY.ppid });
    return request<{ code: string }>(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers: { signature, 'idempotency-key': crypto.randomUUID() },
      raw: body,
    });
  }

  it('hit the signed Refund API too, with its two-field error body, until switched off', async () => {
    const created = (
      await sim.merchant(DISPLAY.apiKey).post<CreatePaymentView>('/v3/payments', { amount: 100 })
    ).body;
    await sim.scan(created._links.deeplink.href);
    await sim.confirm(created.paymentId);
    await setFaults({ unavailableRate: 1 });
    const failed = await refundCall(created.paymentId);
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ code: 'TRY_AGAIN_LATER', message: expect.any(String) });
    await setFaults({});
    expect((await refundCall(created.paymentId)).status).toBe(201);
  });

  it('never touch the control API, the JWKS or the QR generator', async () => {
    await setFaults({ errorRate: 1, unavailableRate: 1, rateLimit: { capacity: 1, refillPerSecond: 0 } });
    for (let i = 0; i < 3; i++) {
      expect((await request(`${server.baseUrl}/_sim/payments`)).status).toBe(200);
      expect((await request(server.jwksUrl)).status).toBe(200);
      expect((await fetch(`${server.baseUrl}/qrcode?c=hello`)).status).toBe(200);
    }
    expect((await sim.merchant(DISPLAY.apiKey).post('/v3/payments', { amount: 1 })).status).toBe(500);
  });
});
