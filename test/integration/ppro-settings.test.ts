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

  it('is for administrators only', async () => {
    kassa = await startPproTestStation();
    const manager = await signInAs(kassa.station.station, 'manager');
    const refused = await manager.call('ppro.getSettings', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
