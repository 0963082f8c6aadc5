import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { call } from '../../api/client';
import { downloadHref } from '../../api/downloads';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Where the station serves a sale's receipt as PDF (electron/core/api/receipt-download-routes.ts). */
export function receiptPdfPath(saleId: string): string {
  return `/downloads/receipts/${encodeURIComponent(saleId)}.pdf`;
}

type Outcome = { kind: 'sent' } | { kind: 'error'; error: ContractError } | null;

/**
 * "Print again" (a copy, on the till's printer, through the queue: it never blocks) and "PDF" for one
 * sale's receipt: at the till after the sale, and in Closing's transaction detail.
 */
export function ReceiptActions({ saleId }: { saleId: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  // A ref, not state: a double tap lands before React re-renders, and would print two copies.
  const inFlight = useRef(false);
  const reprint = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    const result = await call('receipts.reprint', { saleId });
    inFlight.current = false;
    setBusy(false);
    setOutcome(result.ok ? { kind: 'sent' } : { kind: 'error', error: result.error });
  };
  return (
    <div className="receipt-actions">
      <button type="button" className="button" disabled={busy} onClick={() => void reprint()}>
        {t('receipts.printAgain')}
      </button>
      <a className="button" href={downloadHref(receiptPdfPath(saleId))} download>
        {t('receipts.pdf')}
      </a>
      {outcome?.kind === 'sent' && (
        <p className="receipt-outcome" role="status">
          {t('receipts.reprinted')}
        </p>
      )}
      {outcome?.kind === 'error' &&
        // NOT_CONFIGURED's general text speaks of Bancontact; here it means the till has no printer.
        (outcome.error.code === 'NOT_CONFIGURED' ? (
          <p className="alert" role="alert">
            {t('receipts.noPrinter')}
          </p>
        ) : (
          <ErrorAlert error={outcome.error} />
        ))}
    </div>
  );
}
