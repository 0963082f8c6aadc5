import { generateKeyPairSync } from 'node:crypto';
import { base64url, compactVerify, createLocalJWKSet, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { createSimClock } from '../../electron/core/simulator/clock';
import { CRIT_OPTION, formatIat, parseIat } from '../../electron/core/simulator/jws/claims';
import { rawToDer } from '../../electron/core/simulator/jws/der';
import { signDetached } from '../../electron/core/simulator/jws/detached-signer';
import type { KeyStore, StoredKey } from '../../electron/core/simulator/jws/key-store';
import { createSigningKeys, publicJwk } from '../../electron/core/simulator/jws/signing-keys';

const T0 = Date.parse('2026-05-11T08:00:00.123Z');

function storedKey(kid = 'k1'): StoredKey {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid, privateJwk: privateKey.export({ format: 'jwk' }) as JWK, createdAt: T0, activatesAt: T0 };
}

async function verify(body: string, detached: string, key: StoredKey) {
  const [head, , sig] = detached.split('.');
  const jwks = createLocalJWKSet({ keys: [publicJwk(key)] });
  return compactVerify(`${head}.${base64url.encode(body)}.${sig}`, jwks, { crit: CRIT_OPTION });
}

describe('iat', () => {
  it('is written with 3, 6 or 9 fraction digits and read back from each', () => {
    expect(formatIat(T0)).toBe('2026-05-11T08:00:00.123Z');
    expect(formatIat(T0, 6)).toBe('2026-05-11T08:00:00.123000Z');
    expect(formatIat(T0, 9)).toBe('2026-05-11T08:00:00.123000000Z');
    for (const digits of [3, 6, 9] as const) expect(parseIat(formatIat(T0, digits))).toBe(T0);
    expect(parseIat('2026-05-11T08:00:00Z')).toBe(Date.parse('2026-05-11T08:00:00Z'));
    expect(parseIat('2026-05-11T08:00:00.1234Z')).toBeUndefined();
    expect(parseIat('2026-05-11 08:00:00Z')).toBeUndefined();
  });
});

describe('detached signatures', () => {
  it('sign the exact body with the five critical payconiq claims', async () => {
    const key = storedKey();
    const body = '{"paymentId":"x","status":"SUCCEEDED"}';
    const signed = await signDetached(body, key, {
      path: 'https://till.example.be/cb',
      sub: 'ppid',
      issuedAt: T0,
    });
    expect(signed.value).toMatch(/^[\w-]+\.\.[\w-]{86}$/);
    const { protectedHeader } = await verify(body, signed.value, key);
    expect(protectedHeader).toEqual({
      typ: 'JOSE+JSON',
      kid: 'k1',
      alg: 'ES256',
      'https://payconiq.com/iat': '2026-05-11T08:00:00.123Z',
      'https://payconiq.com/jti': signed.jti,
      'https://payconiq.com/path': 'https://till.example.be/cb',
      'https://payconiq.com/iss': 'Payconiq',
      'https://payconiq.com/sub': 'ppid',
      crit: Object.keys(CRIT_OPTION),
    });
    await expect(verify(`${body} `, signed.value, key)).rejects.toThrow();
  });

  it('can be corrupted or DER-encoded on request', async () => {
    const key = storedKey();
    const claims = { path: 'p', sub: 's', issuedAt: T0 };
    await expect(
      verify('{}', (await signDetached('{}', key, claims, { corrupt: true })).value, key),
    ).rejects.toThrow();
    const der = base64url.decode((await signDetached('{}', key, claims, { der: true })).value.split('.')[2]!);
    expect(der[0]).toBe(0x30);
    expect(der.length).toBeGreaterThanOrEqual(8);
  });
});

describe('rawToDer', () => {
  it('encodes r and s as DER integers, padding high bits and trimming leading zeros', () => {
    const raw = new Uint8Array(64);
    raw[0] = 0x80; // r has its top bit set: needs a 0x00 pad
    raw[63] = 0x01; // s is 1: trimmed to one byte
    expect([...rawToDer(raw)]).toEqual([
      0x30,
      35 + 3,
      0x02,
      33,
      0x00,
      0x80,
      ...new Array(31).fill(0),
      0x02,
      1,
      0x01,
    ]);
    expect(() => rawToDer(new Uint8Array(63))).toThrow();
  });
});

describe('signing keys', () => {
  function memoryKeyStore(): KeyStore {
    const keys: StoredKey[] = [];
    return {
      insert: (k) => void keys.push(k),
      replaceJwk: (kid, jwk) =>
        keys.forEach((k, i) => k.kid === kid && (keys[i] = { ...k, privateJwk: jwk })),
      list: () => [...keys],
    };
  }

  it('publish a rotated key at once, sign with it from activation on, and retire the old one later', () => {
    let real = T0;
    const clock = createSimClock({ realNow: () => real });
    const keys = createSigningKeys(memoryKeyStore(), clock, () => 1_000);
    const first = keys.active();
    const next = keys.rotate(500);
    expect(keys.active().kid).toBe(first.kid);
    expect(keys.jwks().keys.map((k) => k.kid)).toEqual([first.kid, next.kid]);
    expect(keys.list().map((k) => k.state)).toEqual(['active', 'next']);
    real += 500;
    expect(keys.active().kid).toBe(next.kid);
    expect(keys.list().map((k) => k.state)).toEqual(['retired', 'active']);
    real += 999;
    expect(keys.jwks().keys).toHaveLength(2);
    real += 1;
    expect(keys.jwks().keys.map((k) => k.kid)).toEqual([next.kid]);
    expect(keys.jwks().keys[0]).not.toHaveProperty('d');
  });
});
