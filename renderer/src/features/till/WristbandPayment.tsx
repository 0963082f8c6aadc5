import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'paid'; balanceCents: number | null }
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
export function WristbandPayment({ cents, onNewSale }: { cents: number; onNewSale: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const key = useRef(newIdempotencyKey());
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || text.trim() === '') return;
    setBusy(true);
    const result = await call('till.payWithWristband', {
      amountCents: cents,
      idempotencyKey: key.current,
      wristbandId: text,
    });
    const lost = !result.ok && result.error.code === 'STATION_UNREACHABLE';
    if (!lost) key.current = newIdempotencyKey();
    const wristbandId = result.ok ? (result.value.wristbandId ?? text) : text;
    const balanceCents = await balanceOf(wristbandId);
    setOutcome(
      result.ok ? { kind: 'paid', balanceCents } : { kind: 'refused', error: result.error, balanceCents },
    );
    setBusy(false);
    if (!result.ok) input.current?.select();
  };

  if (outcome.kind === 'paid') {
    return <WristbandPaid cents={cents} balanceCents={outcome.balanceCents} onNewSale={onNewSale} />;
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
        <>
          <ErrorAlert error={outcome.error} />
          {outcome.balanceCents !== null && (
            <p data-testid="wristband-balance">
              {t('wristbandPay.balance', { amount: formatMoney(outcome.balanceCents, locale) })}
            </p>
          )}
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-pay" disabled={busy} aria-busy={busy}>
          {t('wristbandPay.debit')}
        </button>
        <button type="button" className="button" onClick={onNewSale}>
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
}: {
  cents: number;
  balanceCents: number | null;
  onNewSale: () => void;
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
    </div>
  );
}
