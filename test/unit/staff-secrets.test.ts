import { describe, expect, it } from 'vitest';
import { ContractFailure } from '../../shared/contract';
import { hashSecret, verifySecret } from '../../electron/core/staff/secret-hash';
import { assertSecretFits } from '../../electron/core/staff/secret-rule';
import { expectNoSecret } from '../support/no-secret';

function codeOf(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof ContractFailure) return error.code;
    throw error;
  }
}

describe('PIN and password hashes', () => {
  it('are scrypt$N$r$p$salt$hash with a 16-byte salt, and never contain the secret', async () => {
    const stored = await hashSecret('4821');
    const [format, N, r, p, salt, hash] = stored.split('$');
    expect([format, N, r, p]).toEqual(['scrypt', String(2 ** 15), '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64url')).toHaveLength(16);
    expect(Buffer.from(hash ?? '', 'base64url')).toHaveLength(32);
    expectNoSecret(stored, '4821');
  });

  it('verify the right secret and refuse a wrong one', async () => {
    const stored = await hashSecret('Kassa-2026!pw');
    expect(await verifySecret('Kassa-2026!pw', stored)).toBe(true);
    expect(await verifySecret('kassa-2026!pw', stored)).toBe(false);
    expect(await verifySecret('', stored)).toBe(false);
  });

  it('differ for two hashes of one PIN (each has its own salt)', async () => {
    const [a, b] = await Promise.all([hashSecret('4821'), hashSecret('4821')]);
    expect(a).not.toBe(b);
    expect(await verifySecret('4821', a)).toBe(true);
    expect(await verifySecret('4821', b)).toBe(true);
  });

  it('refuse everything for an unknown person or a damaged hash', async () => {
    expect(await verifySecret('4821', null)).toBe(false);
    expect(await verifySecret('4821', 'scrypt$1$2$3$$')).toBe(false);
    expect(await verifySecret('4821', 'bcrypt$whatever')).toBe(false);
  });
});

describe('the secret a role needs', () => {
  it.each(['1234', '123456', '0000'])('a cashier may use the PIN %s', (pin) => {
    expect(codeOf(() => assertSecretFits('cashier', pin))).toBeNull();
  });

  it.each(['123', '1234567', '12a4', ' 1234', '１２３４', 'Kassa-2026!pw'])(
    'a cashier may not use %j (INVALID_PIN)',
    (pin) => {
      expect(codeOf(() => assertSecretFits('cashier', pin))).toBe('INVALID_PIN');
    },
  );

  it.each(['administrator', 'manager', 'financial'] as const)(
    'a %s needs the portal password rule',
    (role) => {
      expect(codeOf(() => assertSecretFits(role, 'Kassa-2026!pw'))).toBeNull();
      expect(codeOf(() => assertSecretFits(role, 'Été-2026-ok'))).toBeNull();
      for (const weak of ['Kas-26!pw', 'kassa-2026!pw', 'Kassa-pw!pw', 'Kassa2026pw', '482100']) {
        expect(codeOf(() => assertSecretFits(role, weak))).toBe('WEAK_PASSWORD');
      }
    },
  );

  it('never echoes the secret in the refusal', () => {
    try {
      assertSecretFits('manager', 'short1!');
      expect.unreachable();
    } catch (error) {
      expect((error as ContractFailure).message).not.toContain('short1!');
    }
  });
});
