import { ContractFailure } from '../../../shared/contract';
import type { RecurringPlan } from '../../../shared/domain/recurring-plans';

/*
 * What pricing a basket needs of the article catalogue. The catalogue itself lives in articles/
 * (article-lookup.ts reads it from the station database); the tenders only know this shape, so that
 * sales, tills and the bar do not depend on the folder that keeps the articles.
 */

/** What the station prices an article line with: the catalogue as it is when the sale is paid. */
export interface CatalogueArticle {
  id: string;
  name: string;
  priceCents: number;
  vatRate: number;
  active: boolean;
  /** The shops it is sold in; empty means every shop. */
  shopIds: string[];
  /** Sold as a payment agreement (a plan or an automatic top-up); null: an ordinary article. */
  recurringPlan: RecurringPlan | null;
}

/** Reads the articles a basket names, by id; ids the catalogue lacks are simply absent from the map. */
export type ArticleLookup = (ids: readonly string[]) => Promise<Map<string, CatalogueArticle>>;

/** Without a station database (tools, some tests) a basket may hold free-amount lines only. */
export const NO_CATALOGUE: ArticleLookup = (ids) =>
  ids.length === 0
    ? Promise.resolve(new Map())
    : Promise.reject(new ContractFailure('NOT_CONFIGURED', 'This station has no article catalogue'));
