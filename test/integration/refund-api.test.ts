import { base64url, compactVerify, createLocalJWKSet, type JWK } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RefundSigningKeyView } from '../../shared/contract';
import { startCallbackListener, type CallbackListener } from '../../electron/core/api/callback-listener';
import { createBancontactClient } from '../../electron/core/bancontact/client';
import { CRIT_OPTION } from '../../electron/core/bancontact/callback-claims';
import { createJwksCache } from '../../electron/core/bancontact/jwks-cache';
import { createMerchantKeys, type MerchantKeys } from '../../electron/core/bancontact/merchant-keys';
import { RateLimiter } from '../../electron/core/bancontact/rate-limiter';
import { createRefundClient, type BancontactRefund } from '../../electron/core/bancontact/refund-client';
import { toRefundFailure } from '../../electron/core/bancontact/refund-errors';
import { createRequestSigner } from '../../electron/core/bancontact/refund-signer';
import { createRefundFollower } from '../../electron/core/refunds/refund-follower';
import { silentLogger } from '../../electron/core/logging/logger';
import { TRAINING_DISPLAY_PROFILE, type CreatePaymentView } from '../../electron/core/simulator';
import { expectNoSecret } from '../support/no-secret';
import { filesHolding, memorySecrets, privatePart, stationMerchantKeys } from '../support/refund-api';
import { sealedSecretStore } from '../support/sealed-secret-store';
import { simClient, type SimClient } from '../support/sim-client';
import { startTestSimulator, startTestStation, type TestStation } from '../support/station-in-process';
import { tempDir, waitFor } from '../support/temp';

const PPID = TRAINING_DISPLAY_PROFILE.ppid;
const API_KEY = TRAINING_DISPLAY_PROFILE.apiKey;

let bancontact: Awaited<ReturnType<typeof startTestSimulator>>;
let sim: SimClient;
let folder: ReturnType<typeof tempDir>;
let sealed: ReturnType<typeof sealedSecretStore>;
let kassa: TestStation;
let listener: CallbackListener;

beforeEach(async () => {
  bancontact = await startTestSimulator();
  sim = simClient(bancontact.baseUrl);
  // Refunds end within a fraction of a second, so following one takes a few polls.
  await sim.control('/_sim/settings', { refundProcessingMs: 300 }, 'PATCH');
  folder = tempDir();
  sealed = sealedSecretStore(folder.dir);
  kassa = await startTestStation({ dataDir: folder.dir, simulatorUrl: bancontact.baseUrl, secrets: sealed });
  listener = await startCallbackListener(kassa.station, { port: 0 });
});
afterEach(async () => {
  await listener.close();
  await kassa.close();
  await bancontact.close();
  folder.remove();
});

/** The station's key, read where the station keeps it (it writes through to a site asynchronously). */
async function stationKeys(): Promise<MerchantKeys> {
  const onSite = kassa.database !== null;
  return waitFor(() => {
    try {
      return stationMerchantKeys(folder.dir, onSite, sealed, PPID);
    } catch {
      return undefined;
    }
  });
}

async function fetchJwks(key: RefundSigningKeyView, query = ''): Promise<Response> {
  return fetch(`${listener.url}${key.jwksPath}${query}`);
}

/** As a merchant does at onboarding: downloads the JWKS file and hands it to Bancontact. */
async function handOver(key: RefundSigningKeyView): Promise<{ keys: JWK[] }> {
  const jwks = (await (await fetchJwks(key, '?download')).json()) as { keys: JWK[] };
  const put = await sim.control(`/_sim/profiles/${PPID}/merchant-jwks`, jwks, 'PUT');
  expect(put.status).toBe(200);
  return jwks;
}

async function paidPayment(amount = 1250): Promise<string> {
  const created = (await sim.merchant(API_KEY).post<CreatePaymentView>('/v3/payments', { amount })).body;
  await sim.scan(created._links.deeplink.href);
  await sim.confirm(created.paymentId);
  return created.paymentId;
}

function refundClient(keys: MerchantKeys, limiter?: RateLimiter) {
  return createRefundClient({
    baseUrl: bancontact.baseUrl,
    ppid: PPID,
    signer: createRequestSigner({ ppid: PPID, keys }),
    bankJwks: createJwksCache({ jwksUrl: bancontact.jwksUrl }),
    ...(limiter && { limiter }),
  });
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the call should have been refused').toBeDefined();
  return toRefundFailure(error);
}

describe('refunds through the Refund API, signed with the station key', () => {
  it('follows a partial refund of a paid payment to REFUNDED through the profile rate budget', async () => {
    await handOver(await kassa.must('settings.getRefundSigningKey', {}));
    const paymentId = await paidPayment(1250);
    const limiter = new RateLimiter(5);
    const client = refundClient(await stationKeys(), limiter);
    const created = await client.createRefund(paymentId, { amountCents: 500, description: 'Cup' }, 'key-1');
    expect(created).toMatchObject({ paymentId, status: 'PENDING', amountCents: 500, description: 'Cup' });

    const ended: BancontactRefund[] = [];
    const follower = createRefundFollower({
      client,
      logger: silentLogger,
      store: { unfinished: async () => [created], finished: async (refund) => void ended.push(refund) },
      intervalMs: 50,
      maxIntervalMs: 200,
    });
    await follower.resume();
    await waitFor(() => ended.length === 1, 5_000, 'the refund to end');
    await follower.stop();
    expect(ended[0]).toMatchObject({ refundId: created.refundId, status: 'REFUNDED', amountCents: 500 });
    expect(follower.following).toBe(0);
    expect(limiter.granted).toBeGreaterThanOrEqual(3);
  });

  it('keeps following through 503s and a store that failed once, to FAILED', async () => {
    await handOver(await kassa.must('settings.getRefundSigningKey', {}));
    const paymentId = await paidPayment();
    const limiter = new RateLimiter(5);
    const client = refundClient(await stationKeys(), limiter);
    // This one waits for the settle below, however long the 503s last.
    await sim.control('/_sim/settings', { refundProcessingMs: 3_600_000 }, 'PATCH');
    const created = await client.createRefund(paymentId, { amountCents: 300 }, 'key-2');
    await sim.control(`/_sim/faults/profiles/${PPID}`, { unavailableRate: 1 }, 'PUT');
    let refusals = 1;
    const ended: BancontactRefund[] = [];
    const store = {
      unfinished: async () => [],
      finished: async (refund: BancontactRefund) => {
        if (refusals-- > 0) throw new Error('the books are away for a moment');
        ended.push(refund);
      },
    };
    const follower = createRefundFollower({
      client,
      logger: silentLogger,
      store,
      intervalMs: 30,
      maxIntervalMs: 60,
    });
    follower.follow(created);
    follower.follow(created);
    await waitFor(() => limiter.granted >= 4, 5_000, 'answers refused with 503');
    expect(follower.following).toBe(1);
    await sim.control('/_sim/faults', undefined, 'DELETE');
    expect((await sim.control(`/_sim/refunds/${created.refundId}/settle`, { status: 'FAILED' })).status).toBe(
      200,
    );
    await waitFor(() => ended.length === 1, 5_000, 'the refund to end');
    await follower.stop();
    expect(ended).toMatchObject([{ refundId: created.refundId, status: 'FAILED' }]);
  });

  it('reports a request signed with another key as refused by Bancontact', async () => {
    await handOver(await kassa.must('settings.getRefundSigningKey', {}));
    const paymentId = await paidPayment();
    const stranger = createMerchantKeys(memorySecrets());
    const failure = await refusal(refundClient(stranger).createRefund(paymentId, { amountCents: 100 }, 'k'));
    expect(failure.code).toBe('REFUND_SIGNATURE_REFUSED');
    expect(failure.extra.apiCode).toBe('UNAUTHORIZED');
  });

  it('answers REFUND_BY_IBAN where the Refund API is not enabled, and the payer IBAN is there', async () => {
    await handOver(await kassa.must('settings.getRefundSigningKey', {}));
    await sim.control(`/_sim/profiles/${PPID}/refund-api`, { enabled: false }, 'PUT');
    const paymentId = await paidPayment();
    const failure = await refusal(
      refundClient(await stationKeys()).createRefund(paymentId, { amountCents: 100 }, 'k'),
    );
    expect(failure.code).toBe('REFUND_BY_IBAN');
    const payments = createBancontactClient({ baseUrl: bancontact.baseUrl, apiKey: API_KEY });
    expect((await payments.getRefundIban(paymentId)).iban).toMatch(/^[A-Z]{2}\d{2}/);
  });

  it('makes one refund of one Idempotency-Key, and names amount and key conflicts', async () => {
    await handOver(await kassa.must('settings.getRefundSigningKey', {}));
    const paymentId = await paidPayment(1000);
    const client = refundClient(await stationKeys());
    const first = await client.createRefund(paymentId, { amountCents: 600 }, 'same-key');
    const again = await client.createRefund(paymentId, { amountCents: 600 }, 'same-key');
    expect(again.refundId).toBe(first.refundId);
    // Only 600 of the 1000 were taken: 400 are left, and not a cent more.
    const tooMuch = await refusal(client.createRefund(paymentId, { amountCents: 401 }, 'other-key'));
    expect(tooMuch.code).toBe('REFUND_AMOUNT_TOO_HIGH');
    expect((await client.createRefund(paymentId, { amountCents: 400 }, 'third-key')).status).toBe('PENDING');
    const conflict = await refusal(client.createRefund(paymentId, { amountCents: 5 }, 'same-key'));
    expect(conflict.code).toBe('REFUND_REQUEST_CONFLICT');
  });
});

describe('the merchant JWKS', () => {
  it('verifies a signature the station made, and holds no private part', async () => {
    const key = await kassa.must('settings.getRefundSigningKey', {});
    expect(key).toMatchObject({
      ppid: PPID,
      jwksPath: `/.well-known/kassa/jwks/${PPID}.json`,
      jwksUrl: null,
    });
    const served = await fetchJwks(key);
    expect(served.status).toBe(200);
    const jwks = (await served.json()) as { keys: JWK[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual([key.kid]);
    expect(jwks.keys.every((k) => !('d' in k))).toBe(true);

    const body = '{"amount":100,"currency":"EUR"}';
    const path = `/v3/payments/${'a'.repeat(24)}/refunds`;
    const signature = await createRequestSigner({ ppid: PPID, keys: await stationKeys() }).sign(body, path);
    const [head, , sig] = signature.split('.');
    const verified = await compactVerify(
      `${head}.${base64url.encode(body)}.${sig}`,
      createLocalJWKSet(jwks),
      {
        crit: CRIT_OPTION,
      },
    );
    expect(verified.protectedHeader).toMatchObject({ kid: key.kid, typ: 'jose+json', alg: 'ES256' });
    expect((await fetch(`${listener.url}/.well-known/kassa/jwks/${'f'.repeat(24)}.json`)).status).toBe(404);
  });

  it('gives the URL to hand over once a public URL is set, and offers the file as a download', async () => {
    await kassa.must('settings.setPublicUrl', { publicUrl: 'https://kassa.example.be/' });
    const key = await kassa.must('settings.getRefundSigningKey', {});
    expect(key.jwksUrl).toBe(`https://kassa.example.be/.well-known/kassa/jwks/${PPID}.json`);
    const download = await fetchJwks(key, '?download');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="kassa-jwks-${PPID}.json"`,
    );
    expect(download.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps the old key published after a rotation; refunds need the new JWKS handed over', async () => {
    const before = await kassa.must('settings.getRefundSigningKey', {});
    await handOver(before);
    const paymentId = await paidPayment();
    const rotated = await kassa.must('settings.rotateRefundSigningKey', { confirm: true });
    expect(rotated.kid).not.toBe(before.kid);
    expect(rotated.retiredKids).toEqual([before.kid]);
    const client = refundClient(
      await waitFor(async () => {
        const keys = await stationKeys();
        return (await keys.signingKey(PPID)).kid === rotated.kid && keys;
      }),
    );
    const refused = await refusal(client.createRefund(paymentId, { amountCents: 100 }, 'after-rotation'));
    expect(refused.code).toBe('REFUND_SIGNATURE_REFUSED');
    const jwks = await handOver(rotated);
    expect(jwks.keys.map((k) => k.kid)).toEqual([rotated.kid, before.kid]);
    expect((await client.createRefund(paymentId, { amountCents: 100 }, 'after-hand-over')).status).toBe(
      'PENDING',
    );
  });

  it('never shows the private key in an answer, and never writes it in clear to the data folder', async () => {
    const answers: unknown[] = [await kassa.call('settings.getRefundSigningKey', {})];
    answers.push(await kassa.call('settings.rotateRefundSigningKey', { confirm: true }));
    answers.push(await kassa.call('settings.getRefundSigningKey', {}));
    const key = await kassa.must('settings.getRefundSigningKey', {});
    answers.push(await (await fetchJwks(key)).text());
    await stationKeys();
    const d = privatePart(folder.dir, kassa.database !== null, sealed, PPID);
    for (const answer of answers) expectNoSecret(answer, d);
    expect(filesHolding(folder.dir, d)).toEqual([]);
  });
});
