import sanitize from 'sanitize-filename';
import { RECEIPT_TEXTS } from '../../../shared/contract/receipt-texts';
import type { ReceiptView } from '../../../shared/contract/receipt-views';

/** Long enough for a till's name; short enough for any file system. */
const MAX_NAME = 100;

/**
 * What a receipt's PDF is saved as, in the receipt's language: `Kasticket Bar 2 - 17.pdf`, so a folder
 * of saved receipts sorts by till and reads without opening them. A till's name is the administrator's
 * text: sanitize-filename takes out what a file system or a path would read differently.
 */
export function receiptFileName(view: Pick<ReceiptView, 'kind' | 'locale' | 'tillName' | 'number'>): string {
  const t = RECEIPT_TEXTS[view.locale];
  const title = view.kind === 'refund' ? t.refundReceipt : t.receipt;
  const base = `${title} ${view.tillName.normalize('NFC').replace(/\s+/g, ' ').trim()} - ${view.number}`;
  const safe = sanitize(base, { replacement: ' ' }).replace(/ {2,}/g, ' ').slice(0, MAX_NAME).trim();
  return `${safe === '' ? 'receipt' : safe}.pdf`;
}
