import { useCallback, useEffect, useState } from 'react';
import type { ArticleView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';

/** The catalogue the till sells from (active articles only), read again when a manager changes it. */
export function useArticles(): ArticleView[] {
  const [articles, setArticles] = useState<ArticleView[]>([]);
  const load = useCallback(() => {
    void call('articles.list', {}).then((result) => {
      if (result.ok) setArticles(result.value);
    });
  }, []);
  useEffect(load, [load]);
  useStationEvents((event) => {
    if (event.name === 'articles.changed') load();
  }, load);
  return articles;
}
