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
  it('listens on 127.0.0.1 only', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
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
