import { useTranslation } from 'react-i18next';
import type { SaleView } from '../../../../shared/contract';
import { tillPhase, type TillPhase } from '../../../../shared/domain/payment-status';
import { hasOpenPayment } from '../till/sale-rules';

export type TrainingAction = 'training.scan' | 'training.confirm' | 'training.refuse';

interface Props {
  sale: SaleView | null;
  busy: boolean;
  onAction: (action: TrainingAction) => void;
}

/** Like a real banking app: the customer scans first, then confirms or refuses. */
const ACTIONS: readonly { method: TrainingAction; label: 'scan' | 'confirm' | 'refuse'; when: TillPhase }[] =
  [
    { method: 'training.scan', label: 'scan', when: 'waiting' },
    { method: 'training.confirm', label: 'confirm', when: 'scanned' },
    { method: 'training.refuse', label: 'refuse', when: 'scanned' },
  ];

/** In training the cashier plays the customer's banking app against the simulator. */
export function TrainingCustomerPanel({ sale, busy, onAction }: Props) {
  const { t } = useTranslation();
  const phase = sale?.payment && hasOpenPayment(sale) && !busy ? tillPhase(sale.payment.status) : null;
  return (
    <section className="training-panel" aria-labelledby="training-title">
      <h2 id="training-title">{t('training.title')}</h2>
      <p className="muted">{t('training.hint')}</p>
      <div className="training-actions">
        {ACTIONS.map(({ method, label, when }) => (
          <button
            key={method}
            type="button"
            className={`button button-training button-${label}`}
            disabled={phase !== when}
            onClick={() => onAction(method)}
          >
            {t(`training.${label}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
