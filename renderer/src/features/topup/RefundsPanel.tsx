import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, RefundView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { downloadHref } from '../../api/downloads';
import { useStationEvents } from '../../api/use-station-events';
import { useEventState } from './use-event-state';

interface Exported {
  count: number;
  totalCents: number;
  xmlPath: string;
  csvPath: string;
}

/**
 * After the event: what is left on each wristband goes back to its last payer, as one SEPA file.
 * Accounts may be fetched at any time; the file only once the event has ended (the station refuses
 * it before, EVENT_NOT_ENDED), so the export says why it is not offered yet.
 */
export function RefundsPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const ended = useEventState().state?.ended ?? false;
  const [refunds, setRefunds] = useState<RefundView[]>([]);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState<Exported | null>(null);
  const load = useCallback(() => {
    void call('refunds.list', {}).then((result) =>
      result.ok ? setRefunds(result.value) : setError(result.error),
    );
  }, []);
  useEffect(load, [load]);
  // Ending or reopening the event elsewhere, or a refund file made on another screen.
  useStationEvents((event) => event.name === 'topup.eventChanged' && load());
  const prepare = async () => {
    setBusy(true);
    const result = await call('refunds.prepare', {});
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (result.ok) setRefunds(result.value);
  };
  const exportFile = async (debtor: Debtor) => {
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
        <RefundExportForm count={ready.length} ended={ended} busy={busy} onExport={exportFile} />
      )}
      {!ended && (
        <p className="muted" id="refunds-not-ended" data-testid="refunds-not-ended">
          {t('topup.refunds.notEnded')}
        </p>
      )}
      {error && <ErrorAlert error={error} />}
      {exported && <ExportedFiles exported={exported} locale={locale} />}
      <RefundFiles refunds={refunds} locale={locale} />
    </section>
  );
}

interface Debtor {
  name: string;
  iban: string;
}

/** The organiser's account and the export button, which waits for the end of the event. */
function RefundExportForm(props: {
  count: number;
  ended: boolean;
  busy: boolean;
  onExport: (debtor: Debtor) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [debtor, setDebtor] = useState<Debtor>({ name: '', iban: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void props.onExport(debtor);
  };
  return (
    <form className="refund-export" onSubmit={submit} noValidate>
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
      <button
        type="submit"
        className="button button-primary"
        disabled={props.busy || !props.ended}
        aria-describedby={props.ended ? undefined : 'refunds-not-ended'}
      >
        {t('topup.refunds.export', { count: props.count })}
      </button>
    </form>
  );
}

function ExportedFiles({ exported, locale }: { exported: Exported; locale: 'nl' | 'fr' | 'en' }) {
  const { t } = useTranslation();
  return (
    <p role="status">
      {t('topup.refunds.exported', {
        count: exported.count,
        total: formatMoney(exported.totalCents, locale),
      })}
    </p>
  );
}

/** Every refund file made, with its downloads: they stay available after a reload or on another screen. */
function RefundFiles({ refunds, locale }: { refunds: RefundView[]; locale: 'nl' | 'fr' | 'en' }) {
  const { t } = useTranslation();
  const files = new Map<string, { count: number; totalCents: number }>();
  for (const refund of refunds) {
    if (refund.status !== 'exported' || !refund.exportId) continue;
    const file = files.get(refund.exportId) ?? { count: 0, totalCents: 0 };
    files.set(refund.exportId, { count: file.count + 1, totalCents: file.totalCents + refund.amountCents });
  }
  if (files.size === 0) return null;
  return (
    <ul className="refund-files" aria-label={t('topup.refunds.files')}>
      {[...files].map(([exportId, file]) => (
        <li key={exportId}>
          {t('topup.refunds.exported', { count: file.count, total: formatMoney(file.totalCents, locale) })}{' '}
          <a className="button" href={downloadHref(`/downloads/refunds-${exportId}.xml`)} download>
            {t('topup.refunds.xml')}
          </a>{' '}
          <a className="button" href={downloadHref(`/downloads/refunds-${exportId}.csv`)} download>
            {t('topup.refunds.csv')}
          </a>
        </li>
      ))}
    </ul>
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
