import { useState } from 'react';
import type { SaleView } from '../../../../shared/contract';
import type { BasketInput } from '../../../../shared/contract/basket-input';
import type { Notice } from '../../components/ErrorAlert';
import { CashPayment } from './CashPayment';
import type { TenderPart } from './split-sale';
import { WristbandPayment } from './WristbandPayment';

/**
 * A tender other than Bancontact, for the amount typed, while its panel is on screen. With `part`, it
 * pays `cents` of a sale paid in parts: what is still due on the till's open split sale, or the part the
 * cashier split off (the first part of a new sale, or a part of the rest).
 */
export type SecondTender = {
  kind: 'wristband' | 'cash';
  cents: number;
  basket?: BasketInput;
  part?: TenderPart;
};

/**
 * Choosing wristband or cash. A Bancontact payment still open on this till comes first: the station
 * refuses a second tender while it is open, so the till says so before opening the panel.
 */
export function useSecondTender(sale: SaleView | null, setNotice: (notice: Notice | null) => void) {
  const [tender, setTender] = useState<SecondTender | null>(null);
  const choose = (kind: SecondTender['kind']) => (cents: number, basket?: BasketInput) => {
    if (sale?.status === 'open') {
      setNotice({
        kind: 'error',
        error: { code: 'PAYMENT_OPEN', message: 'A payment is still open on this till' },
      });
      return;
    }
    setNotice(null);
    setTender({ kind, cents, basket });
  };
  /** The rest of the open split sale, by cash or wristband. */
  const chooseRest = (kind: SecondTender['kind'], open: SaleView) => {
    setNotice(null);
    const part = { saleId: open.id, amountCents: open.amountCents };
    setTender({ kind, cents: open.dueCents ?? open.amountCents, part });
  };
  /** A part the cashier split off: of a new sale (with its basket) or of the open split sale's rest. */
  const choosePart = (
    kind: SecondTender['kind'],
    part: TenderPart & { tenderCents: number },
    basket?: BasketInput,
  ) => {
    setNotice(null);
    setTender({ kind, cents: part.tenderCents, part, basket });
  };
  return { tender, choose, chooseRest, choosePart, clear: () => setTender(null) };
}

interface PanelProps {
  tender: SecondTender;
  onNewSale: () => void;
  /** The money is taken: the basket is done. */
  onPaid: () => void;
  /** A part was taken and the sale is still open: the till shows what is due. */
  onPartTaken: (sale: SaleView) => void;
  /** Leaves a part's panel: the basket and the open split sale stay as they were. */
  onBack: () => void;
}

export function SecondTenderPanel({ tender, onNewSale, onPaid, onPartTaken, onBack }: PanelProps) {
  const { cents, basket, part } = tender;
  // A whole sale's Back starts over; a part's goes back to the sale it belongs to.
  const props = { cents, basket, part, onNewSale, onPaid, onPartTaken, onBack: part ? onBack : onNewSale };
  return tender.kind === 'cash' ? <CashPayment {...props} /> : <WristbandPayment {...props} />;
}
