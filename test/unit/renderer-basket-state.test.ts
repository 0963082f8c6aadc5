import { describe, expect, it } from 'vitest';
import { basketInput } from '../../shared/contract/basket-input';
import {
  articleByBarcode,
  basketReducer,
  discountPercent,
  emptyBasket,
  priceOf,
  toBasketInput,
  type BasketAction,
  type BasketState,
  type SellableArticle,
} from '../../renderer/src/features/till/basket-state';
import { emptyScan, feedKey, type ScanBuffer } from '../../renderer/src/features/till/barcode-scanner';

const beer: SellableArticle = {
  id: 'a-beer',
  name: 'Pils',
  priceCents: 350,
  vatRate: 21,
  barcode: '5410228',
};
const soup: SellableArticle = { id: 'a-soup', name: 'Soupe du jour', priceCents: 650, vatRate: 12 };
const water: SellableArticle = {
  id: 'a-water',
  name: 'Water',
  priceCents: 250,
  vatRate: 6,
  barcode: '54100001',
};

const run = (...actions: BasketAction[]): BasketState => actions.reduce(basketReducer, emptyBasket);
const tap = (article: SellableArticle): BasketAction => ({ type: 'addArticle', article });

describe('the basket on the till', () => {
  it('counts a second tap on an article as one more of it', () => {
    const state = run(tap(beer), tap(soup), tap(beer));
    expect(state.lines.map((l) => [l.name, l.quantity])).toEqual([
      ['Pils', 2],
      ['Soupe du jour', 1],
    ]);
    expect(priceOf(state).grossCents).toBe(2 * 350 + 650);
  });

  it('changes a quantity, and a quantity below one removes the line', () => {
    const tapped = run(tap(beer), tap(soup));
    const [first, second] = tapped.lines;
    const changed = [
      { type: 'setQuantity', key: first!.key, quantity: 4 },
      { type: 'setQuantity', key: second!.key, quantity: 0 },
    ] satisfies BasketAction[];
    const state = changed.reduce(basketReducer, tapped);
    expect(state.lines.map((l) => [l.name, l.quantity])).toEqual([['Pils', 4]]);
  });

  it('removes a line and keeps the keys of the others', () => {
    const tapped = run(tap(beer), tap(soup), tap(water));
    const state = basketReducer(tapped, { type: 'remove', key: tapped.lines[1]!.key });
    expect(state.lines.map((l) => l.key)).toEqual([tapped.lines[0]!.key, tapped.lines[2]!.key]);
  });

  it('prices three rates with a 10 % sale discount exactly as the shared rule does', () => {
    const state = run(tap(beer), tap(soup), tap(water), tap(beer), {
      type: 'saleDiscount',
      discount: { kind: 'percent', percent: 10 },
    });
    const priced = priceOf(state);
    expect(priced.listCents).toBe(1600);
    expect(priced.saleDiscountCents).toBe(160);
    expect(priced.grossCents).toBe(1440);
    expect(priced.byRate.map((r) => r.ratePercent)).toEqual([21, 12, 6]);
    expect(priced.netCents + priced.vatCents).toBe(priced.grossCents);
    expect(discountPercent(priced)).toBe(10);
  });

  it('adds a free amount at the rate given, and ignores a zero amount', () => {
    const state = run(
      { type: 'addFree', cents: 1250, vatRate: 21 },
      { type: 'addFree', cents: 0, vatRate: 21 },
    );
    expect(state.lines).toHaveLength(1);
    expect(priceOf(state).byRate).toEqual([
      { ratePercent: 21, grossCents: 1250, netCents: 1033, vatCents: 217 },
    ]);
  });

  it('sends article lines by id and free lines with their price, in a shape the contract accepts', () => {
    const tapped = run(
      tap(beer),
      { type: 'addFree', cents: 500, vatRate: 6 },
      { type: 'note', note: ' table 4 ' },
    );
    const state = basketReducer(tapped, {
      type: 'lineDiscount',
      key: tapped.lines[0]!.key,
      discount: { kind: 'amount', cents: 50 },
    });
    const input = toBasketInput(state);
    expect(basketInput.parse(input)).toEqual({
      lines: [
        { articleId: 'a-beer', quantity: 1, discount: { kind: 'amount', cents: 50 } },
        { quantity: 1, unitPriceCents: 500, vatRate: 6 },
      ],
      note: 'table 4',
    });
  });

  it('starts empty again after clear, with fresh keys', () => {
    const used = run(tap(beer), { type: 'saleDiscount', discount: { kind: 'percent', percent: 5 } });
    const state = basketReducer(used, { type: 'clear' });
    expect(state.lines).toEqual([]);
    expect(state.discount).toBeNull();
    expect(basketReducer(state, tap(soup)).lines[0]!.key).toBeGreaterThan(used.lines[0]!.key);
  });

  it('finds an article by its printed code', () => {
    expect(articleByBarcode([beer, soup, water], ' 54100001 ')?.id).toBe('a-water');
    expect(articleByBarcode([beer, soup, water], '999')).toBeNull();
    expect(articleByBarcode([beer, soup, water], '')).toBeNull();
  });
});

describe('the keyboard-wedge scanner', () => {
  const typeKeys = (keys: string[], gapMs: number) => {
    let buffer: ScanBuffer = emptyScan;
    const codes: string[] = [];
    keys.forEach((key, i) => {
      const fed = feedKey(buffer, key, 1000 + i * gapMs);
      buffer = fed.buffer;
      if (fed.code) codes.push(fed.code);
    });
    return codes;
  };

  it('takes a fast burst of digits and Enter as a code', () => {
    expect(typeKeys([...'54100001', 'Enter'], 5)).toEqual(['54100001']);
  });

  it('ignores a person typing slowly, and a too short burst', () => {
    expect(typeKeys([...'54100001', 'Enter'], 200)).toEqual([]);
    expect(typeKeys([...'12', 'Enter'], 5)).toEqual([]);
  });
});
