import { randomUUID } from 'node:crypto';
import type { LiabilityView } from '../../shared/contract';
import {
  balanceOf,
  createCashier,
  fundedWristbands,
  linkBar,
  startBenchStation,
  TOP_UP_CENTS,
  type BenchDevice,
  type BenchStation,
} from './linked-devices-setup';
import { ms, percentile, summary, verdict } from './stats';

/** A wristband debit as one bar tablet sent it, and what the station answered. */
interface Debit {
  band: number;
  amountCents: number;
  ms: number;
  /** 'OK', a contract error code, or what broke the connection. */
  outcome: string;
  /** Sent later than its second because the one before had not been answered yet. */
  late: boolean;
  sentAt: number;
  answeredAt: number;
}

const REVOKE_TARGET_MS = 1_000;
/** `KASSA_BENCH_DEVICES_TOGETHER=1`: every tablet pays at the same moment of each second, the harshest case. */
const TOGETHER = process.env.KASSA_BENCH_DEVICES_TOGETHER === '1';
/** A revoked device that is still served after this long will not be refused: stop and say so. */
const REVOKE_GIVE_UP_MS = 10_000;

/**
 * Issue 11's figures: `devices` bar tablets linked over HTTPS to one station process, each taking a
 * wristband payment a second for `seconds`; then how soon a revoked device's next call is refused.
 */
export async function benchLinkedDevices(devices = 20, seconds = 60, revokes = 10): Promise<void> {
  const station = await startBenchStation();
  const linked: BenchDevice[] = [];
  try {
    const cashier = await createCashier(station);
    const bands = await fundedWristbands(station, devices);
    for (let i = 0; i < devices; i++) linked.push(await linkBar(station, `Bar ${i + 1}`, cashier));
    const debits = await takePayments(linked, bands, seconds);
    printLoad(devices, seconds, debits, connectionsOpened(linked));
    printBalances(await balanceDifferences(station, bands, debits));
    printLiability(await station.must<LiabilityView>('topup.getLiability'), bands.length, debits);
    const revokeTimes: number[] = [];
    for (const device of linked.slice(0, revokes))
      revokeTimes.push(await timeToRefusal(station, device, bands[0]!));
    printRevokes(revokeTimes);
  } catch (error) {
    console.error(`station output (tail):\n${station.process.output().slice(-4_000)}`);
    throw error;
  } finally {
    for (const device of linked) device.client.close();
    await station.close();
  }
}

/**
 * Every tablet takes one payment a second at its own moment within the second (as customers arrive),
 * each on the next wristband in turn, so every band is debited from many tablets. A tablet waits for
 * an answer before its next payment, as a cashier would.
 */
async function takePayments(devices: readonly BenchDevice[], bands: readonly string[], seconds: number) {
  const debits: Debit[] = [];
  const start = performance.now() + 200;
  await Promise.all(
    devices.map(async (device, d) => {
      const phase = TOGETHER ? 0 : Math.random() * 1_000;
      for (let second = 0; second < seconds; second++) {
        const due = start + second * 1_000 + phase;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const band = (d + second) % bands.length;
        debits.push(await debit(device, bands[band]!, band, 50 + ((d * 37 + second * 53) % 451), wait < 0));
      }
    }),
  );
  return debits;
}

async function debit(
  device: BenchDevice,
  wristbandId: string,
  band: number,
  amountCents: number,
  late: boolean,
): Promise<Debit> {
  const input = { amountCents, idempotencyKey: randomUUID(), wristbandId };
  const sentAt = performance.now();
  try {
    const { result, ms: took, at } = await device.client.call('till.payWithWristband', input);
    const outcome = result.ok ? 'OK' : result.error.code;
    return { band, amountCents, ms: took, outcome, late, sentAt, answeredAt: at };
  } catch (error) {
    const outcome = `no answer: ${error instanceof Error ? error.message : String(error)}`;
    return {
      band,
      amountCents,
      ms: performance.now() - sentAt,
      outcome,
      late,
      sentAt,
      answeredAt: Number.NaN,
    };
  }
}

const connectionsOpened = (devices: readonly BenchDevice[]): number =>
  devices.reduce((sum, device) => sum + device.client.connectionsOpened, 0);

function printLoad(devices: number, seconds: number, debits: readonly Debit[], connections: number): void {
  const ok = debits.filter((d) => d.outcome === 'OK');
  const spanMs = Math.max(...debits.map((d) => d.answeredAt || 0)) - Math.min(...debits.map((d) => d.sentAt));
  const latency = summary(debits.map((d) => d.ms));
  const errors = tally(debits.filter((d) => d.outcome !== 'OK').map((d) => d.outcome));
  const late = debits.filter((d) => d.late).length;
  console.log(
    `\n[devices] ${devices} bar tablets over HTTPS (keep-alive, certificate checked against the station's fingerprint), a wristband payment a second each for ${seconds} s, ${TOGETHER ? 'all at the same moment' : 'each at its own moment'} of the second:`,
  );
  console.log(
    `  ${ok.length}/${debits.length} paid, ${(ok.length / (spanMs / 1_000)).toFixed(1)} payments/s; latency p50 ${ms(latency.median)}, p95 ${ms(latency.p95)}, p99 ${ms(
      percentile(
        debits.map((d) => d.ms),
        99,
      ),
    )}, max ${ms(latency.max)}; ${late} sent late (the one before still unanswered); ${connections} TLS connections opened in all`,
  );
  const described = Object.entries(errors).map(([code, n]) => `${code} × ${n}`);
  console.log(
    `  errors: ${debits.length - ok.length}${described.length ? ` (${described.join(', ')})` : ''} — target 0: ${verdict(ok.length === debits.length)}`,
  );
}

/** Per band: the station's balance against the top-up less every debit it answered OK. */
async function balanceDifferences(station: BenchStation, bands: readonly string[], debits: readonly Debit[]) {
  return Promise.all(
    bands.map(async (wristbandId, band) => {
      const spent = debits
        .filter((d) => d.band === band && d.outcome === 'OK')
        .reduce((sum, d) => sum + d.amountCents, 0);
      return {
        band: wristbandId,
        expected: TOP_UP_CENTS - spent,
        actual: await balanceOf(station, wristbandId),
      };
    }),
  );
}

function printBalances(balances: ReadonlyArray<{ band: string; expected: number; actual: number }>): void {
  const wrong = balances.filter((b) => b.expected !== b.actual);
  const detail = wrong.map((b) => `${b.band}: expected ${b.expected}, station ${b.actual}`).join('; ');
  console.log(
    `  balances exact: ${balances.length - wrong.length}/${balances.length}${detail ? ` (${detail})` : ''} — ${verdict(wrong.length === 0)}`,
  );
}

/** The station's own running totals must tell the same story as the answers the tablets got. */
function printLiability(liability: LiabilityView, bands: number, debits: readonly Debit[]): void {
  const answeredOk = debits.filter((d) => d.outcome === 'OK').reduce((sum, d) => sum + d.amountCents, 0);
  const expected = { toppedUpCents: bands * TOP_UP_CENTS, spentCents: answeredOk };
  const same =
    liability.toppedUpCents === expected.toppedUpCents && liability.spentCents === expected.spentCents;
  console.log(
    `  the station's liability: topped up ${liability.toppedUpCents} c, spent ${liability.spentCents} c; the tablets' OK answers: ${expected.toppedUpCents} c, ${expected.spentCents} c — ${verdict(same)}`,
  );
}

/**
 * The tablet keeps calling (a read of a wristband, which needs a signed-in till) back to back; the
 * manager revokes it at the station. Answers the time from sending *Revoke* to the tablet's first
 * DEVICE_REVOKED.
 */
async function timeToRefusal(
  station: BenchStation,
  device: BenchDevice,
  wristbandId: string,
): Promise<number> {
  await device.client.must('wristbands.get', { wristbandId });
  let revokedAt = Number.POSITIVE_INFINITY;
  const refused = (async (): Promise<number> => {
    for (;;) {
      const { result, at } = await device.client.call('wristbands.get', { wristbandId });
      if (!result.ok && result.error.code === 'DEVICE_REVOKED') return at;
      if (!result.ok)
        throw new Error(`a call while being revoked: ${result.error.code} ${result.error.message}`);
      if (at - revokedAt > REVOKE_GIVE_UP_MS)
        throw new Error(`device ${device.deviceId} still served ${REVOKE_GIVE_UP_MS} ms after its revoke`);
    }
  })();
  // Let the loop run before the revoke, so the figure includes a call that was already in flight.
  await new Promise((resolve) => setTimeout(resolve, 50));
  revokedAt = performance.now();
  await station.must('devices.revoke', { deviceId: device.deviceId });
  return (await refused) - revokedAt;
}

function printRevokes(times: readonly number[]): void {
  const { median, max } = summary(times);
  console.log(
    `  Revoke → that tablet's next call refused (DEVICE_REVOKED), ${times.length} tablets calling back to back: median ${ms(median)}, max ${ms(max)} — target ≤ ${REVOKE_TARGET_MS} ms: ${verdict(max <= REVOKE_TARGET_MS)}`,
  );
}

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
