import type { ReceiptView } from '../../shared/contract/receipt-views';

/**
 * A receipt to render in tests: an accented article name, three VAT rates, a line and a sale discount,
 * and two tenders. Its figures add up as priceBasket would make them.
 */
export function sampleReceipt(overrides: Partial<ReceiptView> = {}): ReceiptView {
  return {
    id: 'r-1',
    kind: 'sale',
    number: 42,
    tillId: 'till-1',
    tillName: 'Bar links',
    cashierName: 'Anaïs',
    // 2026-07-01 12:34:56 UTC: 14:34 in Brussels (summer time).
    at: Date.UTC(2026, 6, 1, 12, 34, 56),
    business: {
      name: 'Café Zoë',
      address: 'Grand-Place 1, 1000 Brussel',
      website: 'zoe.example',
      vatNumber: 'BE0123456789',
    },
    shop: { id: 'main', name: 'Terras', address: '', website: '', vatNumber: '' },
    lines: [
      {
        name: 'Crème brûlée',
        quantity: 2,
        unitPriceCents: 650,
        vatRate: 12,
        listCents: 1300,
        lineDiscountCents: 100,
        saleDiscountCents: 120,
        grossCents: 1080,
        note: null,
      },
      {
        name: 'Duvel',
        quantity: 1,
        unitPriceCents: 450,
        vatRate: 21,
        listCents: 450,
        lineDiscountCents: 0,
        saleDiscountCents: 45,
        grossCents: 405,
        note: null,
      },
      {
        name: 'Spa rood',
        quantity: 1,
        unitPriceCents: 300,
        vatRate: 6,
        listCents: 300,
        lineDiscountCents: 0,
        saleDiscountCents: 30,
        grossCents: 270,
        note: 'sans glace',
      },
    ],
    listCents: 2050,
    discountCents: 295,
    grossCents: 1755,
    netCents: 1573,
    vatCents: 182,
    byRate: [
      { ratePercent: 21, grossCents: 405, netCents: 335, vatCents: 70 },
      { ratePercent: 12, grossCents: 1080, netCents: 964, vatCents: 116 },
      { ratePercent: 6, grossCents: 270, netCents: 255, vatCents: 15 },
    ],
    tenders: [
      {
        method: 'wristband',
        amountCents: 1000,
        bancontactId: null,
        wristbandId: 'WB-7741',
        tenderedCents: null,
        changeCents: null,
        roundingCents: null,
      },
      {
        method: 'bancontact',
        amountCents: 755,
        bancontactId: 'bc-payment-1234',
        wristbandId: null,
        tenderedCents: null,
        changeCents: null,
        roundingCents: null,
      },
    ],
    changeCents: 0,
    note: null,
    saleId: 'sale-1',
    locale: 'nl',
    training: false,
    hasLogo: false,
    ...overrides,
  };
}
