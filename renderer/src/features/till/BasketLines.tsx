import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PricedBasket } from '../../../../shared/domain/basket';
import { formatMoney } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n';
import type { BasketAction, BasketItem } from './basket-state';
import { DiscountEditor } from './DiscountEditor';

interface Props {
  lines: BasketItem[];
  priced: PricedBasket;
  edit: (action: BasketAction) => void;
  locked: boolean;
}

/** The basket's lines: quantity − / +, a discount per line, remove. */
export function BasketLines({ lines, priced, edit, locked }: Props) {
  const { t } = useTranslation();
  const [discounting, setDiscounting] = useState<number | null>(null);
  if (lines.length === 0) return <p className="muted basket-empty">{t('register.empty')}</p>;
  return (
    <ul className="basket-lines" aria-label={t('register.basket')}>
      {lines.map((line, index) => (
        <li key={line.key} className="basket-line" data-line={index + 1}>
          <LineRow
            line={line}
            grossCents={priced.lines[index]?.grossCents ?? 0}
            edit={edit}
            locked={locked}
            onDiscount={() => setDiscounting(discounting === line.key ? null : line.key)}
          />
          {discounting === line.key && !locked && (
            <DiscountEditor
              label={t('register.lineDiscountOn', { name: lineName(line, t) })}
              current={line.discount}
              onSave={(discount) => edit({ type: 'lineDiscount', key: line.key, discount })}
              onClose={() => setDiscounting(null)}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

function lineName(line: BasketItem, t: (key: string, values?: Record<string, unknown>) => string): string {
  return line.name || t('register.freeLine', { rate: line.vatRate });
}

interface RowProps {
  line: BasketItem;
  grossCents: number;
  edit: (action: BasketAction) => void;
  locked: boolean;
  onDiscount: () => void;
}

function LineRow({ line, grossCents, edit, locked, onDiscount }: RowProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = lineName(line, t);
  const setQuantity = (quantity: number) => edit({ type: 'setQuantity', key: line.key, quantity });
  return (
    <div className="line-row">
      <span className="line-name">
        {name}
        <span className="line-unit muted">
          {' '}
          {formatMoney(line.unitPriceCents, locale)} · {line.vatRate} %
        </span>
      </span>
      <span className="line-quantity" role="group" aria-label={t('register.quantityOf', { name })}>
        <button
          type="button"
          className="qty-button"
          disabled={locked}
          aria-label={t('register.less', { name })}
          onClick={() => setQuantity(line.quantity - 1)}
        >
          −
        </button>
        <output aria-label={t('register.quantity')}>{line.quantity}</output>
        <button
          type="button"
          className="qty-button"
          disabled={locked}
          aria-label={t('register.more', { name })}
          onClick={() => setQuantity(line.quantity + 1)}
        >
          +
        </button>
      </span>
      <span className="line-gross numeric">{formatMoney(grossCents, locale)}</span>
      <button
        type="button"
        className="button button-small line-discount"
        disabled={locked}
        aria-pressed={line.discount !== null}
        aria-label={t('register.discountOn', { name })}
        onClick={onDiscount}
      >
        %
      </button>
      <button
        type="button"
        className="button button-small line-remove"
        disabled={locked}
        aria-label={t('register.remove', { name })}
        onClick={() => edit({ type: 'remove', key: line.key })}
      >
        ✕
      </button>
    </div>
  );
}
