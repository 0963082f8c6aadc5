import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { intlLocale, useLocale } from '../../i18n';
import { formatCount } from './format';
import { ReportTable } from './ReportTable';

/**
 * Refunds of sales made this day, negative, per method and per VAT rate (docs/register.md, "Refunds").
 * The turnover tables above are already net of them; these say how much of it went back.
 */
export function SaleRefundsSection({ refunds }: { refunds: NonNullable<ReportView['saleRefunds']> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const count = (n: number) => formatCount(n, locale);
  const percent = new Intl.NumberFormat(intlLocale(locale), { style: 'percent' });
  return (
    <>
      <ReportTable
        caption={t('returns.report.perMethod')}
        head={[t('reports.report.method'), t('reports.report.count'), t('reports.report.amount')]}
        rows={refunds.byMethod
          .filter((m) => m.count !== 0 || m.cents !== 0)
          .map((m) => [t(`reports.methods.${m.method}`), count(m.count), money(m.cents)])}
      />
      <ReportTable
        caption={t('returns.report.perVat')}
        head={[
          t('reports.report.rate'),
          t('reports.report.count'),
          t('reports.report.net'),
          t('reports.report.vat'),
          t('reports.report.gross'),
        ]}
        rows={refunds.byVatRate.map((v) => [
          percent.format(v.ratePercent / 100),
          count(v.count),
          money(v.netCents),
          money(v.vatCents),
          money(v.grossCents),
        ])}
      />
    </>
  );
}
