import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, RefundSigningKeyView, SettingsView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { downloadHref } from '../../api/downloads';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The current profile's refund signing key; asked again when the public URL (part of its JWKS URL) changes. */
function useRefundKey(publicUrl: string | null) {
  const [key, setKey] = useState<RefundSigningKeyView | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const answer = (result: Awaited<ReturnType<typeof call<'settings.getRefundSigningKey'>>>) => {
    if (result.ok) setKey(result.value);
    setError(result.ok ? null : result.error);
    return result.ok;
  };
  useEffect(() => {
    void call('settings.getRefundSigningKey', {}).then(answer);
  }, [publicUrl]);
  const rotate = useCallback(async () => {
    setBusy(true);
    const done = answer(await call('settings.rotateRefundSigningKey', { confirm: true }));
    setBusy(false);
    return done;
  }, []);
  return { key, error, busy, rotate };
}

/**
 * Bancontact's Refund API only takes requests signed with the merchant's own key, whose public half
 * (a JWKS) the merchant hands over once: as a file, or as the URL where this station publishes it.
 */
export function RefundsSection({ settings }: { settings: SettingsView }) {
  const { t } = useTranslation();
  const { key, error, busy, rotate } = useRefundKey(settings.publicUrl ?? null);
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="settings-section" aria-labelledby="refunds-title" data-testid="refund-keys">
      <h2 id="refunds-title">{t('refundKeys.title')}</h2>
      <p className="muted">{t('refundKeys.explained')}</p>
      {key && <KeyFacts refundKey={key} />}
      {key && confirming && (
        <div className="confirm" role="group" aria-labelledby="refund-rotate-question">
          <p id="refund-rotate-question">
            <strong>{t('refundKeys.rotateQuestion')}</strong>
          </p>
          <p>{t('refundKeys.rotateExplained')}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => void rotate().then((done) => done && setConfirming(false))}
            >
              {t('refundKeys.rotateYes')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('refundKeys.rotateNo')}
            </button>
          </div>
        </div>
      )}
      {key && !confirming && (
        <div className="form-actions">
          <a className="button button-primary" href={downloadHref(`${key.jwksPath}?download`)} download>
            {t('refundKeys.download')}
          </a>
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            {t('refundKeys.rotate')}
          </button>
        </div>
      )}
      {error && <ErrorAlert error={error} />}
    </section>
  );
}

function KeyFacts({ refundKey }: { refundKey: RefundSigningKeyView }) {
  const { t } = useTranslation();
  return (
    <dl className="refund-key-facts">
      <dt>{t('refundKeys.profile')}</dt>
      <dd>
        <code>{refundKey.ppid}</code>
      </dd>
      <dt>{t('refundKeys.keyId')}</dt>
      <dd>
        <code data-testid="refund-key-id">{refundKey.kid}</code>
        {refundKey.retiredKids.length > 0 && (
          <span className="muted">
            {' '}
            {t('refundKeys.oldKeysKept', { count: refundKey.retiredKids.length })}
          </span>
        )}
      </dd>
      <dt>{t('refundKeys.jwksUrl')}</dt>
      <dd>
        {refundKey.jwksUrl ? (
          <code className="callback-url" data-testid="refund-jwks-url">
            {refundKey.jwksUrl}
          </code>
        ) : (
          <span className="muted">{t('refundKeys.noPublicUrl')}</span>
        )}
      </dd>
    </dl>
  );
}
