import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodSummary, SummariesView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { formatCount, formatDay } from './format';
import { HourlyChart } from './HourlyChart';
import { useStationData } from './use-station-data';

const PERIODS = ['today', 'week', 'month', 'year'] as const;
type Period = (typeof PERIODS)[number];

/** Today, this week, this month and this year, plus today's sales per hour; of one shop or profile when filtered. */
export function SummaryCards({ shopId, profileId }: { shopId?: string; profileId?: string }) {
  const { t } = useTranslation();
  const read = useCallback(() => call('reports.getSummaries', { shopId, profileId }), [shopId, profileId]);
  const summaries = useStationData(read);
  return (
    <section className="reports-section summaries" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('reports.summary.title')}</h2>
      {summaries.kind === 'error' && <ErrorAlert error={summaries.error} />}
      {summaries.kind === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {summaries.kind === 'ready' && <SummaryBody view={summaries.value} />}
    </section>
  );
}

function SummaryBody({ view }: { view: SummariesView }) {
  return (
    <>
      <div className="summary-cards">
        {PERIODS.map((period) => (
          <PeriodCard key={period} period={period} summary={view[period]} />
        ))}
      </div>
      <HourlyChart points={view.hourlyToday} />
    </>
  );
}

function PeriodCard({ period, summary }: { period: Period; summary: PeriodSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const range =
    summary.from === summary.to
      ? formatDay(summary.from, locale)
      : `${formatDay(summary.from, locale)} – ${formatDay(summary.to, locale)}`;
  const methods = summary.byMethod.filter((line) => line.count > 0);
  return (
    <article className="summary-card" aria-labelledby={`summary-${period}`} data-period={period}>
      <h3 id={`summary-${period}`}>{t(`reports.periods.${period}`)}</h3>
      <p className="muted summary-range">{range}</p>
      <p className="summary-total">{money(summary.sales.cents)}</p>
      <p className="summary-count">
        {t('reports.summary.sales', { n: formatCount(summary.sales.count, locale) })}
      </p>
      {methods.length > 0 && (
        <SummaryList
          title={t('reports.summary.perMethod')}
          lines={methods.map((line) => [t(`reports.methods.${line.method}`), line.count, line.cents])}
        />
      )}
      {summary.byShop.length > 0 && (
        <SummaryList
          title={t('reports.summary.perShop')}
          lines={summary.byShop.map((line) => [line.name ?? line.id, line.count, line.cents])}
        />
      )}
    </article>
  );
}

function SummaryList({ title, lines }: { title: string; lines: [string, number, number][] }) {
  const locale = useLocale();
  return (
    <>
      <h4>{title}</h4>
      <ul className="summary-lines">
        {lines.map(([label, count, cents]) => (
          <li key={label}>
            <span>{label}</span>
            <span className="num">
              {formatCount(count, locale)} · {formatMoney(cents, locale)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
