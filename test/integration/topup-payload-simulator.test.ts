import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTopupPayload } from '../../shared/domain/topup-payload';
import { wristbandIdFromData } from '../../shared/domain/wristband-id';
import {
  startSimulatorServer,
  TRAINING_TOPUP_FIXED_PROFILE,
  TRAINING_TOPUP_MODIFIABLE_PROFILE,
  TRAINING_TOPUP_PROFILE,
  type GetPaymentView,
  type SimulatorServer,
} from '../../electron/core/simulator';
import { simClient, type SimClient } from '../support/sim-client';

let server: SimulatorServer;
let sim: SimClient;

beforeEach(async () => {
  server = await startSimulatorServer({ port: 0 });
  sim = simClient(server.baseUrl);
});
afterEach(async () => {
  await server.close();
});

const id = wristbandIdFromData('7K2Q9XQ4M3');

/** The payer scans the printed payload and confirms; the merchant then reads the payment back. */
async function pay(payload: string, apiKey: string, amount?: number): Promise<GetPaymentView> {
  const scanned = await sim.scan(payload, amount === undefined ? {} : { amount });
  expect(scanned.status).toBe(200);
  expect((await sim.confirm(scanned.body.paymentId)).status).toBe(200);
  return (await sim.merchant(apiKey).get<GetPaymentView>(`/v3/payments/${scanned.body.paymentId}`)).body;
}

describe('a top-up payload built by Kassa, scanned in the simulator', () => {
  it('pays a fixed code for its printed amount, with D as description and the wristband id as reference', async () => {
    const payload = buildTopupPayload({
      ppid: TRAINING_TOPUP_FIXED_PROFILE.ppid,
      amountMode: 'fixed',
      amountCents: 2000,
      description: "Rock Werchter (day 1) + bar's",
      reference: id,
    });
    const paid = await pay(payload, TRAINING_TOPUP_FIXED_PROFILE.apiKey);
    expect(paid).toMatchObject({
      status: 'SUCCEEDED',
      amount: 2000,
      reference: id,
      description: "Rock Werchter (day 1) + bar's",
    });
  });

  it('pays an open code for what the payer types, and a modifiable one for its amount unless changed', async () => {
    const open = buildTopupPayload({
      ppid: TRAINING_TOPUP_PROFILE.ppid,
      amountMode: 'open',
      description: 'Top-up',
      reference: id,
    });
    expect(await pay(open, TRAINING_TOPUP_PROFILE.apiKey, 1234)).toMatchObject({
      status: 'SUCCEEDED',
      amount: 1234,
      reference: id,
    });
    const modifiable = buildTopupPayload({
      ppid: TRAINING_TOPUP_MODIFIABLE_PROFILE.ppid,
      amountMode: 'modifiable',
      amountCents: 1500,
      description: 'Top-up',
      reference: id,
    });
    expect(await pay(modifiable, TRAINING_TOPUP_MODIFIABLE_PROFILE.apiKey)).toMatchObject({
      amount: 1500,
      reference: id,
    });
    expect(await pay(modifiable, TRAINING_TOPUP_MODIFIABLE_PROFILE.apiKey, 4000)).toMatchObject({
      amount: 4000,
    });
  });

  it('pays a code printed on the legacy payconiq.com host too', async () => {
    const payload = buildTopupPayload({
      ppid: TRAINING_TOPUP_FIXED_PROFILE.ppid,
      amountMode: 'fixed',
      amountCents: 500,
      description: 'Top-up',
      reference: id,
      host: 'payconiq.com',
    });
    expect(payload.startsWith('https://payconiq.com/t/1/')).toBe(true);
    expect(await pay(payload, TRAINING_TOPUP_FIXED_PROFILE.apiKey)).toMatchObject({
      status: 'SUCCEEDED',
      amount: 500,
    });
  });
});
