import { startSimulatorServer } from '../../electron/core/simulator';
import { callHttp, spawnStation } from '../support/station-process';
import { tempDir } from '../support/temp';
import { ms, summary } from './stats';

interface SaleEvent {
  name: string;
  payload: { sale: { id: string; payment: { bancontactId: string | null; status: string } | null } };
}

/**
 * Delay from the simulator storing SUCCEEDED to the `payments.changed` event reaching a client
 * subscribed to the station's SSE stream. The station runs as its own process, as in production;
 * both ends of the measurement are taken in this process, on one clock.
 */
export async function benchPaymentLatency(count = 50): Promise<void> {
  const succeededAt = new Map<string, number>();
  const sim = await startSimulatorServer({
    port: 0,
    onStatusChange: (payment) => {
      if (payment.status === 'SUCCEEDED') succeededAt.set(payment.paymentId, performance.now());
    },
  });
  const folder = tempDir('kassa-bench-');
  const station = await spawnStation({ dataDir: folder.dir, simulatorUrl: sim.baseUrl });
  const arrivals = new Map<string, number>();
  const events = subscribe(`${station.url}/api/events`, (event) => {
    const payment = event.payload.sale.payment;
    if (event.name === 'payments.changed' && payment?.status === 'SUCCEEDED' && payment.bancontactId) {
      if (!arrivals.has(payment.bancontactId)) arrivals.set(payment.bancontactId, performance.now());
    }
  });
  await events.ready;
  const delays: number[] = [];
  try {
    for (let i = 0; i < count; i++)
      delays.push(await payOnce(station.url, sim.baseUrl, i, succeededAt, arrivals));
  } finally {
    events.close();
    await station.stop();
    await sim.close();
    folder.remove();
  }
  const s = summary(delays);
  console.log(
    `payment SUCCEEDED → UI event (polling only, ${count} payments): median ${ms(s.median)}, p95 ${ms(s.p95)}, min ${ms(s.min)}, max ${ms(s.max)}`,
  );
}

async function payOnce(
  stationUrl: string,
  simUrl: string,
  i: number,
  succeededAt: Map<string, number>,
  arrivals: Map<string, number>,
): Promise<number> {
  const started = await callHttp<{ payment: { bancontactId: string; deeplink: string } }>(
    stationUrl,
    'till.startPayment',
    {
      amountCents: 100 + i,
      idempotencyKey: `bench-${Date.now()}-${i}`,
    },
  );
  if (!started.ok) throw new Error(started.error.message);
  const { bancontactId, deeplink } = started.value.payment;
  await post(`${simUrl}/_sim/payer/scan`, { payload: deeplink });
  // Confirm at a random moment within the poll cycle, as a customer would.
  await new Promise((r) => setTimeout(r, Math.random() * 1_000));
  await post(`${simUrl}/_sim/payer/confirm`, { paymentId: bancontactId });
  const deadline = Date.now() + 10_000;
  while (!arrivals.has(bancontactId)) {
    if (Date.now() > deadline) throw new Error(`no SUCCEEDED event for ${bancontactId}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return arrivals.get(bancontactId)! - succeededAt.get(bancontactId)!;
}

async function post(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
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
