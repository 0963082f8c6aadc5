import { describe, expect, it } from 'vitest';
import type { TenderView } from '../../shared/contract';
import {
  betweenParts,
  paidOutcome,
  saleParts,
  type DisplaySale,
} from '../../renderer/src/features/customer/display-sale';

const tender = (method: TenderView['method'], amountCents: number): TenderView => ({
  ...{ method, amountCents, status: 'succeeded', at: '2026-05-01T10:00:00.000Z' },
  ...{ paymentId: null, bancontactId: null, wristbandId: null, cash: null, givenBack: false },
});
const split = (tenders: TenderView[], extra: Partial<DisplaySale> = {}): DisplaySale => ({
  ...{ id: 's1', tillId: 'till-1', createdAt: '2026-05-01T10:00:00.000Z', amountCents: 2_500 },
  ...{ currency: 'EUR', status: 'paid', tender: 'split', payment: null, tenders, dueCents: 0 },
  ...extra,
});

describe('the customer display after a sale paid in parts', () => {
  it('shows the change when cash paid the rest', () => {
    const sale = split([tender('wristband', 1_000), tender('cash', 1_500)], {
      cash: { tenderedCents: 2_000, changeCents: 500 },
    });
    expect(paidOutcome(sale)).toEqual({ tender: 'cash', tenderedCents: 2_000, changeCents: 500 });
  });

  it('shows Bancontact when Bancontact paid the rest, and the balance left when a wristband did', () => {
    expect(paidOutcome(split([tender('wristband', 1_000), tender('bancontact', 1_500)]))).toEqual({
      tender: 'bancontact',
    });
    const byBand = split([tender('bancontact', 1_500), tender('wristband', 1_000)], {
      balanceAfterCents: 200,
    });
    expect(paidOutcome(byBand)).toEqual({ tender: 'wristband', balanceCents: 200 });
  });
});

describe('the customer display while a sale is paid in parts', () => {
  const payment = (status: 'PENDING' | 'SUCCEEDED' | 'EXPIRED') => ({
    ...{ id: 'p1', bancontactId: 'b1', status, deeplink: 'https://pay.bancontact.net/pay/2/b1' },
    ...{ posId: null, expiresAt: null, problem: null },
  });
  const bancontact = (status: TenderView['status']): TenderView => ({
    ...tender('bancontact', 1_000),
    status,
    paymentId: 'p1',
  });
  const open = (extra: Partial<DisplaySale>) => split([], { status: 'open', tender: 'bancontact', ...extra });

  it('shows a first part by Bancontact, not the whole sale, and what remains after it', () => {
    const first = open({ payment: payment('PENDING'), tenders: [bancontact('pending')], dueCents: 2_500 });
    expect(saleParts(first)).toEqual({
      ...{ totalCents: 2_500, paidCents: 0, partCents: 1_000, toPayCents: 1_000, remainsCents: 1_500 },
    });
    expect(betweenParts(first, saleParts(first))).toBe(false);
  });

  it('does not say paid when the first Bancontact part is paid but the sale is not', () => {
    const after = open({
      payment: payment('SUCCEEDED'),
      tenders: [bancontact('succeeded')],
      dueCents: 1_500,
    });
    const parts = saleParts(after);
    expect(parts).toMatchObject({ paidCents: 1_000, partCents: null, toPayCents: 1_500 });
    expect(betweenParts(after, parts)).toBe(true);
    expect(paidOutcome(after)).toBeNull();
  });

  it('shows the whole amount of a sale paid at once, and nothing once it is paid', () => {
    const whole = open({
      payment: payment('PENDING'),
      tenders: [{ ...bancontact('pending'), amountCents: 2_500 }],
    });
    expect(saleParts({ ...whole, dueCents: 2_500 })).toBeNull();
    expect(saleParts(split([tender('wristband', 1_000), tender('bancontact', 1_500)]))).toBeNull();
  });
});
