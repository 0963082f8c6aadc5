import { generateKeyPairSync, sign } from 'node:crypto';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { checkClaims, isSameCallbackUrl, isValidIat } from '../../electron/core/bancontact/callback-claims';
import { decodeEs256Signature, derToRaw } from '../../electron/core/bancontact/der-signature';
import { PAYCONIQ } from '../support/callback-signer';

describe('DER signatures', () => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  it('convert OpenSSL DER signatures to the r‖s that re-encodes to the same DER', () => {
    // ECDSA is randomised, so a raw and a DER signature of one input differ; instead re-encode the
    // result independently, across many signatures so that short r and s values occur.
    let shortIntegers = 0;
    for (let i = 0; i < 2000; i++) {
      const der = sign('sha256', Buffer.from(`m${i}`), { key: privateKey, dsaEncoding: 'der' });
      const raw = derToRaw(der);
      expect(raw).toHaveLength(64);
      if (raw?.[0] === 0 || raw?.[32] === 0) shortIntegers += 1;
      expect(Buffer.from(encodeDer(raw as Uint8Array))).toEqual(der);
    }
    // r or s below 2^248 happens ~1 in 128 signatures: the left-padding path ran (P(never) ≈ e^-15).
    expect(shortIntegers).toBeGreaterThan(0);
  });

  it('pad short integers and drop the sign byte', () => {
    const der = Uint8Array.from([0x30, 0x07, 0x02, 0x01, 0x05, 0x02, 0x02, 0x00, 0x80]);
    const raw = derToRaw(der);
    expect(raw?.[31]).toBe(5);
    expect(raw?.[63]).toBe(0x80);
    expect(raw?.slice(0, 31).every((b) => b === 0)).toBe(true);
  });

  it.each([
    ['empty', []],
    ['not a sequence', [0x31, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]],
    ['length beyond the input', [0x30, 0x09, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01]],
    ['trailing byte', [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00]],
    ['one integer only', [0x30, 0x03, 0x02, 0x01, 0x01]],
    ['negative integer', [0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x01]],
    ['zero-length integer', [0x30, 0x05, 0x02, 0x00, 0x02, 0x01, 0x01]],
    ['integer of 34 bytes', [0x30, 0x27, 0x02, 0x22, ...Array<number>(34).fill(1), 0x02, 0x01, 0x01]],
    ['33 bytes of magnitude', [0x30, 0x26, 0x02, 0x21, ...Array<number>(33).fill(1), 0x02, 0x01, 0x01]],
  ])('refuse a malformed sequence: %s', (_name, bytes) => {
    expect(derToRaw(Uint8Array.from(bytes))).toBeUndefined();
  });

  it('decode raw and DER signatures, and nothing else', () => {
    const raw = new Uint8Array(64).fill(7);
    expect(decodeEs256Signature(base64url.encode(raw))).toEqual(raw);
    const der = sign('sha256', Buffer.from('x'), { key: privateKey, dsaEncoding: 'der' });
    expect(decodeEs256Signature(base64url.encode(der))).toEqual(derToRaw(der));
    expect(decodeEs256Signature(base64url.encode(der).slice(0, -4))).toBeUndefined();
    expect(decodeEs256Signature(base64url.encode(raw).slice(0, 80))).toBeUndefined();
    expect(decodeEs256Signature(base64url.encode(new Uint8Array(65)))).toBeUndefined();
    expect(decodeEs256Signature('')).toBeUndefined();
    expect(decodeEs256Signature(`${base64url.encode(raw)}==`)).toBeUndefined();
    expect(decodeEs256Signature(Buffer.from(raw).toString('base64').replace(/A/g, '+'))).toBeUndefined();
  });
});

/** DER-encodes raw r‖s independently of the code under test. */
function encodeDer(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const body = bytes.subarray(start);
    const padded = (body[0] ?? 0) & 0x80 ? [0, ...body] : [...body];
    return [0x02, padded.length, ...padded];
  };
  const content = [...integer(raw.subarray(0, 32)), ...integer(raw.subarray(32))];
  return Uint8Array.from([0x30, content.length, ...content]);
}

describe('iat', () => {
  it.each([
    '2026-11-21T10:24:23.880Z',
    '2026-11-21T10:24:23.880123Z',
    '2026-11-21T10:24:23.880123456Z',
    '2024-02-29T23:59:59.999Z',
  ])('accepts %s', (iat) => expect(isValidIat(iat)).toBe(true));

  it.each([
    ['no fraction', '2026-11-21T10:24:23Z'],
    ['1 digit', '2026-11-21T10:24:23.8Z'],
    ['2 digits', '2026-11-21T10:24:23.88Z'],
    ['4 digits', '2026-11-21T10:24:23.8801Z'],
    ['7 digits', '2026-11-21T10:24:23.8801234Z'],
    ['12 digits', '2026-11-21T10:24:23.880123456789Z'],
    ['offset', '2026-11-21T11:24:23.880+01:00'],
    ['zero offset', '2026-11-21T10:24:23.880+00:00'],
    ['no zone', '2026-11-21T10:24:23.880'],
    ['lowercase z', '2026-11-21T10:24:23.880z'],
    ['space separator', '2026-11-21 10:24:23.880Z'],
    ['30 February', '2026-02-30T10:24:23.880Z'],
    ['hour 24', '2026-11-21T24:00:00.000Z'],
    ['epoch number', 1795343063880],
    ['empty', ''],
  ])('refuses %s', (_name, iat) => expect(isValidIat(iat)).toBe(false));
});

describe('callback URL match', () => {
  const configured = new URL('https://kassa.example.be/bancontact/callback/a?till=1');

  it.each([
    ['identical', 'https://kassa.example.be/bancontact/callback/a?till=1'],
    ['trailing slash', 'https://kassa.example.be/bancontact/callback/a/?till=1'],
    ['http instead of https', 'http://kassa.example.be/bancontact/callback/a?till=1'],
    ['host case', 'https://KASSA.example.be/bancontact/callback/a?till=1'],
    ['explicit default port', 'https://kassa.example.be:443/bancontact/callback/a?till=1'],
  ])('accepts %s', (_name, claimed) => expect(isSameCallbackUrl(claimed, configured)).toBe(true));

  it.each([
    ['another host', 'https://evil.example.be/bancontact/callback/a?till=1'],
    ['a subdomain', 'https://kassa.example.be.evil.test/bancontact/callback/a?till=1'],
    ['another port', 'https://kassa.example.be:8443/bancontact/callback/a?till=1'],
    ['another profile', 'https://kassa.example.be/bancontact/callback/b?till=1'],
    ['a longer path', 'https://kassa.example.be/bancontact/callback/a/x?till=1'],
    ['path case', 'https://kassa.example.be/Bancontact/callback/a?till=1'],
    ['two trailing slashes', 'https://kassa.example.be/bancontact/callback/a//?till=1'],
    ['another query', 'https://kassa.example.be/bancontact/callback/a?till=2'],
    ['no query', 'https://kassa.example.be/bancontact/callback/a'],
    ['a fragment', 'https://kassa.example.be/bancontact/callback/a?till=1#x'],
    ['user info', 'https://u:p@kassa.example.be/bancontact/callback/a?till=1'],
    ['another scheme', 'ftp://kassa.example.be/bancontact/callback/a?till=1'],
    ['a bare path', '/bancontact/callback/a?till=1'],
    ['not a string', 42],
  ])('refuses %s', (_name, claimed) => expect(isSameCallbackUrl(claimed, configured)).toBe(false));
});

describe('header checks', () => {
  const expected = { ppid: 'ppid-a', callbackUrl: new URL('https://kassa.example.be/cb') };
  const header = {
    kid: 'k1',
    alg: 'ES256',
    [PAYCONIQ.iat]: '2026-11-21T10:24:23.880Z',
    [PAYCONIQ.jti]: 'j1',
    [PAYCONIQ.path]: 'https://kassa.example.be/cb',
    [PAYCONIQ.iss]: 'Payconiq',
    [PAYCONIQ.sub]: 'ppid-a',
    crit: Object.values(PAYCONIQ).reverse(),
  };

  it('accept the five claims with crit in any order', () => {
    expect(checkClaims(header, expected)).toEqual({
      ok: true,
      claims: { kid: 'k1', jti: 'j1', iat: '2026-11-21T10:24:23.880Z' },
    });
  });

  it.each([
    ['duplicate crit entry', { crit: [...Object.values(PAYCONIQ).slice(1), PAYCONIQ.sub] }, 'WRONG_CRIT'],
    ['crit as a string', { crit: PAYCONIQ.iat }, 'WRONG_CRIT'],
    ['missing iss', { [PAYCONIQ.iss]: undefined }, 'WRONG_ISSUER'],
    ['iss Bancontact', { [PAYCONIQ.iss]: 'Bancontact' }, 'WRONG_ISSUER'],
    ['missing sub', { [PAYCONIQ.sub]: undefined }, 'WRONG_SUBJECT'],
    ['sub differing in case', { [PAYCONIQ.sub]: 'PPID-A' }, 'WRONG_SUBJECT'],
    ['missing path', { [PAYCONIQ.path]: undefined }, 'WRONG_PATH'],
    ['missing iat', { [PAYCONIQ.iat]: undefined }, 'BAD_IAT'],
    ['empty jti', { [PAYCONIQ.jti]: '' }, 'MISSING_JTI'],
    ['numeric jti', { [PAYCONIQ.jti]: 12 }, 'MISSING_JTI'],
    ['missing kid', { kid: undefined }, 'UNKNOWN_KEY'],
    ['alg es256', { alg: 'es256' }, 'WRONG_ALGORITHM'],
    ['alg ES384', { alg: 'ES384' }, 'WRONG_ALGORITHM'],
  ])('refuse %s', (_name, change, reason) => {
    expect(checkClaims({ ...header, ...change }, expected)).toMatchObject({ ok: false, reason });
  });
});
