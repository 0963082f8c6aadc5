import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttentionView, ContractError } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { formatMoment } from '../till/format-time';

/** Top-ups that could not be credited on their own: the manager credits each to the right wristband. */
export function AttentionList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [items, setItems] = useState<AttentionView[]>([]);
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [error, setError] = useState<ContractError | null>(null);
  const load = useCallback(() => {
    void call('topup.listAttention', {}).then((result) =>
      result.ok ? setItems(result.value) : setError(result.error),
    );
  }, []);
  useEffect(load, [load]);
  useStationEvents((event) => event.name === 'wristbands.changed' && load(), load);
  const resolve = async (item: AttentionView) => {
    const result = await call('topup.resolveAttention', {
      bancontactId: item.bancontactId,
      wristbandId: targets[item.bancontactId] ?? '',
    });
    setError(result.ok ? null : result.error);
    if (result.ok) load();
  };
  const open = items.filter((item) => item.resolvedAt === null);
  return (
    <section className="topup-section" aria-labelledby="attention-title">
      <h2 id="attention-title">{t('topup.attention.title')}</h2>
      {error && <ErrorAlert error={error} />}
      {open.length === 0 ? (
        <p className="muted">{t('topup.attention.none')}</p>
      ) : (
        <table className="attention" aria-labelledby="attention-title">
          <thead>
            <tr>
              <th scope="col">{t('topup.attention.received')}</th>
              <th scope="col">{t('topup.attention.reference')}</th>
              <th scope="col">{t('topup.attention.amount')}</th>
              <th scope="col">{t('topup.attention.reason')}</th>
              <th scope="col">{t('topup.attention.creditTo')}</th>
            </tr>
          </thead>
          <tbody>
            {open.map((item) => (
              <tr key={item.bancontactId}>
                <td>{formatMoment(item.receivedAt, locale)}</td>
                <td>{item.reference ?? '—'}</td>
                <td className="numeric">{formatMoney(item.amountCents, locale)}</td>
                <td>{t(`topup.attention.reasons.${item.reason}`)}</td>
                <td className="inline-form">
                  <input
                    aria-label={t('topup.attention.creditTo')}
                    value={targets[item.bancontactId] ?? ''}
                    onChange={(e) => setTargets({ ...targets, [item.bancontactId]: e.target.value })}
                  />
                  <button type="button" className="button button-small" onClick={() => void resolve(item)}>
                    {t('topup.attention.credit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
