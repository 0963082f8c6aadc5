import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, ReportView, ZListItem } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { CloseWarning } from './CloseWarning';
import { DownloadLink, useDownload } from './DownloadLink';
import { formatCount, formatDay, formatInstant } from './format';
import { useRefresh, useStationData } from './use-station-data';

type Step =
  | { kind: 'idle' }
  | { kind: 'warn'; date: string }
  | { kind: 'confirm'; date: string }
  | { kind: 'closed'; report: ReportView };

/** Closing the business day: a confirm step, then the frozen Z report and its number. */
function useCloseDay() {
  const { bump } = useRefresh();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const close = async (date: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    // The day named in the question, never "today" as the station sees it a moment later.
    const result = await call('reports.closeDay', { date });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      setStep({ kind: 'idle' });
      return;
    }
    setStep({ kind: 'closed', report: result.value });
    bump();
  };
  return { step, setStep, error, busy, close };
}

export interface ClosingPanelProps {
  businessDate: string | null;
  /** The tills whose drawer has no count for the day (from the X report): a Z warns about them first. */
  uncounted: string[];
  /** Takes the manager to the drawer of `tillId`, ready to type the count. */
  onCount: (tillId: string) => void;
}

export function ClosingPanel({ businessDate, uncounted, onCount }: ClosingPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const day = useCloseDay();
  const { step } = day;
  const start = (date: string) => day.setStep({ kind: uncounted.length > 0 ? 'warn' : 'confirm', date });
  return (
    <section className="reports-section closing no-print" aria-labelledby="close-title">
      <h2 id="close-title">{t('reports.close.title')}</h2>
      <p className="muted">{t('reports.close.explain')}</p>
      {step.kind === 'warn' && (
        <CloseWarning
          tills={uncounted}
          onCount={() => {
            day.setStep({ kind: 'idle' });
            if (uncounted[0]) onCount(uncounted[0]);
          }}
          onCloseAnyway={() => day.setStep({ kind: 'confirm', date: step.date })}
        />
      )}
      {step.kind === 'confirm' ? (
        <div className="confirm" role="group" aria-labelledby="close-question">
          <p id="close-question">
            <strong>{t('reports.close.confirm', { date: step.date })}</strong> ({formatDay(step.date, locale)}
            )
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-danger"
              disabled={day.busy}
              onClick={() => void day.close(step.date)}
            >
              {t('reports.close.yes')}
            </button>
            <button type="button" className="button" onClick={() => day.setStep({ kind: 'idle' })}>
              {t('reports.close.no')}
            </button>
          </div>
        </div>
      ) : (
        step.kind !== 'warn' && (
          <button
            type="button"
            className="button"
            disabled={!businessDate}
            onClick={() => businessDate && start(businessDate)}
          >
            {t('reports.close.start')}
          </button>
        )
      )}
      {step.kind === 'closed' && (
        <p className="ok" role="status">
          {t('reports.close.done', { date: step.report.businessDate, number: step.report.number })}
        </p>
      )}
      {day.error && <ErrorAlert error={day.error} />}
      <ZList />
    </section>
  );
}

const readZ = () => call('reports.listZ', {});

/** Past Z reports, newest first, each printable again exactly as it was frozen. */
function ZList() {
  const { t } = useTranslation();
  const list = useStationData(readZ);
  const pdf = useDownload();
  const reprint = (number: number) => void pdf.fetch(() => call('reports.exportPdf', { kind: 'z', number }));
  return (
    <div className="z-list">
      <h3>{t('reports.zList.title')}</h3>
      {list.kind === 'error' && <ErrorAlert error={list.error} />}
      {list.kind === 'ready' && list.value.length === 0 && <p className="muted">{t('reports.zList.none')}</p>}
      {list.kind === 'ready' && list.value.length > 0 && (
        <ZTable items={list.value} busy={pdf.busy} onReprint={reprint} />
      )}
      <DownloadLink file={pdf.file} error={pdf.error} />
    </div>
  );
}

function ZTable({
  items,
  busy,
  onReprint,
}: {
  items: ZListItem[];
  busy: boolean;
  onReprint: (n: number) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <table className="report-table">
      <caption className="visually-hidden">{t('reports.zList.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.zList.number')}</th>
          <th scope="col">{t('reports.zList.date')}</th>
          <th scope="col">{t('reports.zList.closedAt')}</th>
          <th scope="col">{t('reports.zList.sales')}</th>
          <th scope="col">{t('reports.zList.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((z) => (
          <tr key={z.number}>
            <th scope="row">{z.number}</th>
            <td>{formatDay(z.businessDate, locale)}</td>
            <td>{formatInstant(z.closedAt, locale)}</td>
            <td className="num">
              {formatCount(z.sales.count, locale)} · {formatMoney(z.sales.cents, locale)}
            </td>
            <td>
              <button
                type="button"
                className="button button-small"
                disabled={busy}
                aria-label={t('reports.zList.reprintOf', { number: z.number })}
                onClick={() => onReprint(z.number)}
              >
                {t('reports.zList.reprint')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
