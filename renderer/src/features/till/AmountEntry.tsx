import type { Dispatch, FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmountAction } from './amount-entry';
import { Numpad } from './Numpad';

interface Props {
  text: string;
  dispatch: Dispatch<AmountAction>;
  busy: boolean;
  /** Adds the typed amount to the basket as a free-amount line at the till's VAT rate. */
  onAdd: () => void;
  vatRate: number;
}

/** Amount field and numpad: a free amount for the basket. Pay (beside the basket) also takes it. */
export function AmountEntry({ text, dispatch, busy, onAdd, vatRate }: Props) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onAdd();
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
          placeholder="0,00"
          value={text}
          onChange={(event) => dispatch({ type: 'type', text: event.target.value })}
        />
      </div>
      <Numpad onKey={(key) => dispatch({ type: 'key', key })} />
      <button type="submit" className="button button-add" disabled={busy}>
        {t('register.addAmount', { rate: vatRate })}
      </button>
    </form>
  );
}
