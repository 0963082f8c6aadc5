import { describe, expect, it } from 'vitest';
import { decideCharge, moveAgreement, newCharge } from '../../electron/core/ppro-simulator/agreements';
import { PproError } from '../../electron/core/ppro-simulator/errors';
import { checkWipAmount, sameRequest, validateChargeBody } from '../../electron/core/ppro-simulator/rules';
import type { Agreement, Charge } from '../../electron/core/ppro-simulator/types';

const LIMITS = { maxAmount: 5_000, splitWindowMs: 60_000 };
const AT = { ms: 1_000_000, iso: new Date(1_000_000).toISOString() };

const agreement = {
  id: 'agr_1',
  status: 'ACTIVE',
  instrumentId: 'instr_1',
  consumer: { name: 'A B', country: 'BE' },
  history: [],
} as unknown as Agreement;

const charge = (amount: number, createdAtMs: number, reference?: string, status = 'CAPTURED'): Charge =>
  ({
    ...newCharge(agreement, { value: amount, currency: 'EUR' }, { ...AT, ms: createdAtMs }, {}),
    merchantPaymentChargeReference: reference,
    status,
  }) as Charge;

const failureOf = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return error instanceof PproError ? error.failureType : 'other';
  }
  return undefined;
};

describe('the WIP maximum and split payments', () => {
  it('allows a charge up to the maximum, refuses one cent above', () => {
    expect(
      failureOf(() => checkWipAmount({ value: 5_000, currency: 'EUR' }, [], AT.ms, LIMITS)),
    ).toBeUndefined();
    expect(failureOf(() => checkWipAmount({ value: 5_001, currency: 'EUR' }, [], AT.ms, LIMITS))).toBe(
      'AMOUNT_ABOVE_MAXIMUM',
    );
  });

  it('counts charges within the window together, not older ones nor failed ones', () => {
    const recent = [charge(3_000, AT.ms - 59_999)];
    expect(failureOf(() => checkWipAmount({ value: 2_001, currency: 'EUR' }, recent, AT.ms, LIMITS))).toBe(
      'SPLIT_PAYMENT_NOT_ALLOWED',
    );
    expect(
      failureOf(() => checkWipAmount({ value: 2_000, currency: 'EUR' }, recent, AT.ms, LIMITS)),
    ).toBeUndefined();
    const old = [charge(3_000, AT.ms - 60_000)];
    expect(
      failureOf(() => checkWipAmount({ value: 4_000, currency: 'EUR' }, old, AT.ms, LIMITS)),
    ).toBeUndefined();
    const failed = [charge(3_000, AT.ms, undefined, 'FAILED')];
    expect(
      failureOf(() => checkWipAmount({ value: 4_000, currency: 'EUR' }, failed, AT.ms, LIMITS)),
    ).toBeUndefined();
  });

  it('counts charges with the same merchant reference together, however far apart', () => {
    const earlier = [charge(3_000, 0, 'order-1')];
    const same = { value: 3_000, currency: 'EUR', reference: 'order-1' };
    expect(failureOf(() => checkWipAmount(same, earlier, AT.ms, LIMITS))).toBe('SPLIT_PAYMENT_NOT_ALLOWED');
    expect(
      failureOf(() => checkWipAmount({ ...same, reference: 'order-2' }, earlier, AT.ms, LIMITS)),
    ).toBeUndefined();
  });
});

describe('agreement and charge moves', () => {
  it('moves an agreement only from the statuses given, and records who revoked it', () => {
    const revoked = moveAgreement(agreement, ['ACTIVE'], 'REVOKED', AT, 'CONSUMER');
    expect(revoked.status).toBe('REVOKED');
    expect(revoked.history.at(-1)).toMatchObject({
      status: 'REVOKED',
      revokedBy: 'CONSUMER',
      createdAt: AT.iso,
    });
    expect(failureOf(() => moveAgreement(revoked, ['ACTIVE'], 'REVOKED', AT))).toBe(
      'INVALID_AGREEMENT_STATUS',
    );
  });

  it('a decided charge is captured with its authorisation, or failed without a capture', () => {
    const pending = newCharge(agreement, { value: 700, currency: 'EUR' }, AT, {});
    expect(decideCharge(pending, true, AT)).toMatchObject({
      status: 'CAPTURED',
      captures: [{ amount: 700 }],
    });
    expect(decideCharge(pending, false, AT)).toMatchObject({ status: 'FAILED', captures: [] });
  });
});

describe('request rules', () => {
  it('names every invalid field of a charge', () => {
    try {
      validateChargeBody({ amount: { value: 1.5, currency: 'USD' }, merchantPaymentChargeReference: 3 });
      expect.unreachable();
    } catch (error) {
      expect((error as PproError).errors?.map((e) => e.field)).toEqual([
        'amount.value',
        'amount.currency',
        'merchantPaymentChargeReference',
      ]);
    }
  });

  it('an idempotency key replays only the same request', () => {
    expect(failureOf(() => sameRequest('a', 'a'))).toBeUndefined();
    expect(failureOf(() => sameRequest('a', 'b'))).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});
