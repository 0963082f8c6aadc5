import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type {
  SaleRefundTransferView,
  SaleRefundView,
  SaleReturnsView,
} from '../../../../shared/contract/returns-methods';
import { allows } from '../../../../shared/domain/roles';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { useRefresh, useStationData } from './use-station-data';
import { callerRights } from '../staff/session-rights';
import { useSession } from '../staff/session-context';
import { IbanForm, SepaDownload } from './IbanForm';
import { RefundForm, type RefundRequest } from './RefundForm';

/**
 * A past sale's refunds in Closing's transaction detail: "Refund…" opens the form (managers only: the
 * station refuses anyone else too), and each refund made shows its status, which follows Bancontact
 * live (returns.changed refreshes the screen).
 */
export function RefundPanel({ saleId }: { saleId: string }) {
  const rights = callerRights(useSession()?.view ?? null);
  if (rights !== null && !allows(rights, 'close')) return null;
  return <RefundPanelBody saleId={saleId} />;
}

function RefundPanelBody({ saleId }: { saleId: string }) {
  const { t } = useTranslation();
  const read = useCallback(() => call('returns.get', { saleId }), [saleId]);
  const view = useStationData(read);
  const [open, setOpen] = useState(false);
  if (view.kind !== 'ready') return view.kind === 'error' ? <ErrorAlert error={view.error} /> : null;
  const canRefund = view.value.tenders.some((tender) => tender.leftCents > 0);
  return (
    <section className="refund-panel" aria-label={t('returns.title')}>
      {!open && canRefund && (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('returns.open')}
        </button>
      )}
      {open && <RefundDialog view={view.value} onDone={() => setOpen(false)} />}
      {!canRefund && <p className="muted">{t('returns.nothingLeft')}</p>}
      <RefundList refunds={view.value.refunds} />
    </section>
  );
}

function RefundDialog({ view, onDone }: { view: SaleReturnsView; onDone: () => void }) {
  const { t } = useTranslation();
  const { bump } = useRefresh();
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per intent: the same refund asked again (a double tap, a retry after a lost answer) sends
  // the same key, so the station gives the money back once; a changed request is a new refund.
  const intent = useRef<{ request: string; key: string } | null>(null);
  const submit = async (input: RefundRequest) => {
    const request = JSON.stringify(input);
    if (intent.current?.request !== request) intent.current = { request, key: newIdempotencyKey() };
    setBusy(true);
    const result = await call('returns.refund', {
      ...{ ...input, saleId: view.saleId },
      idempotencyKey: intent.current.key,
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    bump();
    onDone();
  };
  return (
    <div className="refund-dialog" role="group" aria-label={t('returns.title')}>
      <h4>{t('returns.title')}</h4>
      <RefundForm view={view} busy={busy} onSubmit={(input) => void submit(input)} onCancel={onDone} />
      {error && <ErrorAlert error={error} />}
    </div>
  );
}

function RefundList({ refunds }: { refunds: SaleRefundView[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [files, setFiles] = useState<Record<number, SaleRefundTransferView>>({});
  if (refunds.length === 0) return null;
  return (
    <>
      <h4>{t('returns.done')}</h4>
      <ul className="refund-list">
        {refunds.map((refund) => (
          <li key={refund.id} data-status={refund.status}>
            <span>
              {t(`reports.methods.${refund.method}`)} {formatMoney(-refund.amountCents, locale)}
            </span>{' '}
            <strong>{t(`returns.statuses.${refund.status}`)}</strong>
            {refund.status === 'awaiting_iban' && !files[refund.id] && (
              <IbanForm refundId={refund.id} onMade={(file) => setFiles({ ...files, [refund.id]: file })} />
            )}
            {files[refund.id] && <SepaDownload file={files[refund.id]!} />}
          </li>
        ))}
      </ul>
    </>
  );
}
