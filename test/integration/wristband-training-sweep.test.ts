import { expect, it } from 'vitest';
import { startTestStation } from '../support/station-in-process';
import { waitFor } from '../support/temp';
import { seedWristbands, topupPayload } from '../support/wristbands';

it('shows a training top-up within seconds even without an HTTP shell to call back to (the desktop app)', async () => {
  const kassa = await startTestStation();
  try {
    const [wristbandId] = await seedWristbands(kassa.dataDir);
    const sim = kassa.station.simulatorUrl()!;
    const post = async (path: string, body: unknown) =>
      (
        await fetch(sim + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json() as Promise<{ paymentId: string }>;
    const { paymentId } = await post('/_sim/payer/scan', {
      payload: topupPayload(wristbandId!),
      amount: 2_500,
    });
    await post('/_sim/payer/confirm', { paymentId });
    const started = Date.now();
    await waitFor(
      async () => (await kassa.must('wristbands.get', { wristbandId })).balanceCents === 2_500,
      4_000,
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(kassa.events).toContainEqual({
      name: 'wristbands.changed',
      payload: { wristbandId, balanceCents: 2_500, status: 'active' },
    });
  } finally {
    await kassa.close();
  }
});
