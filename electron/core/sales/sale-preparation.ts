import { ContractFailure } from '../../../shared/contract/errors';
import type { BasketInput } from '../../../shared/contract/basket-input';
import type { ArticleLookup } from './catalogue';
import type { Db } from '../db/open-database';
import type { Actor } from '../ledger/actor';
import { attributionFor, setupIn } from '../ledger/attribution';
import { articleIdsOf, priceSale, type SaleBasket } from './basket-pricing';

export interface SaleInput {
  amountCents: number;
  tillId: string;
  basket?: BasketInput;
}

/** A basket priced before the sale's unit of work, or why it cannot be sold. */
export type PreparedBasket = { basket: SaleBasket } | { refusal: ContractFailure };

/**
 * Prices a sale before its unit of work opens: the catalogue sits in another database, and a unit of
 * work awaits only its own. A refusal is held, not thrown, because a retried request must still find
 * the sale it made even when the catalogue changed since (the tenders check the key first).
 */
export async function prepareBasket(
  deps: { db: Db; articles: ArticleLookup },
  input: SaleInput,
  actor: Actor,
): Promise<PreparedBasket> {
  try {
    const setup = await deps.db.read((q) => setupIn(q));
    const { shopId, vatRate } = attributionFor(setup, input.tillId, actor);
    const articles = await deps.articles(articleIdsOf(input.basket));
    const context = {
      ...{ shopId, defaultVatRate: vatRate, discountLimitPercent: setup.discountLimitPercent },
      ...{ role: actor.role ?? null, articles },
    };
    return { basket: priceSale(input, context) };
  } catch (error) {
    if (error instanceof ContractFailure) return { refusal: error };
    throw error;
  }
}

/** The basket to write, once the idempotency key proved this is a new sale. */
export function basketOrRefuse(prepared: PreparedBasket): SaleBasket {
  if ('refusal' in prepared) throw prepared.refusal;
  return prepared.basket;
}
