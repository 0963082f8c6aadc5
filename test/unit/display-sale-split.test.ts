import { describe, expect, it } from 'vitest';
import type { TenderView } from '../../shared/contract';
import { paidOutcome, type DisplaySale } from '../../renderer/src/features/customer/display-sale';

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
