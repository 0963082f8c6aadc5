import { describe, expect, it } from 'vitest';
import { discountCents, priceBasket, spreadInProportion, vatByRate } from '../../shared/domain/basket';

describe('a basket priced by the register rules', () => {
  it('spreads a sale discount over the lines in proportion to their gross, to the cent', () => {
    const basket = priceBasket(
      [
        { quantity: 2, unitPriceCents: 450, vatRate: 21 }, // beer, 9,00
        { quantity: 1, unitPriceCents: 1250, vatRate: 12 }, // meal, 12,50
        { quantity: 3, unitPriceCents: 333, vatRate: 6 }, // 9,99
      ],
      { kind: 'percent', percent: 10 },
    );
    expect(basket.listCents).toBe(3149);
    expect(basket.saleDiscountCents).toBe(315);
    expect(basket.lines.map((l) => l.saleDiscountCents)).toEqual([90, 125, 100]);
    expect(basket.lines.map((l) => l.grossCents)).toEqual([810, 1125, 899]);
    expect(basket.grossCents).toBe(2834);
  });

  it('computes VAT once per rate on the sum of the lines, not line by line', () => {
    // Three lines of 0,10 at 21 %: line by line each VAT rounds to 0,02 (0,06); on 0,30 it is 0,05.
    const basket = priceBasket([1, 2, 3].map(() => ({ quantity: 1, unitPriceCents: 10, vatRate: 21 })));
    expect(basket.byRate).toEqual([{ ratePercent: 21, grossCents: 30, netCents: 25, vatCents: 5 }]);
    expect(basket.netCents + basket.vatCents).toBe(basket.grossCents);
  });

  it('applies line discounts first, then the sale discount on what is left', () => {
    const basket = priceBasket(
      [
        { quantity: 4, unitPriceCents: 250, vatRate: 21, discount: { kind: 'amount', cents: 100 } },
        { quantity: 1, unitPriceCents: 1000, vatRate: 6, discount: { kind: 'percent', percent: 12.5 } },
      ],
      { kind: 'amount', cents: 170 },
    );
    expect(basket.lines.map((l) => l.lineDiscountCents)).toEqual([100, 125]);
    expect(basket.lines.map((l) => l.saleDiscountCents)).toEqual([86, 84]); // 170 × 900/1775 = 86,2 and 170 × 875/1775 = 83,8;
    expect(basket.discountCents).toBe(395);
    expect(basket.grossCents).toBe(2000 - 395);
    expect(basket.byRate.map((r) => r.ratePercent)).toEqual([21, 6]);
  });

  it('never discounts below zero, and a 100 % discount gives a sale of zero', () => {
    expect(discountCents(500, { kind: 'amount', cents: 900 })).toBe(500);
    expect(discountCents(500, { kind: 'percent', percent: 150 })).toBe(500);
    expect(discountCents(500, { kind: 'percent', percent: -5 })).toBe(0);
    expect(
      priceBasket([{ quantity: 1, unitPriceCents: 500, vatRate: 21 }], { kind: 'percent', percent: 100 })
        .grossCents,
    ).toBe(0);
  });

  it('gives the leftover cents of a spread to the largest remainders, earlier lines first on a tie', () => {
    expect(spreadInProportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(spreadInProportion(2, [1, 0, 1])).toEqual([1, 0, 1]);
    expect(spreadInProportion(7, [0, 0])).toEqual([0, 0]);
    for (let total = 0; total < 200; total += 7) {
      const parts = spreadInProportion(total, [333, 1, 97, 4500]);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    }
  });

  it('sums each rate and lists the highest rate first', () => {
    expect(
      vatByRate([
        { vatRate: 6, grossCents: 106 },
        { vatRate: 21, grossCents: 121 },
        { vatRate: 6, grossCents: 212 },
      ]),
    ).toEqual([
      { ratePercent: 21, grossCents: 121, netCents: 100, vatCents: 21 },
      { ratePercent: 6, grossCents: 318, netCents: 300, vatCents: 18 },
    ]);
  });
});
