import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleView } from '../../../../shared/contract';
import { formatMoney, type Locale } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';
import { intlLocale, useLocale } from '../../i18n';

/** Today's sales show the time only; older ones the date too. */
function saleTime(iso: string, locale: Locale, now = new Date()): string {
  const at = new Date(iso);
  const sameDay = at.toDateString() === now.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { timeStyle: 'short' }
    : { dateStyle: 'short', timeStyle: 'short' };
  return new Intl.DateTimeFormat(intlLocale(locale), options).format(at);
}

/** Re-reads the list on every payment change; bursts of events collapse into one extra read. */
function useRecentSales(): SaleView[] {
  const [sales, setSales] = useState<SaleView[]>([]);
  const loading = useRef(false);
  const again = useRef(false);

  const refresh = useCallback(async () => {
    if (loading.current) {
      again.current = true;
      return;
    }
    loading.current = true;
    try {
      do {
        again.current = false;
        const result = await call('till.listSales', { limit: 20 });
        if (result.ok) setSales(result.value);
      } while (again.current);
    } finally {
      loading.current = false;
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useStationEvents(
    (event) => {
      if (event.name === 'payments.changed') void refresh();
    },
    () => void refresh(),
  );
  return sales;
}

export function RecentSales() {
  const { t } = useTranslation();
  const locale = useLocale();
  const sales = useRecentSales();
  return (
    <section className="recent-sales" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('recent.title')}</h2>
      <table aria-label={t('recent.title')}>
        <thead>
          <tr>
            <th scope="col">{t('recent.time')}</th>
            <th scope="col">{t('recent.amount')}</th>
            <th scope="col">{t('recent.status')}</th>
          </tr>
        </thead>
        <tbody>
          {sales.length === 0 && (
            <tr>
              <td colSpan={3} className="muted">
                {t('recent.empty')}
              </td>
            </tr>
          )}
          {sales.map((sale) => (
            <tr key={sale.id} data-sale-id={sale.id}>
              <td>
                <time dateTime={sale.createdAt}>{saleTime(sale.createdAt, locale)}</time>
              </td>
              <td className="numeric">{formatMoney(sale.amountCents, locale)}</td>
              <td>
                <span className={`badge sale-${sale.status}`}>{t(`saleStatus.${sale.status}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
