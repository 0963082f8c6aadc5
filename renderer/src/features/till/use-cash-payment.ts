import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CashSaleView, ContractError, SaleView } from '../../../../shared/contract';
import type { BasketInput } from '../../../../shared/contract/basket-input';
import { cashDue, type CashRounding } from '../../../../shared/domain/cash';
import type { AmountProblem } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { parseCash } from './cash-input';
import { saleOfTender, type TenderPart } from './split-sale';

/** The station's default and Belgium's rule; used only until the sales setup has answered. */
const BELGIAN_ROUNDING: CashRounding = 5;

export type CashProblem =
  { kind: 'amount'; problem: AmountProblem } | { kind: 'short'; tenderedCents: number; dueCents: number };

function useCashRounding(): CashRounding {
  const [rounding, setRounding] = useState<CashRounding>(BELGIAN_ROUNDING);
  useEffect(() => {
    let current = true;
    void call('settings.getSalesSetup', {}).then((result) => {
      if (current && result.ok) setRounding(result.value.cashRounding);
    });
    return () => {
      current = false;
    };
  }, []);
  return rounding;
}

/** What the typed amount means right now: the change to give, or how much is still missing. */
export function cashPreview(
  text: string,
  dueCents: number,
): { changeCents: number } | { shortCents: number } | null {
  const tendered = parseCash(text, { allowZero: true });
  if (!tendered.ok || text.trim() === '') return null;
  return tendered.cents >= dueCents
    ? { changeCents: tendered.cents - dueCents }
    : { shortCents: dueCents - tendered.cents };
}

/** A part the cashier split off before the last is taken to the cent; the last one is rounded. */
export const beforeLastPart = (part: TenderPart | undefined): boolean => part?.tenderCents !== undefined;

/**
 * The cash tender: the amount due rounded as the station will round it, the cash received, and one
 * till.payCash per attempt. Only a request that got no answer at all is sent again with the same key.
 */
export function useCashPayment(
  cents: number,
  basket: BasketInput | undefined,
  onPaid: () => void,
  part?: TenderPart,
  onPartTaken?: (sale: SaleView) => void,
) {
  const rounding = useCashRounding();
  const dueCents = beforeLastPart(part) ? cents : cashDue(cents, rounding);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<CashProblem | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [paid, setPaid] = useState<CashSaleView | null>(null);
  const key = useRef(newIdempotencyKey());
  const inFlight = useRef(false);

  const pay = async (tenderedCents: number) => {
    inFlight.current = true;
    setBusy(true);
    // A part of a split sale names the sale (its basket is already at the station) and the part.
    const sale = saleOfTender(cents, basket, part);
    const result = await call('till.payCash', { ...sale, tenderedCents, idempotencyKey: key.current });
    if (!(!result.ok && result.error.code === 'STATION_UNREACHABLE')) key.current = newIdempotencyKey();
    inFlight.current = false;
    setBusy(false);
    if (!result.ok) return setError(result.error);
    // A part before the last: the sale stays open and the till shows it, with the change to give.
    if (result.value.sale.status === 'open' && onPartTaken) return onPartTaken(result.value.sale);
    setPaid(result.value);
    onPaid();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (inFlight.current) return;
    setError(null);
    const tendered = parseCash(text, { allowZero: true });
    if (!tendered.ok) return setProblem({ kind: 'amount', problem: tendered.problem });
    // Refused here, with both amounts, before the station is asked (it would refuse it too).
    if (tendered.cents < dueCents)
      return setProblem({ kind: 'short', tenderedCents: tendered.cents, dueCents });
    setProblem(null);
    void pay(tendered.cents);
  };

  return { dueCents, text, setText, busy, problem, error, paid, submit };
}
