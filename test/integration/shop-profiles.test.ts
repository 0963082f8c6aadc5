import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaymentProfileView, SaleView } from '../../shared/contract';
import { TRAINING_DISPLAY_PROFILE, TRAINING_SHOP_DISPLAY_PROFILES } from '../../electron/core/simulator';
import { psql } from '../support/postgres-server';
import { testSiteFor } from '../support/postgres-site';
import { signInAs } from '../support/sign-in';
import { writeStationSecret } from '../support/station-secrets';
import { startTestSimulator, startTestStation, type TestStation } from '../support/station-in-process';
import { waitFor } from '../support/temp';

const MINUTE = 60_000;
const IBAN = 'BE68 5390 0754 7034';
/** Shop B's own profile at the preprod "Bancontact": a profile that simulator knows, not the station's. */
const SHOP_B = TRAINING_SHOP_DISPLAY_PROFILES[0]!;

let training: Awaited<ReturnType<typeof startTestSimulator>>;
let bancontact: Awaited<ReturnType<typeof startTestSimulator>>;
let kassa: TestStation;
let clockOffset = 0;

beforeEach(async () => {
  clockOffset = 0;
  training = await startTestSimulator();
  bancontact = await startTestSimulator();
  kassa = await startTestStation({
    simulatorUrl: training.baseUrl,
    environmentUrls: { preprod: bancontact.baseUrl, production: bancontact.baseUrl },
    now: () => Date.now() + clockOffset,
    requestTimeoutMs: 2_000,
  });
  await kassa.must('settings.setSalesSetup', {
    shops: [
      { id: 'shop-1', name: 'Bar Noord', address: 'Kouter 1, Gent' },
      { id: 'shop-2', name: 'Frituur Zuid', address: 'Grote Markt 3, Brugge' },
    ],
    tills: [
      { tillId: 'till-1', shopId: 'shop-1' },
      { tillId: 'till-2', shopId: 'shop-2' },
    ],
  });
});
afterEach(async () => {
  await kassa.close();
  await training.close();
  await bancontact.close();
});

const profileOf = (list: PaymentProfileView[], kind: string, shopId: string) =>
  list.find((p) => p.kind === kind && p.shopId === shopId)!;
const addShopB = () =>
  kassa.must('profiles.add', {
    shopId: 'shop-2',
    kind: 'display',
    name: 'Frituur display',
    ppid: SHOP_B.ppid,
  });

async function paidAt(tillId: string, amountCents: number): Promise<SaleView> {
  const key = `key-${tillId}-${amountCents}-${Math.random().toString(36).slice(2)}`;
  const sale = await kassa.must('till.startPayment', { amountCents, idempotencyKey: key, tillId });
  if (sale.payment?.problem) throw new Error(`no payment: ${sale.payment.problem.code}`);
  return sale;
}

async function paidInTraining(tillId: string, amountCents: number): Promise<SaleView> {
  const sale = await paidAt(tillId, amountCents);
  await kassa.must('training.scan', { saleId: sale.id });
  await kassa.must('training.confirm', { saleId: sale.id });
  return waitFor(async () => {
    const now = await kassa.must('till.getSale', { saleId: sale.id });
    return now.status === 'paid' ? now : null;
  }, 8_000);
}

/** What the merchant API answers about a payment to a profile's key: 200 only for its own payments. */
async function statusFor(baseUrl: string, apiKey: string, bancontactId: string): Promise<number> {
  const answer = await fetch(`${baseUrl}/v3/payments/${bancontactId}`, {
    headers: { Authorization: `Bearer ${apiKey}` },
  });
  return answer.status;
}

describe('shops and their payment profiles', () => {
  it('adds, edits and removes profiles; an IBAN must hold its check digits and is verified by a manager', async () => {
    const refused = await kassa.call('profiles.add', {
      ...{ shopId: 'shop-2', kind: 'display', name: 'Frituur', ppid: SHOP_B.ppid },
      payoutIban: 'BE68 5390 0754 7035',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: ['payoutIban'] } });
    const list = await kassa.must('profiles.add', {
      ...{ shopId: 'shop-2', kind: 'display', name: 'Frituur', ppid: SHOP_B.ppid, payoutIban: IBAN },
    });
    const added = profileOf(list, 'display', 'shop-2');
    expect(added).toMatchObject({
      iban: 'BE68539007547034',
      ibanStatus: 'toVerify',
      live: false,
      hasApiKey: false,
    });
    await kassa.must('profiles.add', {
      shopId: 'shop-2',
      kind: 'sticker',
      name: 'Frituur sticker',
      ppid: 'abc123',
    });
    expect(
      await kassa.call('profiles.add', { shopId: 'shop-9', kind: 'topup', name: 'X', ppid: 'abc' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const cashier = await signInAs(kassa.station, 'cashier');
    expect(await cashier.call('profiles.list', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const manager = await signInAs(kassa.station, 'manager');
    expect(await manager.call('profiles.update', { profileId: added.id, name: 'Mine' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // The manager marks the IBAN they see; one changed meanwhile is not verified by mistake.
    expect(
      await manager.call('profiles.verifyIban', { profileId: added.id, payoutIban: 'BE71096123456769' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const verified = await manager.must('profiles.verifyIban', { profileId: added.id, payoutIban: IBAN });
    expect(profileOf(verified, 'display', 'shop-2').ibanStatus).toBe('verified');
    const renamed = await kassa.must('profiles.update', { profileId: added.id, name: 'Frituur kassa' });
    expect(profileOf(renamed, 'display', 'shop-2')).toMatchObject({
      name: 'Frituur kassa',
      ibanStatus: 'verified',
    });
    const changed = await kassa.must('profiles.update', {
      profileId: added.id,
      payoutIban: 'BE71 0961 2345 6769',
    });
    expect(profileOf(changed, 'display', 'shop-2')).toMatchObject({
      iban: 'BE71096123456769',
      ibanStatus: 'toVerify',
    });

    const keyed = await kassa.must('profiles.setApiKey', { profileId: added.id, apiKey: SHOP_B.apiKey });
    expect(profileOf(keyed, 'display', 'shop-2').hasApiKey).toBe(true);
    expect(JSON.stringify(keyed)).not.toContain('7a1e-4d15');
    const sticker = profileOf(keyed, 'sticker', 'shop-2');
    const left = await kassa.must('profiles.remove', { profileId: sticker.id });
    expect(left.map((p) => p.kind)).toEqual(['display']);
    // Kept across a restart, in the settings; the key in the secret store only.
    await kassa.restart();
    expect(await kassa.must('profiles.list', {})).toEqual(left);
    expect(readFileSync(join(kassa.dataDir, 'settings.json'), 'utf8')).not.toContain(SHOP_B.apiKey);
  });

  it('takes each profile live by the rule of the first one: a passed test of its credentials within 10 minutes', async () => {
    const manager = await signInAs(kassa.station, 'manager');
    const list = await addShopB();
    const shopB = profileOf(list, 'display', 'shop-2');
    await kassa.must('profiles.setApiKey', { profileId: shopB.id, apiKey: SHOP_B.apiKey });
    const live = { profileId: shopB.id, environment: 'preprod' } as const;
    expect(await manager.call('profiles.goLive', live)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const wrong = await kassa.call('profiles.testConnection', { ...live, apiKey: 'not-the-right-key-123' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BANCONTACT_UNAUTHORIZED' } });
    await kassa.must('profiles.testConnection', live);
    clockOffset = 10 * MINUTE + 1_000;
    expect(await kassa.call('profiles.goLive', live)).toMatchObject({
      error: { code: 'CONNECTION_NOT_TESTED' },
    });
    // A passed test for production does not take it live on preprod.
    await kassa.must('profiles.testConnection', { ...live, environment: 'production' });
    expect(await kassa.call('profiles.goLive', live)).toMatchObject({
      error: { code: 'CONNECTION_NOT_TESTED' },
    });
    await kassa.must('profiles.testConnection', live);
    const after = await kassa.must('profiles.goLive', live);
    expect(profileOf(after, 'display', 'shop-2')).toMatchObject({ live: true, environment: 'preprod' });
    // A new key is not live until it is tested and taken live again.
    const rekeyed = await kassa.must('profiles.setApiKey', { profileId: shopB.id, apiKey: SHOP_B.apiKey });
    expect(profileOf(rekeyed, 'display', 'shop-2').live).toBe(false);
  });

  it('takes a sale at a till of the second shop with that shop’s display profile, in training', async () => {
    const shopB = profileOf(await addShopB(), 'display', 'shop-2');
    expect(shopB.trainingPpid).toBe(SHOP_B.ppid);
    const atB = await paidInTraining('till-2', 1_250);
    const atA = await paidInTraining('till-1', 700);
    // The simulator knows each payment under the profile whose key created it.
    expect(await statusFor(training.baseUrl, SHOP_B.apiKey, atB.payment!.bancontactId!)).toBe(200);
    expect(
      await statusFor(training.baseUrl, TRAINING_DISPLAY_PROFILE.apiKey, atB.payment!.bancontactId!),
    ).not.toBe(200);
    expect(
      await statusFor(training.baseUrl, TRAINING_DISPLAY_PROFILE.apiKey, atA.payment!.bancontactId!),
    ).toBe(200);

    const byShop = await kassa.must('reports.listTransactions', { shopId: 'shop-2' });
    expect(byShop.rows.map((r) => [r.saleId, r.profileId])).toEqual([[atB.id, SHOP_B.ppid]]);
    const byProfile = await kassa.must('reports.listTransactions', { profileId: SHOP_B.ppid });
    expect(byProfile.rows.map((r) => r.saleId)).toEqual([atB.id]);
    const firstShop = await kassa.must('reports.listTransactions', {
      profileId: TRAINING_DISPLAY_PROFILE.ppid,
    });
    expect(firstShop.rows.map((r) => r.saleId)).toEqual([atA.id]);
    const summary = await kassa.must('reports.getSummaries', { shopId: 'shop-2', profileId: SHOP_B.ppid });
    expect(summary.today.sales).toEqual({ count: 1, cents: 1_250 });
    expect(summary.hourlyToday.reduce((sum, point) => sum + point.cents, 0)).toBe(1_250);
    expect(summary.today.byShop).toEqual([{ id: 'shop-2', name: 'Frituur Zuid', count: 1, cents: 1_250 }]);
    const other = await kassa.must('reports.getSummaries', { profileId: TRAINING_DISPLAY_PROFILE.ppid });
    expect(other.today.sales).toEqual({ count: 1, cents: 700 });
    expect((await kassa.must('reports.getSummaries', {})).today.sales).toEqual({ count: 2, cents: 1_950 });
  });

  it('takes a live sale at the second shop with its own PPID and key; a shop whose profile is not live says so', async () => {
    const preprod = { environment: 'preprod', ppid: TRAINING_DISPLAY_PROFILE.ppid } as const;
    await kassa.must('settings.testConnection', { ...preprod, apiKey: TRAINING_DISPLAY_PROFILE.apiKey });
    await kassa.must('settings.goLive', { ...preprod, apiKey: TRAINING_DISPLAY_PROFILE.apiKey });
    const shopB = profileOf(await addShopB(), 'display', 'shop-2');
    const refused = await kassa.call('till.startPayment', {
      amountCents: 900,
      idempotencyKey: 'not-live-1',
      tillId: 'till-2',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NO_LIVE_PROFILE' } });
    await kassa.must('profiles.setApiKey', { profileId: shopB.id, apiKey: SHOP_B.apiKey });
    await kassa.must('profiles.testConnection', { profileId: shopB.id, environment: 'preprod' });
    await kassa.must('profiles.goLive', { profileId: shopB.id, environment: 'preprod' });
    const sale = await paidAt('till-2', 900);
    const bancontactId = sale.payment!.bancontactId!;
    expect(await statusFor(bancontact.baseUrl, SHOP_B.apiKey, bancontactId)).toBe(200);
    await bancontact.control('/_sim/payer/scan', { payload: sale.payment!.deeplink });
    await bancontact.control('/_sim/payer/confirm', { paymentId: bancontactId });
    await waitFor(
      async () => (await kassa.must('till.getSale', { saleId: sale.id })).status === 'paid',
      8_000,
    );
    const rows = (await kassa.must('reports.listTransactions', { shopId: 'shop-2', profileId: SHOP_B.ppid }))
      .rows;
    expect(rows.map((r) => r.saleId)).toEqual([sale.id]);
    // The first shop's till still pays with the station's own profile.
    const atA = await paidAt('till-1', 400);
    expect(
      await statusFor(bancontact.baseUrl, TRAINING_DISPLAY_PROFILE.apiKey, atA.payment!.bancontactId!),
    ).toBe(200);
  });

  it('reads a data folder of a Kassa from before shops had profiles: its PPID is the first shop’s display profile', async () => {
    const ppid = TRAINING_DISPLAY_PROFILE.ppid;
    writeTodaysSettings(kassa.dataDir, { mode: 'live', environment: 'preprod', ppid });
    writeStationSecret(kassa.dataDir, 'bancontact.apiKey', TRAINING_DISPLAY_PROFILE.apiKey);
    await kassa.restart();
    expect((await kassa.must('settings.get', {})).mode).toBe('live');
    const list = await kassa.must('profiles.list', {});
    expect(list).toEqual([
      expect.objectContaining({
        shopId: 'shop-1',
        kind: 'display',
        ppid,
        hasApiKey: true,
        live: true,
        environment: 'preprod',
      }),
    ]);
    // It pays as before, and is now one profile among the shops' others.
    const sale = await paidAt('till-1', 300);
    expect(
      await statusFor(bancontact.baseUrl, TRAINING_DISPLAY_PROFILE.apiKey, sale.payment!.bancontactId!),
    ).toBe(200);
    await kassa.must('profiles.update', { profileId: list[0]!.id, payoutIban: IBAN });
    await kassa.restart();
    expect(await kassa.must('profiles.list', {})).toEqual([
      expect.objectContaining({ id: list[0]!.id, ppid, live: true, ibanStatus: 'toVerify' }),
    ]);
  });
});

/** settings.json as Kassa wrote it before shops had payment profiles (and, on a site, its shared rows). */
function writeTodaysSettings(
  dataDir: string,
  values: { mode: string; environment: string; ppid: string },
): void {
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
