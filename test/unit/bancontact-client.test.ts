import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBancontactClient, type BancontactClient } from '../../electron/core/bancontact/client';
import { toContractFailure } from '../../electron/core/bancontact/contract-errors';
import { ENVIRONMENT_URLS, PAYLOAD_HOST } from '../../electron/core/bancontact/environments';
import { BancontactError } from '../../electron/core/bancontact/errors';

const KEY = 'test-api-key-0123456789';
const ID = '0123456789abcdef01234567';

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
}

type Reply = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let reply: Reply;
const seen: Seen[] = [];

beforeEach(async () => {
  seen.length = 0;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { authorization, 'content-type': contentType } = req.headers;
      seen.push({ method: req.method ?? '', url: req.url ?? '', authorization, contentType, body });
      reply(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const client = (timeoutMs = 2_000): BancontactClient =>
  createBancontactClient({ baseUrl: `${baseUrl}/`, apiKey: KEY, timeoutMs });
const json =
  (status: number, body: unknown): Reply =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
const errorBody = (code: string) => ({
  code,
  message: `${code} said the API`,
  traceId: 'trace-123',
  spanId: 'span-9',
});
const created = {
  paymentId: ID,
  status: 'PENDING',
  createdAt: '2026-01-01T10:00:00.000Z',
  expiresAt: '2026-01-01T10:02:00.000Z',
  amount: 1250,
  currency: 'EUR',
  _links: {
    self: { href: `${ENVIRONMENT_URLS.production}/v3/payments/${ID}` },
    deeplink: { href: `${PAYLOAD_HOST}/pay/2/${ID}` },
    qrcode: { href: 'https://qrcode.example/x' },
  },
};

async function failure(call: Promise<unknown>): Promise<BancontactError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BancontactError);
  return error as BancontactError;
}

describe('the Bancontact client', () => {
  it('knows the two real environments and the payload host', () => {
    expect(ENVIRONMENT_URLS).toEqual({
      production: 'https://merchant.api.bancontact.net',
      preprod: 'https://merchant.api.preprod.bancontact.net',
    });
    expect(PAYLOAD_HOST).toBe('https://pay.bancontact.net');
  });

  it('creates, gets and cancels with a Bearer key on the V3 paths', async () => {
    reply = json(201, created);
    const answer = await client().createPayment({ amount: 1250, currency: 'EUR', reference: 'local-1' });
    expect(answer).toMatchObject({
      paymentId: ID,
      status: 'PENDING',
      _links: { deeplink: { href: `${PAYLOAD_HOST}/pay/2/${ID}` } },
    });
    reply = json(200, {
      paymentId: ID,
      status: 'IDENTIFIED',
      createdAt: created.createdAt,
      amount: 1250,
      currency: 'EUR',
    });
    expect(await client().getPayment(ID)).toMatchObject({ status: 'IDENTIFIED' });
    reply = (_req, res) => res.writeHead(204).end();
    await client().cancelPayment(ID);
    expect(seen.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'POST /v3/payments',
      `GET /v3/payments/${ID}`,
      `DELETE /v3/payments/${ID}`,
    ]);
    expect(seen.every((s) => s.authorization === `Bearer ${KEY}`)).toBe(true);
    expect(seen[0]).toMatchObject({ contentType: 'application/json' });
    expect(JSON.parse(seen[0]!.body)).toEqual({ amount: 1250, currency: 'EUR', reference: 'local-1' });
  });

  it.each([
    [401, 'UNAUTHORIZED', 'BANCONTACT_UNAUTHORIZED'],
    [403, 'ACCESS_DENIED', 'BANCONTACT_UNAUTHORIZED'],
    [400, 'INVALID_REQUEST', 'BANCONTACT_REJECTED'],
    [500, 'TECHNICAL_ERROR', 'BANCONTACT_UNAVAILABLE'],
    [503, 'TRY_AGAIN_LATER', 'BANCONTACT_UNAVAILABLE'],
  ] as const)(
    'types an HTTP %i answer with the API code, message and trace id',
    async (status, code, contract) => {
      reply = json(status, errorBody(code));
      const error = await failure(client().createPayment({ amount: 1, currency: 'EUR' }));
      expect(error).toMatchObject({ kind: 'api', status, code, traceId: 'trace-123', spanId: 'span-9' });
      expect(error.message).toContain(`${code} said the API`);
      expect(error.message).toContain('trace-123');
      expect(toContractFailure(error).toError()).toMatchObject({
        code: contract,
        apiCode: code,
        traceId: 'trace-123',
      });
    },
  );

  it('still classifies an error answer that is not JSON, by its status', async () => {
    reply = (_req, res) => res.writeHead(502, { 'Content-Type': 'text/html' }).end('<h1>Bad gateway</h1>');
    const error = await failure(client().getPayment(ID));
    expect(error).toMatchObject({ kind: 'api', status: 502, code: null, traceId: null });
    expect(toContractFailure(error).code).toBe('BANCONTACT_UNAVAILABLE');
  });

  it('gives up on a call that gets no answer in time', async () => {
    reply = () => undefined;
    const started = Date.now();
    const error = await failure(client(150).getPayment(ID));
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(toContractFailure(error).code).toBe('BANCONTACT_TIMEOUT');
  });

  it('gives up on an answer whose body stalls halfway', async () => {
    reply = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' });
      res.write('{"paymentId":');
    };
    expect((await failure(client(150).getPayment(ID))).kind).toBe('timeout');
  });

  it('reports a network that is down', async () => {
    const port = (server.address() as AddressInfo).port;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const offline = createBancontactClient({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: KEY,
      timeoutMs: 1_000,
    });
    const error = await failure(offline.getPayment(ID));
    expect(error.kind).toBe('network');
    expect(toContractFailure(error).code).toBe('NETWORK_DOWN');
    server.listen(0, '127.0.0.1');
  });

  it('refuses an answer that does not look like Bancontact', async () => {
    reply = json(201, { ...created, paymentId: 'short' });
    expect((await failure(client().createPayment({ amount: 1, currency: 'EUR' }))).kind).toBe('protocol');
    reply = (_req, res) => res.writeHead(200).end('not json');
    expect((await failure(client().getPayment(ID))).kind).toBe('protocol');
  });
});

describe('a key that is no valid header value', () => {
  it('is refused as malformed before any request, never as a network failure', async () => {
    reply = json(200, {});
    for (const apiKey of [`${KEY.slice(0, 4)}\u2013${KEY.slice(5)}`, `${KEY}\n`, `${KEY} `]) {
      const damaged = createBancontactClient({ baseUrl, apiKey, timeoutMs: 2_000 });
      const error = await damaged.getPayment(ID).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BancontactError);
      expect(error).toMatchObject({ kind: 'malformed_key', isTransient: false });
      expect(toContractFailure(error)).toMatchObject({ code: 'MALFORMED_API_KEY' });
      expect((error as Error).message).not.toContain(KEY.slice(5));
    }
    expect(seen).toHaveLength(0);
  });
});
