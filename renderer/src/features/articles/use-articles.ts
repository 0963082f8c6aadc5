import { useCallback, useEffect, useState } from 'react';
import type { ArticleView, ContractError } from '../../../../shared/contract';
import { VAT_RATES } from '../../../../shared/domain/cash';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';
import { ratesInForce } from '../sales-setup/setup-form';

export interface Shop {
  id: string;
  name: string;
}

export interface Catalogue {
  articles: ArticleView[] | null;
  shops: Shop[];
  /** The VAT rates in force today by the sales setup; the fixed Belgian ones until it is read. */
  vatRates: readonly number[];
  error: ContractError | null;
  reload: () => Promise<void>;
}

/**
 * Every article, inactive ones too, and the shops they can be sold in. Read again whenever the station
 * says the catalogue changed (a save or an import here or on another screen) and after a reconnect.
 */
export function useCatalogue(): Catalogue {
  const [articles, setArticles] = useState<ArticleView[] | null>(null);
  const [shops, setShops] = useState<Shop[]>([]);
  const [vatRates, setVatRates] = useState<readonly number[]>(VAT_RATES);
  const [error, setError] = useState<ContractError | null>(null);
  const reload = useCallback(
    () =>
      Promise.all([
        call('articles.list', { includeInactive: true }),
        call('settings.getSalesSetup', {}),
      ]).then(([list, setup]) => {
        if (list.ok) setArticles(list.value);
        if (setup.ok) setShops(setup.value.shops.map(({ id, name }) => ({ id, name })));
        if (setup.ok) setVatRates(ratesInForce(setup.value, Date.now()));
        setError(list.ok ? null : list.error);
      }),
    [],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  useStationEvents(
    (event) => {
      if (event.name === 'articles.changed') void reload();
    },
    () => void reload(),
  );
  return { articles, shops, vatRates, error, reload };
}

/** The articles whose name, category or barcode holds `search`, grouped by category in the till's order. */
export function groupedByCategory(articles: ArticleView[], search: string): Array<[string, ArticleView[]]> {
  const needle = search.trim().toLocaleLowerCase();
  const groups = new Map<string, ArticleView[]>();
  for (const article of articles) {
    const haystack = `${article.name} ${article.category} ${article.barcode ?? ''}`.toLocaleLowerCase();
    if (needle && !haystack.includes(needle)) continue;
    groups.set(article.category, [...(groups.get(article.category) ?? []), article]);
  }
  return [...groups];
}
