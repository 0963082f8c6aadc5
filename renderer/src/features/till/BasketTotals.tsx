import { useTranslation } from 'react-i18next';
import type { PricedBasket } from '../../../../shared/domain/basket';
import { formatMoney } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n';

/** Net, VAT per rate and gross, as priceBasket computed them (the station books the same). */
export function BasketTotals({ priced }: { priced: PricedBasket }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <dl className="basket-totals" aria-label={t('register.totals')}>
      {priced.discountCents > 0 && (
        <div className="total-row">
          <dt>{t('register.discount')}</dt>
          <dd data-testid="basket-discount">−{money(priced.discountCents)}</dd>
        </div>
      )}
      <div className="total-row">
        <dt>{t('register.net')}</dt>
        <dd data-testid="basket-net">{money(priced.netCents)}</dd>
      </div>
      {priced.byRate.map((rate) => (
        <div className="total-row" key={rate.ratePercent} data-rate={rate.ratePercent}>
          <dt>{t('register.vatAt', { rate: rate.ratePercent })}</dt>
          <dd>{money(rate.vatCents)}</dd>
        </div>
      ))}
      <div className="total-row total-gross">
        <dt>{t('register.total')}</dt>
        <dd data-testid="basket-total">{money(priced.grossCents)}</dd>
      </div>
    </dl>
  );
}
