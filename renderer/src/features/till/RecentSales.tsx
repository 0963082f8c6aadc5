import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';
import { useLocale } from '../../i18n';
import { formatMoment } from './format-time';
import { TimelineDialog } from './TimelineDialog';

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

/** Which payment's timeline is open, and the button to give focus back to when it closes. */
function useTimelinePanel() {
  const [paymentId, setPaymentId] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const open = (id: string, button: HTMLButtonElement) => {
    opener.current = button;
    setPaymentId(id);
  };
  const close = () => {
    setPaymentId(null);
    if (opener.current?.isConnected) opener.current.focus();
    opener.current = null;
  };
  return { paymentId, open, close };
}

export function RecentSales() {
  const { t } = useTranslation();
  const locale = useLocale();
  const sales = useRecentSales();
  const timeline = useTimelinePanel();
  return (
    <section className="recent-sales" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('recent.title')}</h2>
      <table aria-label={t('recent.title')}>
        <thead>
          <tr>
            <th scope="col">{t('recent.time')}</th>
            <th scope="col">{t('recent.amount')}</th>
            <th scope="col">{t('recent.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('recent.history')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sales.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                {t('recent.empty')}
              </td>
            </tr>
          )}
          {sales.map((sale) => (
            <tr key={sale.id} data-sale-id={sale.id}>
              <td>
                <time dateTime={sale.createdAt}>{formatMoment(sale.createdAt, locale)}</time>
              </td>
              <td className="numeric">{formatMoney(sale.amountCents, locale)}</td>
              <td>
                <span className={`badge sale-${sale.status}`}>{t(`saleStatus.${sale.status}`)}</span>
              </td>
              <td className="row-actions">
                <button
                  type="button"
                  className="button button-small"
                  disabled={!sale.payment}
                  aria-haspopup="dialog"
                  aria-expanded={sale.payment !== null && timeline.paymentId === sale.payment.id}
                  onClick={(event) => sale.payment && timeline.open(sale.payment.id, event.currentTarget)}
                >
                  {t('recent.timeline')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {timeline.paymentId && (
        <TimelineDialog key={timeline.paymentId} paymentId={timeline.paymentId} onClose={timeline.close} />
      )}
    </section>
  );
}
