import { useTranslation } from 'react-i18next';
import type { SaleView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { isFinalStatus } from '../../../../shared/domain/payment-status';
import { QrCode } from '../../components/QrCode';
import { errorText } from '../../i18n/error-text';
import { useLocale } from '../../i18n';
import { salePhase } from './sale-rules';
import { runningPartCents } from './split-sale';

/** What the cashier watches: amount, the QR (or the sticker prompt) while it can be paid, and the live status. */
export function CurrentSale({ sale }: { sale: SaleView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const payment = sale.payment;
  const phase = salePhase(sale);
  const payable = payment !== null && payment.status !== 'CREATING' && !isFinalStatus(payment.status);
  // A sticker till: the customer scans the sticker at the counter, so no QR on screen.
  const sticker = payable && Boolean(payment.posId);
  const qr = payable && !sticker ? payment.deeplink : null;
  const part = runningPartCents(sale);
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <div className={`current-sale phase-${phase}`}>
      <p className="sale-amount" data-testid="sale-amount">
        {money(part ?? sale.amountCents)}
      </p>
      {part !== null && (
        <p className="muted" data-testid="part-of">
          {t('split.partOf', {
            total: money(sale.amountCents),
            rest: money((sale.dueCents ?? sale.amountCents) - part),
          })}
        </p>
      )}
      <p className={`sale-status status-${phase}`} role="status" data-phase={phase}>
        {t(`phase.${phase}`)}
      </p>
      {payment?.problem && (
        <p className="alert problem" role="alert" data-code={payment.problem.code}>
          {errorText(t, payment.problem)}
        </p>
      )}
      {sticker && (
        <p className="sticker-prompt" data-testid="sticker-prompt">
          {t('till.scanSticker')}
        </p>
      )}
      {qr && (
        <div className="qr-frame">
          <QrCode value={qr} />
        </div>
      )}
    </div>
  );
}

/** Shown while till.startPayment is on its way: the station has not answered with a sale yet. */
export function PendingSale({ cents }: { cents: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="current-sale phase-creating">
      <p className="sale-amount">{formatMoney(cents, locale)}</p>
      <p className="sale-status status-creating" role="status" data-phase="creating">
        {t('phase.creating')}
      </p>
    </div>
  );
}
