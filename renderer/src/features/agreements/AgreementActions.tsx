import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementChargeView, AgreementDetailView, ContractError } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';

/** What the manager is asked to confirm: stopping the agreement, or giving one charge back. */
export type Ask = { kind: 'revoke' } | { kind: 'refund'; charge: AgreementChargeView };

/** A charge that took money and is not wholly given back yet. */
export function refundable(charge: AgreementChargeView): boolean {
  return charge.status === 'captured' && charge.refundedCents < charge.amountCents;
}

/** An agreement that may still be charged: revoking it stops that. */
export function revocable(agreement: AgreementDetailView): boolean {
  return agreement.status === 'active' || agreement.status === 'pending';
}

interface Props {
  agreement: AgreementDetailView;
  ask: Ask | null;
  onAsk: (ask: Ask | null) => void;
  /** Read the agreement again: its status or its charge changed. */
  onDone: () => void;
}

/**
 * "Revoke agreement" and the confirmation of it or of a charge's refund, with PPRO's outcome. Both ask
 * PPRO first (agreements.revoke, agreements.refundCharge): nothing is changed in Kassa without it.
 */
export function AgreementActions({ agreement, ask, onAsk, onDone }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  // A refund is asked from a row far down the charges: bring the question into view.
  useEffect(() => {
    if (ask) panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, [ask]);
  const confirm = async () => {
    if (!ask || busy) return;
    setBusy(true);
    setError(null);
    const result =
      ask.kind === 'revoke'
        ? await call('agreements.revoke', { agreementId: agreement.id })
        : await call('agreements.refundCharge', { chargeId: ask.charge.id });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    if ('revokedAt' in result.value) setOutcome(t('agreements.action.revoked'));
    else {
      const refundStatus = result.value.refundStatus;
      const status = t(`agreements.refundStatus.${refundStatus}`, { defaultValue: refundStatus });
      const amount = formatMoney(result.value.refundedCents, locale);
      setOutcome(t('agreements.action.refundAsked', { amount, status }));
    }
    onAsk(null);
    onDone();
  };
  const choose = (next: Ask | null) => {
    setOutcome(null);
    setError(null);
    onAsk(next);
  };
  return (
    <div className="agreement-actions">
      {outcome && (
        <p className="notice" role="status">
          {outcome}
        </p>
      )}
      {error && <ErrorAlert error={error} />}
      {ask ? (
        <div ref={panel} className="confirm-panel" role="group" aria-label={t('agreements.action.confirm')}>
          <p>{question(t, agreement, ask, locale)}</p>
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() => void confirm()}
          >
            {t(ask.kind === 'revoke' ? 'agreements.action.revokeYes' : 'agreements.action.refundYes')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => choose(null)}>
            {t('agreements.action.keep')}
          </button>
        </div>
      ) : (
        revocable(agreement) && (
          <button type="button" className="button" onClick={() => choose({ kind: 'revoke' })}>
            {t('agreements.action.revoke')}
          </button>
        )
      )}
    </div>
  );
}

function question(
  t: ReturnType<typeof useTranslation>['t'],
  agreement: AgreementDetailView,
  ask: Ask,
  locale: ReturnType<typeof useLocale>,
): string {
  const name = agreement.consumerName;
  if (ask.kind === 'revoke') return t('agreements.action.revokeQuestion', { name });
  const amount = formatMoney(ask.charge.amountCents - ask.charge.refundedCents, locale);
  return t('agreements.action.refundQuestion', { amount, n: ask.charge.period + 1, name });
}
