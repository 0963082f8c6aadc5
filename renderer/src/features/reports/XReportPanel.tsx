import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DownloadLink, useDownload } from './DownloadLink';
import { ReportBody } from './ReportBody';
import type { Loaded } from './use-station-data';

/** The X report of the current business day, as PDF or printed from this page (see reports.css). */
export function XReportPanel({ x }: { x: Loaded<ReportView> }) {
  const { t } = useTranslation();
  const pdf = useDownload();
  const date = x.kind === 'ready' ? x.value.businessDate : undefined;
  return (
    <section className="reports-section report-x" aria-labelledby="x-title">
      <div className="section-head">
        <h2 id="x-title">{t('reports.x.title')}</h2>
        <div className="section-actions no-print">
          <button
            type="button"
            className="button button-small"
            disabled={pdf.busy || !date}
            aria-busy={pdf.busy}
            onClick={() => void pdf.fetch(() => call('reports.exportPdf', { kind: 'x', date }))}
          >
            {t('reports.x.pdf')}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={!date}
            onClick={() => window.print()}
          >
            {t('reports.x.print')}
          </button>
        </div>
      </div>
      <p className="muted no-print">{t('reports.x.explain')}</p>
      <div className="no-print">
        <DownloadLink file={pdf.file} error={pdf.error} />
      </div>
      {x.kind === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {x.kind === 'error' && <ErrorAlert error={x.error} />}
      {x.kind === 'ready' && <ReportBody report={x.value} />}
    </section>
  );
}
