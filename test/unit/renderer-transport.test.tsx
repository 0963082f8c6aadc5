// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result, SaleView, StationEvent } from '../../shared/contract';
import { chooseTransport } from '../../renderer/src/api/client';
import { createHttpTransport } from '../../renderer/src/api/http-transport';
import { newIdempotencyKey } from '../../renderer/src/api/idempotency-key';

const SALE: SaleView = {
  id: 's1',
  createdAt: '2025-05-01T10:00:00.000Z',
  amountCents: 1250,
  currency: 'EUR',
  tillId: 'till-1',
  status: 'open',
  payment: null,
};

/** Just enough of EventSource to drive the transport by hand. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onmessage: ((message: MessageEvent) => void) | null = null;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  fail(readyState = FakeEventSource.CONNECTING) {
    this.readyState = readyState;
    this.onerror?.();
  }
  send(data: string) {
    this.onmessage?.({ data } as MessageEvent);
  }
  close() {
    this.closed = true;
    this.readyState = FakeEventSource.CLOSED;
  }
}

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function http(fetchImpl: typeof fetch) {
  return createHttpTransport({
    fetch: fetchImpl,
    EventSource: FakeEventSource as unknown as typeof EventSource,
    reopenDelayMs: 10,
  });
}

afterEach(() => {
  delete window.kassa;
  FakeEventSource.instances = [];
  vi.useRealTimers();
});

describe('transport choice', () => {
  it('uses the preload bridge when window.kassa exists, and passes calls and events through', async () => {
    const listeners: ((event: StationEvent) => void)[] = [];
    const bridge = {
      call: vi.fn(async (): Promise<Result<unknown>> => ({ ok: true, value: SALE })),
      on: vi.fn((listener: (event: StationEvent) => void) => {
        listeners.push(listener);
        return () => undefined;
      }),
    };
    window.kassa = bridge;
    const transport = chooseTransport(window);
    expect(transport.kind).toBe('ipc');
    expect(await transport.call('till.getSale', { saleId: 's1' })).toEqual({ ok: true, value: SALE });
    expect(bridge.call).toHaveBeenCalledWith('till.getSale', { saleId: 's1' });

    const seen: StationEvent[] = [];
    transport.subscribe((event) => seen.push(event));
    listeners[0]?.({ name: 'payments.changed', payload: { sale: SALE } });
    expect(seen).toHaveLength(1);
  });

  it('turns a rejected IPC call into a contract error instead of throwing', async () => {
    window.kassa = { call: () => Promise.reject(new Error('boom')), on: () => () => undefined };
    const result = await chooseTransport(window).call('station.getStatus', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'STATION_UNREACHABLE' } });
  });

  it('uses HTTP in a plain browser', () => {
    expect(chooseTransport(window).kind).toBe('http');
  });
});

describe('HTTP transport', () => {
  it('POSTs the JSON input to /api/<method>', async () => {
    const fetchImpl = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => jsonResponse({ ok: true, value: SALE }));
    const result = await http(fetchImpl).call('till.startPayment', { amountCents: 1250, idempotencyKey: 'k-12345678' });
    expect(result).toEqual({ ok: true, value: SALE });
    const [url, init] = fetchImpl.mock.calls[0] ?? [];
    expect(url).toBe('/api/till.startPayment');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ amountCents: 1250, idempotencyKey: 'k-12345678' });
  });

  it('reads the Result body of a 4xx/5xx answer', async () => {
    const error = { code: 'PAYMENT_OPEN', message: 'A payment is open' };
    const result = await http(async () => jsonResponse({ ok: false, error }, 409)).call('settings.useTraining', {});
    expect(result).toEqual({ ok: false, error });
  });

  it('reports an unreachable station as STATION_UNREACHABLE and a body that is no Result as INTERNAL', async () => {
    const down = await http(() => Promise.reject(new TypeError('Failed to fetch'))).call('station.getStatus', {});
    expect(down).toMatchObject({ ok: false, error: { code: 'STATION_UNREACHABLE' } });
    const html = await http(async () => jsonResponse('<html>', 502)).call('station.getStatus', {});
    expect(html).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('shares one event stream, parses each message and skips garbage', () => {
    const transport = http(vi.fn());
    const a: StationEvent[] = [];
    const b: StationEvent[] = [];
    const stopA = transport.subscribe((event) => a.push(event));
    transport.subscribe((event) => b.push(event));
    expect(FakeEventSource.instances).toHaveLength(1);
    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe('/api/events');
    source.send(JSON.stringify({ name: 'payments.changed', payload: { sale: SALE } }));
    source.send('not json');
    source.send(JSON.stringify({ name: 'unknown.event', payload: {} }));
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    stopA();
    expect(source.closed).toBe(false);
  });

  it('closes the stream when the last listener leaves', () => {
    const transport = http(vi.fn());
    const stop = transport.subscribe(() => undefined);
    stop();
    expect(FakeEventSource.instances[0]?.closed).toBe(true);
  });

  it('signals a reconnect after the stream was lost, not on the first open', () => {
    const transport = http(vi.fn());
    const reconnects = vi.fn();
    transport.onReconnect(reconnects);
    const source = FakeEventSource.instances[0]!;
    source.open();
    expect(reconnects).not.toHaveBeenCalled();
    source.fail();
    source.open();
    expect(reconnects).toHaveBeenCalledTimes(1);
  });

  it('opens a new stream when the browser gives up on the old one', () => {
    vi.useFakeTimers();
    const transport = http(vi.fn());
    const reconnects = vi.fn();
    transport.onReconnect(reconnects);
    FakeEventSource.instances[0]!.fail(FakeEventSource.CLOSED);
    vi.advanceTimersByTime(20);
    expect(FakeEventSource.instances).toHaveLength(2);
    FakeEventSource.instances[1]!.open();
    expect(reconnects).toHaveBeenCalledTimes(1);
  });
});

describe('idempotency key', () => {
  it('uses randomUUID where available', () => {
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('falls back to getRandomValues outside a secure context', () => {
    const insecure = { getRandomValues: crypto.getRandomValues.bind(crypto) } as Crypto;
    const a = newIdempotencyKey(insecure);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newIdempotencyKey(insecure)).not.toBe(a);
  });
});
