import { ContractFailure, type FieldProblem } from '../../../shared/contract/errors';
import type { BasketInput, DiscountInput } from '../../../shared/contract/basket-input';
import { priceBasket, type Discount, type PricedBasket } from '../../../shared/domain/basket';
import type { Role } from '../../../shared/domain/roles';
import type { CatalogueArticle } from './catalogue';

/*
 * A basket as the station books it (docs/register-rules.md): the till's lines resolved against the
 * catalogue and priced again by shared/domain/basket.ts. The till's own total is only compared with
 * the station's, never used.
 */

/** One line as stored in sale_lines: what was sold, at what price, with what discount. */
export interface SaleLine {
  articleId: string | null;
  /** The article's name as sold; '' for a free amount the cashier did not name. */
  name: string;
  quantity: number;
  unitPriceCents: number;
  vatRate: number;
  discount: Discount | null;
  note: string | null;
}

export interface SaleBasket {
  lines: SaleLine[];
  discount: Discount | null;
  note: string | null;
  priced: PricedBasket;
  /** The rate of the largest part (ties: the higher rate): what `sales.vat_rate` keeps. */
  mainRate: number;
}

export interface PricingContext {
  /** The till's shop: an article must be sold there. */
  shopId: string;
  /** The till's rate, for an amount paid without a basket. */
  defaultVatRate: number;
  discountLimitPercent: number;
  /** The seller's role: above the limit only a manager or an administrator may give a discount. */
  role: Role | null;
  articles: ReadonlyMap<string, CatalogueArticle>;
}

/** The catalogue ids a basket names (what the station must look up before pricing it). */
export function articleIdsOf(basket: BasketInput | undefined): string[] {
  return (basket?.lines ?? []).flatMap((line) => ('articleId' in line ? [line.articleId] : []));
}

/** The sale as the station prices it; throws INVALID_INPUT, DISCOUNT_NEEDS_MANAGER or CONFLICT. */
export function priceSale(
  input: { amountCents: number; basket?: BasketInput },
  ctx: PricingContext,
): SaleBasket {
  if (!input.basket) {
    // Today's keypad sale: one free amount at the till's rate.
    const line = freeAmount(input.amountCents, ctx.defaultVatRate);
    return withPrices([line], null, null);
  }
  const lines = input.basket.lines.map((line, index) => resolveLine(line, index, ctx));
  const problems = lines.flatMap((l) => ('problem' in l ? [l.problem] : []));
  if (problems.length > 0) {
    throw new ContractFailure('INVALID_INPUT', 'The basket holds articles that cannot be sold here', {
      fields: problems.map((p) => `basket.lines.${(p.line ?? 1) - 1}.articleId`),
      details: problems,
    });
  }
  const resolved = lines.flatMap((l) => ('line' in l ? [l.line] : []));
  const basket = withPrices(resolved, discountOf(input.basket.discount), input.basket.note ?? null);
  checkDiscount(basket.priced, ctx);
  if (basket.priced.grossCents !== input.amountCents) {
    throw new ContractFailure(
      'CONFLICT',
      `Prices changed, check the basket: the station makes it ${basket.priced.grossCents} cents, the till ${input.amountCents}`,
    );
  }
  return basket;
}

type Resolved = { line: SaleLine } | { problem: FieldProblem };

function resolveLine(line: BasketInput['lines'][number], index: number, ctx: PricingContext): Resolved {
  const common = { quantity: line.quantity, discount: discountOf(line.discount), note: line.note || null };
  if (!('articleId' in line)) {
    const { name, unitPriceCents, vatRate } = line;
    return { line: { articleId: null, name: name ?? '', unitPriceCents, vatRate, ...common } };
  }
  const article = ctx.articles.get(line.articleId);
  const problem = !article
    ? 'ARTICLE_UNKNOWN'
    : !article.active
      ? 'ARTICLE_INACTIVE'
      : article.shopIds.length > 0 && !article.shopIds.includes(ctx.shopId)
        ? 'ARTICLE_NOT_IN_SHOP'
        : null;
  if (!article || problem) {
    return {
      problem: { line: index + 1, column: 'articleId', problem: problem ?? '', other: line.articleId },
    };
  }
  const { id, name, priceCents, vatRate } = article;
  return { line: { articleId: id, name, unitPriceCents: priceCents, vatRate, ...common } };
}

function freeAmount(amountCents: number, vatRate: number): SaleLine {
  return {
    articleId: null,
    name: '',
    quantity: 1,
    unitPriceCents: amountCents,
    vatRate,
    discount: null,
    note: null,
  };
}

function withPrices(lines: SaleLine[], discount: Discount | null, note: string | null): SaleBasket {
  const priced = priceBasket(lines, discount);
  const largest = [...priced.byRate].sort(
    (a, b) => b.grossCents - a.grossCents || b.ratePercent - a.ratePercent,
  );
  return { lines, discount, note: note || null, priced, mainRate: largest[0]?.ratePercent ?? 0 };
}

/** Line and sale discounts together, in percent of the list total, against the sales setup's limit. */
function checkDiscount(priced: PricedBasket, ctx: PricingContext): void {
  if (priced.discountCents * 100 <= ctx.discountLimitPercent * priced.listCents) return;
  if (ctx.role === 'manager' || ctx.role === 'administrator') return;
  throw new ContractFailure(
    'DISCOUNT_NEEDS_MANAGER',
    `A discount of ${priced.discountCents} on ${priced.listCents} cents is above the ${ctx.discountLimitPercent} % limit`,
  );
}

function discountOf(input: DiscountInput | undefined): Discount | null {
  return input ?? null;
}
