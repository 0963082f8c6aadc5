import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, RejectedCallbackGroupView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Locale } from '../../../../shared/domain/money';
import { intlLocale, useLocale } from '../../i18n';
import { formatMoment } from '../till/format-time';

const SHOWN = 20;
const HOUR_MS = 3_600_000;

/** "10:00–11:00", with the date first when it is not today. */
function hourSpan(hourStart: string, locale: Locale): string {
  const end = new Date(new Date(hourStart).getTime() + HOUR_MS);
  return `${formatMoment(hourStart, locale)}–${formatMoment(end.toISOString(), locale, { now: end })}`;
}

type Loaded =
  | { kind: 'loading' }
  | { kind: 'error'; error: ContractError }
  | { kind: 'list'; items: RejectedCallbackGroupView[] };

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

function RejectedTable({ items }: { items: RejectedCallbackGroupView[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p data-testid="no-rejected-callbacks">{t('rejectedCallbacks.none')}</p>;
  return (
    <table className="rejected-callbacks" aria-labelledby="rejected-callbacks-title">
      <thead>
        <tr>
          <th scope="col">{t('rejectedCallbacks.hour')}</th>
          <th scope="col">{t('rejectedCallbacks.reason')}</th>
          <th scope="col" className="numeric">
            {t('rejectedCallbacks.count')}
          </th>
          <th scope="col">{t('rejectedCallbacks.samples')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((group) => (
          <RejectedGroup key={`${group.profileId}-${group.reason}-${group.hourStart}`} group={group} />
        ))}
      </tbody>
    </table>
  );
}

/** One profile, reason and hour: how many were refused, and the first few as they came in. */
function RejectedGroup({ group }: { group: RejectedCallbackGroupView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const notKept = group.count - group.samples.length;
  return (
    <tr data-reason={group.reason} data-count={group.count}>
      <td>
        <time dateTime={group.hourStart}>{hourSpan(group.hourStart, locale)}</time>
      </td>
      <td>
        {t(`rejectedCallbacks.reasons.${group.reason}`, { defaultValue: group.reason })}
        <br />
        <span className="muted">{t('rejectedCallbacks.profile', { ppid: group.profileId })}</span>
      </td>
      <td className="numeric">{new Intl.NumberFormat(intlLocale(locale)).format(group.count)}</td>
      <td>
        <ul className="rejected-samples">
          {group.samples.map((sample, index) => (
            <li key={`${sample.at}-${index}`}>
              <time dateTime={sample.at}>{formatMoment(sample.at, locale, { seconds: true })}</time>{' '}
              <span className="rejected-detail">{sample.detail}</span>
            </li>
          ))}
        </ul>
        {notKept > 0 && <p className="muted">{t('rejectedCallbacks.moreCounted', { number: notKept })}</p>}
      </td>
    </tr>
  );
}
