import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatorServer, type SimulatorServer } from '../../electron/core/simulator/server';
import type { SaleView } from '../../shared/contract';
import { psql } from '../support/postgres-server';
import { startTestSite, type TestSite } from '../support/site-coordination';
import { callHttp, spawnStation, type StationProcess } from '../support/station-process';
import { tempDir, waitFor } from '../support/temp';
import { giveSiteFiles } from '../support/site-files';

/*
 * The "Done when": two stations race for the polling of one profile. Two station processes on
 * one PostgreSQL site share one Bancontact simulator, without callbacks (polling alone). The simulator
 * logs every request it gets, with the station that sent it (its User-Agent) and the profile (its key):
 * exactly one station polls, no profile ever sees more than 5 requests in one second, and when the
 * leader is frozen (SIGSTOP) the other takes over within 10 s. The lease timings are the product's.
 */

interface Seen {
  at: number;
  method: string;
  path: string;
  station: string;
  /** The request's API key, only to tell the profiles apart (never printed). */
  key: string;
}

const PAYMENT_GET = /^\/v3\/payments\/[A-Za-z0-9]{24}$/;
const LIMIT_PER_SECOND = 5;
const seen: Seen[] = [];
let site: TestSite;
let sim: SimulatorServer;
const folders = [tempDir(), tempDir()];
const stations = new Map<string, StationProcess>();

beforeAll(async () => {
  site = await startTestSite();
  sim = await startSimulatorServer({
    // The callback test gives its stations a loopback public address.
    allowHttpCallbacks: true,
    onRequest: (request) => {
      const url = new URL(request.url);
      const agent = request.headers.get('user-agent') ?? '';
      const station = /\((\w+)\)$/.exec(agent)?.[1] ?? 'other';
      const key = request.headers.get('authorization') ?? '';
      seen.push({ at: Date.now(), method: request.method, path: url.pathname, station, key });
    },
  });
  const common = { database: site.url, simulatorUrl: sim.baseUrl };
  stations.set('alpha', await spawnStation({ dataDir: folders[0]!.dir, stationName: 'alpha', ...common }));
  // Every station of a site is given the site's key (docs/site-setup.md).
  giveSiteFiles(folders[0]!.dir, folders[1]!.dir);
  stations.set('beta', await spawnStation({ dataDir: folders[1]!.dir, stationName: 'beta', ...common }));
}, 90_000);

afterAll(async () => {
  for (const station of stations.values()) station.process.kill('SIGCONT');
  await Promise.all([...stations.values()].map((station) => station.stop()));
  await sim?.close();
  site?.remove();
  for (const folder of folders) folder.remove();
});

const station = (name: string): StationProcess => stations.get(name)!;

async function startPayment(at: string, tillId: string): Promise<SaleView> {
  const started = await callHttp<SaleView>(station(at).url, 'till.startPayment', {
    amountCents: 1250,
    idempotencyKey: `${tillId}-${Math.random()}`,
    tillId,
  });
  if (!started.ok) throw new Error(`${at}: ${started.error.code} ${started.error.message}`);
  return started.value;
}

async function pay(sale: SaleView): Promise<void> {
  const control = (path: string, body: unknown) =>
    fetch(`${sim.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const scanned = await control('/_sim/payer/scan', { payload: sale.payment!.deeplink });
  expect(scanned.status, await scanned.clone().text()).toBe(200);
  expect((await control('/_sim/payer/confirm', { paymentId: sale.payment!.bancontactId })).status).toBe(200);
}

/** How long until the till at `at` sees the sale paid (its own station's HTTP, as the till asks). */
async function paidAfter(at: string, sale: SaleView, timeoutMs: number): Promise<number> {
  const from = Date.now();
  await waitFor(
    async () => {
      const view = await callHttp<SaleView>(station(at).url, 'till.getSale', { saleId: sale.id });
      return view.ok && view.value.status === 'paid';
    },
    timeoutMs,
    `sale ${sale.id} at ${at} to be paid`,
  );
  return Date.now() - from;
}

/** The most requests one profile got in any one-second window, over `requests`. */
function busiestSecond(requests: Seen[]): number {
  let most = 0;
  for (const key of new Set(requests.map((r) => r.key))) {
    const times = requests.filter((r) => r.key === key).map((r) => r.at);
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= 1_000) j++;
      most = Math.max(most, i - j + 1);
    }
  }
  return most;
}

const paymentGets = (from = 0, to = Number.POSITIVE_INFINITY) =>
  seen.filter((r) => r.method === 'GET' && PAYMENT_GET.test(r.path) && r.at >= from && r.at < to);
const getsOf = (sale: SaleView, from = 0) =>
  paymentGets(from).filter((r) => r.path.endsWith(`/${sale.payment!.bancontactId}`));
const searchersPerProfile = () => {
  const searches = seen.filter((r) => r.path === '/v3/payments/search');
  const keys = [...new Set(searches.map((r) => r.key))];
  return keys.map((key) => [...new Set(searches.filter((r) => r.key === key).map((r) => r.station))]);
};
const pollers = (from = 0, to?: number) => [...new Set(paymentGets(from, to).map((r) => r.station))];

describe('two stations on one site and one Bancontact profile', () => {
  it('poll at one station only, under 5 requests a second, and the other takes over within 10 s of a freeze', async () => {
    // Payments on screen at both stations' tills: polling them fills the rate limit.
    const sales = await Promise.all(
      ['alpha', 'beta'].flatMap((at) => [1, 2].map((n) => startPayment(at, `${at}-till-${n}`))),
    );
    await waitFor(() => sales.every((sale) => getsOf(sale).length > 0), 10_000, 'every payment to be polled');
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    // Every GET since the stations started came from one of them.
    const [leader, ...others] = pollers();
    expect(others).toEqual([]);
    const follower = leader === 'alpha' ? 'beta' : 'alpha';

    // A payment the follower's till shows is polled by the leader, and the till sees it paid promptly.
    const followersSale = sales.find((sale) => sale.tillId.startsWith(follower))!;
    await pay(followersSale);
    const seenPaidMs = await paidAfter(follower, followersSale, 5_000);
    console.info(`leader ${leader}; the follower's till saw its payment paid ${seenPaidMs} ms after it was`);
    expect(seenPaidMs).toBeLessThan(3_000);

    expect(pollers()).toEqual([leader]);
    // Each profile's search sweep (the till's, and each training top-up profile's) ran at one station.
    expect(searchersPerProfile().every((searchers) => searchers.length === 1)).toBe(true);

    // The leader is frozen: its lease runs out and the follower follows every payment, old and new.
    const frozenAt = Date.now();
    station(leader!).process.kill('SIGSTOP');
    const fresh = await startPayment(follower, `${follower}-till-new`);
    await waitFor(() => getsOf(fresh).length > 0, 10_000, 'the new payment to be polled');
    const takenOverMs = paymentGets(frozenAt).find((r) => r.station === follower)!.at - frozenAt;
    const newFollowedMs = getsOf(fresh)[0]!.at - frozenAt;
    console.info(
      `takeover ${takenOverMs} ms after SIGSTOP; the new payment polled after ${newFollowedMs} ms`,
    );
    expect(takenOverMs).toBeLessThan(10_000);
    expect(newFollowedMs).toBeLessThan(10_000);
    const leadersSale = sales.find((sale) => sale.tillId.startsWith(leader!))!;
    await pay(leadersSale);
    await paidAfter(follower, leadersSale, 5_000);

    // Woken, the old leader finds its lease gone and asks Bancontact nothing more.
    station(leader!).process.kill('SIGCONT');
    const wokenAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    // A request it had already sent before the freeze may still arrive as it wakes.
    expect(pollers(wokenAt + 500)).toEqual([follower]);
    const most = busiestSecond(seen);
    console.info(`requests seen: ${seen.length}; busiest second of one profile: ${most}`);
    expect(most).toBeLessThanOrEqual(LIMIT_PER_SECOND);
  }, 90_000);
});

interface Delivery {
  url: string;
  body: string;
  signature: string;
}

/** Two more stations on a site of their own, both behind one public address (HAProxy's, at a festival). */
async function callbackStations(): Promise<StationProcess[]> {
  psql(site.server.baseUrl, 'postgres', 'CREATE DATABASE callbacks_site');
  const [first, second] = [tempDir(), tempDir()];
  folders.push(first, second);
  // Nothing listens there: the test carries each signed callback to both stations itself. Polling is
  // slowed right down, so what books the payment is a callback.
  const common = {
    ...{ database: `${site.server.baseUrl}/callbacks_site`, simulatorUrl: sim.baseUrl },
    ...{ publicUrl: 'http://127.0.0.1:9', pollIntervalMs: 60_000, sweepIntervalMs: 3_600_000 },
  };
  const gamma = await spawnStation({ dataDir: first.dir, stationName: 'gamma', ...common });
  giveSiteFiles(first.dir, second.dir);
  const delta = await spawnStation({ dataDir: second.dir, stationName: 'delta', ...common });
  stations.set('gamma', gamma).set('delta', delta);
  return [gamma, delta];
}

describe('a callback that reaches two stations of one site', () => {
  it('is booked once', async () => {
    const [gamma, delta] = await callbackStations();
    const sale = await startPayment('gamma', 'gamma-till-1');
    await pay(sale);
    const callbacks = await waitFor(
      async () => {
        const listed = await fetch(`${sim.baseUrl}/_sim/callbacks?paymentId=${sale.payment!.bancontactId}`);
        const { callbacks: all } = (await listed.json()) as { callbacks: Delivery[] };
        return all.some((callback) => callback.body.includes('"SUCCEEDED"')) && all;
      },
      5_000,
      'the SUCCEEDED callback',
    );
    // Each callback, in order, posted to both stations at once: both answer 200.
    for (const callback of callbacks) {
      const path = new URL(callback.url).pathname;
      const answers = await Promise.all(
        [gamma!, delta!].map((at) =>
          fetch(`${at.url}${path}`, {
            method: 'POST',
            headers: { signature: callback.signature, 'content-type': 'application/json' },
            body: callback.body,
          }),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    }
    await paidAfter('delta', sale, 5_000);
    const timeline = await callHttp<Array<{ to: string; source: string }>>(
      delta!.url,
      'payments.getTimeline',
      {
        paymentId: sale.payment!.id,
      },
    );
    if (!timeline.ok) throw new Error(timeline.error.message);
    const succeeded = timeline.value.filter((entry) => entry.to === 'SUCCEEDED');
    expect(succeeded.map((entry) => entry.source)).toEqual(['callback']);
    // One receipt per callback, not one per station that received it.
    const receipts = psql(
      site.server.baseUrl,
      'callbacks_site_training',
      'SELECT count(*) FROM callback_receipts',
    );
    expect(Number(receipts.trim())).toBe(callbacks.length);
  }, 90_000);
});
