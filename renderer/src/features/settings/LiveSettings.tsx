import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, SettingsView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useStation } from '../../components/station-context';

/** What is configured, with only the last four characters of the key. */
export function LiveSettings({ settings }: { settings: SettingsView }) {
  const { t } = useTranslation();
  const { applySettings } = useStation();
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  const backToTraining = async () => {
    setBusy(true);
    setError(null);
    const result = await call('settings.useTraining', {});
    setBusy(false);
    if (result.ok) applySettings(result.value);
    else setError(result.error);
  };

  return (
    <section className="live-settings">
      <p>{t('settings.liveExplained')}</p>
      <dl className="settings-list">
        <dt>{t('settings.environment')}</dt>
        <dd data-testid="environment">
          {settings.environment ? t(`settings.environments.${settings.environment}`) : '—'}
        </dd>
        <dt>{t('settings.ppid')}</dt>
        <dd data-testid="ppid">{settings.ppid ?? '—'}</dd>
        <dt>{t('settings.apiKey')}</dt>
        <dd data-testid="api-key">{settings.apiKeyLast4 ? `…${settings.apiKeyLast4}` : '—'}</dd>
      </dl>
      <button type="button" className="button" disabled={busy} onClick={() => void backToTraining()}>
        {t('settings.backToTraining')}
      </button>
      {error && <ErrorAlert error={error} />}
    </section>
  );
}
