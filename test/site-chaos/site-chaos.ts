import { DEFAULT_PROFILES, startSimulatorServer } from '../../electron/core/simulator';
import { createSeededRandom } from '../../electron/core/simulator/faults/random';
import { simClient } from '../support/sim-client';
import { psql, startThrowawayPostgres } from '../support/postgres-server';
import { runBars, type BarPayment } from './bar-clients';
import { startCallbackRouter } from './callback-router';
import { topUp, topUpOverTime, type PaidTopup } from './festival-goers';
import { openFestivalSite, type FestivalSite } from './festival-site';
import { startFaults, type FaultLog } from './site-faults';
import { judge, type SimTopup, type SiteVerdict } from './verdict';

export interface SiteChaosOptions {
  stations: number;
  tablets: number;
  paymentsPerTablet: number;
  wristbands: number;
  /** Top-ups paid while the bars sell, beside the one each wristband gets before. */
  topups: number;
  killEveryMs: number;
  seed: number;
  log?: (line: string) => void;
}

export interface SiteChaosReport {
  verdict: SiteVerdict;
  faults: FaultLog;
  callbacks: { forwarded: number; failed: number; byStatus: Record<string, number> };
  /** Stations that died without being killed (a finding of the run). */
  unexpectedExits: number;
  seconds: number;
}

const SITE = 'festival';
/** A bar payment keeps trying (the same key) this long before it counts as unknown. */
const GIVE_UP_MS = 60_000;
const SETTLE_MS = 90_000;

/**
 * The festival chaos run: stations on one PostgreSQL behind HAProxy, bar tablets through HAProxy,
 * festival-goers topping up in the Bancontact app (callbacks to random stations), while stations are
 * killed and restarted, one is frozen, and PostgreSQL restarts. Then every top-up, bar payment and
 * balance is checked against Bancontact and against what the tablets were told.
 */
export async function runSiteChaos(options: SiteChaosOptions): Promise<SiteChaosReport> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const seeded = createSeededRandom(options.seed);
  const random = (stream: string) => () => seeded.next(stream);
  const server = await startThrowawayPostgres();
  psql(server.baseUrl, 'postgres', `CREATE DATABASE ${SITE}`);
  let site: FestivalSite | null = null;
  const router = await startCallbackRouter(() => site?.upShellUrls() ?? [], random('callbacks'));
  const profiles = DEFAULT_PROFILES.map((p) =>
    p.type === 'topup' ? { ...p, callbackUrl: `${router.url}/callbacks/${p.ppid}` } : p,
  );
  const sim = await startSimulatorServer({ port: 0, allowHttpCallbacks: true, seed: options.seed, profiles });
  const client = simClient(sim.baseUrl);
  try {
    site = await openFestivalSite({
      ...{ siteUrl: `${server.baseUrl}/${SITE}`, stations: options.stations, tablets: options.tablets },
      ...{ wristbands: options.wristbands, simulatorUrl: sim.baseUrl, publicUrl: router.url },
    });
    log(
      `site up: ${options.stations} stations, ${options.tablets} tablets, ${options.wristbands} wristbands`,
    );
    const first = await fundEveryWristband(site, client);
    const { bars, topups, faults } = await underFaults(options, site, server, client, random);
    log(`load done: ${bars.length} bar payments, ${topups.length} top-ups; ${faults.lines.join('; ')}`);
    await client.flush();
    const simTopups = await settle(site, client, [...first, ...topups]);
    const verdict = await judge(`${server.baseUrl}/${SITE}_training`, simTopups, bars);
    const unexpectedExits = site.stations.reduce((n, s) => n + s.unexpectedExits.length, 0);
    return {
      verdict,
      faults,
      callbacks: router.counts,
      unexpectedExits,
      seconds: (Date.now() - started) / 1_000,
    };
  } finally {
    await site?.close();
    await router.close();
    await sim.close();
    server.remove();
  }
}

/** Each wristband gets one top-up before the bars open, so the bars have balances to charge. */
async function fundEveryWristband(
  site: FestivalSite,
  client: ReturnType<typeof simClient>,
): Promise<PaidTopup[]> {
  const paid: PaidTopup[] = [];
  for (const wristbandId of site.wristbands) paid.push(await topUp(client, wristbandId, 20_000));
  await site.untilCredited(paid.length, SETTLE_MS);
  return paid;
}

async function underFaults(
  options: SiteChaosOptions,
  site: FestivalSite,
  server: Awaited<ReturnType<typeof startThrowawayPostgres>>,
  client: ReturnType<typeof simClient>,
  random: (stream: string) => () => number,
): Promise<{ bars: BarPayment[]; topups: PaidTopup[]; faults: FaultLog }> {
  const faults = startFaults(site.stations, server, {
    killEveryMs: options.killEveryMs,
    freezeAtMs: 4_000,
    freezeForMs: 12_000,
    postgresRestartAtMs: 20_000,
    random: random('faults'),
  });
  try {
    const [bars, topups] = await Promise.all([
      runBars(site.tablets, {
        perTablet: options.paymentsPerTablet,
        wristbands: site.wristbands,
        giveUpMs: GIVE_UP_MS,
        random: random('bars'),
      }),
      topUpOverTime(client, site.wristbands, {
        count: options.topups,
        everyMs: 100,
        random: random('topups'),
      }),
    ]);
    return { bars, topups, faults: faults.log };
  } finally {
    await faults.stop();
  }
}

/**
 * After the faults: every station up, callbacks delivered; the sweeps find what a lost callback missed.
 * Waits until the books hold as many top-up credits as Bancontact has SUCCEEDED top-ups, then answers
 * Bancontact's view of every top-up.
 */
async function settle(
  site: FestivalSite,
  client: ReturnType<typeof simClient>,
  topups: readonly PaidTopup[],
): Promise<SimTopup[]> {
  const ids = new Set(topups.map((t) => t.paymentId));
  const all = (await client.control<{ payments: SimTopup[] }>('/_sim/payments')).body.payments;
  const ours = all.filter((p) => ids.has(p.paymentId));
  await site
    .untilCredited(ours.filter((p) => p.status === 'SUCCEEDED').length, SETTLE_MS)
    .catch(() => undefined);
  return ours;
}
