import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterQueueView } from '../../../../shared/contract/receipt-methods';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';

/** The printers the station cannot reach while receipts wait for them, from `receipts.queue`. */
export function useOfflinePrinters(): PrinterQueueView[] {
  const [printers, setPrinters] = useState<PrinterQueueView[]>([]);
  const load = useCallback(
    () =>
      void call('receipts.queue', {}).then((result) => {
        if (result.ok) setPrinters(result.value.printers);
      }),
    [],
  );
  useEffect(load, [load]);
  useStationEvents((event) => {
    if (event.name === 'receipts.queue') setPrinters(event.payload.printers);
  }, load);
  return printers.filter((p) => p.state === 'offline' && p.waiting > 0);
}

/**
 * "Printer offline — the receipt will print when it is back": said at the till, never in the way of
 * the next sale (a status, not a question); it goes once the printer took what was waiting.
 */
export function PrinterNotice() {
  const { t } = useTranslation();
  const offline = useOfflinePrinters();
  if (offline.length === 0) return null;
  return (
    <div className="printer-notice" role="status" data-testid="printer-notice">
      {offline.map((printer) => (
        <p key={printer.printerId}>
          {t('receipts.offline', { name: printer.name })}{' '}
          <span className="muted">{t('receipts.waiting', { count: printer.waiting })}</span>
        </p>
      ))}
    </div>
  );
}
