import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Environment, SettingsView } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCredentialsForm, type Outcome } from './use-credentials-form';

const ENVIRONMENTS: readonly Environment[] = ['preprod', 'production'];

/** Credentials for going live. The API key is write-only: it goes to the station and is never shown. */
export function GoLiveForm({ initial }: { initial: SettingsView }) {
  const { t } = useTranslation();
  const { draft, edit, outcome, busy, send, goLiveBlock } = useCredentialsForm(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(true);
  };

  return (
    <form className="settings-form" onSubmit={submit} noValidate>
      <h2>{t('settings.goLiveTitle')}</h2>
      <p className="muted">{t('settings.trainingExplained')}</p>
      <label htmlFor="environment">{t('settings.environment')}</label>
      <select
        id="environment"
        value={draft.environment}
        onChange={(e) => edit({ environment: e.target.value === 'production' ? 'production' : 'preprod' })}
      >
        {ENVIRONMENTS.map((env) => (
          <option key={env} value={env}>
            {t(`settings.environments.${env}`)}
          </option>
        ))}
      </select>
      <label htmlFor="ppid">{t('settings.ppid')}</label>
      <input
        id="ppid"
        autoComplete="off"
        value={draft.ppid}
        onChange={(e) => edit({ ppid: e.target.value })}
      />
      <label htmlFor="api-key">{t('settings.apiKey')}</label>
      <input
        id="api-key"
        type="password"
        autoComplete="new-password"
        value={draft.apiKey}
        aria-invalid={goLiveBlock === 'malformedApiKey'}
        aria-describedby={goLiveBlock ? 'go-live-block' : undefined}
        onChange={(e) => edit({ apiKey: e.target.value })}
      />
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void send(false)}>
          {t('settings.test')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy || goLiveBlock !== null}>
          {t('settings.goLive')}
        </button>
      </div>
      {goLiveBlock && (
        <p
          id="go-live-block"
          className={goLiveBlock === 'malformedApiKey' ? 'alert' : 'field-hint muted'}
          role={goLiveBlock === 'malformedApiKey' ? 'alert' : undefined}
          data-testid="go-live-block"
        >
          {t(`settings.${goLiveBlock}`)}
        </p>
      )}
      <OutcomeMessage outcome={outcome} />
    </form>
  );
}

function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  if (outcome.kind === 'error') return <ErrorAlert error={outcome.error} />;
  if (outcome.kind === 'works') {
    return (
      <p className="ok" role="status">
        {t('settings.works')}
      </p>
    );
  }
  return (
    <p className="alert" role="alert">
      {t(`settings.${outcome.problem}`)}
    </p>
  );
}
