import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, RejectedCallbackView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { formatMoment } from '../till/format-time';

const SHOWN = 20;

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; error: ContractError }
  | { kind: 'list'; items: RejectedCallbackView[] };

function useRejectedCallbacks() {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const reload = useCallback(() => {
    void call('payments.listRejectedCallbacks', { limit: SHOWN }).then((result) =>
      setLoaded(result.ok ? { kind: 'list', items: result.value } : { kind: 'error', error: result.error }),
    );
  }, []);
  useEffect(reload, [reload]);
  return { loaded, reload };
}

/**
 * Callbacks that failed verification were answered 4xx and never applied; a manager looks here when
 * someone may be forging them, or when the public URL or profile is set up wrong.
 */
export function RejectedCallbacks() {
  const { t } = useTranslation();
  const { loaded, reload } = useRejectedCallbacks();
  return (
    <section className="settings-section" aria-labelledby="rejected-callbacks-title">
      <h2 id="rejected-callbacks-title">{t('rejectedCallbacks.title')}</h2>
      <p className="muted">{t('rejectedCallbacks.explained')}</p>
      {loaded.kind === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {loaded.kind === 'error' && <ErrorAlert error={loaded.error} />}
      {loaded.kind === 'list' && <RejectedTable items={loaded.items} />}
      <div className="form-actions">
        <button type="button" className="button" onClick={reload}>
          {t('rejectedCallbacks.refresh')}
        </button>
      </div>
    </section>
  );
}

function RejectedTable({ items }: { items: RejectedCallbackView[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (items.length === 0) return <p data-testid="no-rejected-callbacks">{t('rejectedCallbacks.none')}</p>;
  return (
    <table className="rejected-callbacks" aria-labelledby="rejected-callbacks-title">
      <thead>
        <tr>
          <th scope="col">{t('rejectedCallbacks.time')}</th>
          <th scope="col">{t('rejectedCallbacks.reason')}</th>
          <th scope="col">{t('rejectedCallbacks.detail')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, index) => (
          <tr key={`${item.at}-${index}`} data-reason={item.reason}>
            <td>
              <time dateTime={item.at}>{formatMoment(item.at, locale, { seconds: true })}</time>
            </td>
            <td>{t(`rejectedCallbacks.reasons.${item.reason}`, { defaultValue: item.reason })}</td>
            <td className="rejected-detail">{item.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
