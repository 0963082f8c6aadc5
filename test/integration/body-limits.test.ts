import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_INPUT_BYTES, MAX_CALLBACK_BYTES, maxInputBytesOf } from '../../shared/contract';
import { rawExchange, type RawAnswer } from '../support/raw-http';
import { localCaller } from '../support/station-in-process';
import { spawnStation } from '../support/station-process';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { tempDir } from '../support/temp';

/**
 * Oversized bodies on /api and /callbacks, over a real socket: refused with 413 and the contract's
 * error shape, before the body is read whole, whether its length is declared or it comes in chunks.
 */

const MiB = 1024 * 1024;
let kassa: StationWithShell;
let callbackPath: string;

beforeAll(async () => {
  kassa = await startStationWithShell();
  callbackPath = new URL((await kassa.must('settings.get', {})).callbackUrl!).pathname;
});
afterAll(() => kassa.close());

/** `json` followed by spaces up to exactly `bytes` bytes: still the same JSON value. */
function paddedTo(json: string, bytes: number): string {
  return json + ' '.repeat(bytes - Buffer.byteLength(json));
}

function post(path: string, body: string): Promise<Response> {
  return fetch(kassa.shell.url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
}

function expectTooLarge(answer: { status: number; body: unknown }): void {
  expect(answer.status).toBe(413);
  expect(answer.body).toEqual({
    ok: false,
    error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) },
  });
}

async function answerOf(response: Response): Promise<{ status: number; body: unknown }> {
  return { status: response.status, body: await response.json() };
}

function parsed(answer: RawAnswer): { status: number; body: unknown } {
  return { status: answer.status, body: JSON.parse(answer.body) };
}

const endless = (chunked: boolean) => ({
  chunk: Buffer.alloc(64 * 1024, 0x20),
  maxBytes: 256 * MiB,
  chunked,
});

describe('POST /api/<method>', () => {
  it('answers a body of exactly the limit, and refuses one byte more with 413', async () => {
    const json = JSON.stringify({ limit: 5 });
    const atLimit = await answerOf(
      await post('/api/till.listSales', paddedTo(json, DEFAULT_MAX_INPUT_BYTES)),
    );
    expect(atLimit).toEqual({ status: 200, body: { ok: true, value: [] } });
    const over = await post('/api/till.listSales', paddedTo(json, DEFAULT_MAX_INPUT_BYTES + 1));
    expectTooLarge(await answerOf(over));
  });

  it('gives a method that takes an upload its own, larger limit', async () => {
    const limit = maxInputBytesOf('topup.createBatch');
    expect(limit).toBeGreaterThan(300 * 1024);
    const json = JSON.stringify({ count: 0 });
    // Four times the default reaches the method, which judges the input itself.
    const bigger = await answerOf(
      await post('/api/topup.createBatch', paddedTo(json, 4 * DEFAULT_MAX_INPUT_BYTES)),
    );
    expect(bigger).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_INPUT' } } });
    expectTooLarge(await answerOf(await post('/api/topup.createBatch', paddedTo(json, limit + 1))));
  });

  it('holds an unknown method to the default limit', async () => {
    const over = await post('/api/no.suchMethod', paddedTo('{}', DEFAULT_MAX_INPUT_BYTES + 1));
    expectTooLarge(await answerOf(over));
    expect((await post('/api/no.suchMethod', '{}')).status).toBe(404);
  });

  it('refuses a huge declared Content-Length from the headers alone, and closes the connection', async () => {
    // 600 MB announced, 1 KB sent: the answer comes (and the socket closes) without waiting for the rest.
    const answer = await rawExchange(kassa.shell.url, {
      path: '/api/till.listSales',
      headers: { 'Content-Length': String(600 * 1000 * 1000) },
      body: '{"limit":5'.padEnd(1024, ' '),
    });
    expectTooLarge(parsed(answer));
    expect(answer.headers.connection).toBe('close');
  });

  it('cuts off a chunked body as soon as it passes the limit', async () => {
    const answer = await rawExchange(kassa.shell.url, {
      path: '/api/till.listSales',
      headers: { 'Transfer-Encoding': 'chunked' },
      stream: endless(true),
    });
    expectTooLarge(parsed(answer));
    // What the client got into the socket before the answer: kernel buffers, far from the 256 MiB it offered.
    expect(answer.bodySent).toBeLessThan(32 * MiB);
  });

  it('still takes a small chunked body', async () => {
    const answer = await rawExchange(kassa.shell.url, {
      path: '/api/till.listSales',
      headers: { 'Transfer-Encoding': 'chunked' },
      body: 'b\r\n{"limit":5}\r\n0\r\n\r\n',
    });
    expect(parsed(answer)).toEqual({ status: 200, body: { ok: true, value: [] } });
  });
});

describe('the desktop window (IPC) reaches the same limit through the dispatcher', () => {
  it('refuses the same oversized input with the same error', async () => {
    const input = { limit: 5, note: 'x'.repeat(DEFAULT_MAX_INPUT_BYTES) };
    const result = await kassa.station.dispatch('till.listSales', input, localCaller);
    expect(result).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    const http = await answerOf(await post('/api/till.listSales', JSON.stringify(input)));
    expect(http.body).toEqual(result);
  });
});

describe('POST /callbacks/<ppid>', () => {
  it('takes a callback-sized body to the intake, and refuses one byte over the limit', async () => {
    const body = JSON.stringify({ paymentId: '5bdaf066b93d1c000bde0001', status: 'SUCCEEDED' });
    const unsigned = await answerOf(await post(callbackPath, body));
    expect(unsigned).toEqual({ status: 401, body: { ok: false, reason: 'MISSING_SIGNATURE' } });
    expectTooLarge(await answerOf(await post(callbackPath, paddedTo(body, MAX_CALLBACK_BYTES + 1))));
  });

  it('refuses a huge declared Content-Length and a chunked flood alike', async () => {
    const declared = await rawExchange(kassa.shell.url, {
      path: callbackPath,
      headers: { 'Content-Length': String(100 * MiB) },
      body: '{'.padEnd(1024, ' '),
    });
    expectTooLarge(parsed(declared));
    const chunked = await rawExchange(kassa.shell.url, {
      path: callbackPath,
      headers: { 'Transfer-Encoding': 'chunked' },
      stream: endless(true),
    });
    expectTooLarge(parsed(chunked));
    expect(chunked.bodySent).toBeLessThan(32 * MiB);
  });

  it('stores nothing for a refused body', async () => {
    // Only the one unsigned callback above reached the intake.
    const tallies = kassa.query<{ count: number }>('select count from callback_rejection_tallies');
    expect(tallies.reduce((sum, row) => sum + row.count, 0)).toBe(1);
  });
});

describe('the station process', () => {
  it('does not grow by the size of the bodies it is offered', async () => {
    const folder = tempDir();
    const station = await spawnStation({ dataDir: folder.dir });
    try {
      const peakBefore = peakRssBytes(station.process.pid!);
      const offered = [
        { path: '/api/till.listSales', chunked: true },
        { path: '/api/topup.createBatch', chunked: true },
        { path: '/api/till.listSales', chunked: false },
        { path: '/callbacks/ca55a0000000000000000001', chunked: true },
        { path: '/callbacks/ca55a0000000000000000001', chunked: false },
      ];
      for (const { path, chunked } of offered) {
        const headers: Record<string, string> = chunked
          ? { 'Transfer-Encoding': 'chunked' }
          : { 'Content-Length': String(256 * MiB) };
        // A sender still writing when the station cuts the connection may get a reset that wipes the 413
        // before it is read (TCP does that on loopback under load): a refusal either way; the 413 itself
        // is checked above, in-process. What this test holds is memory.
        const refused = await rawExchange(station.url, { path, headers, stream: endless(chunked) }).then(
          (answer) => answer.status,
          () => 'reset',
        );
        expect([413, 'reset']).toContain(refused);
      }
      // Five bodies of 256 MiB offered; the old code kept each whole (about 2.7 times its size).
      expect(peakRssBytes(station.process.pid!) - peakBefore).toBeLessThan(48 * MiB);
    } finally {
      await station.stop();
      folder.remove();
    }
  });
});

/** The process's peak resident memory so far (Linux: VmHWM in /proc/<pid>/status). */
function peakRssBytes(pid: number): number {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line?.[1]) * 1024;
}
