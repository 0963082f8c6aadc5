import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, RefundView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { downloadHref } from '../../api/downloads';

interface Exported {
  count: number;
  totalCents: number;
  xmlPath: string;
  csvPath: string;
}

/** After the event: what is left on each wristband goes back to its last payer, as one SEPA file. */
export function RefundsPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [refunds, setRefunds] = useState<RefundView[]>([]);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const [debtor, setDebtor] = useState({ name: '', iban: '' });
  const [exported, setExported] = useState<Exported | null>(null);
  const load = useCallback(() => {
    void call('refunds.list', {}).then((result) =>
      result.ok ? setRefunds(result.value) : setError(result.error),
    );
  }, []);
  useEffect(load, [load]);
  const prepare = async () => {
    setBusy(true);
    const result = await call('refunds.prepare', {});
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (result.ok) setRefunds(result.value);
  };
  const exportFile = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await call('refunds.export', { debtorName: debtor.name, debtorIban: debtor.iban });
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (result.ok) {
      setExported(result.value);
      load();
    }
  };
  const ready = refunds.filter((r) => r.status === 'ready');
  return (
    <section className="topup-section" aria-labelledby="refunds-title">
      <h2 id="refunds-title">{t('topup.refunds.title')}</h2>
      <p className="muted">{t('topup.refunds.explained')}</p>
      <button type="button" className="button" disabled={busy} onClick={() => void prepare()}>
        {t('topup.refunds.prepare')}
      </button>
      {refunds.length > 0 && <RefundTable refunds={refunds} locale={locale} />}
      {ready.length > 0 && (
        <form className="refund-export" onSubmit={(e) => void exportFile(e)} noValidate>
          <label htmlFor="debtor-name">{t('topup.refunds.debtorName')}</label>
          <input
            id="debtor-name"
            value={debtor.name}
            onChange={(e) => setDebtor({ ...debtor, name: e.target.value })}
          />
          <label htmlFor="debtor-iban">{t('topup.refunds.debtorIban')}</label>
          <input
            id="debtor-iban"
            value={debtor.iban}
            onChange={(e) => setDebtor({ ...debtor, iban: e.target.value })}
          />
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('topup.refunds.export', { count: ready.length })}
          </button>
        </form>
      )}
      {error && <ErrorAlert error={error} />}
      {exported && (
        <p role="status">
          {t('topup.refunds.exported', {
            count: exported.count,
            total: formatMoney(exported.totalCents, locale),
          })}{' '}
          <a href={downloadHref(exported.xmlPath)} download>
            {t('topup.refunds.xml')}
          </a>{' '}
          <a href={downloadHref(exported.csvPath)} download>
            {t('topup.refunds.csv')}
          </a>
        </p>
      )}
    </section>
  );
}

function RefundTable({ refunds, locale }: { refunds: RefundView[]; locale: 'nl' | 'fr' | 'en' }) {
  const { t } = useTranslation();
  return (
    <table className="refunds" aria-labelledby="refunds-title">
      <thead>
        <tr>
          <th scope="col">{t('topup.refunds.wristband')}</th>
          <th scope="col">{t('topup.refunds.amount')}</th>
          <th scope="col">{t('topup.refunds.payer')}</th>
          <th scope="col">{t('topup.refunds.status')}</th>
        </tr>
      </thead>
      <tbody>
        {refunds.map((refund) => (
          <tr key={refund.id} data-wristband-id={refund.wristbandId}>
            <td>{refund.wristbandId}</td>
            <td className="numeric">{formatMoney(refund.amountCents, locale)}</td>
            <td>{[refund.creditorName, refund.ibanMasked].filter(Boolean).join(' · ') || '—'}</td>
            <td>{t(`topup.refunds.statuses.${refund.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
