import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, PproSettingsView, PproTestView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

interface PproForm {
  baseUrl: string;
  merchantId: string;
  /** In euro as typed; empty: not told. */
  maximum: string;
  apiKey: string;
  termsVersion: string;
}

const formOf = (view: PproSettingsView | null): PproForm => ({
  baseUrl: view?.baseUrl ?? '',
  merchantId: view?.merchantId ?? '',
  maximum: view?.maxChargeCents ? (view.maxChargeCents / 100).toFixed(2) : '',
  apiKey: '',
  termsVersion: view?.termsVersion ?? '',
});

/** The typed form as the contract takes it; an empty key keeps the stored one. */
function inputOf(form: PproForm) {
  const euros = Number(form.maximum.replace(',', '.'));
  return {
    baseUrl: form.baseUrl.trim(),
    merchantId: form.merchantId.trim(),
    maxChargeCents: form.maximum.trim() === '' || !Number.isFinite(euros) ? null : Math.round(euros * 100),
    ...(form.apiKey === '' ? {} : { apiKey: form.apiKey }),
  };
}

/**
 * Settings → Recurring Bancontact (PPRO), administrators: the merchant's PPRO account live agreements go
 * through, the terms consumers approve, and a connection test. The key is typed, never shown.
 */
export function PproSection() {
  const { t } = useTranslation();
  const [view, setView] = useState<PproSettingsView | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  useEffect(() => {
    void call('ppro.getSettings', {}).then((result) =>
      result.ok ? setView(result.value) : setError(result.error),
    );
  }, []);
  if (!view && error?.code === 'FORBIDDEN') return null;
  return (
    <section className="settings-section" aria-labelledby="ppro-title" data-testid="ppro-settings">
      <h2 id="ppro-title">{t('pproSettings.title')}</h2>
      <p className="muted">{t('pproSettings.explained')}</p>
      {view && !view.configured && <p className="alert">{t('pproSettings.notConfigured')}</p>}
      {error && <ErrorAlert error={error} />}
      <PproFormFields key={JSON.stringify(view)} view={view} onSaved={setView} onError={setError} />
    </section>
  );
}

function PproFormFields(props: {
  view: PproSettingsView | null;
  onSaved: (view: PproSettingsView) => void;
  onError: (error: ContractError | null) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<PproForm>(() => formOf(props.view));
  const [busy, setBusy] = useState(false);
  const [test, setTest] = useState<PproTestView | null>(null);
  const set = (patch: Partial<PproForm>) => setForm((current) => ({ ...current, ...patch }));
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const termsVersion = form.termsVersion.trim() === '' ? null : form.termsVersion.trim();
    const result = await call('ppro.saveSettings', { ...inputOf(form), termsVersion });
    setBusy(false);
    props.onError(result.ok ? null : result.error);
    if (result.ok) props.onSaved(result.value);
  };
  const tryIt = async () => {
    setBusy(true);
    const result = await call('ppro.testConnection', inputOf(form));
    setBusy(false);
    props.onError(result.ok ? null : result.error);
    setTest(result.ok ? result.value : null);
  };
  const field = (key: keyof PproForm, type = 'text') => (
    <>
      <label htmlFor={`ppro-${key}`}>{t(`pproSettings.${key}`)}</label>
      <input
        id={`ppro-${key}`}
        type={type}
        value={form[key]}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </>
  );
  return (
    <form className="settings-form" onSubmit={(event) => void save(event)} noValidate>
      {field('baseUrl', 'url')}
      {field('merchantId')}
      {field('apiKey', 'password')}
      <p className="muted">{t(props.view?.hasApiKey ? 'pproSettings.keyStored' : 'pproSettings.noKey')}</p>
      {field('maximum')}
      {field('termsVersion')}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('pproSettings.save')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void tryIt()}>
          {t('pproSettings.test')}
        </button>
      </div>
      {test && (
        <p className={test.ok ? 'ok' : 'alert'} role="status">
          {t(`pproSettings.tested.${test.ok ? 'ok' : (test.problem ?? 'unexpected')}`)}
        </p>
      )}
    </form>
  );
}
