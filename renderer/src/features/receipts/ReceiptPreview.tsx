import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { ReceiptView } from '../../../../shared/contract/receipt-views';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ReceiptActions } from './ReceiptActions';
import { ReceiptPaper } from './ReceiptPaper';

type Loaded =
  { kind: 'loading' } | { kind: 'error'; error: ContractError } | { kind: 'ready'; view: ReceiptView };

/** A finished sale's receipt at the till: the paper as the customer gets it, "Print again" and "PDF". */
export function ReceiptPreview({ saleId }: { saleId: string }) {
  const { t } = useTranslation();
  // Kept with the sale it answers for: another sale's receipt is never shown while this one loads.
  const [answer, setAnswer] = useState<{ saleId: string; loaded: Loaded } | null>(null);
  useEffect(() => {
    let current = true;
    void call('receipts.get', { saleId }).then((result) => {
      if (!current) return;
      const loaded: Loaded = result.ok
        ? { kind: 'ready', view: result.value }
        : { kind: 'error', error: result.error };
      setAnswer({ saleId, loaded });
    });
    return () => {
      current = false;
    };
  }, [saleId]);
  const loaded: Loaded = answer?.saleId === saleId ? answer.loaded : { kind: 'loading' };
  return (
    <section className="receipt-preview" aria-label={t('receipts.title')}>
      {loaded.kind === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {loaded.kind === 'error' && <ErrorAlert error={loaded.error} />}
      {loaded.kind === 'ready' && (
        <>
          {/* The actions first: on a 1024x768 till they stay on screen while the paper scrolls in its box. */}
          <ReceiptActions saleId={saleId} />
          <ReceiptPaper view={loaded.view} />
        </>
      )}
    </section>
  );
}
