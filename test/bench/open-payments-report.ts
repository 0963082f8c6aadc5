import type { ApiCall } from './counting-simulator';
import { describeSources } from './station-log';
import { busiestWindow, seconds, summary, verdict } from './stats';

/** The default per-profile limit of the station's rate limiter (electron/core/bancontact/rate-limiter.ts). */
const RATE_LIMIT_PER_SECOND = 5;
/** The opening rush (the limiter's full bucket plus its refill) is over by then. */
const STEADY_AFTER_MS = 2_000;

export interface OpenPaymentsRun {
  count: number;
  paid: number;
  payFailures: number;
  /** From the first till starting its sale to the last create answered. */
  openMs: number;
  /** From then to the last payment SUCCEEDED in the simulator. */
  payMs: number;
  /** From the last SUCCEEDED in the simulator to the station reporting the last one. */
  allTrackedMs: number;
  /** Per payment: SUCCEEDED in the simulator → its `payments.changed` event at the SSE client. */
  delays: number[];
  /** Merchant API requests that reached the simulator between the first create and the last event. */
  calls: ApiCall[];
  /** epochNow() when the first till started its sale; `calls` are on the same clock. */
  startedAt: number;
  spanMs: number;
  /** Event-log source of each SUCCEEDED (poll, sweep, callback). */
  sources: Record<string, number>;
}

/** Three lines: tracking time, API calls against the rate limit, and which path found the payments. */
export function printOpenPaymentsReport(run: OpenPaymentsRun): void {
  const d = summary(run.delays);
  const tracked = run.paid === run.count && run.delays.length === run.count;
  console.log(
    `[3] ${run.count} payments open at once, polling only (no public URL: the hard case): ${run.delays.length}/${run.count} SUCCEEDED at the station ${seconds(run.allTrackedMs)} after the last customer confirmed; per payment SUCCEEDED → UI event median ${seconds(d.median)}, p95 ${seconds(d.p95)}, max ${seconds(d.max)} (opening all took ${seconds(run.openMs)}, paying ${seconds(run.payMs)}${run.payFailures ? `, ${run.payFailures} could not be paid` : ''}) — all tracked: ${verdict(tracked)}`,
  );
  const times = busiestProfileCalls(run.calls).map((c) => c.at);
  const second = busiestWindow(times, 1_000);
  const minute = busiestWindow(times, 60_000);
  const average = run.calls.length / (run.spanMs / 60_000);
  console.log(
    `[3] Bancontact API calls: ${run.calls.length} in ${seconds(run.spanMs)} (${kinds(run.calls)}) over ${profiles(run.calls)} profile(s) = ${average.toFixed(0)}/min on average; the busiest profile: ${minute.count} in its busiest minute, max ${second.count} in any 1-s window (from +${seconds(second.from - run.startedAt)}), ${steadyState(times, run.startedAt + STEADY_AFTER_MS)} — rate limit ${RATE_LIMIT_PER_SECOND}/s never exceeded: ${verdict(second.count <= RATE_LIMIT_PER_SECOND)}`,
  );
  console.log(`[3] SUCCEEDED learnt by: ${describeSources(run.sources)}`);
}

/** The limit holds per payment profile: the till's profile and each top-up profile have their own. */
function busiestProfileCalls(calls: readonly ApiCall[]): ApiCall[] {
  const byProfile = new Map<string, ApiCall[]>();
  for (const call of calls) byProfile.set(call.profile, [...(byProfile.get(call.profile) ?? []), call]);
  return [...byProfile.values()].sort((a, b) => b.length - a.length)[0] ?? [];
}

function profiles(calls: readonly ApiCall[]): number {
  return new Set(calls.map((c) => c.profile)).size;
}

function kinds(calls: readonly ApiCall[]): string {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(call.kind, (counts.get(call.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
}

/**
 * The busiest second after the opening rush, and the shortest span holding limit + 1 calls: at
 * exactly 5/s that span is 1 s, so a 1-s window showing 6 calls with a span of 996 ms is a few ms of
 * network jitter, while a span of 800 ms is a real burst.
 */
function steadyState(times: readonly number[], from: number): string {
  const later = times.filter((t) => t >= from).sort((a, b) => a - b);
  let tightest = Number.POSITIVE_INFINITY;
  for (let i = RATE_LIMIT_PER_SECOND; i < later.length; i++)
    tightest = Math.min(tightest, later[i]! - later[i - RATE_LIMIT_PER_SECOND]!);
  const span = Number.isFinite(tightest) ? `${tightest.toFixed(0)} ms` : 'n/a';
  return `after the first ${seconds(STEADY_AFTER_MS)} max ${busiestWindow(later, 1_000).count} in any 1-s window, ${RATE_LIMIT_PER_SECOND + 1} calls never within less than ${span}`;
}
