import type { Handlers } from '../api/dispatcher';
import type { ReceiptService } from './receipt-service';

export type ReceiptHandlers = Pick<
  Handlers,
  | 'receipts.get'
  | 'receipts.reprint'
  | 'receipts.exportPdf'
  | 'receipts.queue'
  | 'printers.list'
  | 'printers.save'
  | 'printers.remove'
  | 'printers.setTill'
  | 'printers.testPage'
>;

/** The receipt and printer methods; a change of printers reaches the running books at once. */
export function createReceiptHandlers(receipts: ReceiptService): ReceiptHandlers {
  const { printers } = receipts;
  return {
    'receipts.get': ({ saleId }) => receipts.receipt(saleId),
    'receipts.reprint': ({ saleId }) => receipts.reprint(saleId),
    'receipts.exportPdf': async ({ saleId }) => {
      const { bytes, fileName } = await receipts.pdf(saleId);
      return {
        ...{ path: `/downloads/receipts/${encodeURIComponent(saleId)}.pdf`, fileName },
        ...{ contentType: 'application/pdf', bytes: bytes.length },
      };
    },
    'receipts.queue': () => receipts.queueView(),
    'printers.list': () => printers.list(),
    'printers.save': async (input) => receipts.changed(await printers.save(input)),
    'printers.remove': async ({ printerId }) => receipts.changed(await printers.remove(printerId)),
    'printers.setTill': async (input) => receipts.changed(await printers.setTill(input)),
    'printers.testPage': ({ printerId }) => receipts.testPage(printerId),
  };
}
