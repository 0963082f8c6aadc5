import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, SaleView } from '../../../../shared/contract';
import type { BasketInput } from '../../../../shared/contract/basket-input';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { ReceiptPreview } from '../receipts/ReceiptPreview';
import { saleOfTender, type TenderPart } from './split-sale';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'paid'; saleId: string; balanceCents: number | null }
  | { kind: 'refused'; error: ContractError; balanceCents: number | null };

/** Reads the balance to show beside the outcome; a failure here never hides the outcome itself. */
async function balanceOf(wristbandId: string): Promise<number | null> {
  const found = await call('wristbands.get', { wristbandId });
  return found.ok ? found.value.balanceCents : null;
}

/**
 * The bar's wristband tender: the scanner types the wristband's code and Enter, or the cashier types
 * the id. One key per attempt; only a request that got no answer is sent again with the same key.
 */
interface Props {
  cents: number;
  basket?: BasketInput;
  /** The split sale this pays a part or the rest of. */
  part?: TenderPart;
  onNewSale: () => void;
  /** Leaves the panel without a debit. */
  onBack?: () => void;
  onPaid: () => void;
  /** The wristband paid a part (its whole balance, when the cashier said so): the sale stays open. */
  onPartTaken?: (sale: SaleView) => void;
}

/** A short wristband's balance, offered as a part: never taken without the cashier's tap. */
const shortBalance = (outcome: Outcome, cents: number): number | null =>
  outcome.kind === 'refused' &&
  outcome.error.code === 'INSUFFICIENT_FUNDS' &&
  outcome.balanceCents !== null &&
  outcome.balanceCents > 0 &&
  outcome.balanceCents < cents
    ? outcome.balanceCents
    : null;

export function WristbandPayment({ cents, basket, part, onNewSale, onPaid, onPartTaken, onBack }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const key = useRef(newIdempotencyKey());
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent | null, tenderCents?: number) => {
    event?.preventDefault();
    if (busy || text.trim() === '') return;
    setBusy(true);
    // A part of a split sale names the sale (its basket is already at the station) and the part.
    const sale = saleOfTender(cents, basket, part);
    const result = await call('till.payWithWristband', {
      ...{ ...sale, idempotencyKey: key.current, wristbandId: text },
      ...(tenderCents === undefined ? {} : { tenderCents }),
    });
    const lost = !result.ok && result.error.code === 'STATION_UNREACHABLE';
    if (!lost) key.current = newIdempotencyKey();
    const wristbandId = result.ok ? (result.value.wristbandId ?? text) : text;
    const balanceCents = await balanceOf(wristbandId);
    setBusy(false);
    if (result.ok && result.value.status === 'open' && onPartTaken) return onPartTaken(result.value);
    setOutcome(
      result.ok
        ? { kind: 'paid', saleId: result.value.id, balanceCents }
        : { kind: 'refused', error: result.error, balanceCents },
    );
    if (result.ok) onPaid();
    else input.current?.select();
  };

  if (outcome.kind === 'paid') {
    return (
      <WristbandPaid cents={cents} balanceCents={outcome.balanceCents} onNewSale={onNewSale}>
        <ReceiptPreview saleId={outcome.saleId} />
      </WristbandPaid>
    );
  }
  return (
    <form className="wristband-payment" onSubmit={(e) => void submit(e)} noValidate>
      <p className="sale-amount">{formatMoney(cents, locale)}</p>
      <label htmlFor="wristband-id">{t('wristbandPay.label')}</label>
      <p className="muted field-hint" id="wristband-id-hint">
        {t('wristbandPay.hint')}
      </p>
      <input
        id="wristband-id"
        ref={input}
        type="text"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        aria-describedby="wristband-id-hint"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {outcome.kind === 'refused' && (
        <Refused
          outcome={outcome}
          cents={cents}
          busy={busy}
          onTakeBalance={onPartTaken ? (balance) => void submit(null, balance) : undefined}
        />
      )}
      <div className="form-actions">
        <button type="submit" className="button button-pay" disabled={busy} aria-busy={busy}>
          {t('wristbandPay.debit')}
        </button>
        <button type="button" className="button" onClick={onBack ?? onNewSale}>
          {t('wristbandPay.cancel')}
        </button>
      </div>
    </form>
  );
}

function WristbandPaid({
  cents,
  balanceCents,
  onNewSale,
  children,
}: {
  cents: number;
  balanceCents: number | null;
  onNewSale: () => void;
  /** The sale's receipt. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="wristband-payment phase-paid">
      <p className="sale-amount">{formatMoney(cents, locale)}</p>
      <p className="sale-status" role="status">
        {t('wristbandPay.paid')}
      </p>
      {balanceCents !== null && (
        <p data-testid="wristband-balance">
          {t('wristbandPay.balanceLeft', { amount: formatMoney(balanceCents, locale) })}
        </p>
      )}
      <button type="button" className="button button-primary" onClick={onNewSale} autoFocus>
        {t('till.newSale')}
      </button>
      {children}
    </div>
  );
}

/** Why the wristband did not pay, its balance, and for a short one the offer to take that balance. */
function Refused(props: {
  outcome: Extract<Outcome, { kind: 'refused' }>;
  cents: number;
  busy: boolean;
  onTakeBalance?: (balanceCents: number) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { outcome, onTakeBalance } = props;
  const short = shortBalance(outcome, props.cents);
  return (
    <>
      <ErrorAlert error={outcome.error} />
      {outcome.balanceCents !== null && (
        <p data-testid="wristband-balance">
          {t('wristbandPay.balance', { amount: formatMoney(outcome.balanceCents, locale) })}
        </p>
      )}
      {short !== null && onTakeBalance && (
        <button
          type="button"
          className="button button-primary take-balance"
          disabled={props.busy}
          onClick={() => onTakeBalance(short)}
        >
          {t('split.takeBalance', { amount: formatMoney(short, locale) })}
        </button>
      )}
    </>
  );
}
