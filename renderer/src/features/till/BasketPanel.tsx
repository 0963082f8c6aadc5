import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PricedBasket } from '../../../../shared/domain/basket';
import type { BasketAction, BasketState } from './basket-state';
import { discountPercent } from './basket-state';
import { BasketLines } from './BasketLines';
import { BasketTotals } from './BasketTotals';
import { DiscountEditor } from './DiscountEditor';
import type { PayChoice } from './use-register';

interface Props {
  basket: BasketState;
  priced: PricedBasket;
  edit: (action: BasketAction) => void;
  /** A payment for this basket is under way: it cannot change any more. */
  locked: boolean;
  busy: boolean;
  discountLimitPercent: number;
  onPay: (tender: PayChoice) => void;
}

/** The basket beside the grid: lines, sale discount, note, totals, and the three tenders. */
export function BasketPanel({ basket, priced, edit, locked, busy, discountLimitPercent, onPay }: Props) {
  const { t } = useTranslation();
  const [discounting, setDiscounting] = useState(false);
  const aboveLimit = discountPercent(priced) > discountLimitPercent;
  return (
    <div className="basket">
      <BasketLines lines={basket.lines} priced={priced} edit={edit} locked={locked} />
      <div className="basket-tools">
        <button
          type="button"
          className="button button-small"
          disabled={locked || basket.lines.length === 0}
          aria-pressed={basket.discount !== null}
          onClick={() => setDiscounting(!discounting)}
        >
          {t('register.saleDiscount')}
        </button>
        <input
          type="text"
          className="basket-note"
          maxLength={200}
          disabled={locked}
          aria-label={t('register.note')}
          placeholder={t('register.notePlaceholder')}
          value={basket.note}
          onChange={(e) => edit({ type: 'note', note: e.target.value })}
        />
      </div>
      {discounting && !locked && (
        <DiscountEditor
          label={t('register.saleDiscountLabel')}
          current={basket.discount}
          onSave={(discount) => edit({ type: 'saleDiscount', discount })}
          onClose={() => setDiscounting(false)}
        />
      )}
      {aboveLimit && (
        <p className="alert alert-warning" role="alert" data-testid="discount-limit">
          {t('register.aboveLimit', { limit: discountLimitPercent })}
        </p>
      )}
      <BasketTotals priced={priced} />
      <TenderButtons busy={busy || locked} onPay={onPay} />
    </div>
  );
}

function TenderButtons({ busy, onPay }: { busy: boolean; onPay: (tender: PayChoice) => void }) {
  const { t } = useTranslation();
  return (
    <div className="tender-buttons">
      <button
        type="button"
        className="button button-pay"
        disabled={busy}
        aria-busy={busy}
        onClick={() => onPay('bancontact')}
      >
        {t('till.pay')}
      </button>
      <button type="button" className="button button-cash" disabled={busy} onClick={() => onPay('cash')}>
        {t('cashPay.button')}
      </button>
      <button
        type="button"
        className="button button-wristband"
        disabled={busy}
        onClick={() => onPay('wristband')}
      >
        {t('till.payWristband')}
      </button>
      {/* Several tenders for one sale: the first part's amount, then its method (SplitPart). */}
      <button type="button" className="button button-split" disabled={busy} onClick={() => onPay('split')}>
        {t('split.split')}
      </button>
    </div>
  );
}
