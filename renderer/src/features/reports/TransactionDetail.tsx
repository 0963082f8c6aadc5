import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransactionDetailView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { intlLocale, useLocale } from '../../i18n';
import { TransactionReceipt } from '../receipts/TransactionReceipt';
import { TimelineTable } from '../till/TimelineDialog';
import { Figures } from './Figures';
import { RefundPanel } from './RefundPanel';
import { formatDay, formatInstant } from './format';
import { useStationData } from './use-station-data';

/** One transaction with its sale, its cash and its payment's status timeline; a non-modal panel. */
export function TransactionDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const read = useCallback(() => call('reports.getTransaction', { id }), [id]);
  const detail = useStationData(read);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
  }, [id]);
  return (
    <div
      className="transaction-detail"
      role="dialog"
      aria-labelledby="tx-detail-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="section-head">
        <h3 id="tx-detail-title">{t('reports.detail.title')}</h3>
        <button ref={closeRef} type="button" className="button button-small" onClick={onClose}>
          {t('reports.detail.close')}
        </button>
      </div>
      {detail.kind === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {detail.kind === 'error' && <ErrorAlert error={detail.error} />}
      {detail.kind === 'ready' && <DetailBody detail={detail.value} />}
    </div>
  );
}

function DetailBody({ detail }: { detail: TransactionDetailView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { row, cash, timeline } = detail;
  return (
    <>
      <Figures items={rowFigures(detail, t, locale)} />
      {cash && <CashFigures cash={cash} />}
      <TransactionReceipt row={row} />
      {detail.sale && row.status === 'succeeded' && row.amountCents > 0 && (
        <RefundPanel saleId={detail.sale.id} />
      )}
      {row.paymentId && (
        <>
          <h4>{t('reports.detail.timeline')}</h4>
          <TimelineTable entries={timeline} />
        </>
      )}
    </>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function rowFigures(
  { row }: TransactionDetailView,
  t: T,
  locale: ReturnType<typeof useLocale>,
): [string, string][] {
  const money = (cents: number) => formatMoney(cents, locale);
  const percent = new Intl.NumberFormat(intlLocale(locale), { style: 'percent' });
  const items: [string, string | null][] = [
    [t('reports.tx.when'), formatInstant(row.createdAt, locale)],
    [t('reports.tx.day'), formatDay(row.businessDate, locale)],
    [t('reports.tx.method'), t(`reports.methods.${row.method}`)],
    [t('reports.tx.status'), t(`reports.statuses.${row.status}`)],
    [t('reports.tx.amount'), money(row.amountCents)],
    [t('reports.detail.rounding'), row.roundingCents === 0 ? null : money(row.roundingCents)],
    [t('reports.tx.shop'), row.shopId],
    [t('reports.tx.till'), row.tillId],
    [t('reports.tx.cashier'), row.cashierName ?? row.cashierId],
    [t('reports.detail.vatRate'), row.vatRate === null ? null : percent.format(row.vatRate / 100)],
    [t('reports.tx.profile'), row.profileId],
    [t('reports.detail.paymentId'), row.paymentId],
    [t('reports.detail.bancontactId'), row.bancontactId],
    [t('reports.detail.saleId'), row.saleId],
    [t('reports.detail.wristbandId'), row.wristbandId],
  ];
  if (row.paymentStatus)
    items.splice(4, 0, [t('reports.detail.bancontactStatus'), t(`paymentStatus.${row.paymentStatus}`)]);
  return items.filter((item): item is [string, string] => item[1] !== null);
}

function CashFigures({ cash }: { cash: NonNullable<TransactionDetailView['cash']> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <Figures
      className="cash-figures"
      items={[
        [t('reports.detail.cashDue'), money(cash.dueCents)],
        [t('reports.detail.cashTendered'), money(cash.tenderedCents)],
        [t('reports.detail.cashChange'), money(cash.changeCents)],
      ]}
    />
  );
}
