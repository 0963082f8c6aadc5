import { useState } from 'react';
import type { SaleView } from '../../../../shared/contract';
import type { BasketInput } from '../../../../shared/contract/basket-input';
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

/**
 * The cashier is typing one part's amount: of a new sale (its basket, nothing sent yet) or of the rest
 * of the till's open split sale (`saleId`). `dueCents` is what that part must stay below.
 */
export type SplitEntry = { totalCents: number; dueCents: number; basket?: BasketInput; saleId?: string };

/** The register's side of a sale paid in parts (docs/register-rules.md, "Split tenders"). */
export function useSplitSale({ till, second, sentWith, setGate, newSale, drawerIsOpen }: SplitDeps) {
  const [entry, setEntry] = useState<SplitEntry | null>(null);

  /** Cash (once the drawer is open) or a wristband for all that is due on the open split sale. */
  const takeRest = (kind: 'cash' | 'wristband', open: SaleView) => {
    setGate(null);
    second.chooseRest(kind, open);
  };

  /** The rest of the open split sale: Bancontact at once, cash once the drawer is open, or a wristband. */
  const payRest = async (tender: RestTender) => {
    const open = till.sale;
    if (!open || till.busy) return;
    const due = open.dueCents ?? open.amountCents;
    if (tender === 'bancontact') {
      // A new key per part: the station finds the same part again only for a retried request.
      const rest = { amountCents: open.amountCents, saleId: open.id, idempotencyKey: newIdempotencyKey() };
      await till.run(() => call('till.startPayment', rest));
    } else if (tender === 'cash' && !(await drawerIsOpen())) {
      setGate({ kind: 'drawer', cents: due, then: () => takeRest('cash', open) });
    } else takeRest(tender, open);
  };

  /** One part of `entry`, by the method the cashier picked; its panel or QR replaces the entry. */
  const payPart = async (tender: RestTender, tenderCents: number) => {
    const target = entry;
    if (!target || till.busy) return;
    const part = { saleId: target.saleId, amountCents: target.totalCents, tenderCents };
    const takeBy = (kind: 'cash' | 'wristband') => {
      setGate(null);
      setEntry(null);
      second.choosePart(kind, part, target.basket);
    };
    if (tender === 'bancontact') {
      const started = await startBancontactPart(till, part, target.basket);
      // Refused (the notice says why): the entry stays, so the cashier can change the amount or method.
      if (!started) return;
      setEntry(null);
      sentWith(started.id);
    } else if (tender === 'cash' && !(await drawerIsOpen())) {
      setGate({ kind: 'drawer', cents: tenderCents, then: () => takeBy('cash') });
    } else takeBy(tender);
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

  /** A part of the open split sale's rest, e.g. the second of three friends paying a third each. */
  const splitRest = () => {
    const open = till.sale;
    if (!open || till.busy) return;
    setEntry({ totalCents: open.amountCents, dueCents: open.dueCents ?? open.amountCents, saleId: open.id });
  };

  return {
    payRest: (tender: RestTender) => void payRest(tender),
    partTaken,
    cancelSale: () => void cancelSale(),
    splitEntry: entry,
    /** Split a new sale: the basket's total, its first part typed next. */
    startSplit: (totalCents: number, basket: BasketInput) =>
      setEntry({ totalCents, dueCents: totalCents, basket }),
    splitRest,
    payPart: (tender: RestTender, cents: number) => void payPart(tender, cents),
    closeSplit: () => setEntry(null),
  };
}

/** A Bancontact part: the first of a new sale starts it with its basket; a later one names the sale. */
function startBancontactPart(
  till: ReturnType<typeof useTillSale>,
  part: { saleId?: string; amountCents: number; tenderCents: number },
  basket: BasketInput | undefined,
): Promise<SaleView | null> {
  if (!part.saleId) return till.start(part.amountCents, basket, part.tenderCents);
  // A new key per part: the station finds the same part again only for a retried request.
  const input = { ...part, saleId: part.saleId, idempotencyKey: newIdempotencyKey() };
  return till.run(() => call('till.startPayment', input));
}
