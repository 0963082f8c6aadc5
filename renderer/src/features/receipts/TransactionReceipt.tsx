import { useTranslation } from 'react-i18next';
import { SALE_METHODS, type TransactionRowView } from '../../../../shared/contract/report-views';
import { ReceiptActions } from './ReceiptActions';

/**
 * The receipt of a sale in Closing's transaction list: "Print again" (a copy) and "PDF". Only a tender
 * that took the money belongs to a sale with a receipt; top-ups and refunds have none of their own here,
 * except an automatic top-up's first charge (`agreement_topup` with a sale): the sale at the till that
 * set it up.
 */
export function TransactionReceipt({
  row,
}: {
  row: Pick<TransactionRowView, 'saleId' | 'status' | 'method'>;
}) {
  const { t } = useTranslation();
  const isSale = (SALE_METHODS as readonly string[]).includes(row.method) || row.method === 'agreement_topup';
  if (!row.saleId || row.status !== 'succeeded' || !isSale) return null;
  return (
    <>
      <h4>{t('receipts.title')}</h4>
      <ReceiptActions saleId={row.saleId} />
    </>
  );
}
