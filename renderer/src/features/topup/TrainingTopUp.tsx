import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { parseAmount } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The payer's app's own reasons for refusing the amount (the simulator's codes), in the user's words. */
const AMOUNT_REASONS: Partial<Record<string, 'trainingAmountNeeded' | 'trainingAmountFixed'>> = {
  FIELD_IS_REQUIRED: 'trainingAmountNeeded',
  AMOUNT_NOT_MODIFIABLE: 'trainingAmountFixed',
};

function TopUpError({ error }: { error: ContractError }) {
  const { t } = useTranslation();
  const reason = error.apiCode ? AMOUNT_REASONS[error.apiCode] : undefined;
  if (!reason) return <ErrorAlert error={error} />;
  return (
    <p className="alert" role="alert">
      {t(`topup.wristband.${reason}`)}
    </p>
  );
}

/**
 * Training mode: the organiser plays the festival-goer who scans this wristband and pays. The amount
 * is what they type in their app; empty means the code's printed amount.
 */
export function TrainingTopUp({ wristbandId }: { wristbandId: string }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = amount.trim() === '' ? null : parseAmount(amount);
    if (parsed && !parsed.ok) {
      setError({ code: 'INVALID_INPUT', message: 'amount', fields: ['amountCents'] });
      return;
    }
    setBusy(true);
    const result = await call('training.topUp', {
      wristbandId,
      ...(parsed?.ok ? { amountCents: parsed.cents } : {}),
    });
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (result.ok) setAmount('');
  };
  return (
    <form className="inline-form training-topup" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor="training-topup-amount">{t('topup.wristband.trainingAmount')}</label>
      <input
        id="training-topup-amount"
        inputMode="decimal"
        placeholder="20,00"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy}>
        {t('topup.wristband.trainingPay')}
      </button>
      {error && <TopUpError error={error} />}
    </form>
  );
}
