import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DownloadLink, useDownload } from '../reports/DownloadLink';
import { filterInput, type AuditFilterDraft } from './audit-filters';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { AuditVerify } from './AuditVerify';
import { useAuditChoices } from './use-audit-choices';
import { useAuditLog } from './use-audit-log';

/** The audit log for administrators: filter, page back in time, verify the chain, export what is shown. */
export function AuditScreen() {
  const { t } = useTranslation();
  const log = useAuditLog();
  const choices = useAuditChoices();
  return (
    <main className="reports audit">
      <section className="reports-section">
        <div className="section-head">
          <h1 id="audit-title">{t('audit.title')}</h1>
          <div className="section-actions">
            <AuditVerify />
            <AuditExport filter={log.filter} />
          </div>
        </div>
        <p className="muted">{t('audit.explained')}</p>
        <AuditFilters choices={choices} onApply={log.apply} />
        {log.shown.kind === 'loading' && <p className="muted">{t('app.loading')}</p>}
        {log.shown.kind === 'error' && <ErrorAlert error={log.shown.error} />}
        {log.shown.kind === 'page' && <AuditTable entries={log.shown.page.entries} />}
        <div className="pager">
          {log.hasNewer && (
            <button type="button" className="button button-small" onClick={log.newer}>
              {t('audit.newer')}
            </button>
          )}
          {log.hasOlder && (
            <button type="button" className="button button-small" onClick={log.older}>
              {t('audit.more')}
            </button>
          )}
        </div>
      </section>
    </main>
  );
}

/** The entries the filters select, oldest first as the chain runs, as a CSV file to keep. */
function AuditExport({ filter }: { filter: AuditFilterDraft }) {
  const { t } = useTranslation();
  const download = useDownload();
  return (
    <div className="audit-export">
      <button
        type="button"
        className="button"
        disabled={download.busy}
        onClick={() => void download.fetch(() => call('audit.export', filterInput(filter)))}
      >
        {t('audit.export')}
      </button>
      <DownloadLink file={download.file} error={download.error} />
    </div>
  );
}
