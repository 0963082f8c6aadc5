import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  TRAINING_DISPLAY_PROFILE,
  TRAINING_TOPUP_FIXED_PROFILE,
  TRAINING_TOPUP_PROFILE,
} from '../../electron/core/simulator';
import { psql } from '../support/postgres-server';
import { testSiteFor } from '../support/postgres-site';
import { writeStationSecret } from '../support/station-secrets';
import { startTestSimulator, startTestStation, type TestStation } from '../support/station-in-process';
import { waitFor } from '../support/temp';
import { seedWristbands, topupPayload } from '../support/wristbands';

let training: Awaited<ReturnType<typeof startTestSimulator>>;
let bancontact: Awaited<ReturnType<typeof startTestSimulator>>;
let kassa: TestStation;

beforeEach(async () => {
  training = await startTestSimulator();
  // A second simulator stands in for Bancontact's preprod environment.
  bancontact = await startTestSimulator();
  kassa = await startTestStation({
    simulatorUrl: training.baseUrl,
    environmentUrls: { preprod: bancontact.baseUrl },
    topupSweepIntervalMs: 150,
  });
});
afterEach(async () => {
  await kassa.close();
  await training.close();
  await bancontact.close();
});

/** The two top-up profiles of Kassa's older Settings → Top-up profiles, as it wrote them. */
const OLDER = [
  { ppid: TRAINING_TOPUP_PROFILE.ppid, name: 'Main bar', amountMode: 'open' },
  { ppid: TRAINING_TOPUP_FIXED_PROFILE.ppid, name: 'Dour entrance', amountMode: 'fixed' },
];

async function topUpAtBancontact(wristbandId: string, amount: number): Promise<void> {
  const scanned = await bancontact.control<{ paymentId: string }>('/_sim/payer/scan', {
    payload: topupPayload(wristbandId),
    amount,
  });
  await bancontact.control('/_sim/payer/confirm', { paymentId: scanned.body.paymentId });
}
const balance = async (wristbandId: string) =>
  (await kassa.must('wristbands.get', { wristbandId })).balanceCents;
const topups = async () => (await kassa.must('profiles.list', {})).filter((p) => p.kind === 'topup');

describe('a data folder of a Kassa from before shops had top-up profiles', () => {
  it('reads its two top-up profiles as the first shop’s, once, still printing batches and following top-ups', async () => {
    writeTodaysSettings(kassa.dataDir, {
      ...{ mode: 'live', environment: 'preprod', ppid: TRAINING_DISPLAY_PROFILE.ppid },
      topupProfiles: OLDER,
    });
    writeStationSecret(kassa.dataDir, 'bancontact.apiKey', TRAINING_DISPLAY_PROFILE.apiKey);
    writeStationSecret(kassa.dataDir, `bancontact.topup.${OLDER[0]!.ppid}.apiKey`, TRAINING_TOPUP_PROFILE.apiKey);
    writeStationSecret(
      kassa.dataDir,
      `bancontact.topup.${OLDER[1]!.ppid}.apiKey`,
      TRAINING_TOPUP_FIXED_PROFILE.apiKey,
    );
    await kassa.restart();

    const found = OLDER.map(({ ppid, name, amountMode }) =>
      expect.objectContaining({ shopId: 'shop-1', ppid, name, amountMode, hasApiKey: true, live: true }),
    );
    expect(await topups()).toEqual(found);
    // The top-up workshop offers them, and a batch of fixed codes is printed for the fixed one.
    const choices = await kassa.must('topup.listProfiles', {});
    expect(choices.map((p) => [p.ppid, p.amountMode])).toEqual(OLDER.map((p) => [p.ppid, p.amountMode]));
    const { batch } = await kassa.must('topup.createBatch', {
      ...{ count: 2, amountMode: 'fixed', amountCents: 2_000, description: 'Entrance top-up' },
      ...{ eventName: 'Dour 2026', layout: 'label' },
    });
    expect(batch).toMatchObject({ profileId: OLDER[1]!.ppid, amountMode: 'fixed', amountCents: 2_000 });

    // A top-up paid to the open profile is found by that profile's sweep, with the key it always had.
    const [band] = await seedWristbands(kassa.dataDir, { file: 'preprod.sqlite', profileId: OLDER[0]!.ppid });
    await topUpAtBancontact(band!, 1_500);
    await waitFor(async () => (await balance(band!)) === 1_500, 3_000, 'the sweep to credit the top-up');

    // Once the list is written, the older list is gone from settings.json and nothing is read twice.
    const [first] = await topups();
    await kassa.must('profiles.update', { profileId: first!.id, name: 'Main bar north' });
    expect(storedTopupProfiles(kassa.dataDir)).toEqual([]);
    await kassa.restart();
    expect((await topups()).map((p) => p.name)).toEqual(['Main bar north', 'Dour entrance']);
    expect(await balance(band!)).toBe(1_500);
  });
});

describe('a shop’s top-up profile', () => {
  it('needs its amount rule, goes live by the rule of every profile, and is then the workshop’s', async () => {
    const credentials = {
      ...{ environment: 'preprod', ppid: TRAINING_DISPLAY_PROFILE.ppid },
      apiKey: TRAINING_DISPLAY_PROFILE.apiKey,
    } as const;
    await kassa.must('settings.testConnection', credentials);
    await kassa.must('settings.goLive', credentials);
    const input = { shopId: 'shop-1', kind: 'topup', name: 'Main bar', ppid: TRAINING_TOPUP_PROFILE.ppid } as const;
    expect(await kassa.call('profiles.add', input)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: ['amountMode'] },
    });
    const display = { ...input, kind: 'display', ppid: 'ab'.repeat(12), amountMode: 'open' } as const;
    expect(await kassa.call('profiles.add', display)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: ['amountMode'] },
    });
    const added = await kassa.must('profiles.add', { ...input, amountMode: 'open' });
    const profileId = added.find((p) => p.kind === 'topup')!.id;
    await kassa.must('profiles.setApiKey', { profileId, apiKey: TRAINING_TOPUP_PROFILE.apiKey });
    // Not live yet: the workshop does not offer it, and its payments are not followed.
    expect(await kassa.must('topup.listProfiles', {})).toEqual([]);
    expect(await kassa.call('profiles.goLive', { profileId, environment: 'preprod' })).toMatchObject({
      ok: false,
    });
    await kassa.must('profiles.testConnection', { profileId, environment: 'preprod' });
    await kassa.must('profiles.goLive', { profileId, environment: 'preprod' });
    expect(await kassa.must('topup.listProfiles', {})).toEqual([
      expect.objectContaining({ ppid: input.ppid, name: 'Main bar', amountMode: 'open' }),
    ]);
    const [band] = await seedWristbands(kassa.dataDir, { file: 'preprod.sqlite', profileId: input.ppid });
    await topUpAtBancontact(band!, 900);
    await waitFor(async () => (await balance(band!)) === 900, 3_000, 'the sweep to credit the top-up');
  });
});

function storedTopupProfiles(dataDir: string): unknown {
  return (JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>)
    .topupProfiles;
}

/** settings.json as Kassa wrote it before shops had payment profiles (and, on a site, its shared rows). */
function writeTodaysSettings(dataDir: string, values: Record<string, unknown>): void {
  const file = join(dataDir, 'settings.json');
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  delete stored.paymentProfiles;
  writeFileSync(file, JSON.stringify({ ...stored, ...values }, null, 2));
  const site = testSiteFor(dataDir);
  if (!site) return;
  const url = new URL(site);
  const rows = Object.entries(values).map(([name, value]) => `('${name}', '${JSON.stringify(value)}', 0)`);
  psql(
    `${url.protocol}//${url.username}@${url.host}`,
    url.pathname.slice(1),
    `DELETE FROM site_settings WHERE name = 'paymentProfiles';
     INSERT INTO site_settings (name, value, updated_at) VALUES ${rows.join(', ')}
     ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
  );
}
