import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransactionRowView } from '../../../../shared/contract';
import { useProfiles } from '../profiles/use-profiles';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { DownloadLink, useDownload } from './DownloadLink';
import { formatCount } from './format';
import { TransactionDetail } from './TransactionDetail';
import { TransactionFilters } from './TransactionFilters';
import type { Filters } from './transaction-filters';
import { TransactionTable } from './TransactionTable';
import { useSalesSetup } from './use-sales-setup';
import { useTransactions } from './use-transactions';

/** Which row's detail is open, and the button that gets focus back when it closes. */
function useDetail() {
  const [id, setId] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const open = (row: TransactionRowView, button: HTMLButtonElement) => {
    opener.current = button;
    setId(row.id);
  };
  const close = () => {
    setId(null);
    if (opener.current?.isConnected) opener.current.focus();
    opener.current = null;
  };
  return { id, open, close };
}

/** Every sale, payment, top-up, wristband debit and refund, filtered, paged and exportable. */
export function TransactionsPanel({ onFiltered }: { onFiltered?: (filters: Filters) => void } = {}) {
  const { t } = useTranslation();
  const setup = useSalesSetup();
  const list = useTransactions();
  // Managers and administrators choose a profile by name; a financial user, who may not read them, types it.
  const { profiles } = useProfiles();
  const detail = useDetail();
  const csv = useDownload();
  const { page } = list;
  return (
    <section className="reports-section transactions-panel no-print" aria-labelledby="tx-title">
      <div className="section-head">
        <h2 id="tx-title">{t('reports.tx.title')}</h2>
        <button
          type="button"
          className="button button-small"
          disabled={csv.busy}
          aria-busy={csv.busy}
          onClick={() => void csv.fetch(() => call('reports.exportCsv', list.filters))}
        >
          {t('reports.tx.exportCsv')}
        </button>
      </div>
      <CsvResult csv={csv} />
      <TransactionFilters
        setup={setup}
        profiles={profiles}
        onApply={(filters) => (list.apply(filters), onFiltered?.(filters))}
      />
      {page.kind === 'error' && <ErrorAlert error={page.error} />}
      {page.kind === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {page.kind === 'ready' && page.value.rows.length === 0 && (
        <p className="muted">{t('reports.tx.empty')}</p>
      )}
      {page.kind === 'ready' && page.value.rows.length > 0 && (
        <TransactionTable rows={page.value.rows} onOpen={detail.open} />
      )}
      <div className="pager">
        <span className="muted">{t('reports.tx.page', { page: list.pageNumber })}</span>
        {list.pageNumber > 1 && (
          <button type="button" className="button button-small" onClick={list.first}>
            {t('reports.tx.first')}
          </button>
        )}
        <button type="button" className="button button-small" disabled={!list.hasNext} onClick={list.next}>
          {t('reports.tx.next')}
        </button>
      </div>
      {detail.id && <TransactionDetail id={detail.id} onClose={detail.close} />}
    </section>
  );
}

function CsvResult({ csv }: { csv: ReturnType<typeof useDownload> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="csv-result">
      {csv.file?.rows !== undefined && (
        <p role="status">{t('reports.tx.csvReady', { rows: formatCount(csv.file.rows, locale) })}</p>
      )}
      <DownloadLink file={csv.file} error={csv.error} />
    </div>
  );
}
