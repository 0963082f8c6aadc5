import { useTranslation } from 'react-i18next';
import type { ReportView, VatLine } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { intlLocale, useLocale } from '../../i18n';
import { formatCount } from './format';
import { ReportTable } from './ReportTable';

function useFormat() {
  const locale = useLocale();
  return {
    money: (cents: number) => formatMoney(cents, locale),
    count: (n: number) => formatCount(n, locale),
    percent: (rate: number) =>
      new Intl.NumberFormat(intlLocale(locale), { style: 'percent' }).format(rate / 100),
  };
}

export function VatSection({ lines }: { lines: VatLine[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ReportTable
      caption={t('reports.report.perVat')}
      head={[
        t('reports.report.rate'),
        t('reports.report.count'),
        t('reports.report.net'),
        t('reports.report.vat'),
        t('reports.report.gross'),
      ]}
      rows={lines.map((v) => [
        f.percent(v.ratePercent),
        f.count(v.count),
        f.money(v.netCents),
        f.money(v.vatCents),
        f.money(v.grossCents),
      ])}
    />
  );
}

const NOT_PAID = ['cancelled', 'expired', 'refused', 'failed'] as const;

/** Counted so the manager sees them, never added to the turnover. */
export function NotPaidSection({ counts }: { counts: ReportView['bancontactNotPaid'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <ReportTable
      caption={t('reports.report.notPaid')}
      head={[t('reports.report.what'), t('reports.report.count')]}
      rows={NOT_PAID.map((kind) => [t(`reports.report.notPaidKinds.${kind}`), f.count(counts[kind])])}
    />
  );
}

export function WristbandSection({ wristbands }: { wristbands: ReportView['wristbands'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const line = (label: string, total: { count: number; cents: number }) => [
    label,
    f.count(total.count),
    f.money(total.cents),
  ];
  return (
    <ReportTable
      caption={t('reports.report.wristbands')}
      head={[t('reports.report.what'), t('reports.report.count'), t('reports.report.amount')]}
      rows={[
        line(t('reports.report.topUps'), wristbands.topUps),
        line(t('reports.report.automaticTopUps'), wristbands.automaticTopUps),
        line(t('reports.report.spent'), wristbands.spent),
        line(t('reports.report.refunds'), wristbands.refunds),
        [t('reports.report.outstanding'), '', f.money(wristbands.outstandingCents)],
      ]}
    />
  );
}

export function CashSection({ cash }: { cash: ReportView['cash'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const notCounted = t('reports.report.notCounted');
  return (
    <>
      <ReportTable
        caption={t('reports.report.cash')}
        head={[t('reports.report.what'), t('reports.report.count'), t('reports.report.amount')]}
        rows={[
          [t('reports.report.cashSales'), f.count(cash.sales.count), f.money(cash.sales.cents)],
          [t('reports.report.rounding'), '', f.money(cash.roundingCents)],
          [t('reports.report.expected'), '', f.money(cash.expectedCents)],
          [
            t('reports.report.counted'),
            '',
            cash.countedCents === null ? notCounted : f.money(cash.countedCents),
          ],
          [
            t('reports.report.difference'),
            '',
            cash.differenceCents === null ? notCounted : f.money(cash.differenceCents),
          ],
        ]}
      />
      {cash.drawers.length > 0 && <DrawerLines drawers={cash.drawers} />}
    </>
  );
}

/** Each drawer of the day, so a difference can be traced to its till. */
function DrawerLines({ drawers }: { drawers: ReportView['cash']['drawers'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const orDash = (cents: number | null) => (cents === null ? t('reports.report.notCounted') : f.money(cents));
  return (
    <ReportTable
      wide
      caption={t('drawer.title')}
      head={[
        t('reports.report.till'),
        t('drawer.figures.float'),
        t('drawer.figures.expected'),
        t('drawer.figures.counted'),
        t('drawer.figures.difference'),
      ]}
      rows={drawers.map((d) => [
        d.tillId,
        f.money(d.floatCents),
        f.money(d.expectedCents),
        orDash(d.countedCents),
        orDash(d.differenceCents),
      ])}
    />
  );
}
