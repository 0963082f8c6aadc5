import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpShell, type HttpShell } from '../../electron/core/api/http-server';
import { startTestSimulator, startTestStation, type TestStation } from '../support/station-in-process';

let sim: Awaited<ReturnType<typeof startTestSimulator>>;
let kassa: TestStation;
let shell: HttpShell;

beforeAll(async () => {
  sim = await startTestSimulator();
  kassa = await startTestStation({ simulatorUrl: sim.baseUrl });
  shell = await startHttpShell(kassa.station, { port: 0 });
});
afterAll(async () => {
  await shell.close();
  await kassa.close();
  await sim.close();
});

const post = (path: string, body: string, contentType = 'application/json') =>
  fetch(shell.url + path, { method: 'POST', headers: { 'Content-Type': contentType }, body });

describe('the HTTP shell', () => {
  it('listens on 127.0.0.1 only', async () => {
    // The URL is built from the socket's bound address, so 0.0.0.0 or :: would show here.
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const port = Number(new URL(shell.url).port);
    const outside = Object.values(networkInterfaces())
      .flat()
      .filter((nic) => nic && !nic.internal && nic.family === 'IPv4')
      .map((nic) => nic!.address);
    for (const address of outside) expect(await reachable(address, port), address).toBe(false);
    expect(await reachable('127.0.0.1', port)).toBe(true);
  });

  it('refuses API calls made under another host name, as a DNS-rebinding page would', async () => {
    const answer = await rawPost('/api/till.listSales', '{}', { Host: 'evil.example:80' });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const local = await rawPost('/api/till.listSales', '{}', {
      Host: `localhost:${new URL(shell.url).port}`,
    });
    expect(local.status).toBe(200);
  });

  it('answers JSON that is not an object with INVALID_INPUT', async () => {
    for (const body of ['[1]', '"x"', '42']) {
      const response = await post('/api/till.listSales', body);
      expect(response.status, body).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('answers malformed JSON with MALFORMED_REQUEST and keeps running', async () => {
    const response = await post('/api/till.listSales', '{"limit": 3');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'MALFORMED_REQUEST' } });
    const after = await post('/api/till.listSales', '{}');
    expect(await after.json()).toEqual({ ok: true, value: [] });
  });

  it('answers unknown methods with UNKNOWN_METHOD', async () => {
    const response = await post('/api/till.stealMoney', '{}');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses a body that is not declared as JSON, so other sites cannot post forms to it', async () => {
    const response = await post(
      '/api/till.startPayment',
      '{"amountCents":100,"idempotencyKey":"form-post-1"}',
      'text/plain',
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'MALFORMED_REQUEST' } });
    // A browser sends this without a preflight too: its media type is text/plain.
    const sneaky = await post(
      '/api/till.startPayment',
      '{"amountCents":100,"idempotencyKey":"form-post-2"}',
      'text/plain; x=application/json',
    );
    expect(sneaky.status).toBe(400);
    expect((await sim.control<{ payments: unknown[] }>('/_sim/payments')).body.payments).toHaveLength(0);
  });

  it('rejects invalid input before any handler runs, naming the fields', async () => {
    const response = await post(
      '/api/till.startPayment',
      JSON.stringify({ amountCents: 12.5, idempotencyKey: 'x', extra: 1 }),
    );
    const body = (await response.json()) as { error: { code: string; fields: string[] } };
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.fields).toEqual(expect.arrayContaining(['amountCents', 'idempotencyKey']));
    expect((await sim.control<{ payments: unknown[] }>('/_sim/payments')).body.payments).toHaveLength(0);
  });

  it('streams payment events over SSE', async () => {
    const controller = new AbortController();
    const response = await fetch(`${shell.url}/api/events`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    await post('/api/till.startPayment', JSON.stringify({ amountCents: 4200, idempotencyKey: 'sse-test-1' }));
    let text = '';
    while (!text.includes('"PENDING"')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    const dataLine = text.split('\n').find((line) => line.startsWith('data: ') && line.includes('PENDING'));
    expect(JSON.parse(dataLine!.slice(6))).toMatchObject({
      name: 'payments.changed',
      payload: { sale: { amountCents: 4200 } },
    });
  });

  it('sends a strict content security policy', async () => {
    const response = await post('/api/station.getStatus', '{}');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1_000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/** A POST with headers fetch() would not let a test set, such as Host. */
function rawPost(
  path: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const url = new URL(shell.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}
