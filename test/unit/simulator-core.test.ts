import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createSimulator,
  DEFAULT_PROFILES,
  TRAINING_DISPLAY_PROFILE,
  type Simulator,
  type SimulatorOptions,
} from '../../electron/core/simulator';
import { tempDir } from '../support/temp';

const T0 = Date.parse('2026-05-11T08:00:00.000Z');
const AUTH = {
  authorization: `Bearer ${TRAINING_DISPLAY_PROFILE.apiKey}`,
  'content-type': 'application/json',
};

const open: Simulator[] = [];
function simulator(options: SimulatorOptions = {}): Simulator {
  const sim = createSimulator(options);
  open.push(sim);
  return sim;
}
afterEach(() => {
  for (const sim of open.splice(0)) sim.close();
  vi.restoreAllMocks();
});

async function create(sim: Simulator): Promise<string> {
  const res = await sim.app.request('/v3/payments', {
    method: 'POST',
    headers: AUTH,
    body: '{"amount":100}',
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { paymentId: string }).paymentId;
}

describe('default profiles', () => {
  it('have a display, a sticker and a top-up per amount mode, with 24-hex ppids, distinct keys and 120 s', () => {
    // Then eight display profiles for the further shops a station trains with.
    expect(
      DEFAULT_PROFILES.map((p) => `${p.type}${p.topupAmountMode ? `:${p.topupAmountMode}` : ''}`),
    ).toEqual([
      'display',
      'sticker',
      'topup:open',
      'topup:modifiable',
      'topup:fixed',
      ...Array(8).fill('display'),
    ]);
    expect(DEFAULT_PROFILES.find((p) => p.type === 'sticker')?.posIds).toEqual(['POS00001', 'POS00002']);
    for (const p of DEFAULT_PROFILES) {
      expect(p.ppid).toMatch(/^[0-9a-f]{24}$/);
      expect(p.expirySeconds).toBe(120);
      // One form for every key, top-up profiles included: 36 characters, UUID-like.
      expect(p.apiKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    expect(new Set(DEFAULT_PROFILES.map((p) => p.apiKey)).size).toBe(DEFAULT_PROFILES.length);
    expect(TRAINING_DISPLAY_PROFILE.type).toBe('display');
  });

  it("the station's training profile keeps its published values", () => {
    expect(TRAINING_DISPLAY_PROFILE).toMatchObject({
      ppid: 'ca55a0000000000000000001',
      apiKey: 'ca55a000-7a1e-4d15-8000-000000000001',
      merchantId: 'ca55a0000000000000000100',
      name: 'Kassa Training Shop',
      iban: 'BE68539007547034',
      type: 'display',
      expirySeconds: 120,
    });
  });

  it('a bad profile list is refused at start-up', () => {
    expect(() => createSimulator({ profiles: [{ ...TRAINING_DISPLAY_PROFILE, ppid: 'short' }] })).toThrow(
      /ppid/,
    );
    const twin = { ...TRAINING_DISPLAY_PROFILE, ppid: 'ca55a00000000000000000ff' };
    expect(() => createSimulator({ profiles: [TRAINING_DISPLAY_PROFILE, twin] })).toThrow(/apiKey/);
    const both = { ...TRAINING_DISPLAY_PROFILE, voidMode: true, syncCallbacks: true };
    expect(() => createSimulator({ profiles: [both] })).toThrow(/voidMode and syncCallbacks/);
    const stray = { ...TRAINING_DISPLAY_PROFILE, posIds: ['POS1'] };
    expect(() => createSimulator({ profiles: [stray] })).toThrow(/posIds is for sticker profiles/);
    const http = { ...TRAINING_DISPLAY_PROFILE, callbackUrl: 'http://127.0.0.1:9/cb' };
    expect(() => createSimulator({ profiles: [http] })).toThrow(/callbackUrl/);
    expect(() => createSimulator({ profiles: [http], allowHttpCallbacks: true }).close()).not.toThrow();
  });
});

describe('expiry follows the simulator clock and is stored', () => {
  it('a GET after expireAt answers EXPIRED and stores it, even if time later reads earlier', async () => {
    const tmp = tempDir('kassa-sim-unit-');
    const storeFile = join(tmp.dir, 'sim.sqlite');
    let real = T0;
    try {
      const sim = simulator({ storeFile, now: () => real });
      const id = await create(sim);
      real = T0 + 120_000;
      const res = await sim.app.request(`/v3/payments/${id}`, { headers: AUTH });
      expect(((await res.json()) as { status: string }).status).toBe('EXPIRED');
      sim.close();

      real = T0; // a restarted simulator whose real clock reads earlier still sees the stored EXPIRED
      const again = simulator({ storeFile, now: () => real });
      expect(again.store.getPayment(id)?.status).toBe('EXPIRED');
    } finally {
      tmp.remove();
    }
  });

  it('uses the expirySeconds of the profile', async () => {
    const sim = simulator({
      now: () => T0,
      profiles: [{ ...TRAINING_DISPLAY_PROFILE, expirySeconds: 1_200 }],
    });
    const id = await create(sim);
    expect(sim.store.getPayment(id)?.expireAt).toBe(T0 + 1_200_000);
  });
});

describe('status listener', () => {
  it('a throwing listener does not fail the request or undo the change', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const sim = simulator({
      onStatusChange: () => {
        throw new Error('listener broke');
      },
    });
    const id = await create(sim);
    const res = await sim.app.request(`/v3/payments/${id}`, { method: 'DELETE', headers: AUTH });
    expect(res.status).toBe(204);
    expect(sim.store.getPayment(id)?.status).toBe('CANCELLED');
  });
});

describe('payload host', () => {
  it('deeplinks use the configured payload host, and the payer can scan them', async () => {
    const sim = simulator({ payloadHost: 'https://pay.acc.bancontact.net/' });
    const res = await sim.app.request('/v3/payments', {
      method: 'POST',
      headers: AUTH,
      body: '{"amount":100}',
    });
    const body = (await res.json()) as { paymentId: string; _links: { deeplink: { href: string } } };
    expect(body._links.deeplink.href).toBe(`https://pay.acc.bancontact.net/pay/2/${body.paymentId}`);
    const scan = await sim.app.request('/_sim/payer/scan', {
      method: 'POST',
      body: JSON.stringify({ payload: body._links.deeplink.href }),
    });
    expect(scan.status).toBe(200);
  });
});
