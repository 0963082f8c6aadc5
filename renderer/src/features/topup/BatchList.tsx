import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchView, ContractError, PrintJobView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { formatMoment } from '../till/format-time';

/** Every batch printed so far; a batch printed on the old host can be re-issued with the new one. */
export function BatchList({
  refreshKey,
  onStarted,
}: {
  refreshKey: unknown;
  onStarted: (job: PrintJobView) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [batches, setBatches] = useState<BatchView[]>([]);
  const [error, setError] = useState<ContractError | null>(null);
  const load = useCallback(() => {
    void call('topup.listBatches', {}).then((result) =>
      result.ok ? setBatches(result.value) : setError(result.error),
    );
  }, []);
  useEffect(load, [load, refreshKey]);
  const reissue = async (batch: BatchView) => {
    const result = await call('topup.reissueBatch', { batchId: batch.id, layout: 'a4', locale });
    if (result.ok) {
      onStarted(result.value.job);
      load();
    } else setError(result.error);
  };
  if (batches.length === 0 && !error) return null;
  return (
    <section className="topup-section" aria-labelledby="batches-title">
      <h2 id="batches-title">{t('topup.batches.title')}</h2>
      {error && <ErrorAlert error={error} />}
      <table className="batches">
        <thead>
          <tr>
            <th scope="col">{t('topup.batches.created')}</th>
            <th scope="col">{t('topup.batches.event')}</th>
            <th scope="col">{t('topup.batches.codes')}</th>
            <th scope="col">{t('topup.batches.amount')}</th>
            <th scope="col">{t('topup.batches.host')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('topup.batches.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {batches.map((batch) => (
            <tr key={batch.id} data-batch-id={batch.id}>
              <td>{formatMoment(batch.createdAt, locale)}</td>
              <td>{batch.eventName}</td>
              <td className="numeric">
                {batch.count} ({batch.firstWristbandId} … {batch.lastWristbandId})
              </td>
              <td>
                {batch.amountCents === null
                  ? t('topup.modes.open')
                  : `${formatMoney(batch.amountCents, locale)} · ${t(`topup.modes.${batch.amountMode}`)}`}
              </td>
              <td>{batch.payloadHost}</td>
              <td>
                <button type="button" className="button button-small" onClick={() => void reissue(batch)}>
                  {t('topup.batches.reissue')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
