import { useTranslation } from 'react-i18next';
import type { PrintJobView } from '../../../../shared/contract';
import { useLocale, intlLocale } from '../../i18n';
import { downloadHref } from '../../api/downloads';

/** Progress of a batch PDF: codes done, codes per second, time left, Cancel, then the download. */
export function PrintProgress({ job, onCancel }: { job: PrintJobView; onCancel: () => void }) {
  const { t } = useTranslation();
  const number = new Intl.NumberFormat(intlLocale(useLocale()));
  const left =
    job.secondsLeft === null ? '' : t('topup.progress.secondsLeft', { seconds: Math.ceil(job.secondsLeft) });
  return (
    <div className={`print-progress job-${job.state}`} data-testid="print-progress">
      <progress max={job.total} value={job.done} aria-label={t('topup.progress.label')} />
      <p role="status">
        {job.state === 'running' &&
          t('topup.progress.running', {
            done: number.format(job.done),
            total: number.format(job.total),
            rate: number.format(Math.round(job.codesPerSecond)),
          })}
        {job.state === 'running' && left && ` · ${left}`}
        {job.state === 'done' && t('topup.progress.done', { total: number.format(job.total) })}
        {job.state === 'cancelled' && t('topup.progress.cancelled')}
        {job.state === 'failed' && t('topup.progress.failed', { error: job.error ?? '' })}
      </p>
      {job.state === 'running' && (
        <button type="button" className="button" onClick={onCancel}>
          {t('topup.progress.cancel')}
        </button>
      )}
      {job.state === 'done' && job.downloadPath && (
        <a className="button button-primary" href={downloadHref(job.downloadPath)} download={job.fileName}>
          {t('topup.progress.download')}
        </a>
      )}
    </div>
  );
}
