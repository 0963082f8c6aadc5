import type { Dispatch, FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseAmount, type AmountProblem } from '../../../../shared/domain/money';
import type { AmountAction } from './amount-entry';
import { Numpad } from './Numpad';

interface Props {
  text: string;
  dispatch: Dispatch<AmountAction>;
  busy: boolean;
  onPay: (cents: number) => void;
  /** The bar's second tender: the amount is debited from a festival wristband. */
  onPayWithWristband: (cents: number) => void;
  /** Cash: the amount due is rounded to 5 cents and the change computed. */
  onPayCash: (cents: number) => void;
  onProblem: (problem: AmountProblem) => void;
}

/** Amount field, numpad and the three tenders. Nothing reaches the station before parseAmount agrees. */
export function AmountEntry({
  text,
  dispatch,
  busy,
  onPay,
  onPayWithWristband,
  onPayCash,
  onProblem,
}: Props) {
  const { t } = useTranslation();
  const payWith = (pay: (cents: number) => void) => {
    if (busy) return;
    const parsed = parseAmount(text);
    if (parsed.ok) pay(parsed.cents);
    else onProblem(parsed.problem);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    payWith(onPay);
  };
  return (
    <form className="amount-entry" onSubmit={submit} noValidate>
      <label htmlFor="amount" className="amount-label">
        {t('till.amount')}
      </label>
      <div className="amount-field">
        <span className="amount-currency" aria-hidden="true">
          €
        </span>
        <input
          id="amount"
          name="amount"
          className="amount-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          autoFocus
          placeholder="0,00"
          value={text}
          onChange={(event) => dispatch({ type: 'type', text: event.target.value })}
        />
      </div>
      <Numpad onKey={(key) => dispatch({ type: 'key', key })} />
      <button type="submit" className="button button-pay" disabled={busy} aria-busy={busy}>
        {t('till.pay')}
      </button>
      <button
        type="button"
        className="button button-wristband"
        disabled={busy}
        onClick={() => payWith(onPayWithWristband)}
      >
        {t('till.payWristband')}
      </button>
      <button type="button" className="button button-cash" disabled={busy} onClick={() => payWith(onPayCash)}>
        {t('cashPay.button')}
      </button>
    </form>
  );
}
