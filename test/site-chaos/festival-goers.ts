import type { SimClient } from '../support/sim-client';
import { topupPayload } from '../support/wristbands';

/** A top-up a festival-goer paid in the Bancontact app (the simulator), as Bancontact knows it. */
export interface PaidTopup {
  paymentId: string;
  wristbandId: string;
  amountCents: number;
}

/**
 * Festival-goers scan their wristband's printed QR with the Bancontact app and pay an amount of their
 * choice, `count` of them over the run, `everyMs` apart. Bancontact then posts the callback to the
 * site's address (the run's callback router, which hands it to any station); no station is asked.
 */
export async function topUpOverTime(
  sim: SimClient,
  wristbands: readonly string[],
  options: { count: number; everyMs: number; random: () => number },
): Promise<PaidTopup[]> {
  const paid: PaidTopup[] = [];
  for (let n = 0; n < options.count; n++) {
    const wristbandId = wristbands[Math.floor(options.random() * wristbands.length)]!;
    const amountCents = 500 + 100 * Math.floor(options.random() * 46);
    paid.push(await topUp(sim, wristbandId, amountCents));
    await new Promise((resolve) => setTimeout(resolve, options.everyMs));
  }
  return paid;
}

export async function topUp(sim: SimClient, wristbandId: string, amountCents: number): Promise<PaidTopup> {
  const scanned = await sim.control<{ paymentId?: string }>(
    '/_sim/payer/scan',
    { payload: topupPayload(wristbandId), amount: amountCents },
    'POST',
  );
  const paymentId = scanned.body.paymentId;
  if (typeof paymentId !== 'string')
    throw new Error(`the simulator made no top-up: ${JSON.stringify(scanned.body)}`);
  const confirmed = await sim.control('/_sim/payer/confirm', { paymentId }, 'POST');
  if (confirmed.status !== 200)
    throw new Error(`the top-up was not confirmed: ${JSON.stringify(confirmed.body)}`);
  return { paymentId, wristbandId, amountCents };
}
