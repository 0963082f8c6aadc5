import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { amountProblemText } from '../../i18n/error-text';
import { parseCash } from './cash-input';
import type { Gate } from './use-register';

interface Props {
  gate: Gate;
  onConfirm: () => void;
  onDrawerOpened: () => void;
  onClose: () => void;
}

/** What stands between Pay and the tender: a large amount to confirm, or a closed drawer to open. */
export function PayGate({ gate, onConfirm, onDrawerOpened, onClose }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (gate.kind === 'drawer') return <DrawerClosed onOpened={onDrawerOpened} onClose={onClose} />;
  return (
    <div className="confirm-box" role="group" aria-labelledby="confirm-large">
      <p id="confirm-large">{t('register.confirmLarge', { amount: formatMoney(gate.cents, locale) })}</p>
      <button type="button" className="button button-pay" onClick={onConfirm} autoFocus>
        {t('register.confirmYes')}
      </button>
      <button type="button" className="button" onClick={onClose}>
        {t('register.confirmNo')}
      </button>
    </div>
  );
}

/** Cash needs an open drawer: said before the customer hands anything over, and opened right here. */
function DrawerClosed({ onOpened, onClose }: { onOpened: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const float = parseCash(text, { allowZero: true });
    if (!float.ok) return setProblem(amountProblemText(t, float.problem));
    setProblem(null);
    setBusy(true);
    const opened = await call('drawer.open', { floatCents: float.cents });
    setBusy(false);
    if (opened.ok) onOpened();
    else setError(opened.error);
  };
  return (
    <form
      className="confirm-box drawer-closed"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="drawer-closed"
    >
      <p id="drawer-closed">{t('register.drawerClosed')}</p>
      <label htmlFor="drawer-float">{t('register.float')}</label>
      <input
        id="drawer-float"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        autoFocus
        placeholder="0,00"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
      {error && <ErrorAlert error={error} />}
      <button type="submit" className="button button-pay" disabled={busy} aria-busy={busy}>
        {t('register.openDrawer')}
      </button>
      <button type="button" className="button" onClick={onClose}>
        {t('register.confirmNo')}
      </button>
    </form>
  );
}
