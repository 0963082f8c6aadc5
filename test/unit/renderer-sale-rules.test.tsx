// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { PaymentView, SaleView } from '../../shared/contract';
import type { PaymentStatus } from '../../shared/domain/payment-status';
import {
  canCancel,
  canCancelSale,
  canRetry,
  hasOpenPayment,
  newerSale,
  salePhase,
} from '../../renderer/src/features/till/sale-rules';

function sale(status: PaymentStatus | null, saleStatus: SaleView['status'] = 'open', paymentId = 'p1'): SaleView {
  const payment: PaymentView | null = status && {
    id: paymentId,
    bancontactId: null,
    status,
    deeplink: null,
    posId: null,
    expiresAt: null,
    problem: null,
  };
  return { id: 's1', createdAt: '2025-05-01T10:00:00.000Z', amountCents: 1250, currency: 'EUR', tillId: 'till-1', status: saleStatus, payment };
}

describe('sale rules', () => {
  it('offers Cancel while the payment is not final', () => {
    expect(canCancel(sale('CREATING'))).toBe(true);
    expect(canCancel(sale('PENDING'))).toBe(true);
    expect(canCancel(sale('IDENTIFIED'))).toBe(true);
    expect(canCancel(sale('SUCCEEDED', 'paid'))).toBe(false);
    expect(canCancel(sale('EXPIRED', 'unpaid'))).toBe(false);
    expect(canCancel(sale(null))).toBe(false);
  });

  it('offers Retry only for an unpaid sale whose payment ended without money', () => {
    expect(canRetry(sale('CREATE_FAILED', 'open'))).toBe(true);
    expect(canRetry(sale('EXPIRED', 'unpaid'))).toBe(true);
    expect(canRetry(sale('AUTHORIZATION_FAILED', 'unpaid'))).toBe(true);
    expect(canRetry(sale('PENDING', 'open'))).toBe(false);
    expect(canRetry(sale('SUCCEEDED', 'paid'))).toBe(false);
    expect(canRetry(sale('CANCELLED', 'cancelled'))).toBe(false);
  });

  it('lets the cashier give up a sale whose payment is running or failed, never a paid or cancelled one', () => {
    expect(canCancelSale(sale('PENDING'))).toBe(true);
    expect(canCancelSale(sale('CREATE_FAILED', 'unpaid'))).toBe(true);
    expect(canCancelSale(sale('EXPIRED', 'unpaid'))).toBe(true);
    expect(canCancelSale(sale('SUCCEEDED', 'paid'))).toBe(false);
    expect(canCancelSale(sale('CREATE_FAILED', 'cancelled'))).toBe(false);
  });

  it('says Cancelled for a sale the cashier gave up, whatever its last payment did', () => {
    expect(salePhase(sale('CREATE_FAILED', 'cancelled'))).toBe('cancelled');
    expect(salePhase(sale('CREATE_FAILED', 'unpaid'))).toBe('failed');
    expect(salePhase(sale('IDENTIFIED'))).toBe('scanned');
    expect(salePhase(sale(null))).toBe('creating');
  });

  it('knows when a customer can still pay', () => {
    expect(hasOpenPayment(null)).toBe(false);
    expect(hasOpenPayment(sale('PENDING'))).toBe(true);
    expect(hasOpenPayment(sale('CREATE_FAILED'))).toBe(false);
  });

  it('never lets a late view move the same payment backwards', () => {
    const scanned = sale('IDENTIFIED');
    expect(newerSale(scanned, sale('PENDING'))).toBe(scanned);
    const paid = sale('SUCCEEDED', 'paid');
    expect(newerSale(paid, sale('IDENTIFIED'))).toBe(paid);
    const next = sale('SUCCEEDED', 'paid');
    expect(newerSale(scanned, next)).toBe(next);
  });

  it('takes a new payment after a retry and any other sale as is', () => {
    const failed = sale('CREATE_FAILED');
    const retried = sale('CREATING', 'open', 'p2');
    expect(newerSale(failed, retried)).toBe(retried);
    const other = { ...sale('PENDING'), id: 's2' };
    expect(newerSale(failed, other)).toBe(other);
    expect(newerSale(null, other)).toBe(other);
  });
});
