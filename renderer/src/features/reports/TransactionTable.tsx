import { useTranslation } from 'react-i18next';
import type { TransactionRowView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n';
import { formatDay, formatInstant } from './format';

/** What a manager would search by: the wristband, else Kassa's payment reference, else the sale. */
export function referenceOf(row: TransactionRowView): string {
  return row.wristbandId ?? row.paymentId ?? row.saleId ?? row.id;
}

export function TransactionTable({
  rows,
  onOpen,
}: {
  rows: TransactionRowView[];
  onOpen: (row: TransactionRowView, opener: HTMLButtonElement) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="report-table transactions" aria-labelledby="tx-title">
      <thead>
        <tr>
          <th scope="col">{t('reports.tx.when')}</th>
          <th scope="col">{t('reports.tx.day')}</th>
          <th scope="col">{t('reports.tx.method')}</th>
          <th scope="col">{t('reports.tx.status')}</th>
          <th scope="col">{t('reports.tx.amount')}</th>
          <th scope="col">{t('reports.tx.till')}</th>
          <th scope="col">{t('reports.tx.reference')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('reports.tx.details')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <TransactionRow key={row.id} row={row} onOpen={onOpen} />
        ))}
      </tbody>
    </table>
  );
}

function TransactionRow({
  row,
  onOpen,
}: {
  row: TransactionRowView;
  onOpen: (row: TransactionRowView, opener: HTMLButtonElement) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const amount = formatMoney(row.amountCents, locale);
  return (
    <tr
      className={`tx-row tx-${row.status}`}
      data-id={row.id}
      // The whole row opens the detail for a mouse or a finger; the button is the way in by keyboard.
      onClick={(event) => {
        const button = event.currentTarget.querySelector('button');
        if (button && event.target !== button) onOpen(row, button);
      }}
    >
      <td>{formatInstant(row.createdAt, locale)}</td>
      <td>{formatDay(row.businessDate, locale)}</td>
      <td>{t(`reports.methods.${row.method}`)}</td>
      <td>{t(`reports.statuses.${row.status}`)}</td>
      <td className="num">{amount}</td>
      <td>{row.tillId ?? ''}</td>
      <td className="reference">{referenceOf(row)}</td>
      <td>
        <button
          type="button"
          className="button button-small"
          aria-label={t('reports.tx.detailsOf', { amount })}
          onClick={(event) => onOpen(row, event.currentTarget)}
        >
          {t('reports.tx.details')}
        </button>
      </td>
    </tr>
  );
}
