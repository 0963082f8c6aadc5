import { useState } from 'react';
import type { SaleView } from '../../../../shared/contract';
import type { Notice } from '../../components/ErrorAlert';
import { CashPayment } from './CashPayment';
import { WristbandPayment } from './WristbandPayment';

/** A tender other than Bancontact, for the amount typed, while its panel is on screen. */
export type SecondTender = { kind: 'wristband' | 'cash'; cents: number };

/**
 * Choosing wristband or cash. A Bancontact payment still open on this till comes first: the station
 * refuses a second tender while it is open, so the till says so before opening the panel.
 */
export function useSecondTender(sale: SaleView | null, setNotice: (notice: Notice | null) => void) {
  const [tender, setTender] = useState<SecondTender | null>(null);
  const choose = (kind: SecondTender['kind']) => (cents: number) => {
    if (sale?.status === 'open') {
      setNotice({
        kind: 'error',
        error: { code: 'PAYMENT_OPEN', message: 'A payment is still open on this till' },
      });
      return;
    }
    setNotice(null);
    setTender({ kind, cents });
  };
  return { tender, choose, clear: () => setTender(null) };
}

export function SecondTenderPanel({ tender, onNewSale }: { tender: SecondTender; onNewSale: () => void }) {
  return tender.kind === 'cash' ? (
    <CashPayment cents={tender.cents} onNewSale={onNewSale} />
  ) : (
    <WristbandPayment cents={tender.cents} onNewSale={onNewSale} />
  );
}
