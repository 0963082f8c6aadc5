import { describe, expect, it } from 'vitest';
import { receiptRows } from '../../shared/contract/receipt-lines';
import { sampleReceipt } from '../support/receipt-sample';

/*
 * A refund receipt's line (electron/core/receipts/refund-receipt.ts) gives back what the customer paid
 * for it: its list price negative, and the discount the customer had, so the lines add up to the total.
 */
describe('a refund receipt', () => {
  it('shows a discounted line given back as its price, its discount and what went back', () => {
    const line = {
      ...{ name: 'Croque-monsieur', quantity: 1, unitPriceCents: -800, vatRate: 12 },
      ...{ listCents: -800, lineDiscountCents: -80, saleDiscountCents: 0, grossCents: -720, note: null },
    };
    const view = sampleReceipt({
      ...{
        kind: 'refund',
        locale: 'en',
        lines: [line],
        listCents: -800,
        discountCents: -80,
        grossCents: -720,
      },
      ...{ byRate: [{ ratePercent: 12, grossCents: -720, netCents: -643, vatCents: -77 }] },
    });
    const pairs = receiptRows(view)
      .filter((row) => row.kind === 'pair')
      .map((row) => [row.left.trim(), row.right]);
    expect(pairs).toContainEqual(['Croque-monsieur', '-€8.00']);
    expect(pairs).toContainEqual(['discount', '€0.80']);
    expect(pairs).toContainEqual(['TOTAL', '-€7.20']);
  });
});
