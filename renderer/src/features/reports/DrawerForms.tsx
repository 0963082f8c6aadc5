import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmountProblem } from '../../../../shared/domain/money';
import { amountProblemText } from '../../i18n/error-text';
import { parseCash } from '../till/cash-input';

/** Answers true when the station took it, so the form can clear itself. */
type Submit = (cents: number) => Promise<boolean>;

/** One amount and one button: the float to open with, or the cash counted to close. */
export function CashAmountForm({
  id,
  label,
  action,
  busy,
  onSubmit,
}: {
  id: string;
  label: string;
  action: string;
  busy: boolean;
  onSubmit: Submit;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<AmountProblem | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Zero is a real float or count; anything that is not an amount never reaches the station.
    const parsed = parseCash(text, { allowZero: true });
    setProblem(parsed.ok ? null : parsed.problem);
    if (parsed.ok && (await onSubmit(parsed.cents))) setText('');
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={busy}>
        {action}
      </button>
      {problem && (
        <p className="alert" role="alert">
          {amountProblemText(t, problem)}
        </p>
      )}
    </form>
  );
}

type Move = (kind: 'in' | 'out', cents: number, reason: string) => Promise<boolean>;

/** Cash put into or taken out of the drawer, always with a reason (change fetched, a bank drop). */
export function CashMovementForm({ busy, onMove }: { busy: boolean; onMove: Move }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const move = async (kind: 'in' | 'out') => {
    const parsed = parseCash(amount, { allowZero: false });
    if (!parsed.ok) return setProblem(amountProblemText(t, parsed.problem));
    if (reason.trim() === '') return setProblem(t('drawer.needReason'));
    setProblem(null);
    if (await onMove(kind, parsed.cents, reason.trim())) {
      setAmount('');
      setReason('');
    }
  };
  return (
    <form className="inline-form movement-form" onSubmit={(e) => e.preventDefault()} noValidate>
      <label htmlFor="drawer-move-amount">{t('drawer.amount')}</label>
      <input
        id="drawer-move-amount"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
      />
      <label htmlFor="drawer-move-reason">{t('drawer.reason')}</label>
      <input
        id="drawer-move-reason"
        type="text"
        maxLength={200}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void move('in')}>
          {t('drawer.cashIn')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void move('out')}>
          {t('drawer.cashOut')}
        </button>
      </div>
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
