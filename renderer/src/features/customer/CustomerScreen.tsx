import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/domain/money';
import { isFinalStatus } from '../../../../shared/domain/payment-status';
import { QrCode } from '../../components/QrCode';
import { useStation } from '../../components/station-context';
import { useLocale } from '../../i18n';
import { MerchantLogo } from '../sales-setup/MerchantLogo';
import { useSession } from '../staff/session-context';
import { AgreementQr } from './AgreementQr';
import { CustomerOutcome } from './CustomerOutcome';
import { DisplayLanguage } from './DisplayLanguage';
import {
  betweenParts,
  displayPhase,
  paidOutcome,
  saleParts,
  type DisplaySale,
  type SaleParts,
} from './display-sale';
import { useCustomerSale } from './use-customer-sale';

/**
 * Faces the customer: amount, QR (or where to scan the sticker), status and how it was paid, in big
 * type. No navigation: only the language buttons, which change this screen alone. A linked customer
 * display follows its own till; the station's own display window follows every till.
 */
export function CustomerScreen() {
  const device = useSession()?.view?.device;
  const sale = useCustomerSale(device?.kind === 'display' ? device.tillId : null);
  return (
    <DisplayLanguage idle={sale === null}>
      <TrainingStripe />
      {sale ? <SaleShown sale={sale} /> : <Welcome />}
    </DisplayLanguage>
  );
}

/** In training the customer must not believe money moved, on this screen as on the till's. */
function TrainingStripe() {
  const { t } = useTranslation();
  const { mode } = useStation();
  if (mode !== 'training') return null;
  return (
    <p className="training-banner" data-testid="training-banner">
      {t('app.training')}
    </p>
  );
}

function Welcome() {
  const { t } = useTranslation();
  return (
    <main className="customer customer-idle">
      <MerchantLogo className="customer-logo" />
      <p className="customer-welcome">{t('customer.welcome')}</p>
      <p className="customer-hint">{t('customer.idle')}</p>
    </main>
  );
}

function SaleShown({ sale }: { sale: DisplaySale }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const payment = sale.payment;
  const phase = displayPhase(sale);
  const final = sale.status !== 'open' || (payment !== null && isFinalStatus(payment.status));
  const sticker = Boolean(payment?.posId) && !final && phase !== 'creating';
  const deeplink = payment && !final && !sticker ? payment.deeplink : null;
  const outcome = paidOutcome(sale);
  const parts = saleParts(sale);
  // Between two parts the last one paid, but the sale did not: the customer is told the rest comes.
  const between = betweenParts(sale, parts);
  // The usual waiting text tells the customer to scan the QR on this screen; a sticker till has none.
  const statusKey = between
    ? 'customer.parts.between'
    : sticker && phase === 'waiting'
      ? 'customer.sticker.waiting'
      : `customer.phase.${phase}`;
  return (
    <main className={`customer phase-${between ? 'waiting' : phase}`}>
      <MerchantLogo className="customer-logo customer-logo-small" />
      {(!final || parts) && (
        <p className="customer-label">{t(between ? 'customer.parts.stillToPay' : 'customer.toPay')}</p>
      )}
      <p className="customer-amount" data-testid="customer-amount">
        {formatMoney(parts?.toPayCents ?? sale.amountCents, locale)}
      </p>
      {parts && <PartsShown parts={parts} />}
      {sticker && (
        <p className="sticker-prompt sticker-prompt-large" data-testid="sticker-prompt">
          {t('customer.sticker.prompt')}
        </p>
      )}
      <p className={`customer-status status-${phase}`} role="status" data-phase={phase}>
        {t(statusKey)}
      </p>
      {outcome && <CustomerOutcome outcome={outcome} />}
      {sale.status === 'open' && !payment && <AgreementQr tillId={sale.tillId} saleId={sale.id} />}
      {deeplink && (
        <div className="qr-frame qr-frame-large">
          <QrCode value={deeplink} size={360} />
        </div>
      )}
    </main>
  );
}

/** A sale paid in parts: its total, what was paid already, and what remains once this part is paid. */
function PartsShown({ parts }: { parts: SaleParts }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const rows: Array<[string, number]> = [
    [t('customer.parts.total'), parts.totalCents],
    ...(parts.paidCents > 0 ? [[t('customer.parts.paid'), parts.paidCents] as [string, number]] : []),
    ...(parts.partCents !== null && parts.remainsCents > 0
      ? [[t('customer.parts.remains'), parts.remainsCents] as [string, number]]
      : []),
  ];
  return (
    <dl className="customer-parts" data-testid="customer-parts">
      {rows.map(([label, cents]) => (
        <div key={label} className="customer-part">
          <dt>{label}</dt>
          <dd>{money(cents)}</dd>
        </div>
      ))}
    </dl>
  );
}
