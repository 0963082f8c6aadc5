import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_INPUT_BYTES, maxInputBytesOf, methods, type MethodName } from '../../shared/contract';
import { MAX_LOGO_BYTES } from '../../shared/contract/topup-batch-methods';

/**
 * The limits must never refuse an input the contract's own schema accepts: the largest valid input
 * of each method that raises its limit, written as big as JSON allows, still fits under it.
 */

const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');
/** JSON with every non-ASCII character escaped (`\u00e9`): the most bytes a client can spend on it. */
const escapedBytes = (value: unknown): number =>
  JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .length;

function accepts(method: MethodName, input: unknown): void {
  const parsed = methods[method].input.safeParse(input);
  expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 2))).toBe(true);
}

describe('input limits', () => {
  it('default to 16 KiB, also for a method that does not exist', () => {
    expect(DEFAULT_MAX_INPUT_BYTES).toBe(16 * 1024);
    expect(maxInputBytesOf('till.startPayment')).toBe(DEFAULT_MAX_INPUT_BYTES);
    expect(maxInputBytesOf('no.suchMethod')).toBe(DEFAULT_MAX_INPUT_BYTES);
    for (const method of Object.keys(methods))
      expect(maxInputBytesOf(method)).toBeGreaterThanOrEqual(DEFAULT_MAX_INPUT_BYTES);
  });

  it('let topup.createBatch carry the largest logo the schema takes', () => {
    const logoDataUrl = `data:image/jpeg;base64,${'A'.repeat(Math.ceil(MAX_LOGO_BYTES / 3) * 4)}`;
    const input = {
      profileId: 'p'.repeat(64),
      count: 100_000,
      amountMode: 'fixed',
      amountCents: 2_000,
      description: 'D'.repeat(35),
      eventName: 'é'.repeat(60),
      logoDataUrl,
      layout: 'a4',
      grid: { rows: 20, columns: 10, marginMm: 12.5 },
      legacyHost: false,
      locale: 'nl',
    };
    accepts('topup.createBatch', input);
    expect(escapedBytes(input)).toBeLessThanOrEqual(maxInputBytesOf('topup.createBatch'));
    expect(jsonBytes(input)).toBeGreaterThan(DEFAULT_MAX_INPUT_BYTES);
  });

  it('let settings.setSalesSetup carry 50 shops and 100 tills with the longest names', () => {
    const id = (n: number) => `${'s'.repeat(28)}${String(n).padStart(4, '0')}`;
    const identity = {
      address: 'ë'.repeat(120),
      website: `www.${'k'.repeat(93)}.be`,
      vatNumber: 'BE 0202 239 951',
    };
    const input = {
      shops: Array.from({ length: 50 }, (_, n) => ({ id: id(n), name: 'ë'.repeat(60), ...identity })),
      business: { name: 'ë'.repeat(60), ...identity },
      vatRates: Array.from({ length: 50 }, (_, n) => ({ rate: n, from: '2026-01-01', until: '2026-12-31' })),
      cashRounding: 5,
      defaultVatRate: 21,
      defaultCashierId: id(999),
      tills: Array.from({ length: 100 }, (_, n) => ({
        tillId: `t${'-'.repeat(27)}${String(n).padStart(4, '0')}`,
        shopId: id(n % 50),
        vatRate: 6,
        cashierId: id(n),
      })),
    };
    accepts('settings.setSalesSetup', input);
    expect(escapedBytes(input)).toBeLessThanOrEqual(maxInputBytesOf('settings.setSalesSetup'));
    expect(escapedBytes(input)).toBeGreaterThan(DEFAULT_MAX_INPUT_BYTES);
  });

  it('hold the longest public URL under the default, however it is escaped', () => {
    const input = { publicUrl: `https://${'k'.repeat(1980)}.example.be` };
    accepts('settings.setPublicUrl', input);
    expect(escapedBytes({ publicUrl: 'é'.repeat(2000) })).toBeLessThanOrEqual(DEFAULT_MAX_INPUT_BYTES);
  });
});
