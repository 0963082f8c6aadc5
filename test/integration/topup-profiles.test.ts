import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRAINING_DISPLAY_PROFILE, TRAINING_TOPUP_PROFILE } from '../../electron/core/simulator';
import { startTestSimulator, startTestStation, type TestStation } from '../support/station-in-process';
import { readStationSecrets } from '../support/station-secrets';
import { waitFor } from '../support/temp';
import { seedWristbands, topupPayload } from '../support/wristbands';

let training: Awaited<ReturnType<typeof startTestSimulator>>;
let bancontact: Awaited<ReturnType<typeof startTestSimulator>>;
let kassa: TestStation;
const TOPUP = {
  ppid: TRAINING_TOPUP_PROFILE.ppid,
  amountMode: 'open',
  apiKey: TRAINING_TOPUP_PROFILE.apiKey,
};

beforeEach(async () => {
  training = await startTestSimulator();
  // A second simulator stands in for Bancontact's preprod environment.
  bancontact = await startTestSimulator();
  kassa = await startTestStation({
    simulatorUrl: training.baseUrl,
    environmentUrls: { preprod: bancontact.baseUrl },
    topupSweepIntervalMs: 150,
  });
  const credentials = {
    environment: 'preprod',
    ppid: TRAINING_DISPLAY_PROFILE.ppid,
    apiKey: TRAINING_DISPLAY_PROFILE.apiKey,
  };
  // Going live takes a passed test of the same credentials first.
  await kassa.must('settings.testConnection', credentials);
  await kassa.must('settings.goLive', credentials);
});
afterEach(async () => {
  await kassa.close();
  await training.close();
  await bancontact.close();
});

async function topUpAtBancontact(wristbandId: string, amount: number): Promise<void> {
  const scanned = await bancontact.control<{ paymentId: string }>('/_sim/payer/scan', {
    payload: topupPayload(wristbandId),
    amount,
  });
  await bancontact.control('/_sim/payer/confirm', { paymentId: scanned.body.paymentId });
}
const balance = async (wristbandId: string) =>
  (await kassa.must('wristbands.get', { wristbandId })).balanceCents;

describe('live top-up profiles', () => {
  it('are added with their key kept in the secret store, listed without it, and followed at once', async () => {
    const refused = await kassa.call('settings.addTopupProfile', {
      ...TOPUP,
      apiKey: 'not-the-right-key-123',
    });
    expect(refused.ok || refused.error.code).toBe('BANCONTACT_UNAUTHORIZED');
    expect(await kassa.must('settings.listTopupProfiles', {})).toEqual([]);

    const listed = await kassa.must('settings.addTopupProfile', { ...TOPUP, name: 'Summer Fest' });
    expect(listed).toEqual([
      { ppid: TOPUP.ppid, name: 'Summer Fest', amountMode: 'open', apiKeyLast4: '0003', callbackUrl: null },
    ]);
    expect(JSON.stringify(listed)).not.toContain(TOPUP.apiKey);
    expect(readFileSync(join(kassa.dataDir, 'settings.json'), 'utf8')).not.toContain(TOPUP.apiKey);
    // On a site the key is written through to the site database just after the answer.
    const stored = () => Object.values(readStationSecrets(kassa.dataDir)).includes(TOPUP.apiKey);
    await waitFor(stored, 2_000, 'the key to be stored');

    const [band] = await seedWristbands(kassa.dataDir, { file: 'preprod.sqlite', profileId: TOPUP.ppid });
    await topUpAtBancontact(band!, 1_200);
    await waitFor(async () => (await balance(band!)) === 1_200, 3_000, 'the sweep to credit the top-up');

    await kassa.restart();
    expect(await kassa.must('settings.listTopupProfiles', {})).toEqual(listed);
    expect(await balance(band!)).toBe(1_200);
  });

  it('are removed with their key, and their payments are no longer followed', async () => {
    await kassa.must('settings.addTopupProfile', TOPUP);
    const [band] = await seedWristbands(kassa.dataDir, { file: 'preprod.sqlite', profileId: TOPUP.ppid });
    expect(await kassa.must('settings.removeTopupProfile', { ppid: TOPUP.ppid })).toEqual([]);
    const gone = () => !Object.values(readStationSecrets(kassa.dataDir)).includes(TOPUP.apiKey);
    await waitFor(gone, 2_000, 'the key to be deleted');
    await topUpAtBancontact(band!, 800);
    await new Promise((r) => setTimeout(r, 600));
    expect(await balance(band!)).toBe(0);
    const again = await kassa.call('settings.removeTopupProfile', { ppid: TOPUP.ppid });
    expect(again.ok || again.error.code).toBe('NOT_FOUND');
  });
});
