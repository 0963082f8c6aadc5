import { useTranslation } from 'react-i18next';
import type { GroupLine, ReportView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n';
import { formatCount, formatDay, formatInstant } from './format';
import { CashSection, NotPaidSection, VatSection, WristbandSection } from './ReportSections';
import { ReportTable } from './ReportTable';
import { SaleRefundsSection } from './RefundSections';

/** Everything an X or a Z report totals, in the order the PDF prints it. */
export function ReportBody({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = formatDay(report.businessDate, locale);
  const heading =
    report.kind === 'x'
      ? t('reports.report.xHeading', { date })
      : t('reports.report.zHeading', { number: report.number, date });
  const when = formatInstant(report.generatedAt, locale);
  return (
    <div className="report-body" data-business-date={report.businessDate}>
      <h3>{heading}</h3>
      <p className="muted">
        {report.kind === 'x'
          ? t('reports.report.taken', { time: when })
          : t('reports.report.closed', { time: when })}
      </p>
      <div className="report-grid">
        <SalesTables report={report} />
        <VatSection lines={report.byVatRate} />
        {report.saleRefunds && report.saleRefunds.total.count > 0 && (
          <SaleRefundsSection refunds={report.saleRefunds} />
        )}
        <NotPaidSection counts={report.bancontactNotPaid} />
        <WristbandSection wristbands={report.wristbands} />
        <CashSection cash={report.cash} />
      </div>
    </div>
  );
}

function SalesTables({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const line = (name: string, count: number, cents: number) => [
    name,
    formatCount(count, locale),
    formatMoney(cents, locale),
  ];
  const groups = (lines: GroupLine[]) => lines.map((g) => line(g.name ?? g.id, g.count, g.cents));
  const head = (what: string) => [what, t('reports.report.count'), t('reports.report.amount')];
  const none = t('reports.report.none');
  return (
    <>
      <ReportTable
        caption={t('reports.report.totals')}
        head={head(t('reports.report.what'))}
        rows={[line(t('reports.report.sales'), report.sales.count, report.sales.cents)]}
      />
      <ReportTable
        caption={t('reports.report.perMethod')}
        head={[t('reports.report.method'), t('reports.report.payments'), t('reports.report.amount')]}
        rows={report.byMethod.map((m) => line(t(`reports.methods.${m.method}`), m.count, m.cents))}
      />
      <ReportTable
        caption={t('reports.report.perShop')}
        head={head(t('reports.report.shop'))}
        rows={groups(report.byShop)}
        empty={none}
      />
      <ReportTable
        caption={t('reports.report.perTill')}
        head={head(t('reports.report.till'))}
        rows={groups(report.byTill)}
        empty={none}
      />
      <ReportTable
        caption={t('reports.report.perCashier')}
        head={head(t('reports.report.cashier'))}
        rows={groups(report.byCashier)}
        empty={none}
      />
    </>
  );
}
