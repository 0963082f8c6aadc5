import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_PROFILES,
  startSimulatorServer,
  TRAINING_DISPLAY_PROFILE,
  type CreatePaymentView,
  type GetPaymentView,
  type SimProfile,
  type SimulatorServer,
} from '../../electron/core/simulator';
import { simClient, type SimClient } from '../support/sim-client';

/** The simulator's own clock: it stamps what it creates, and expiry happens exactly at `expireAt`. */
const T0 = Date.parse('2026-06-01T10:00:00.000Z');
const ONLINE: SimProfile = {
  ...TRAINING_DISPLAY_PROFILE,
  ppid: 'ca55a00000000000000000d1',
  apiKey: 'clock-online-key-0001',
  expirySeconds: 1200,
};

let server: SimulatorServer;
let sim: SimClient;

beforeEach(async () => {
  server = await startSimulatorServer({ port: 0, now: () => T0, profiles: [...DEFAULT_PROFILES, ONLINE] });
  sim = simClient(server.baseUrl);
});
afterEach(async () => {
  await server.close();
});

const create = async (key: string) =>
  (await sim.merchant(key).post<CreatePaymentView>('/v3/payments', { amount: 100 })).body;
const statusOf = async (id: string, key: string) =>
  (await sim.merchant(key).get<GetPaymentView>(`/v3/payments/${id}`)).body.status;

describe('simulator clock', () => {
  it('stamps payments with simulator time, not real time', async () => {
    await sim.advance(90 * 60_000);
    const created = await create(TRAINING_DISPLAY_PROFILE.apiKey);
    expect(created.createdAt).toBe('2026-06-01T11:30:00.000Z');
    expect(created.expiresAt).toBe('2026-06-01T11:32:00.000Z');
  });

  it.each([
    ['the in-store default', TRAINING_DISPLAY_PROFILE.apiKey, 120_000],
    ['a 20-minute profile', ONLINE.apiKey, 1_200_000],
  ])('expires %s exactly at expireAt, not a millisecond before', async (_label, key, lifetime) => {
    const created = await create(key);
    expect(Date.parse(created.expiresAt) - Date.parse(created.createdAt)).toBe(lifetime);
    await sim.advance(lifetime - 1);
    expect(await statusOf(created.paymentId, key)).toBe('PENDING');
    const advanced = await sim.advance(1);
    expect(advanced.body).toMatchObject({ now: created.expiresAt, expired: [created.paymentId] });
    const expired = await sim.merchant(key).get<GetPaymentView>(`/v3/payments/${created.paymentId}`);
    expect(expired.body).toMatchObject({ status: 'EXPIRED', expireAt: created.expiresAt });
  });

  it('an identified payment expires at expireAt too; the payer can no longer confirm it', async () => {
    const created = await create(TRAINING_DISPLAY_PROFILE.apiKey);
    await sim.scan(created._links.deeplink.href);
    await sim.advance(120_000);
    expect((await sim.confirm(created.paymentId)).status).toBe(422);
    expect(await statusOf(created.paymentId, TRAINING_DISPLAY_PROFILE.apiKey)).toBe('EXPIRED');
  });
});
