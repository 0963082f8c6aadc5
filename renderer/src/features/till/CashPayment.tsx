import { useTranslation } from 'react-i18next';
import type { CashSaleView, SaleView } from '../../../../shared/contract';
import type { BasketInput } from '../../../../shared/contract/basket-input';
import { formatMoney } from '../../../../shared/domain/money';
import { ErrorAlert } from '../../components/ErrorAlert';
import { intlLocale, useLocale } from '../../i18n';
import { amountProblemText } from '../../i18n/error-text';
import { ReceiptPreview } from '../receipts/ReceiptPreview';
import { amountReducer } from './amount-entry';
import { Numpad } from './Numpad';
import type { TenderPart } from './split-sale';
import { beforeLastPart, cashPreview, useCashPayment, type CashProblem } from './use-cash-payment';

/** The notes a customer hands over most; a tap fills the amount received. */
const NOTES_CENTS = [500, 1000, 2000, 5000] as const;

/** Cash at the till: what is due after rounding, what was received, and the change to give back. */
interface Props {
  cents: number;
  basket?: BasketInput;
  /** The split sale this pays a part or the rest of. */
  part?: TenderPart;
  onNewSale: () => void;
  onPaid: () => void;
  /** A part before the last was taken: the sale stays open. */
  onPartTaken?: (sale: SaleView) => void;
  /** Leaves the panel without taking cash. */
  onBack?: () => void;
}

export function CashPayment({ cents, basket, part, onNewSale, onPaid, onPartTaken, onBack }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const cash = useCashPayment(cents, basket, onPaid, part, onPartTaken);
  const money = (amount: number) => formatMoney(amount, locale);
  if (cash.paid) return <CashPaid view={cash.paid} onNewSale={onNewSale} />;
  const toText = (amount: number) => (amount / 100).toFixed(2).replace('.', ',');
  return (
    <form className="cash-payment" onSubmit={cash.submit} noValidate>
      <p className="cash-due-label">{t('cashPay.due')}</p>
      <p className="sale-amount" data-testid="cash-due">
        {money(cash.dueCents)}
      </p>
      {cash.dueCents !== cents && <p className="muted">{t('cashPay.rounded', { amount: money(cents) })}</p>}
      {beforeLastPart(part) && (
        <p className="muted" data-testid="cash-to-the-cent">
          {t('split.toTheCent')}
        </p>
      )}
      <label htmlFor="cash-received">{t('cashPay.received')}</label>
      <input
        id="cash-received"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        autoFocus
        placeholder="0,00"
        value={cash.text}
        onChange={(e) => cash.setText(e.target.value)}
      />
      <div className="quick-cash" role="group" aria-label={t('cashPay.quick')}>
        <button
          type="button"
          className="button button-small"
          onClick={() => cash.setText(toText(cash.dueCents))}
        >
          {t('cashPay.exact')}
        </button>
        {NOTES_CENTS.map((note) => (
          <button
            key={note}
            type="button"
            className="button button-small"
            onClick={() => cash.setText(toText(note))}
          >
            {wholeEuros(note, locale)}
          </button>
        ))}
      </div>
      {/* The same keys as the amount: a touch till has no keyboard for the cash received either. */}
      <Numpad compact onKey={(key) => cash.setText(amountReducer(cash.text, { type: 'key', key }))} />
      <ChangePreview text={cash.text} dueCents={cash.dueCents} />
      {cash.problem && <ProblemAlert problem={cash.problem} />}
      {cash.error && <ErrorAlert error={cash.error} />}
      <div className="form-actions">
        <button type="submit" className="button button-pay" disabled={cash.busy} aria-busy={cash.busy}>
          {t('cashPay.take')}
        </button>
        <button type="button" className="button" onClick={onBack ?? onNewSale}>
          {t('cashPay.back')}
        </button>
      </div>
    </form>
  );
}

function wholeEuros(cents: number, locale: ReturnType<typeof useLocale>): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  }).format(cents / 100);
}

function ChangePreview({ text, dueCents }: { text: string; dueCents: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const preview = cashPreview(text, dueCents);
  if (!preview) return null;
  return (
    <p className="cash-change" data-testid="cash-change" aria-live="polite">
      {'changeCents' in preview
        ? t('cashPay.change', { amount: formatMoney(preview.changeCents, locale) })
        : t('cashPay.short', { amount: formatMoney(preview.shortCents, locale) })}
    </p>
  );
}

function ProblemAlert({ problem }: { problem: CashProblem }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text =
    problem.kind === 'amount'
      ? amountProblemText(t, problem.problem)
      : t('cashPay.tooLow', {
          received: formatMoney(problem.tenderedCents, locale),
          due: formatMoney(problem.dueCents, locale),
        });
  return (
    <p className="alert" role="alert">
      {text}
    </p>
  );
}

function CashPaid({ view, onNewSale }: { view: CashSaleView; onNewSale: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (amount: number) => formatMoney(amount, locale);
  return (
    <div className="cash-payment phase-paid">
      <p className="sale-amount">{money(view.dueCents)}</p>
      <p className="sale-status" role="status">
        {t('cashPay.paid')}
      </p>
      <p className="cash-give-back" data-testid="cash-give-back">
        {t('cashPay.giveBack', { amount: money(view.changeCents) })}
      </p>
      <p className="muted">
        {t('cashPay.receivedWas', { received: money(view.tenderedCents), due: money(view.dueCents) })}
      </p>
      <button type="button" className="button button-primary" onClick={onNewSale} autoFocus>
        {t('till.newSale')}
      </button>
      <ReceiptPreview saleId={view.sale.id} />
    </div>
  );
}
