import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';
import { useLocale } from '../../i18n';
import { formatMoment } from './format-time';
import { SplitTimelineDialog } from './SplitTimeline';
import { saleMethod, saleOutcome, takenCents } from './recent-sale-row';
import { partsTaken } from './split-sale';
import { TenderTimelineDialog, TimelineDialog } from './TimelineDialog';

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

/** Which sale's timeline is open, and the button to give focus back to when it closes. */
function useTimelinePanel() {
  const [saleId, setSaleId] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const open = (id: string, button: HTMLButtonElement) => {
    opener.current = button;
    setSaleId(id);
  };
  const close = () => {
    setSaleId(null);
    if (opener.current?.isConnected) opener.current.focus();
    opener.current = null;
  };
  return { saleId, open, close };
}

export function RecentSales() {
  const { t } = useTranslation();
  const sales = useRecentSales();
  const timeline = useTimelinePanel();
  const shown = sales.find((sale) => sale.id === timeline.saleId) ?? null;
  return (
    <section className="recent-sales" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('recent.title')}</h2>
      <table aria-label={t('recent.title')}>
        <thead>
          <tr>
            <th scope="col">{t('recent.time')}</th>
            <th scope="col">{t('register.method')}</th>
            <th scope="col">{t('recent.amount')}</th>
            <th scope="col">{t('register.taken')}</th>
            <th scope="col">{t('recent.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('recent.history')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sales.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                {t('recent.empty')}
              </td>
            </tr>
          )}
          {sales.map((sale) => (
            <SaleRow key={sale.id} sale={sale} open={timeline.saleId === sale.id} onOpen={timeline.open} />
          ))}
        </tbody>
      </table>
      {shown && inParts(shown) ? (
        <SplitTimelineDialog key={shown.id} sale={shown} onClose={timeline.close} />
      ) : shown?.payment ? (
        <TimelineDialog key={shown.id} paymentId={shown.payment.id} onClose={timeline.close} />
      ) : (
        shown && <TenderTimelineDialog key={shown.id} sale={shown} onClose={timeline.close} />
      )}
    </section>
  );
}

/** Paid in parts: by several methods, or by several Bancontact parts (each with its own timeline). */
const inParts = (sale: SaleView): boolean =>
  sale.tender === 'split' || (sale.tenders ?? []).filter((t) => t.status === 'succeeded').length > 1;

interface RowProps {
  sale: SaleView;
  open: boolean;
  onOpen: (saleId: string, button: HTMLButtonElement) => void;
}

function SaleRow({ sale, open, onOpen }: RowProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const taken = takenCents(sale);
  const outcome = saleOutcome(sale);
  return (
    <tr data-sale-id={sale.id}>
      <td>
        <time dateTime={sale.createdAt}>{formatMoment(sale.createdAt, locale)}</time>
      </td>
      <td>{t(`register.methods.${saleMethod(sale)}`)}</td>
      <td className="numeric">{formatMoney(sale.amountCents, locale)}</td>
      <td className="numeric" data-testid="taken">
        {taken === null ? '—' : formatMoney(taken, locale)}
      </td>
      <td>
        <span className={`badge sale-${sale.status}`} data-outcome={outcome}>
          {/* Between two parts its last payment succeeded, but the sale is not paid: say what is due. */}
          {partsTaken(sale)
            ? `${t('split.due')} ${formatMoney(sale.dueCents ?? sale.amountCents, locale)}`
            : t(`phase.${outcome}`)}
        </span>
      </td>
      <td className="row-actions">
        <button
          type="button"
          className="button button-small"
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={(event) => onOpen(sale.id, event.currentTarget)}
        >
          {t('recent.timeline')}
        </button>
      </td>
    </tr>
  );
}
