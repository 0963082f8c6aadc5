import type { SaleView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { newIdempotencyKey } from '../../api/idempotency-key';
import type { useSecondTender } from './SecondTender';
import type { RestTender } from './SplitSale';
import type { Gate } from './use-register';
import type { useTillSale } from './use-till-sale';

interface SplitDeps {
  till: ReturnType<typeof useTillSale>;
  second: ReturnType<typeof useSecondTender>;
  /** Marks the basket as sent with this sale: it is done once the sale is paid. */
  sentWith: (saleId: string) => void;
  setGate: (gate: Gate | null) => void;
  newSale: () => void;
  drawerIsOpen: () => Promise<boolean>;
}

/** The register's side of a sale paid in parts (docs/register-rules.md, "Split tenders"). */
export function useSplitSale({ till, second, sentWith, setGate, newSale, drawerIsOpen }: SplitDeps) {
  /** The rest of the open split sale: Bancontact at once, cash once the drawer is open, or a wristband. */
  const payRest = async (tender: RestTender) => {
    const open = till.sale;
    if (!open || till.busy) return;
    const due = open.dueCents ?? open.amountCents;
    if (tender === 'bancontact') {
      // A new key per part: the station finds the same part again only for a retried request.
      const rest = { amountCents: open.amountCents, saleId: open.id, idempotencyKey: newIdempotencyKey() };
      await till.run(() => call('till.startPayment', rest));
    } else if (tender === 'cash' && !(await drawerIsOpen())) setGate({ kind: 'drawer', cents: due });
    else second.chooseRest(tender, open);
  };

  /** A part was taken and the sale is still open: the basket stays, the sale shows what is due. */
  const partTaken = (sale: SaleView) => {
    second.clear();
    till.adopt(sale);
    sentWith(sale.id);
  };

  const cancelSale = async () => {
    const cancelled = await till.act('till.cancelSale');
    if (cancelled?.status === 'cancelled') newSale();
  };

  return {
    payRest: (tender: RestTender) => void payRest(tender),
    partTaken,
    cancelSale: () => void cancelSale(),
  };
}
