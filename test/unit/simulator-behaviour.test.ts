import { describe, expect, it } from 'vitest';
import { callbackTargets } from '../../electron/core/simulator/callbacks/callback-body';
import { isRetryable } from '../../electron/core/simulator/callbacks/http-post';
import { createSimClock } from '../../electron/core/simulator/clock';
import { SimError } from '../../electron/core/simulator/errors';
import { createFaultEngine } from '../../electron/core/simulator/faults/fault-engine';
import { createSeededRandom } from '../../electron/core/simulator/faults/random';
import { createTokenBuckets } from '../../electron/core/simulator/faults/token-bucket';
import { createSettingsHolder, DEFAULT_SETTINGS } from '../../electron/core/simulator/settings';
import { parseSearch } from '../../electron/core/simulator/search';
import { readTemplate, topupAmount } from '../../electron/core/simulator/topup';
import type { SimPayment } from '../../electron/core/simulator/types';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof SimError) return `${error.status} ${error.code}`;
    throw error;
  }
  return undefined;
}

describe('top-up amount rules', () => {
  it.each([
    ['open', undefined, 700, 700],
    ['open', 500, 700, 700],
    ['modifiable', 500, undefined, 500],
    ['modifiable', 500, 700, 700],
    ['modifiable', undefined, 700, 700],
    ['fixed', 500, undefined, 500],
    ['fixed', 500, 500, 500],
  ] as const)('%s code with A=%s and payer %s pays %i', (mode, printed, payer, expected) => {
    expect(topupAmount(mode, printed, payer)).toBe(expected);
  });

  it.each([
    ['open', undefined, undefined, '400 FIELD_IS_REQUIRED'],
    ['modifiable', undefined, undefined, '400 FIELD_IS_REQUIRED'],
    ['fixed', 500, 700, '422 AMOUNT_NOT_MODIFIABLE'],
    ['fixed', undefined, 700, '400 PAYLOAD_INVALID'],
  ] as const)('%s code with A=%s and payer %s is refused: %s', (mode, printed, payer, code) => {
    expect(codeOf(() => topupAmount(mode, printed, payer))).toBe(code);
  });

  it('reads D, A and R within their limits', () => {
    expect(readTemplate({ D: 'Top-up', A: '999999', R: 'WB-1' })).toEqual({
      description: 'Top-up',
      amount: 999_999,
      reference: 'WB-1',
    });
    expect(readTemplate({ D: '', R: '' })).toEqual({});
    for (const A of ['0', '1000000', '1e3', '-5', ' 5'])
      expect(codeOf(() => readTemplate({ A }))).toBe('400 PAYLOAD_INVALID');
  });
});

describe('seeded faults', () => {
  it('give the same draws for the same seed, and streams do not disturb each other', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const drawsA = [a.next('error'), a.next('error'), a.next('error')];
    b.next('hang'); // another stream in between changes nothing
    expect([b.next('error'), b.next('error'), b.next('error')]).toEqual(drawsA);
    expect(createSeededRandom(43).next('error')).not.toBe(drawsA[0]);
    expect(drawsA.every((d) => d >= 0 && d < 1)).toBe(true);
  });

  it('merge profile settings over global ones, field by field', () => {
    const engine = createFaultEngine(1, createSimClock());
    engine.setGlobal({ errorRate: 1, latencyMs: 5 });
    engine.setProfile('p1', { errorRate: 0 });
    expect(engine.effective('p1')).toEqual({ errorRate: 0, latencyMs: 5 });
    expect(engine.effective('p2')).toEqual({ errorRate: 1, latencyMs: 5 });
    expect(engine.hit(0, 'error')).toBe(false);
    expect(engine.hit(1, 'error')).toBe(true);
    engine.clear();
    expect(engine.effective('p1')).toEqual({});
  });

  it('token buckets hold their capacity and refill by the time given', () => {
    const buckets = createTokenBuckets();
    const limit = { capacity: 2, refillPerSecond: 2 };
    expect([0, 0, 0].map(() => buckets.take('p', limit, 1_000))).toEqual([true, true, false]);
    expect(buckets.take('p', limit, 1_500)).toBe(true);
    expect(buckets.take('p', limit, 1_500)).toBe(false);
    expect(buckets.take('other', limit, 1_500)).toBe(true);
  });
});

describe('callback routing and retry rules', () => {
  const payment = (patch: Partial<SimPayment>) =>
    ({ status: 'IDENTIFIED', callbackUrl: 'https://a.be/cb', ...patch }) as SimPayment;

  it('sends IDENTIFIED per the setting, everything else to callbackUrl', () => {
    const settings = createSettingsHolder();
    const both = payment({ identifyCallbackUrl: 'https://a.be/id' });
    expect(callbackTargets(both, settings.get())).toEqual(['https://a.be/id']);
    expect(callbackTargets(payment({}), settings.get())).toEqual(['https://a.be/cb']);
    expect(callbackTargets({ ...both, status: 'SUCCEEDED' }, settings.get())).toEqual(['https://a.be/cb']);
    settings.update({ identifiedCallbackTargets: 'identify-and-callback' });
    expect(callbackTargets(both, settings.get())).toEqual(['https://a.be/id', 'https://a.be/cb']);
    settings.update({ identifiedCallbackTargets: 'identify-only' });
    expect(callbackTargets(payment({}), settings.get())).toEqual([]);
  });

  it('retries timeouts, network errors and the listed statuses only', () => {
    for (const status of [429, 500, 503, 504, 509])
      expect(isRetryable({ status }, 'listed-statuses')).toBe(true);
    for (const status of [200, 204, 400, 403, 502])
      expect(isRetryable({ status }, 'listed-statuses')).toBe(false);
    expect(isRetryable({ error: 'timeout', detail: '' }, 'listed-statuses')).toBe(true);
    expect(isRetryable({ status: 400 }, 'any-non-200')).toBe(true);
    expect(isRetryable({ status: 200 }, 'any-non-200')).toBe(false);
  });
});

describe('settings', () => {
  it('start from the documented defaults and refuse unknown or bad values', () => {
    const settings = createSettingsHolder({ posInvalidationStatus: 'EXPIRED' });
    expect(settings.get()).toEqual({ ...DEFAULT_SETTINGS, posInvalidationStatus: 'EXPIRED' });
    expect(() => settings.update({ posInvalidationStatus: 'GONE' })).toThrow();
    expect(() => settings.update({ noSuchKnob: 1 })).toThrow();
    expect(settings.update({ legacyHostCutover: '2026-05-11T00:00:00+02:00' }).legacyHostCutover).toBe(
      '2026-05-11T00:00:00+02:00',
    );
  });
});

describe('search parameters', () => {
  const NOW = Date.parse('2026-01-02T00:00:00Z');
  it('default to page 0, size 10 and the last 24 hours', () => {
    expect(parseSearch('p', {}, {}, NOW)).toEqual({
      number: 0,
      size: 10,
      query: { profileId: 'p', from: NOW - 86_400_000, to: NOW, limit: 10, offset: 0 },
    });
    expect(
      parseSearch('p', { page: '2', size: '100' }, { reference: 'R', paymentStatuses: ['SUCCEEDED'] }, NOW)
        .query,
    ).toMatchObject({ offset: 200, limit: 100, reference: 'R', statuses: ['SUCCEEDED'] });
    expect(codeOf(() => parseSearch('p', { size: '101' }, {}, NOW))).toBe('400 FIELD_IS_INVALID');
  });
});
