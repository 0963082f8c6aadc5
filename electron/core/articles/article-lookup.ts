import { inArray } from 'drizzle-orm';
import { ContractFailure } from '../../../shared/contract';
import type { StationDb } from '../db/open-station-database';
import { articles } from '../db/station-schema';
import type { ArticleLookup, CatalogueArticle } from '../sales/catalogue';
import { planOf } from './article-rows';

/**
 * The lookup over the station database (the site's on PostgreSQL, so every station prices alike). The
 * handle is asked for at each sale: it is null while station.sqlite is closed (a restore, a stop).
 */
export function createArticleLookup(database: () => StationDb | null): ArticleLookup {
  return async (ids) => {
    const found = new Map<string, CatalogueArticle>();
    if (ids.length === 0) return found;
    const db = database();
    if (!db) throw new ContractFailure('NOT_CONFIGURED', 'The article catalogue is not open right now');
    const rows = await db.read((q) =>
      q
        .select()
        .from(articles)
        .where(inArray(articles.id, [...new Set(ids)])),
    );
    for (const row of rows) {
      found.set(row.id, {
        id: row.id,
        name: row.name,
        priceCents: row.priceCents,
        vatRate: row.vatRate,
        active: Boolean(row.active),
        shopIds: shopIdsOf(row.shopIds),
        recurringPlan: planOf(row.recurringPlan),
      });
    }
    return found;
  };
}

function shopIdsOf(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}
