import type { Simulator } from '../../electron/core/simulator';
import type { SeededRandom } from '../../electron/core/simulator/faults/random';
import type { SimClient } from '../support/sim-client';

/**
 * The fault mix: 10% 5xx (500 and 503 drawn one after the other: 1 − 0.945² ≈ 0.107 of the requests that do not hang),
 * 5% hanging requests; callbacks 20% dropped, often duplicated (up to three extra copies), reordered when several are due.
 * A few bad and DER-encoded signatures make the station's verifier earn its keep under load too.
 */
export const CHAOS_FAULTS = {
  errorRate: 0.055,
  unavailableRate: 0.055,
  hangRate: 0.05,
  callbackDropRate: 0.2,
  callbackDuplicateRate: 0.3,
  callbackDuplicateMaxCopies: 3,
  callbackReorderRate: 0.5,
  callbackBadSignatureRate: 0.02,
  callbackDerSignatureRate: 0.1,
} as const;

/** A 429 burst: the bucket holds two requests and refills one a second, far below the station's pace. */
const RATE_LIMIT_BURST = { rateLimit: { capacity: 2, refillPerSecond: 1 } };
/** A slow spell: longer than the station's request timeout, so answers (and creations) come too late. */
const SLOW_SPELL = { latencyMs: 1_500 };

export interface FaultCounts {
  /** Merchant API requests the simulator received. */
  requests: number;
  http500: number;
  http503: number;
  hangs: number;
  http429: number;
  reorderedBatches: number;
  callbacks: number;
  callbacksDropped: number;
  callbacksDuplicated: number;
  callbacksBadlySigned: number;
  callbacksDerSigned: number;
  rateLimitBursts: number;
  slowSpells: number;
}

/**
 * The simulator exposes no fault counters, so the harness wraps its fault engine's draws (the same
 * object the routes and the callback dispatcher call) and counts the ones that hit.
 */
export function countFaults(simulator: Simulator): FaultCounts {
  const counts: FaultCounts = {
    ...{ requests: 0, http500: 0, http503: 0, hangs: 0, http429: 0 },
    ...{ reorderedBatches: 0, rateLimitBursts: 0, slowSpells: 0 },
    ...{
      callbacks: 0,
      callbacksDropped: 0,
      callbacksDuplicated: 0,
      callbacksBadlySigned: 0,
      callbacksDerSigned: 0,
    },
  };
  const engine = simulator.faults;
  const byStream: Record<string, keyof FaultCounts> = {
    error: 'http500',
    unavailable: 'http503',
    hang: 'hangs',
  };
  const hit = engine.hit.bind(engine);
  engine.hit = (rate, stream) => {
    const result = hit(rate, stream);
    // Every request past the token bucket draws once for a hang; with the 429s that is every request.
    if (stream === 'hang') counts.requests += 1;
    const key = byStream[stream];
    if (result && key) counts[key] += 1;
    return result;
  };
  const takeToken = engine.takeToken.bind(engine);
  engine.takeToken = (ppid, limit) => {
    const allowed = takeToken(ppid, limit);
    if (!allowed) {
      counts.http429 += 1;
      counts.requests += 1;
    }
    return allowed;
  };
  const callbackFaults = engine.callbackFaults.bind(engine);
  engine.callbackFaults = (ppid) => {
    const decided = callbackFaults(ppid);
    counts.callbacks += 1;
    if (decided.drop) counts.callbacksDropped += 1;
    if (!decided.drop) counts.callbacksDuplicated += decided.extraCopies;
    if (decided.quirks.corrupt) counts.callbacksBadlySigned += 1;
    if (decided.quirks.der) counts.callbacksDerSigned += 1;
    return decided;
  };
  const reorder = engine.reorder.bind(engine);
  engine.reorder = (ppid) => {
    const reversed = reorder(ppid);
    if (reversed) counts.reorderedBatches += 1;
    return reversed;
  };
  return counts;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Switches the base faults on through the control API and, every few seconds, a burst on top of them:
 * a 429 burst or a slow spell. Each burst lasts a few seconds; `stop` waits for the one under way.
 */
export class FaultBursts {
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly sim: SimClient,
    private readonly random: SeededRandom,
    private readonly counts: FaultCounts,
  ) {}

  async start(): Promise<void> {
    await this.put({});
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    const gapMs = 3_000 + Math.floor(this.random.next('burst-gap') * 5_000);
    this.timer = setTimeout(() => (this.running = this.burst()), gapMs);
  }

  private async burst(): Promise<void> {
    const slow = this.random.next('burst-kind') < 0.4;
    if (slow) this.counts.slowSpells += 1;
    else this.counts.rateLimitBursts += 1;
    await this.put(slow ? SLOW_SPELL : RATE_LIMIT_BURST);
    await sleep(slow ? 1_500 : 3_000);
    if (this.stopped) return;
    await this.put({});
    this.schedule();
  }

  private async put(extra: object): Promise<void> {
    const answer = await this.sim.control('/_sim/faults/global', { ...CHAOS_FAULTS, ...extra }, 'PUT');
    if (answer.status !== 200) throw new Error(`could not switch faults: ${answer.status} ${answer.text}`);
  }
}
