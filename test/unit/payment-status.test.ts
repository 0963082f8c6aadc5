import { describe, expect, it } from 'vitest';
import {
  isFinalStatus,
  isForwardTransition,
  tillPhase,
  type PaymentStatus,
} from '../../shared/domain/payment-status';

describe('payment status rules', () => {
  it('moves forward only', () => {
    expect(isForwardTransition('PENDING', 'IDENTIFIED')).toBe(true);
    expect(isForwardTransition('PENDING', 'SUCCEEDED')).toBe(true);
    expect(isForwardTransition('IDENTIFIED', 'PENDING')).toBe(false);
    expect(isForwardTransition('IDENTIFIED', 'IDENTIFIED')).toBe(false);
  });

  it('never changes a final status', () => {
    const finals: PaymentStatus[] = [
      'SUCCEEDED',
      'AUTHORIZATION_FAILED',
      'FAILED',
      'CANCELLED',
      'EXPIRED',
      'VOIDED',
      'CREATE_FAILED',
    ];
    for (const from of finals) {
      expect(isFinalStatus(from)).toBe(true);
      for (const to of finals) expect(isForwardTransition(from, to)).toBe(false);
    }
  });

  it('maps statuses to what the till shows', () => {
    expect(tillPhase('PENDING')).toBe('waiting');
    expect(tillPhase('IDENTIFIED')).toBe('scanned');
    expect(tillPhase('AUTHORIZED')).toBe('scanned');
    expect(tillPhase('SUCCEEDED')).toBe('paid');
    expect(tillPhase('AUTHORIZATION_FAILED')).toBe('refused');
    expect(tillPhase('EXPIRED')).toBe('expired');
    expect(tillPhase('CANCELLED')).toBe('cancelled');
  });
});
