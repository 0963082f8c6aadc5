import type { BasketInput } from '../../../../shared/contract/basket-input';
import { MAX_BASKET_LINES, MAX_LINE_QUANTITY } from '../../../../shared/contract/basket-input';
import { priceBasket, type Discount, type PricedBasket } from '../../../../shared/domain/basket';

/**
 * The basket on the till, kept out of the components: a reducer and a few pure readings of it. The
 * figures come from priceBasket, the rule the station applies again when it books the sale.
 */

/** What the till needs to know of a catalogue article (the catalogue's view has more). */
export interface SellableArticle {
  id: string;
  name: string;
  priceCents: number;
  vatRate: number;
  barcode?: string | null;
}

interface LineBase {
  /** Stable within the basket: React's key and the target of every line action. */
  key: number;
  name: string;
  quantity: number;
  unitPriceCents: number;
  vatRate: number;
  discount: Discount | null;
}

export type BasketItem = (LineBase & { kind: 'article'; articleId: string }) | (LineBase & { kind: 'free' });

export interface BasketState {
  lines: BasketItem[];
  discount: Discount | null;
  note: string;
  nextKey: number;
}

export type BasketAction =
  | { type: 'addArticle'; article: SellableArticle }
  | { type: 'addFree'; cents: number; vatRate: number; name?: string }
  | { type: 'setQuantity'; key: number; quantity: number }
  | { type: 'remove'; key: number }
  | { type: 'lineDiscount'; key: number; discount: Discount | null }
  | { type: 'saleDiscount'; discount: Discount | null }
  | { type: 'note'; note: string }
  | { type: 'clear' };

export const emptyBasket: BasketState = { lines: [], discount: null, note: '', nextKey: 1 };

const clampQuantity = (quantity: number) => Math.min(MAX_LINE_QUANTITY, Math.max(1, Math.trunc(quantity)));

function addArticle(state: BasketState, article: SellableArticle): BasketState {
  // A second tap on the same article is one more of it, unless that line has its own discount.
  const same = state.lines.find((l) => l.kind === 'article' && l.articleId === article.id && !l.discount);
  if (same) return setQuantity(state, same.key, same.quantity + 1);
  if (state.lines.length >= MAX_BASKET_LINES) return state;
  const line: BasketItem = {
    kind: 'article',
    key: state.nextKey,
    articleId: article.id,
    name: article.name,
    quantity: 1,
    unitPriceCents: article.priceCents,
    vatRate: article.vatRate,
    discount: null,
  };
  return { ...state, lines: [...state.lines, line], nextKey: state.nextKey + 1 };
}

function addFree(state: BasketState, cents: number, vatRate: number, name?: string): BasketState {
  if (state.lines.length >= MAX_BASKET_LINES || cents <= 0) return state;
  const line: BasketItem = {
    kind: 'free',
    key: state.nextKey,
    name: name ?? '',
    quantity: 1,
    unitPriceCents: cents,
    vatRate,
    discount: null,
  };
  return { ...state, lines: [...state.lines, line], nextKey: state.nextKey + 1 };
}

function setQuantity(state: BasketState, key: number, quantity: number): BasketState {
  if (quantity < 1) return remove(state, key);
  return updateLine(state, key, (line) => ({ ...line, quantity: clampQuantity(quantity) }));
}

function remove(state: BasketState, key: number): BasketState {
  return { ...state, lines: state.lines.filter((line) => line.key !== key) };
}

function updateLine(state: BasketState, key: number, change: (line: BasketItem) => BasketItem): BasketState {
  return { ...state, lines: state.lines.map((line) => (line.key === key ? change(line) : line)) };
}

export function basketReducer(state: BasketState, action: BasketAction): BasketState {
  switch (action.type) {
    case 'addArticle':
      return addArticle(state, action.article);
    case 'addFree':
      return addFree(state, action.cents, action.vatRate, action.name);
    case 'setQuantity':
      return setQuantity(state, action.key, action.quantity);
    case 'remove':
      return remove(state, action.key);
    case 'lineDiscount':
      return updateLine(state, action.key, (line) => ({ ...line, discount: action.discount }));
    case 'saleDiscount':
      return { ...state, discount: action.discount };
    case 'note':
      return { ...state, note: action.note };
    case 'clear':
      return { ...emptyBasket, nextKey: state.nextKey };
  }
}

/** The figures the screen shows: net, VAT per rate, gross. */
export function priceOf(state: BasketState): PricedBasket {
  return priceBasket(state.lines, state.discount);
}

/**
 * Line and sale discounts together, in percent of the basket before discounts: what the station
 * compares with the sales setup's discountLimitPercent.
 */
export function discountPercent(priced: PricedBasket): number {
  if (priced.listCents <= 0) return 0;
  return (priced.discountCents * 100) / priced.listCents;
}

/** The basket as the station's contract takes it: article lines by id, free lines with their price. */
export function toBasketInput(state: BasketState): BasketInput {
  const note = state.note.trim();
  return {
    lines: state.lines.map((line) => {
      const discount = line.discount ?? undefined;
      if (line.kind === 'article') return { articleId: line.articleId, quantity: line.quantity, discount };
      const name = line.name.trim() || undefined;
      return {
        name,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        vatRate: line.vatRate,
        discount,
      };
    }),
    discount: state.discount ?? undefined,
    note: note === '' ? undefined : note,
  };
}

/** The article a scanned code names; codes are compared as printed, without surrounding spaces. */
export function articleByBarcode<T extends SellableArticle>(articles: readonly T[], code: string): T | null {
  const wanted = code.trim();
  if (wanted === '') return null;
  return articles.find((article) => article.barcode?.trim() === wanted) ?? null;
}
