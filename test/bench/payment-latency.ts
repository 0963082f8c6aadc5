import { startSimulatorServer, type SimulatorServerOptions } from '../../electron/core/simulator';
import { callHttp, spawnStation, type SpawnStationArgs } from '../support/station-process';
import { tempDir } from '../support/temp';
import { post, untilArrived, watchSucceeded } from './sse';
import { describeSources, successSources } from './station-log';
import { epochNow, ms, summary, verdict, type Summary } from './stats';

/** The tracker's on-screen poll interval (its default), stated here so the bench can print and check it. */
export const POLL_INTERVAL_MS = Number(process.env.KASSA_BENCH_POLL_MS ?? 800);

export interface LatencySetup {
  count: number;
  simulator?: SimulatorServerOptions;
  /** Station flags beyond the data folder and the simulator URL. */
  station?: Omit<SpawnStationArgs, 'dataDir' | 'simulatorUrl'>;
  /** The customer confirms at a random moment within this span, e.g. anywhere in a poll cycle. */
  confirmSpreadMs: number;
}

/**
 * Delay from the simulator storing SUCCEEDED to the `payments.changed` event reaching a client
 * subscribed to the station's SSE stream, one payment at a time. The station runs as its own process,
 * as in production; both ends of the measurement are taken in this process, on one clock.
 */
export async function measureSucceededToEvent(setup: LatencySetup): Promise<Summary & { sources: string }> {
  const succeededAt = new Map<string, number>();
  const sim = await startSimulatorServer({
    port: 0,
    ...setup.simulator,
    onStatusChange: (payment) => {
      if (payment.status === 'SUCCEEDED') succeededAt.set(payment.paymentId, epochNow());
    },
  });
  const folder = tempDir('kassa-bench-');
  const station = await spawnStation({ ...setup.station, dataDir: folder.dir, simulatorUrl: sim.baseUrl });
  const watch = watchSucceeded(station.url);
  const delays: number[] = [];
  try {
    await watch.ready;
    for (let i = 0; i < setup.count; i++) {
      const id = await payOnce(station.url, sim.baseUrl, i, setup.confirmSpreadMs);
      await untilArrived(watch.arrivals, [id], 10_000);
      delays.push(watch.arrivals.get(id)! - succeededAt.get(id)!);
    }
  } finally {
    watch.close();
    await station.stop();
    await sim.close();
  }
  const sources = describeSources(successSources(folder.dir));
  folder.remove();
  return { ...summary(delays), sources };
}

/** One sale paid by the simulated customer; answers its Bancontact payment id. */
async function payOnce(stationUrl: string, simUrl: string, i: number, spreadMs: number): Promise<string> {
  const started = await callHttp<{ payment: { bancontactId: string; deeplink: string } }>(
    stationUrl,
    'till.startPayment',
    { amountCents: 100 + i, idempotencyKey: `bench-${Date.now()}-${i}` },
  );
  if (!started.ok) throw new Error(started.error.message);
  const { bancontactId, deeplink } = started.value.payment;
  await post(`${simUrl}/_sim/payer/scan`, { payload: deeplink });
  await new Promise((r) => setTimeout(r, Math.random() * spreadMs));
  await post(`${simUrl}/_sim/payer/confirm`, { paymentId: bancontactId });
  return bancontactId;
}

/** Polling only (no public URL): the poll is the only way the station learns of the payment. */
export async function benchPaymentLatency(count = 50): Promise<void> {
  const s = await measureSucceededToEvent({
    count,
    // Sweeps are slowed down so that they cannot beat the poll to a payment.
    station: { pollIntervalMs: POLL_INTERVAL_MS, sweepIntervalMs: 3_600_000 },
    // Confirm at a random moment within the poll cycle, as a customer would.
    confirmSpreadMs: POLL_INTERVAL_MS,
  });
  const target = POLL_INTERVAL_MS + 150;
  console.log(
    `[2] polling only, poll interval ${POLL_INTERVAL_MS} ms, ${count} payments: SUCCEEDED → UI event median ${ms(s.median)}, p95 ${ms(s.p95)} (min ${ms(s.min)}, max ${ms(s.max)}; learnt by ${s.sources}) — target p95 ≤ interval + 150 ms = ${target} ms: ${verdict(s.p95 <= target)}`,
  );
}
