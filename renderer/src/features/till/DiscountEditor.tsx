import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Discount } from '../../../../shared/domain/basket';
import { discountText, parseDiscount } from './discount-input';

interface Props {
  /** Names what is discounted: "Discount on Pils", "Discount on the sale". */
  label: string;
  current: Discount | null;
  onSave: (discount: Discount | null) => void;
  onClose: () => void;
}

/** Percent or amount, typed and applied; Remove takes the discount off. */
export function DiscountEditor({ label, current, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Discount['kind']>(current?.kind ?? 'percent');
  const [text, setText] = useState(discountText(current));
  const [wrong, setWrong] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const discount = parseDiscount(kind, text);
    if (!discount) return setWrong(true);
    onSave(discount);
    onClose();
  };
  return (
    <form className="discount-editor" onSubmit={submit} noValidate aria-label={label}>
      <div className="discount-kind" role="radiogroup" aria-label={t('register.discountKind')}>
        {(['percent', 'amount'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={kind === k}
            className="button button-small"
            onClick={() => setKind(k)}
          >
            {k === 'percent' ? '%' : '€'}
          </button>
        ))}
      </div>
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        autoFocus
        aria-label={label}
        aria-invalid={wrong}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button button-small">
        {t('register.applyDiscount')}
      </button>
      {current && (
        <button type="button" className="button button-small" onClick={() => (onSave(null), onClose())}>
          {t('register.removeDiscount')}
        </button>
      )}
      {wrong && (
        <p className="alert" role="alert">
          {t(kind === 'percent' ? 'register.badPercent' : 'register.badAmount')}
        </p>
      )}
    </form>
  );
}
