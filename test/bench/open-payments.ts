import { callHttp, spawnStation } from '../support/station-process';
import { tempDir } from '../support/temp';
import { spawnCountingSimulator, type CountingSimulatorProcess } from './counting-simulator';
import { printOpenPaymentsReport, type OpenPaymentsRun } from './open-payments-report';
import { successSources } from './station-log';
import { post, untilArrived, watchSucceeded, type SucceededWatch } from './sse';
import { epochNow } from './stats';

interface Opened {
  bancontactId: string;
  deeplink: string;
}

/** Customers paying at the same time: all 500 pay within a second or two, long before any expires. */
const PAYER_CONCURRENCY = 8;
/** 500 payments at 5 requests/s need about 100 s per poll round; give several rounds. */
const TRACKING_TIMEOUT_MS = 10 * 60_000;

/**
 * 500 payments open at once, one per till, then all paid: how long the station takes to see every one
 * SUCCEEDED and how many Bancontact calls it makes doing so. No public URL, so no callbacks: polling
 * (and the search sweep, at the station's defaults) must do it all within the profile's rate limit.
 */
export async function benchOpenPayments(count = 500): Promise<void> {
  const sim = await spawnCountingSimulator();
  const folder = tempDir('kassa-bench-open-');
  // The station's own defaults (poll interval, sweep interval, 5 requests/s): the figure is theirs.
  const station = await spawnStation({ dataDir: folder.dir, simulatorUrl: sim.baseUrl });
  const watch = watchSucceeded(station.url);
  let run: Omit<OpenPaymentsRun, 'sources'>;
  try {
    await watch.ready;
    run = await openPayAndTrack(station.url, sim, count, watch);
  } finally {
    watch.close();
    await station.stop();
    await sim.close();
  }
  const sources = successSources(folder.dir);
  folder.remove();
  printOpenPaymentsReport({ ...run, sources });
}

async function openPayAndTrack(
  stationUrl: string,
  sim: CountingSimulatorProcess,
  count: number,
  watch: SucceededWatch,
): Promise<Omit<OpenPaymentsRun, 'sources'>> {
  const startedAt = epochNow();
  const opened = await openAll(stationUrl, count);
  const openedAt = epochNow();
  const { paid, failures } = await payAll(sim.baseUrl, opened);
  await untilArrived(watch.arrivals, paid, TRACKING_TIMEOUT_MS);
  const { calls, succeededAt } = await sim.record();
  const paidAt = Math.max(...paid.map((id) => succeededAt[id]!));
  const trackedAt = Math.max(...paid.map((id) => watch.arrivals.get(id)!));
  return {
    count,
    paid: paid.length,
    payFailures: failures,
    openMs: openedAt - startedAt,
    payMs: paidAt - openedAt,
    allTrackedMs: trackedAt - paidAt,
    delays: paid.map((id) => watch.arrivals.get(id)! - succeededAt[id]!),
    calls: calls.filter((call) => call.at >= startedAt && call.at <= trackedAt),
    startedAt,
    spanMs: trackedAt - startedAt,
  };
}

/**
 * Every till starts its sale at the same moment, as at a festival's opening rush: the creates then
 * queue in the station's rate limiter together. Answers the payments in the order they were created.
 */
async function openAll(stationUrl: string, count: number): Promise<Opened[]> {
  const opened: Opened[] = [];
  const stamp = Date.now();
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const started = await callHttp<{ payment: Opened }>(stationUrl, 'till.startPayment', {
        amountCents: 100 + i,
        idempotencyKey: `bench-open-${stamp}-${i}`,
        tillId: `bench-till-${i}`,
      });
      if (!started.ok) throw new Error(`till ${i}: ${started.error.code} ${started.error.message}`);
      opened.push(started.value.payment);
    }),
  );
  return opened;
}

/**
 * The customers scan and confirm, oldest payment first: Bancontact expires a payment 120 s after
 * creation, and opening 500 at 5 requests/s takes about 100 s. A payment that expired first is
 * counted, not paid, so the figure still says how many made it.
 */
async function payAll(
  simUrl: string,
  opened: readonly Opened[],
): Promise<{ paid: string[]; failures: number }> {
  const paid: string[] = [];
  let failures = 0;
  let next = 0;
  const customer = async (): Promise<void> => {
    for (let payment = opened[next++]; payment; payment = opened[next++]) {
      try {
        await post(`${simUrl}/_sim/payer/scan`, { payload: payment.deeplink });
        await post(`${simUrl}/_sim/payer/confirm`, { paymentId: payment.bancontactId });
        paid.push(payment.bancontactId);
      } catch {
        failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: PAYER_CONCURRENCY }, customer));
  return { paid, failures };
}
