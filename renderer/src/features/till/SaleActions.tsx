import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleView } from '../../../../shared/contract';
import { canCancelSale, canRetry, hasOpenPayment } from './sale-rules';

interface Props {
  sale: SaleView;
  busy: boolean;
  onCancel: () => Promise<SaleView | null>;
  onRetry: () => void;
  onNewSale: () => void;
}

/** Cancel, Retry and New sale, each shown only when it makes sense for the sale's state. */
export function SaleActions({ sale, busy, onCancel, onRetry, onNewSale }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const open = hasOpenPayment(sale);

  const newSale = () => {
    // A payment the customer can still complete must not vanish from the screen unnoticed.
    if (open) setAsking(true);
    else onNewSale();
  };
  const stopAndStartOver = async () => {
    const cancelled = await onCancel();
    setAsking(false);
    if (cancelled && cancelled.status !== 'open') onNewSale();
  };

  return (
    <div className="sale-actions">
      {canCancelSale(sale) && (
        <button
          type="button"
          className="button button-cancel"
          disabled={busy}
          onClick={() => void onCancel()}
        >
          {t('till.cancel')}
        </button>
      )}
      {canRetry(sale) && (
        <button type="button" className="button button-retry" disabled={busy} onClick={onRetry}>
          {t('till.retry')}
        </button>
      )}
      <button type="button" className="button button-new" disabled={busy} onClick={newSale}>
        {t('till.newSale')}
      </button>
      {asking && open && (
        <div className="confirm-box" role="group" aria-labelledby="still-open">
          <p id="still-open">{t('till.stillOpen')}</p>
          <button
            type="button"
            className="button button-cancel"
            disabled={busy}
            onClick={() => void stopAndStartOver()}
          >
            {t('till.stopPayment')}
          </button>
          <button type="button" className="button" onClick={() => setAsking(false)}>
            {t('till.keepWaiting')}
          </button>
        </div>
      )}
    </div>
  );
}
