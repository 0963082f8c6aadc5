import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { Locale } from '../../../../shared/domain/money';
import { passwordProblems } from '../../../../shared/domain/roles';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { LocaleField, NameField } from './PersonFields';
import { GateFrame } from './GateFrame';
import { PasswordRules } from './PasswordRules';
import type { SessionView } from './staff-api';
import { call } from '../../api/client';

/** A live station without an administrator: nothing else is offered until one exists. */
export function FirstAdministratorScreen({ onCreated }: { onCreated: (view: SessionView) => void }) {
  const { t } = useTranslation();
  const uiLocale = useLocale();
  const [name, setName] = useState('');
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const mismatch = repeat.length > 0 && repeat !== password;
  const ready =
    name.trim().length > 0 && passwordProblems(password).length === 0 && repeat === password && !busy;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    const result = await call('session.createFirstAdministrator', {
      name: name.trim(),
      locale,
      password,
    });
    setBusy(false);
    if (result.ok) return onCreated(result.value);
    setError(result.error);
  };

  return (
    <GateFrame title={t('firstAdmin.title')} intro={t('firstAdmin.intro')}>
      <form className="settings-form staff-form" onSubmit={(event) => void submit(event)}>
        <NameField id="first-admin-name" label={t('firstAdmin.name')} value={name} onValue={setName} />
        <LocaleField
          id="first-admin-locale"
          label={t('firstAdmin.language')}
          value={locale}
          onValue={setLocale}
        />
        <label htmlFor="first-admin-password">{t('firstAdmin.password')}</label>
        <input
          id="first-admin-password"
          type="password"
          autoComplete="new-password"
          aria-describedby="first-admin-rules"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <PasswordRules id="first-admin-rules" password={password} />
        <label htmlFor="first-admin-repeat">{t('firstAdmin.repeat')}</label>
        <input
          id="first-admin-repeat"
          type="password"
          autoComplete="new-password"
          aria-invalid={mismatch || undefined}
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
        {mismatch && <p className="field-problem">{t('firstAdmin.mismatch')}</p>}
        {error && <ErrorAlert error={error} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={!ready}>
            {t('firstAdmin.create')}
          </button>
        </div>
      </form>
    </GateFrame>
  );
}
