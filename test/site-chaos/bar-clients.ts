import { randomUUID } from 'node:crypto';
import type { ErrorCode } from '../../shared/contract';
import type { DeviceClient } from '../bench/linked-devices-client';

/** What one bar payment came to, as its tablet saw it. */
export interface BarPayment {
  key: string;
  wristbandId: string;
  amountCents: number;
  /** `paid`: the station answered OK; `refused`: a definite no (e.g. not enough balance); `unknown`: no definite answer in time. */
  outcome: 'paid' | 'refused' | 'unknown';
  /** The refusal's code, for a refused payment. */
  code?: string;
  /** Tries it took, the same idempotency key each time. */
  attempts: number;
}

/**
 * Answers that say nothing about the payment: the station went away (killed, frozen, HAProxy had no
 * station for a moment) or PostgreSQL did. The tablet tries again with the same key, as the bar's
 * screen does, and the station books it once.
 */
const TRY_AGAIN: ReadonlySet<ErrorCode> = new Set(['DATABASE_UNREACHABLE', 'INTERNAL', 'STATION_REFUSED']);
const RETRY_MS = 300;

export interface BarLoad {
  /** Payments each tablet takes, one after the other. */
  perTablet: number;
  /** Wristbands the bars charge, shared by every tablet. */
  wristbands: readonly string[];
  /** How long one payment may keep trying before it counts as unknown. */
  giveUpMs: number;
  random: () => number;
}

/** Every tablet takes its payments back to back; the answers, in the order they were made. */
export async function runBars(tablets: readonly DeviceClient[], load: BarLoad): Promise<BarPayment[]> {
  const payments: BarPayment[] = [];
  await Promise.all(
    tablets.map(async (tablet) => {
      for (let n = 0; n < load.perTablet; n++) {
        const wristbandId = load.wristbands[Math.floor(load.random() * load.wristbands.length)]!;
        const amountCents = 100 + Math.floor(load.random() * 400);
        payments.push(await pay(tablet, wristbandId, amountCents, load.giveUpMs));
      }
    }),
  );
  return payments;
}

async function pay(
  tablet: DeviceClient,
  wristbandId: string,
  amountCents: number,
  giveUpMs: number,
): Promise<BarPayment> {
  const key = randomUUID();
  const input = { amountCents, idempotencyKey: key, wristbandId };
  const deadline = Date.now() + giveUpMs;
  let attempts = 0;
  while (Date.now() < deadline) {
    attempts += 1;
    const answer = await tablet.call('till.payWithWristband', input).then(
      ({ result }) => result,
      () => null,
    );
    if (answer?.ok) return { key, wristbandId, amountCents, outcome: 'paid', attempts };
    if (answer && !TRY_AGAIN.has(answer.error.code))
      return { key, wristbandId, amountCents, outcome: 'refused', code: answer.error.code, attempts };
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  return { key, wristbandId, amountCents, outcome: 'unknown', attempts };
}
