import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerifyView, ContractError } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { intlLocale, useLocale } from '../../i18n';

/** *Verify the chain*: the station recomputes every hash and link, and this says what it found. */
export function AuditVerify() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<AuditVerifyView | null>(null);
  const [error, setError] = useState<ContractError | null>(null);

  async function verify() {
    if (busy) return;
    setBusy(true);
    setAnswer(null);
    setError(null);
    const result = await call('audit.verify', {});
    setBusy(false);
    if (result.ok) setAnswer(result.value);
    else setError(result.error);
  }

  const count = answer ? new Intl.NumberFormat(intlLocale(locale)).format(answer.checked) : '';
  return (
    <div className="audit-verify">
      <button type="button" className="button" disabled={busy} onClick={() => void verify()}>
        {busy ? t('audit.verifying') : t('audit.verify')}
      </button>
      {answer?.ok && (
        <p className="ok" role="status" data-testid="chain-answer">
          {t('audit.chainIntact', { number: count })}
        </p>
      )}
      {answer && !answer.ok && (
        <p className="alert" role="alert" data-testid="chain-answer">
          {t('audit.chainBroken', {
            seq: answer.firstBrokenSeq ?? '?',
            reason: t(`audit.brokenReason.${answer.reason ?? 'changed'}`),
          })}
        </p>
      )}
      {error && <ErrorAlert error={error} />}
    </div>
  );
}
