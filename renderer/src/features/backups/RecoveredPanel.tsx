import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/domain/money';
import type { ContractError } from '../../../../shared/contract';
import type { RecoveredPaymentView, RestoreView } from '../../../../shared/contract/restore-methods';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { formatMoment } from '../till/format-time';

type Loaded =
  { kind: 'loading' } | { kind: 'error'; error: ContractError } | { kind: 'done'; last: RestoreView | null };

/** While Bancontact has not been searched yet, the panel asks again this often. */
const SEARCH_POLL_MS = 3_000;

function useLastRestore(refreshKey: string) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const reload = useCallback(() => {
    void call('restore.getLast', {}).then((result) =>
      setLoaded(result.ok ? { kind: 'done', last: result.value } : { kind: 'error', error: result.error }),
    );
  }, []);
  useEffect(reload, [reload, refreshKey]);
  const searching = loaded.kind === 'done' && loaded.last !== null && loaded.last.searchedAt === null;
  useEffect(() => {
    if (!searching) return undefined;
    const timer = setInterval(reload, SEARCH_POLL_MS);
    return () => clearInterval(timer);
  }, [searching, reload]);
  // Recovered sales and top-ups are announced like any other as they are booked.
  useStationEvents((event) => {
    if (event.name === 'payments.changed' || event.name === 'wristbands.changed') reload();
  }, reload);
  return loaded;
}

/**
 * The last restore of this mode's book: the gap it left, every SUCCEEDED Bancontact payment that came
 * back (as a sale or a top-up), and, said plainly, what cannot come back. Shows nothing when the book
 * was never restored.
 */
export function RecoveredPanel({ refreshKey = '' }: { refreshKey?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const loaded = useLastRestore(refreshKey);
  if (loaded.kind === 'loading') return null;
  // A refused station has no book open yet: the restore itself is what the screen offers.
  if (loaded.kind === 'error' && loaded.error.code === 'STATION_REFUSED') return null;
  if (loaded.kind === 'error') return <ErrorAlert error={loaded.error} />;
  const { last } = loaded;
  if (!last) return null;
  const at = (iso: string) => formatMoment(iso, locale, { seconds: true });
  return (
    <div className="recovered-panel" aria-labelledby="recovered-title" data-testid="recovered-panel">
      <h3 id="recovered-title">{t('recovered.title')}</h3>
      <p>
        {t('recovered.when', {
          restored: at(last.restoredAt),
          file: last.fromFile,
          taken: at(last.backupTakenAt),
        })}
      </p>
      {last.searchedAt === null ? (
        <p className="muted" role="status">
          {t('recovered.searching', { from: at(last.searchedFrom) })}
        </p>
      ) : (
        <p className="muted">{t('recovered.searchedFrom', { from: at(last.searchedFrom) })}</p>
      )}
      {last.searchedAt !== null && last.recovered.length === 0 && <p>{t('recovered.none')}</p>}
      {last.recovered.length > 0 && <RecoveredTable items={last.recovered} />}
      <h4>{t('recovered.lostTitle')}</h4>
      <p>{t('recovered.lostExplained', { from: at(last.backupTakenAt), to: at(last.restoredAt) })}</p>
      <ul className="recovered-lost">
        {last.cannotComeBack.map((kind) => (
          <li key={kind}>{t(`recovered.lost.${kind}`)}</li>
        ))}
      </ul>
    </div>
  );
}

function RecoveredTable({ items }: { items: RecoveredPaymentView[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <table className="recovered-list" aria-labelledby="recovered-title">
      <thead>
        <tr>
          <th scope="col">{t('recovered.kind')}</th>
          <th scope="col">{t('recovered.amount')}</th>
          <th scope="col">{t('recovered.paidAt')}</th>
          <th scope="col">{t('recovered.where')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.bancontactId} data-kind={item.kind}>
            <td>{t(`recovered.kinds.${item.kind}`)}</td>
            <td>{formatMoney(item.amountCents, locale)}</td>
            <td>
              <time dateTime={item.succeededAt}>
                {formatMoment(item.succeededAt, locale, { seconds: true })}
              </time>
            </td>
            <td>{bookedAs(t, item)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function bookedAs(t: ReturnType<typeof useTranslation>['t'], item: RecoveredPaymentView): string {
  if (item.kind === 'sale') return t('recovered.saleBooked');
  return item.wristbandId ? t('recovered.wristband', { id: item.wristbandId }) : t('recovered.attention');
}
