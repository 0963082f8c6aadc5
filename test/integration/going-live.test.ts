import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRAINING_DISPLAY_PROFILE, TRAINING_STICKER_PROFILE } from '../../electron/core/simulator';
import { startFaultyProxy } from '../support/faulty-proxy';
import { signInAs } from '../support/sign-in';
import { writeStationSecret } from '../support/station-secrets';
import {
  localCaller,
  startTestSimulator,
  startTestStation,
  type TestStation,
} from '../support/station-in-process';

const KEY = TRAINING_DISPLAY_PROFILE.apiKey;
const PPID = TRAINING_DISPLAY_PROFILE.ppid;
const MINUTE = 60_000;

let training: Awaited<ReturnType<typeof startTestSimulator>>;
let bancontact: Awaited<ReturnType<typeof startTestSimulator>>;
let proxy: Awaited<ReturnType<typeof startFaultyProxy>>;
let counter: RequestCounter;
let kassa: TestStation;
/** Added to the real time: the station's clock, moved by the tests. */
let clockOffset = 0;

/** Stands in front of the preprod simulator on real HTTP and counts what reaches it. */
interface RequestCounter {
  url: string;
  count: number;
  close(): Promise<void>;
}

async function startRequestCounter(target: string): Promise<RequestCounter> {
  const counter = { url: '', count: 0, close: async () => {} };
  const server: Server = createServer((req, res) => {
    counter.count += 1;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      void fetch(target + (req.url ?? '/'), {
        method: req.method,
        headers: { authorization: req.headers.authorization ?? '', 'content-type': 'application/json' },
        body,
      }).then(async (answer) => {
        res.writeHead(answer.status, { 'Content-Type': 'application/json' });
        res.end(await answer.text());
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  counter.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  counter.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return counter;
}

beforeEach(async () => {
  clockOffset = 0;
  training = await startTestSimulator();
  bancontact = await startTestSimulator();
  counter = await startRequestCounter(bancontact.baseUrl);
  proxy = await startFaultyProxy(counter.url);
  kassa = await startTestStation({
    simulatorUrl: training.baseUrl,
    environmentUrls: { preprod: proxy.url, production: counter.url },
    now: () => Date.now() + clockOffset,
    requestTimeoutMs: 2_000,
  });
});
afterEach(async () => {
  await kassa.close();
  await proxy.close();
  await counter.close();
  await training.close();
  await bancontact.close();
});

const preprod = { environment: 'preprod', ppid: PPID, apiKey: KEY } as const;
const mode = async () => (await kassa.must('settings.get', {})).mode;

describe('going live', () => {
  it('needs a real administrator signed in: not the training administrator, not a manager', async () => {
    await kassa.must('settings.testConnection', preprod);
    const training = await kassa.station.dispatch('settings.goLive', preprod, localCaller);
    expect(training).toMatchObject({ ok: false, error: { code: 'ADMINISTRATOR_REQUIRED' } });
    const manager = await signInAs(kassa.station, 'manager');
    expect(await manager.call('settings.goLive', preprod)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await mode()).toBe('training');
    const administrator = await signInAs(kassa.station, 'administrator');
    expect(await administrator.must('settings.goLive', preprod)).toMatchObject({ mode: 'live' });
  });

  it('is refused when no connection test was made', async () => {
    expect(await kassa.call('settings.goLive', preprod)).toMatchObject({
      ok: false,
      error: { code: 'CONNECTION_NOT_TESTED' },
    });
    expect(await kassa.must('settings.get', {})).toMatchObject({ mode: 'training', hasCredentials: false });
  });

  it('is refused after a failed test: network down, Bancontact unavailable, or a refused key', async () => {
    proxy.set({ kind: 'drop' });
    expect(await kassa.call('settings.testConnection', preprod)).toMatchObject({
      ok: false,
      error: { code: 'NETWORK_DOWN' },
    });
    expect(await kassa.call('settings.goLive', preprod)).toMatchObject({
      error: { code: 'CONNECTION_NOT_TESTED' },
    });
    proxy.set({ kind: 'status', status: 503, code: 'TRY_AGAIN_LATER' });
    expect(await kassa.call('settings.testConnection', preprod)).toMatchObject({
      error: { code: 'BANCONTACT_UNAVAILABLE' },
    });
    expect(await kassa.call('settings.goLive', preprod)).toMatchObject({
      error: { code: 'CONNECTION_NOT_TESTED' },
    });
    proxy.set({ kind: 'pass' });
    const refusedKey = { ...preprod, apiKey: 'not-the-right-key-123' };
    expect(await kassa.call('settings.testConnection', refusedKey)).toMatchObject({
      error: { code: 'BANCONTACT_UNAUTHORIZED' },
    });
    expect(await kassa.call('settings.goLive', refusedKey)).toMatchObject({
      error: { code: 'CONNECTION_NOT_TESTED' },
    });
    expect(await mode()).toBe('training');
  });

  it('is refused when a passed test was followed by a failed one', async () => {
    await kassa.must('settings.testConnection', preprod);
    proxy.set({ kind: 'drop' });
    expect(await kassa.call('settings.testConnection', preprod)).toMatchObject({
      error: { code: 'NETWORK_DOWN' },
    });
    proxy.set({ kind: 'pass' });
    expect(await kassa.call('settings.goLive', preprod)).toMatchObject({
      error: { code: 'CONNECTION_NOT_TESTED' },
    });
    expect(await mode()).toBe('training');
  });

  it('is refused when the passed test is older than 10 minutes', async () => {
    await kassa.must('settings.testConnection', preprod);
    clockOffset = 10 * MINUTE + 1_000;
    expect(await kassa.call('settings.goLive', preprod)).toMatchObject({
      error: { code: 'CONNECTION_NOT_TESTED' },
    });
    expect(await mode()).toBe('training');
    // A fresh test counts again.
    await kassa.must('settings.testConnection', preprod);
    expect(await kassa.must('settings.goLive', preprod)).toMatchObject({ mode: 'live' });
  });

  it('is refused when the test passed for another environment, PPID or key', async () => {
    await kassa.must('settings.testConnection', preprod);
    const sticker = { ppid: TRAINING_STICKER_PROFILE.ppid, apiKey: TRAINING_STICKER_PROFILE.apiKey };
    await kassa.must('settings.testConnection', { environment: 'preprod', ...sticker });
    for (const other of [
      { ...preprod, environment: 'production' },
      { ...preprod, ppid: TRAINING_STICKER_PROFILE.ppid },
      { ...preprod, apiKey: TRAINING_STICKER_PROFILE.apiKey },
    ]) {
      expect(await kassa.call('settings.goLive', other), JSON.stringify(other.ppid)).toMatchObject({
        error: { code: 'CONNECTION_NOT_TESTED' },
      });
    }
    expect(await mode()).toBe('training');
  });

  it('switches to live after a passed test of the same credentials, and sales reach that environment', async () => {
    clockOffset = 3 * MINUTE;
    await kassa.must('settings.testConnection', preprod);
    clockOffset = 12 * MINUTE;
    const view = await kassa.must('settings.goLive', preprod);
    expect(view).toMatchObject({
      mode: 'live',
      environment: 'preprod',
      ppid: PPID,
      apiKeyLast4: KEY.slice(-4),
    });
    const sale = await kassa.must('till.startPayment', { amountCents: 250, idempotencyKey: 'live-sale-001' });
    expect(sale.status).toBe('open');
    expect((await bancontact.control<{ payments: unknown[] }>('/_sim/payments')).body.payments).toHaveLength(
      1,
    );
    await kassa.must('till.cancelPayment', { saleId: sale.id });
  });

  it.each([20, 64])(
    'takes an API key of %i characters: Kassa does not check the length Bancontact happens to use',
    async (length) => {
      const apiKey = `k${'x7'.repeat(length)}`.slice(0, length);
      const other = await startTestSimulator({ profiles: [{ ...TRAINING_DISPLAY_PROFILE, apiKey }] });
      try {
        await kassa.close();
        kassa = await startTestStation({
          simulatorUrl: training.baseUrl,
          environmentUrls: { preprod: other.baseUrl, production: counter.url },
        });
        const credentials = { environment: 'preprod', ppid: PPID, apiKey } as const;
        expect(await kassa.must('settings.testConnection', credentials)).toMatchObject({ ok: true });
        const view = await kassa.must('settings.goLive', credentials);
        expect(view).toMatchObject({ mode: 'live', apiKeyLast4: apiKey.slice(-4) });
        const sale = await kassa.must('till.startPayment', {
          amountCents: 250,
          idempotencyKey: `key-length-${length}`,
        });
        expect(sale.status).toBe('open');
        await kassa.must('till.cancelPayment', { saleId: sale.id });
      } finally {
        await other.close();
      }
    },
  );

  it('refuses a key that is not a valid header value as malformed, before any request', async () => {
    const damaged = [
      KEY.slice(0, 8) + '\u2013' + KEY.slice(9), // an en dash where the portal showed "-"
      `${KEY}\n`,
      `${KEY.slice(0, 10)} ${KEY.slice(10)}`,
      `${KEY.slice(0, 10)}\r\nX-Injected: 1`,
    ];
    for (const apiKey of damaged) {
      for (const environment of ['preprod', 'production'] as const) {
        const input = { environment, ppid: PPID, apiKey };
        expect(await kassa.call('settings.testConnection', input)).toMatchObject({
          ok: false,
          error: { code: 'MALFORMED_API_KEY' },
        });
        expect(await kassa.call('settings.goLive', input)).toMatchObject({
          ok: false,
          error: { code: 'MALFORMED_API_KEY' },
        });
      }
      expect(
        await kassa.call('settings.addTopupProfile', { ppid: 'TOPUP9', amountMode: 'open', apiKey }),
      ).toMatchObject({
        ok: false,
        error: { code: 'MALFORMED_API_KEY' },
      });
    }
    expect(counter.count).toBe(0);
    expect(await kassa.must('settings.get', {})).toMatchObject({ mode: 'training', hasCredentials: false });
    expect(JSON.stringify(kassa.events)).not.toContain(KEY.slice(0, 8));
    // The same key, well formed, does reach Bancontact.
    await kassa.must('settings.testConnection', preprod);
    expect(counter.count).toBe(1);
  });

  it('answers a sale made with a malformed key already stored as MALFORMED_API_KEY, not NETWORK_DOWN', async () => {
    await kassa.must('settings.testConnection', { ...preprod, environment: 'production' });
    await kassa.must('settings.goLive', { ...preprod, environment: 'production' });
    // An older Kassa took keys as typed: this one holds an en dash where the portal showed "-".
    writeStationSecret(kassa.dataDir, 'bancontact.apiKey', `${KEY.slice(0, 8)}\u2013${KEY.slice(9)}`);
    await kassa.restart();
    const before = counter.count;
    const sale = await kassa.must('till.startPayment', { amountCents: 300, idempotencyKey: 'dash-key-sale' });
    expect(sale.payment?.problem?.code).toBe('MALFORMED_API_KEY');
    expect(counter.count).toBe(before);
  });
});
