import { base64url, compactVerify, createRemoteJWKSet } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_PROFILES,
  startSimulatorServer,
  TRAINING_DISPLAY_PROFILE,
  TRAINING_STICKER_PROFILE,
  type CreatePaymentView,
  type FaultSettings,
  type SimulatorServer,
} from '../../electron/core/simulator';
import { conform, errorResponse } from '../support/bancontact-schemas';
import {
  callbackHeader,
  PAYCONIQ_CRIT,
  startCallbackReceiver,
  verifyCallback,
  type CallbackReceiver,
  type ReceivedCallback,
} from '../support/callback-receiver';
import { simClient, type SimClient } from '../support/sim-client';

const T0 = Date.parse('2026-12-01T08:00:00.000Z');
const PPID = TRAINING_DISPLAY_PROFILE.ppid;
const KEY = TRAINING_DISPLAY_PROFILE.apiKey;

let receiver: CallbackReceiver;
let server: SimulatorServer;
let sim: SimClient;

async function start(seed = 1): Promise<void> {
  server = await startSimulatorServer({
    port: 0,
    now: () => T0,
    seed,
    allowHttpCallbacks: true,
    profiles: [{ ...TRAINING_DISPLAY_PROFILE, callbackUrl: receiver.url() }, ...DEFAULT_PROFILES.slice(1)],
  });
  sim = simClient(server.baseUrl);
}

beforeEach(async () => {
  receiver = await startCallbackReceiver();
  await start();
});
afterEach(async () => {
  await server.close();
  await receiver.close();
});

const setFaults = (faults: FaultSettings, ppid?: string) =>
  sim.control(ppid === undefined ? '/_sim/faults/global' : `/_sim/faults/profiles/${ppid}`, faults, 'PUT');
const allOff = () => sim.control('/_sim/faults', undefined, 'DELETE');
const create = (key = KEY) =>
  sim.merchant(key).post<CreatePaymentView & { code?: string }>('/v3/payments', { amount: 100 });

async function scanAndFlush(): Promise<CreatePaymentView> {
  const created = (await create()).body;
  await sim.scan(created._links.deeplink.href);
  await sim.flush();
  return created;
}

describe('request faults', () => {
  it('latency delays merchant answers until switched off', async () => {
    await setFaults({ latencyMs: 500 });
    let started = Date.now();
    expect((await create()).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(480);
    await setFaults({});
    started = Date.now();
    await create();
    expect(Date.now() - started).toBeLessThan(400);
  });

  it.each([
    ['errorRate', 500, 'TECHNICAL_ERROR'],
    ['unavailableRate', 503, 'TRY_AGAIN_LATER'],
  ] as const)('%s 1 answers %i %s with the error body; 0 stops it', async (fault, status, code) => {
    await setFaults({ [fault]: 1 });
    const failed = await create();
    expect(failed.status).toBe(status);
    expect(conform(errorResponse, failed.body).code).toBe(code);
    expect((await sim.control('/_sim/payments')).status).toBe(200);
    await setFaults({ [fault]: 0 });
    expect((await create()).status).toBe(201);
  });

  it('a token bucket answers 429 once empty, refills with simulator time, and stops when switched off', async () => {
    await setFaults({ rateLimit: { capacity: 2, refillPerSecond: 1 } });
    expect((await create()).status).toBe(201);
    expect((await create()).status).toBe(201);
    const limited = await create();
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    await sim.advance(1_000);
    expect((await create()).status).toBe(201);
    expect((await create()).status).toBe(429);
    await allOff();
    for (let i = 0; i < 5; i++) expect((await create()).status).toBe(201);
  });

  it('a hanging request outlives the client timeout until switched off', async () => {
    await setFaults({ hangRate: 1 });
    const hung = fetch(`${server.baseUrl}/v3/payments/${'0'.repeat(24)}`, {
      headers: { authorization: `Bearer ${KEY}` },
      signal: AbortSignal.timeout(300),
    });
    await expect(hung).rejects.toThrow(/abort|timeout/i);
    await setFaults({ hangRate: 0 });
    expect((await create()).status).toBe(201);
  });

  it('profile settings override global ones; the global ones reach every profile', async () => {
    await setFaults({ errorRate: 1 });
    expect((await create(TRAINING_STICKER_PROFILE.apiKey)).status).toBe(500);
    await setFaults({ errorRate: 0 }, PPID);
    expect((await create()).status).toBe(201);
    expect((await create(TRAINING_STICKER_PROFILE.apiKey)).status).toBe(500);
    const view = await sim.control<{ global: FaultSettings; profiles: Record<string, FaultSettings> }>(
      '/_sim/faults',
    );
    expect(view.body).toMatchObject({ global: { errorRate: 1 }, profiles: { [PPID]: { errorRate: 0 } } });
  });

  it('is deterministic for a seed', async () => {
    const pattern = async (seed: number) => {
      await server.close();
      await start(seed);
      await setFaults({ errorRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 16; i++) statuses.push((await create()).status);
      return statuses.join();
    };
    const first = await pattern(42);
    expect(first).toContain('500');
    expect(first).toContain('201');
    expect(await pattern(42)).toBe(first);
    expect(await pattern(7)).not.toBe(first);
  });
});

describe('callback faults', () => {
  it('drops callbacks while switched on', async () => {
    await setFaults({ callbackDropRate: 1 }, PPID);
    const dropped = await scanAndFlush();
    expect(receiver.received).toHaveLength(0);
    const log = await sim.control<{ callbacks: Array<{ state: string }> }>(
      `/_sim/callbacks?paymentId=${dropped.paymentId}`,
    );
    expect(log.body.callbacks.map((d) => d.state)).toEqual(['dropped']);
    await setFaults({}, PPID);
    await scanAndFlush();
    expect(receiver.received).toHaveLength(1);
  });

  it('duplicates callbacks byte for byte while switched on', async () => {
    await setFaults({ callbackDuplicateRate: 1 });
    await scanAndFlush();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.rawBody).toBe(receiver.received[0]!.rawBody);
    expect(receiver.received[1]!.signature).toBe(receiver.received[0]!.signature);
    await setFaults({});
    await scanAndFlush();
    expect(receiver.received).toHaveLength(3);
  });

  it('sends a duplicated callback up to callbackDuplicateMaxCopies extra times, all identical', async () => {
    await setFaults({ callbackDuplicateRate: 1, callbackDuplicateMaxCopies: 3 });
    const copies: number[] = [];
    for (let i = 0; i < 12; i++) {
      const before = receiver.received.length;
      await scanAndFlush();
      const batch = receiver.received.slice(before);
      expect(new Set(batch.map((r) => r.signature)).size).toBe(1);
      copies.push(batch.length - 1);
    }
    expect(Math.min(...copies)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...copies)).toBe(3);
  });

  it('reorders the callbacks due together while switched on', async () => {
    const statusesAfterConfirm = async () => {
      const created = await scanAndFlush();
      await sim.confirm(created.paymentId);
      await sim.flush();
      return receiver.received
        .filter((r) => r.body.paymentId === created.paymentId)
        .map((r) => r.body.status);
    };
    await setFaults({ callbackReorderRate: 1 });
    expect(await statusesAfterConfirm()).toEqual(['IDENTIFIED', 'SUCCEEDED', 'AUTHORIZED']);
    await setFaults({ callbackReorderRate: 0 });
    expect(await statusesAfterConfirm()).toEqual(['IDENTIFIED', 'AUTHORIZED', 'SUCCEEDED']);
  });

  it('sends signatures that do not verify while switched on', async () => {
    await setFaults({ callbackBadSignatureRate: 1 });
    await scanAndFlush();
    await expect(verifyCallback(receiver.received[0]!, server.jwksUrl, PPID)).rejects.toThrow();
    await setFaults({});
    await scanAndFlush();
    await verifyCallback(receiver.received[1]!, server.jwksUrl, PPID);
  });

  it('sends DER-encoded signatures while switched on', async () => {
    await setFaults({ callbackDerSignatureRate: 1 });
    await scanAndFlush();
    const der = receiver.received[0]!;
    const bytes = base64url.decode(der.signature.split('.')[2]!);
    expect(bytes[0]).toBe(0x30);
    await expect(verifyCallback(der, server.jwksUrl, PPID)).rejects.toThrow();
    // Converted back to raw r‖s, as optios' workaround does, it verifies: it is a real DER signature.
    await verifyRaw(der, derToRaw(bytes));
    await setFaults({});
    await scanAndFlush();
    expect(base64url.decode(receiver.received[1]!.signature.split('.')[2]!)).toHaveLength(64);
  });

  it.each([6, 9] as const)('writes iat with %i fraction digits while switched on', async (digits) => {
    await setFaults({ callbackIatFractionDigits: digits });
    await scanAndFlush();
    const iat = callbackHeader(receiver.received[0]!)['https://payconiq.com/iat'];
    expect(iat).toBe(`2026-12-01T08:00:00.000${'0'.repeat(digits - 3)}Z`);
    await verifyCallback(receiver.received[0]!, server.jwksUrl, PPID);
    await setFaults({ callbackIatFractionDigits: 3 });
    await scanAndFlush();
    expect(callbackHeader(receiver.received[1]!)['https://payconiq.com/iat']).toBe(
      '2026-12-01T08:00:00.000Z',
    );
  });
});

function derToRaw(der: Uint8Array): Uint8Array {
  const rLength = der[3]!;
  const r = der.subarray(4, 4 + rLength);
  const s = der.subarray(6 + rLength);
  const fixed = (n: Uint8Array) => {
    const out = new Uint8Array(32);
    const trimmed = n.subarray(Math.max(0, n.length - 32));
    out.set(trimmed, 32 - trimmed.length);
    return out;
  };
  return Uint8Array.from([...fixed(r), ...fixed(s)]);
}

async function verifyRaw(callback: ReceivedCallback, raw: Uint8Array): Promise<void> {
  const head = callback.signature.split('.')[0]!;
  const token = `${head}.${base64url.encode(callback.rawBody)}.${base64url.encode(raw)}`;
  await compactVerify(token, createRemoteJWKSet(new URL(server.jwksUrl)), { crit: PAYCONIQ_CRIT });
}
