import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, Result, SaleView, TimelineEntry } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { formatMoment } from './format-time';

/** Where a status change came from, as the station's event log records it. */
const SOURCES = ['create', 'poll', 'callback', 'sweep', 'cancel', 'recovery'] as const;

function isKnownSource(source: string): source is (typeof SOURCES)[number] {
  return (SOURCES as readonly string[]).includes(source);
}

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; error: ContractError }
  | { kind: 'entries'; entries: TimelineEntry[] };

/** Reads the payment's status history, and again whenever that payment changes while the panel is open. */
export function useTimeline(paymentId: string): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const take = useCallback((result: Result<TimelineEntry[]>) => {
    setLoaded(
      result.ok ? { kind: 'entries', entries: result.value } : { kind: 'error', error: result.error },
    );
  }, []);
  useEffect(() => {
    void call('payments.getTimeline', { paymentId }).then(take);
  }, [paymentId, take]);
  const reload = () => void call('payments.getTimeline', { paymentId }).then(take);
  useStationEvents((event) => {
    if (event.name === 'payments.changed' && event.payload.sale.payment?.id === paymentId) reload();
  }, reload);
  return loaded;
}

interface FrameProps {
  onClose: () => void;
  /** Moves focus into the panel again when it shows another sale. */
  focusKey: string;
  children: ReactNode;
  data: Record<`data-${string}`, string>;
}

/** A small non-modal panel: focus moves into it, Escape or Close gives it back to the opener. */
export function TimelineFrame({ onClose, focusKey, children, data }: FrameProps) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
  }, [focusKey]);
  return (
    <div
      className="timeline-dialog"
      role="dialog"
      aria-label={t('timeline.title')}
      {...data}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="timeline-head">
        <h3>{t('timeline.title')}</h3>
        <button ref={closeRef} type="button" className="button button-small" onClick={onClose}>
          {t('timeline.close')}
        </button>
      </div>
      {children}
    </div>
  );
}

/** A Bancontact payment's status history, read from the station's event log. */
export function TimelineDialog({ paymentId, onClose }: { paymentId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const loaded = useTimeline(paymentId);
  return (
    <TimelineFrame onClose={onClose} focusKey={paymentId} data={{ 'data-payment-id': paymentId }}>
      {loaded.kind === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {loaded.kind === 'error' && <ErrorAlert error={loaded.error} />}
      {loaded.kind === 'entries' && <TimelineTable entries={loaded.entries} />}
    </TimelineFrame>
  );
}

/**
 * Cash and wristband sales have no payment to follow: they are taken in one step, so their timeline is
 * that one moment and what it took.
 */
export function TenderTimelineDialog({ sale, onClose }: { sale: SaleView; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const what =
    sale.tender === 'cash'
      ? t('register.cashTimeline', {
          received: money(sale.cash?.tenderedCents ?? 0),
          change: money(sale.cash?.changeCents ?? 0),
        })
      : t('register.wristbandTimeline', { id: sale.wristbandId ?? '' });
  return (
    <TimelineFrame onClose={onClose} focusKey={sale.id} data={{ 'data-sale-id': sale.id }}>
      <table className="timeline">
        <tbody>
          <tr>
            <td>
              <time dateTime={sale.createdAt}>{formatMoment(sale.createdAt, locale, { seconds: true })}</time>
            </td>
            <td>{what}</td>
          </tr>
        </tbody>
      </table>
    </TimelineFrame>
  );
}

export function TimelineTable({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (entries.length === 0) return <p className="muted">{t('timeline.empty')}</p>;
  return (
    <table className="timeline">
      <thead>
        <tr>
          <th scope="col">{t('timeline.time')}</th>
          <th scope="col">{t('timeline.change')}</th>
          <th scope="col">{t('timeline.source')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry, index) => (
          <tr key={`${entry.at}-${index}`} data-to={entry.to}>
            <td>
              <time dateTime={entry.at}>{formatMoment(entry.at, locale, { seconds: true })}</time>
            </td>
            <td>
              <span className="timeline-from">
                {entry.from ? t(`paymentStatus.${entry.from}`) : t('timeline.start')}
              </span>
              <span aria-hidden="true"> → </span>
              <span className="visually-hidden"> {t('timeline.to')} </span>
              <span className="timeline-to">{t(`paymentStatus.${entry.to}`)}</span>
            </td>
            <td>{isKnownSource(entry.source) ? t(`timeline.sources.${entry.source}`) : entry.source}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
