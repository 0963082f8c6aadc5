import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startSimulatorServer } from '../../electron/core/simulator';
import { simClient, type SimClient } from '../support/sim-client';
import { tempDir } from '../support/temp';
import { compare, type Comparison, type SimPayment } from './compare';
import { countFaults, FaultBursts, type FaultCounts } from './faults';
import { planSales, timingRandom, type SalePlan } from './plan';
import { SaleScript, type SaleOutcome } from './sale-script';
import { freePort, StationSupervisor, type UnexpectedExit } from './station-supervisor';
import { sleep } from './till-calls';

export interface ChaosOptions {
  sales: number;
  kills: number;
  seed: number;
  /** Tills selling at the same time on the one station. */
  tills: number;
  log?: (line: string) => void;
}

export interface ChaosReport extends Comparison {
  kills: number;
  faults: FaultCounts;
  unexpectedExits: UnexpectedExit[];
  /** Non-final payments the station still had when the run gave it time to settle. */
  unsettled: number;
  seconds: number;
}

// The station's own settings for the run: short timeouts so hanging requests end quickly, polling
// on screen as in a shop, sweeps often enough to see them at work, room above the rate limit's default.
const STATION_TUNING = {
  requestTimeoutMs: 1_500,
  pollIntervalMs: 500,
  sweepIntervalMs: 15_000,
  rateLimit: 25,
};
const EXPIRY_MS = 121_000;
const SETTLE_TIMEOUT_MS = 90_000;

/** The run: sales under faults and SIGKILLs, then a calm spell, then every payment compared. */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const sim = await startSimulatorServer({ port: 0, allowHttpCallbacks: true, seed: options.seed });
  const faults = countFaults(sim.simulator);
  const folder = tempDir('kassa-chaos-');
  const port = await freePort();
  const station = new StationSupervisor({
    dataDir: folder.dir,
    port,
    simulatorUrl: sim.baseUrl,
    publicUrl: `http://127.0.0.1:${port}`,
    ...STATION_TUNING,
  });
  const client = simClient(sim.baseUrl);
  try {
    await station.start();
    const outcomes = await sell(options, station, client, faults, log);
    log('sales done; faults off, clock past every expiry, waiting for the station to settle');
    await client.control('/_sim/faults/global', {}, 'PUT');
    await client.advance(EXPIRY_MS);
    await client.flush();
    const dbFile = join(folder.dir, 'training.sqlite');
    const unsettled = await settle(dbFile, client);
    await station.stop();
    const simPayments = (await client.control<{ payments: SimPayment[] }>('/_sim/payments')).body.payments;
    const comparison = compare(dbFile, simPayments, outcomes);
    const { kills, unexpectedExits } = station;
    return {
      ...comparison,
      kills,
      faults,
      unexpectedExits,
      unsettled,
      seconds: (Date.now() - started) / 1_000,
    };
  } finally {
    await station.stop().catch(() => undefined);
    await sim.close();
    folder.remove();
  }
}

/** Shares the planned sales among the tills; each till sells its sales one after the other. */
async function sell(
  options: ChaosOptions,
  station: StationSupervisor,
  sim: SimClient,
  faults: FaultCounts,
  log: (line: string) => void,
): Promise<SaleOutcome[]> {
  const plans = planSales(options);
  const random = timingRandom(options.seed);
  const bursts = new FaultBursts(sim, random, faults);
  await bursts.start();
  const script = new SaleScript(station, sim, random);
  const queues = Array.from({ length: options.tills }, () => [] as SalePlan[]);
  plans.forEach((plan, i) => queues[i % options.tills]?.push(plan));
  let done = 0;
  const outcomes: SaleOutcome[] = [];
  const runQueue = async (queue: SalePlan[], till: number) => {
    for (const plan of queue) {
      // A customer who walks away leaves that till's sale open; the next sale goes to a till of its own.
      const tillId = plan.behaviour === 'walks-away' ? `walk-${plan.index}` : `chaos-${till}`;
      outcomes.push(await script.run(plan, tillId));
      done += 1;
      if (done % 100 === 0) log(`${done}/${plans.length} sales, ${station.kills} kills`);
    }
  };
  try {
    await Promise.all(queues.map((queue, till) => runQueue(queue, till)));
  } finally {
    await bursts.stop();
  }
  return outcomes.sort((a, b) => a.index - b.index);
}

const FINAL_SQL =
  "select count(*) n from payments where status not in ('SUCCEEDED','AUTHORIZATION_FAILED','FAILED','CANCELLED','EXPIRED','VOIDED','CREATE_FAILED')";

/** Reads the station's database (WAL lets a reader in beside it) until no payment is left open. */
async function settle(dbFile: string, sim: SimClient): Promise<number> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  let open = Number.POSITIVE_INFINITY;
  while (Date.now() < deadline) {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      open = (db.prepare(FINAL_SQL).get() as { n: number }).n;
    } finally {
      db.close();
    }
    if (open === 0) return 0;
    await sim.flush();
    await sleep(500);
  }
  return open;
}
