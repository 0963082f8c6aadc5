import { describe, expect, it } from 'vitest';
import { createSimClock } from '../../electron/core/simulator/clock';
import { SimError } from '../../electron/core/simulator/errors';
import { parsePayload } from '../../electron/core/simulator/payload';
import {
  canTransition,
  isCancellable,
  isExpirable,
  isFinal,
} from '../../electron/core/simulator/transitions';
import { createPaymentParser } from '../../electron/core/simulator/validation';
import { maskIban } from '../../electron/core/simulator/views';

const strict = createPaymentParser({ allowHttpCallbacks: false });
const relaxed = createPaymentParser({ allowHttpCallbacks: true });

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof SimError) return `${error.status} ${error.code}`;
    throw error;
  }
  return undefined;
}

describe('create-payment validation', () => {
  it('defaults currency to EUR and treats null members as absent', () => {
    expect(strict({ amount: 5, currency: null, reference: null })).toEqual({ amount: 5, currency: 'EUR' });
  });

  it('asks for amount before judging other fields, and treats a null amount as missing', () => {
    expect(codeOf(() => strict({ reference: 'é' }))).toBe('400 FIELD_IS_REQUIRED');
    expect(codeOf(() => strict({ amount: null }))).toBe('400 FIELD_IS_REQUIRED');
  });

  it.each(['€', 'é', '&', '_', '"', '\n', '@'])('rejects %j in reference and description', (char) => {
    expect(codeOf(() => strict({ amount: 1, reference: `A${char}` }))).toBe('400 FIELD_IS_INVALID');
    expect(codeOf(() => strict({ amount: 1, description: `A${char}` }))).toBe('400 FIELD_IS_INVALID');
  });

  it.each([
    ['https://till.example.be/cb', true, true],
    ['https://till.example.be:8443/cb?x=1', true, true],
    ['https://localhost/cb', false, true],
    ['http://127.0.0.1:9000/cb', false, true],
    ['http://localhost:9000/cb', false, true],
    ['http://till.example.be/cb', false, false],
    ['http://192.168.1.10/cb', false, false],
    ['ftp://till.example.be/cb', false, false],
    ['', false, false],
  ])('callback URL %j: strict %s, allowHttpCallbacks %s', (url, strictOk, relaxedOk) => {
    const ok = (parse: typeof strict) => codeOf(() => parse({ amount: 1, callbackUrl: url })) === undefined;
    expect(ok(strict)).toBe(strictOk);
    expect(ok(relaxed)).toBe(relaxedOk);
  });
});

describe('status graph', () => {
  it('allows cancel and expiry only while PENDING or IDENTIFIED', () => {
    expect(['PENDING', 'IDENTIFIED'].every((s) => isCancellable(s as never) && isExpirable(s as never))).toBe(
      true,
    );
    expect(isCancellable('AUTHORIZED')).toBe(false);
    expect(isExpirable('AUTHORIZED')).toBe(false);
  });

  it('never leaves a final status', () => {
    for (const status of [
      'SUCCEEDED',
      'AUTHORIZATION_FAILED',
      'FAILED',
      'CANCELLED',
      'EXPIRED',
      'VOIDED',
    ] as const) {
      expect(isFinal(status)).toBe(true);
      expect(canTransition(status, 'PENDING')).toBe(false);
    }
  });

  it('reaches SUCCEEDED only through AUTHORIZED', () => {
    expect(canTransition('IDENTIFIED', 'SUCCEEDED')).toBe(false);
    expect(canTransition('PENDING', 'AUTHORIZED')).toBe(false);
    expect(canTransition('AUTHORIZED', 'SUCCEEDED')).toBe(true);
  });
});

describe('QR payloads', () => {
  const id = '0123456789abcdef01234567';
  const ppid = 'ca55a0000000000000000003';
  it.each([
    [`https://pay.bancontact.net/pay/2/${id}`, 'pay.bancontact.net'],
    [`https://payconiq.com/pay/2/${id}`, 'payconiq.com'],
    [`  https://PAY.bancontact.net/pay/2/${id}/ `, 'pay.bancontact.net'],
  ])('reads the dynamic payment code %j', (payload, host) => {
    expect(parsePayload(payload)).toEqual({ kind: 'payment', paymentId: id, host });
  });

  it('reads sticker codes on both hosts', () => {
    expect(parsePayload(`https://pay.bancontact.net/l/1/${ppid}/POS00001`)).toEqual({
      kind: 'sticker',
      ppid,
      posId: 'POS00001',
      host: 'pay.bancontact.net',
    });
    expect(parsePayload(`https://payconiq.com/l/1/${ppid.toUpperCase()}/A1`)).toMatchObject({
      ppid,
      host: 'payconiq.com',
    });
  });

  it('reads template codes and URL-decodes their parameters', () => {
    const payload = `https://payconiq.com/t/1/${ppid}?D=Receipt%20Payment&A=1000&R=sd89sd91%3Fsd9`;
    expect(parsePayload(payload)).toEqual({
      kind: 'template',
      ppid,
      params: { D: 'Receipt Payment', A: '1000', R: 'sd89sd91?sd9' },
      host: 'payconiq.com',
    });
    expect(parsePayload(`https://pay.bancontact.net/t/1/${ppid}`)).toMatchObject({ params: {} });
  });

  it.each([
    `http://pay.bancontact.net/pay/2/${id}`,
    `https://pay.bancontact.net/pay/3/${id}`,
    `https://pay.bancontact.net/l/1/${ppid}/POS-1`,
    `https://pay.bancontact.net/l/1/short/POS1`,
    `https://pay.bancontact.net/t/1/${ppid}/extra`,
    `https://pay.bancontact.net/merchant/1/${ppid}`,
    `https://example.com/pay/2/${id}`,
    'not a url',
  ])('rejects %j', (payload) => {
    expect(parsePayload(payload)).toBeUndefined();
  });

  it('reads the configured payload host only when told about it', () => {
    const payload = `https://pay.acc.bancontact.net/pay/2/${id}`;
    expect(parsePayload(payload)).toBeUndefined();
    expect(parsePayload(payload, ['pay.acc.bancontact.net'])).toMatchObject({ paymentId: id });
  });
});

describe('clock', () => {
  it('adds the offset to real time, persists it, and starts from a stored offset', () => {
    let stored: number | undefined = 250;
    let real = 1_000;
    const clock = createSimClock({
      realNow: () => real,
      storage: { loadOffset: () => stored, saveOffset: (ms) => (stored = ms) },
    });
    expect(clock.now()).toBe(1_250);
    clock.advance(1_000);
    real = 2_000;
    expect(clock.now()).toBe(3_250);
    expect(stored).toBe(1_250);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
  });
});

describe('maskIban', () => {
  it('keeps the last five characters, like Bancontact', () => {
    expect(maskIban('BE71096123456769')).toBe('***********56769');
    expect(maskIban('BE71 0961 2345 6769')).toBe('***********56769');
  });
});
