import { useReducer, useState } from 'react';
import type { SaleView } from '../../../../shared/contract';
import { parseAmount } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { amountReducer, type AmountAction } from './amount-entry';
import {
  basketReducer,
  emptyBasket,
  priceOf,
  toBasketInput,
  type BasketAction,
  type BasketState,
} from './basket-state';
import { useSecondTender } from './SecondTender';
import { awaitsNextPart } from './split-sale';
import { useSplitSale } from './use-split-sale';
import { SETUP_FALLBACK, tillVatRate, useSalesSetup } from './use-sales-setup';
import { useTillSale } from './use-till-sale';

export type Tender = 'bancontact' | 'wristband' | 'cash';

/** What a tap beside the basket asks for: one tender for all of it, or splitting it into parts. */
export type PayChoice = Tender | 'split';

/**
 * A step between Pay and the tender: confirm a large amount, or open a closed drawer first (`then`: what
 * the cash was for, the basket, the rest of a split sale or a part of it, once the drawer is open).
 */
export type Gate =
  { kind: 'confirm'; tender: PayChoice; cents: number } | { kind: 'drawer'; cents: number; then: () => void };

/** A message of the register itself (not the station's): an i18n key under `register.`. */
export type RegisterMessage = { key: 'emptyBasket' } | { key: 'unknownCode'; code: string };

/** Whether cash can be taken at this till right now: its drawer must be open. */
async function drawerIsOpen(): Promise<boolean> {
  const drawer = await call('drawer.get', {});
  return drawer.ok && drawer.value?.status === 'open';
}

/** The register: the basket, the keypad's amount, and paying the basket with one tender. */
/**
 * The basket, and the sale it was sent with. A basket sent with a sale that got paid is finished: it
 * shows empty, and the first tap after it starts the next sale (the paid sale leaves the screen).
 */
function useSaleBasket(sale: SaleView | null, clearSale: () => void) {
  const [stored, dispatch] = useReducer(basketReducer, emptyBasket);
  const [sentFor, setSentFor] = useState<string | null>(null);
  const finished = sentFor !== null && sale?.id === sentFor && sale.status === 'paid';
  const forget = () => {
    dispatch({ type: 'clear' });
    setSentFor(null);
  };
  const edit = (action: BasketAction) => {
    if (finished) {
      forget();
      clearSale();
    }
    dispatch(action);
  };
  return { basket: finished ? emptyBasket : stored, edit, forget, sentWith: setSentFor };
}

export function useRegister() {
  const till = useTillSale();
  const second = useSecondTender(till.sale, till.setNotice);
  const setup = useSalesSetup();
  const saleBasket = useSaleBasket(till.sale, till.clear);
  const { basket, forget } = saleBasket;
  const [text, dispatchText] = useReducer(amountReducer, '');
  const [gate, setGate] = useState<Gate | null>(null);
  const [message, setMessage] = useState<RegisterMessage | null>(null);
  const vatRate = tillVatRate(setup);

  const edit = (action: BasketAction) => {
    setMessage(null);
    saleBasket.edit(action);
  };

  /** Adds the typed amount as a free line; false (and the reason shown) when it is not an amount. */
  const addTyped = (): BasketState | null => {
    const parsed = parseAmount(text);
    if (!parsed.ok) {
      till.setNotice({ kind: 'amount', problem: parsed.problem });
      return null;
    }
    const action: BasketAction = { type: 'addFree', cents: parsed.cents, vatRate };
    edit(action);
    dispatchText({ type: 'reset' });
    return basketReducer(basket, action);
  };

  /** The basket Pay sends: what is in it, plus an amount still on the keypad. */
  const basketToPay = (): BasketState | null => {
    if (text.trim() !== '') return addTyped();
    if (basket.lines.length > 0) return basket;
    setMessage({ key: 'emptyBasket' });
    return null;
  };

  const proceed = async (tender: PayChoice, cents: number, sent: BasketState) => {
    setGate(null);
    if (tender === 'split') split.startSplit(cents, toBasketInput(sent));
    else if (tender === 'bancontact') {
      const started = await till.start(cents, toBasketInput(sent));
      if (started) saleBasket.sentWith(started.id);
    } else if (tender === 'cash' && !(await drawerIsOpen())) {
      setGate({ kind: 'drawer', cents, then: () => void proceed('cash', cents, sent) });
    } else if (till.sale && awaitsNextPart(till.sale)) second.chooseRest(tender, till.sale);
    else second.choose(tender)(cents, toBasketInput(sent));
  };

  const pay = (tender: PayChoice) => {
    if (till.busy) return;
    setMessage(null);
    const sent = basketToPay();
    if (!sent) return;
    const cents = priceOf(sent).grossCents;
    const confirmAbove = setup?.confirmAboveCents ?? SETUP_FALLBACK.confirmAboveCents;
    if (cents > confirmAbove) setGate({ kind: 'confirm', tender, cents });
    else void proceed(tender, cents, sent);
  };

  const newSale = () => {
    till.clear();
    second.clear();
    split.closeSplit();
    forget();
    setGate(null);
    setMessage(null);
    dispatchText({ type: 'reset' });
  };

  const split = useSplitSale({ till, second, sentWith: saleBasket.sentWith, setGate, newSale, drawerIsOpen });
  return {
    ...{ vatRate, till, second, setup, basket, edit, text },
    typeAmount: (action: AmountAction) => dispatchText(action),
    addTyped,
    pay,
    gate,
    confirm: () => gate?.kind === 'confirm' && void proceed(gate.tender, gate.cents, basket),
    drawerOpened: () => gate?.kind === 'drawer' && gate.then(),
    closeGate: () => setGate(null),
    /** A cash or wristband tender took the money: the basket is done. */
    tenderPaid: forget,
    ...split,
    message,
    setMessage,
    newSale,
  };
}
