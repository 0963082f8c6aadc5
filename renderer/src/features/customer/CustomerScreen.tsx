import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/domain/money';
import { isFinalStatus } from '../../../../shared/domain/payment-status';
import { QrCode } from '../../components/QrCode';
import { useLocale } from '../../i18n';
import { salePhase } from '../till/sale-rules';
import { useCustomerSale } from './use-customer-sale';

/** Faces the customer: amount, QR (or where to scan the sticker) and status in big type, no buttons. */
export function CustomerScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const sale = useCustomerSale();

  if (!sale) {
    return (
      <main className="customer customer-idle">
        <p className="customer-welcome">{t('customer.welcome')}</p>
        <p className="customer-hint">{t('customer.idle')}</p>
      </main>
    );
  }

  const payment = sale.payment;
  const phase = salePhase(sale);
  const final = payment !== null && isFinalStatus(payment.status);
  const sticker = Boolean(payment?.posId) && !final && phase !== 'creating';
  const deeplink = payment && !final && !sticker ? payment.deeplink : null;
  // The usual waiting text tells the customer to scan the QR on this screen; a sticker till has none.
  const statusKey = sticker && phase === 'waiting' ? 'customer.sticker.waiting' : `customer.phase.${phase}`;
  return (
    <main className={`customer phase-${phase}`}>
      {!final && <p className="customer-label">{t('customer.toPay')}</p>}
      <p className="customer-amount" data-testid="customer-amount">
        {formatMoney(sale.amountCents, locale)}
      </p>
      {sticker && (
        <p className="sticker-prompt sticker-prompt-large" data-testid="sticker-prompt">
          {t('customer.sticker.prompt')}
        </p>
      )}
      <p className={`customer-status status-${phase}`} role="status" data-phase={phase}>
        {t(statusKey)}
      </p>
      {deeplink && (
        <div className="qr-frame qr-frame-large">
          <QrCode value={deeplink} size={360} />
        </div>
      )}
    </main>
  );
}
