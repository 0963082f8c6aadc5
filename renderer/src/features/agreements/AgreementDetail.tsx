import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementChargeView, AgreementDetailView } from '../../../../shared/contract';
import { formatMoney, type Locale } from '../../../../shared/domain/money';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { AgreementActions, refundable, type Ask } from './AgreementActions';
import { chargesText, formatAt, periodText, statusText } from './agreement-text';
import { useAgreementDetail } from './use-agreements';

/** One agreement: what was sold to whom, the terms the consumer approved, and every charge. */
export function AgreementDetail({ agreementId, onBack }: { agreementId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const { shown, reload } = useAgreementDetail(agreementId);
  const [ask, setAsk] = useState<Ask | null>(null);
  return (
    <section className="reports-section agreement-detail">
      <button type="button" className="button" onClick={onBack}>
        {t('agreements.back')}
      </button>
      {shown.kind === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {shown.kind === 'error' && <ErrorAlert error={shown.error} />}
      {shown.kind === 'ok' && (
        <>
          <Facts agreement={shown.value} />
          <AgreementActions agreement={shown.value} ask={ask} onAsk={setAsk} onDone={reload} />
          <Charges
            charges={shown.value.charges}
            // An automatic top-up's money is on the wristband: it goes back with the wristband refunds.
            onRefund={
              shown.value.kind === 'auto_topup' ? undefined : (charge) => setAsk({ kind: 'refund', charge })
            }
          />
        </>
      )}
    </section>
  );
}

function Facts({ agreement }: { agreement: AgreementDetailView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const facts: Array<[string, string]> = [
    [t('agreements.detail.consumer'), agreement.consumerName],
    [t('agreements.detail.email'), agreement.consumerEmail ?? t('agreements.detail.noEmail')],
    [t('agreements.column.kind'), t(`agreements.kind.${agreement.kind}`)],
    [t('agreements.column.amount'), formatMoney(agreement.amountCents, locale)],
    [t('agreements.column.period'), periodText(t, agreement, locale)],
    [t('agreements.column.charges'), chargesText(t, agreement)],
    [t('agreements.column.status'), statusText(t, agreement)],
    [t('agreements.column.next'), formatAt(agreement.nextChargeAt, locale)],
    [
      t('agreements.detail.terms'),
      t('agreements.detail.termsAt', {
        version: agreement.termsVersion,
        at: formatAt(agreement.termsAcceptedAt, locale),
      }),
    ],
    [t('agreements.detail.ppro'), agreement.pproId ?? '—'],
    [t('agreements.column.created'), formatAt(agreement.createdAt, locale)],
  ];
  if (agreement.wristbandId) facts.push([t('agreements.detail.wristband'), agreement.wristbandId]);
  if (agreement.revokedAt !== null) {
    facts.push([t('agreements.detail.revokedAt'), formatAt(agreement.revokedAt, locale)]);
  }
  return (
    <>
      <h1 id="agreement-title">{agreement.description}</h1>
      <dl className="agreement-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function Charges(props: {
  charges: AgreementChargeView[];
  onRefund?: (charge: AgreementChargeView) => void;
}) {
  const { charges, onRefund } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const columns = [
    'number',
    'due',
    'status',
    'amount',
    'pproId',
    'attempts',
    'lastError',
    'refunded',
    'receipt',
  ];
  return (
    <>
      <h2 id="agreement-charges">{t('agreements.detail.charges')}</h2>
      {charges.length === 0 ? (
        <p className="muted">{t('agreements.detail.noCharges')}</p>
      ) : (
        <div className="table-scroll">
          <table className="agreement-table agreement-charges" aria-labelledby="agreement-charges">
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {t(`agreements.charge.${column}`)}
                  </th>
                ))}
                <th aria-hidden="true" />
              </tr>
            </thead>
            <tbody>
              {charges.map((charge) => (
                <ChargeRow key={charge.id} charge={charge} locale={locale} onRefund={onRefund} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

interface RowProps {
  charge: AgreementChargeView;
  locale: Locale;
  onRefund?: (charge: AgreementChargeView) => void;
}

function ChargeRow({ charge, locale, onRefund }: RowProps) {
  const { t } = useTranslation();
  const n = charge.period + 1;
  return (
    <tr data-status={charge.status}>
      <td>{charge.period === 0 ? t('agreements.charge.atTill', { n }) : n}</td>
      <td>{formatAt(charge.dueAt, locale)}</td>
      <td>{t(`agreements.chargeStatus.${charge.status}`)}</td>
      <td className="number">{formatMoney(charge.amountCents, locale)}</td>
      <td>
        <code>{charge.pproChargeId ?? '—'}</code>
      </td>
      <td className="number">{charge.attempts}</td>
      <td>
        {charge.lastError ?? '—'}
        {charge.nextAttemptAt !== null && (charge.status === 'due' || charge.status === 'sent') && (
          <div className="muted">
            {t('agreements.charge.nextTry', { at: formatAt(charge.nextAttemptAt, locale) })}
          </div>
        )}
      </td>
      <td className="number">{charge.refundedCents > 0 ? formatMoney(charge.refundedCents, locale) : '—'}</td>
      <td>{receiptText(t, charge, locale)}</td>
      <td>
        {onRefund && refundable(charge) && (
          <button type="button" className="button button-small" onClick={() => onRefund(charge)}>
            {t('agreements.action.refund')}
          </button>
        )}
      </td>
    </tr>
  );
}

function receiptText(t: ReturnType<typeof useTranslation>['t'], charge: AgreementChargeView, locale: Locale) {
  // Only money taken has a receipt to mail.
  if (charge.status !== 'captured' && charge.status !== 'refunded') return '—';
  if (charge.receiptMailedAt !== null) {
    return t('agreements.receipt.mailed', { at: formatAt(charge.receiptMailedAt, locale) });
  }
  if (charge.receiptMailError) return t('agreements.receipt.mailFailed', { error: charge.receiptMailError });
  return t('agreements.receipt.notMailed');
}
