import { epochNow } from './stats';

/** What the bench reads from the station's SSE stream: only the fields it measures. */
export interface SaleEvent {
  name: string;
  payload: { sale: { id: string; payment: { bancontactId: string | null; status: string } | null } };
}

export interface SucceededWatch {
  /** Bancontact payment id → epochNow() when its SUCCEEDED event reached this client. */
  arrivals: Map<string, number>;
  ready: Promise<void>;
  close(): void;
}

/** Notes the first `payments.changed` event per payment that says SUCCEEDED, as a UI client sees it. */
export function watchSucceeded(stationUrl: string): SucceededWatch {
  const arrivals = new Map<string, number>();
  const stream = subscribe(`${stationUrl}/api/events`, (event) => {
    const payment = event.payload.sale.payment;
    if (event.name === 'payments.changed' && payment?.status === 'SUCCEEDED' && payment.bancontactId) {
      if (!arrivals.has(payment.bancontactId)) arrivals.set(payment.bancontactId, epochNow());
    }
  });
  return { arrivals, ready: stream.ready, close: stream.close };
}

/** Waits (polling a local map, no network) until `ids` have all arrived, or throws after `timeoutMs`. */
export async function untilArrived(
  arrivals: Map<string, number>,
  ids: readonly string[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const missing = ids.filter((id) => !arrivals.has(id));
    if (missing.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(`no SUCCEEDED event for ${missing.length} payment(s), e.g. ${missing[0]}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A JSON POST that throws on a non-2xx answer: the simulator's control API. */
export async function post<T = unknown>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A minimal SSE reader: the bench measures the station's stream, not a client library. */
function subscribe(
  url: string,
  onEvent: (event: SaleEvent) => void,
): { ready: Promise<void>; close(): void } {
  const controller = new AbortController();
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  void (async () => {
    const response = await fetch(url, { signal: controller.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith('event: ready')) markReady();
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (data && !block.startsWith('event:')) onEvent(JSON.parse(data.slice(6)) as SaleEvent);
      }
    }
  })();
  return { ready, close: () => controller.abort() };
}
