import { afterEach, describe, expect, it } from 'vitest';
import { TRAINING_PPRO_MERCHANT } from '../../electron/core/ppro-simulator';
import { startPproTestStation, type PproTestStation } from '../support/ppro-station';
import { signInAs } from '../support/sign-in';

/*
 * The merchant's PPRO account (live agreements): set by an administrator, the API key kept in the secret
 * store and never answered, and a connection test against a real PPRO (the simulator over HTTP).
 */

let kassa: PproTestStation | null = null;
afterEach(async () => {
  await kassa?.close();
  kassa = null;
});

describe('PPRO settings', () => {
  it('stores the account and the key, answers only whether a key is stored, and tests the connection', async () => {
    kassa = await startPproTestStation();
    const admin = await signInAs(kassa.station.station, 'administrator');
    expect(await admin.must('ppro.getSettings', {})).toMatchObject({ hasApiKey: false, configured: false });
    const account = { baseUrl: kassa.ppro.baseUrl, merchantId: TRAINING_PPRO_MERCHANT.merchantId };
    const input = { ...account, maxChargeCents: 50_000, apiKey: TRAINING_PPRO_MERCHANT.apiKey };

    // PPRO answers 404 for an agreement that does not exist: the address and the key work.
    expect(await admin.must('ppro.testConnection', input)).toEqual({ ok: true, problem: null });
    const wrong = { ...input, apiKey: 'not-the-key-0000' };
    expect(await admin.must('ppro.testConnection', wrong)).toEqual({ ok: false, problem: 'unauthorised' });

    const saved = await admin.must('ppro.saveSettings', { ...input, termsVersion: 'Club terms 2026' });
    expect(saved).toEqual({
      ...{ ...account, maxChargeCents: 50_000, hasApiKey: true },
      ...{ termsVersion: 'Club terms 2026', configured: true },
    });
    expect(JSON.stringify(saved)).not.toContain(TRAINING_PPRO_MERCHANT.apiKey);
    // Saved again without a key: the stored one stays, and the test uses it.
    const { apiKey: _key, ...withoutKey } = input;
    expect(await admin.must('ppro.saveSettings', { ...withoutKey, termsVersion: null })).toMatchObject({
      hasApiKey: true,
      termsVersion: null,
    });
    expect(await admin.must('ppro.testConnection', withoutKey)).toEqual({ ok: true, problem: null });
  });

  it('records the terms version saved now with the next agreement sold, and Kassa’s default before', async () => {
    kassa = await startPproTestStation();
    const admin = await signInAs(kassa.station.station, 'administrator');
    const article = await admin.must('articles.save', {
      ...{ name: 'Lidgeld', priceCents: 1500, vatRate: 21 },
      recurringPlan: { kind: 'plan', period: 'month', chargeCount: null },
    });
    const sell = async (key: string) => {
      const consumer = { name: 'An Peeters', email: 'an@example.be', locale: 'nl' };
      const input = {
        tillId: 'till-1',
        idempotencyKey: key,
        articleId: article.id,
        consumer,
        termsAccepted: true,
      };
      const sold = await kassa!.station.must('agreements.startAtTill', input);
      await kassa!.station.must('agreements.cancelAtTill', { agreementId: sold.id });
      return (await admin.must('agreements.detail', { agreementId: sold.id })).termsVersion;
    };
    expect(await sell('terms-key-0001')).toBe('Kassa-terms-1');
    const account = { baseUrl: kassa.ppro.baseUrl, merchantId: TRAINING_PPRO_MERCHANT.merchantId };
    await admin.must('ppro.saveSettings', {
      ...account,
      maxChargeCents: null,
      termsVersion: 'Club terms 2026',
    });
    expect(await sell('terms-key-0002')).toBe('Club terms 2026');
  });

  it('is for administrators only', async () => {
    kassa = await startPproTestStation();
    const manager = await signInAs(kassa.station.station, 'manager');
    const refused = await manager.call('ppro.getSettings', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
