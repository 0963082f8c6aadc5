import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, SettingsView } from '../../../../shared/contract';
import { LOCALES, type Locale } from '../../../../shared/domain/money';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useStation } from '../../components/station-context';

/**
 * The station's own language: the sign-in screen's, the customer display's default, and the one the
 * screens return to at sign-out. The header's buttons set a signed-in person's own language instead.
 */
export function StationLanguage({ settings }: { settings: SettingsView }) {
  const { t } = useTranslation();
  const { changeLocale } = useStation();
  const [error, setError] = useState<ContractError | null>(null);
  return (
    <section className="settings-section settings-form" aria-labelledby="station-language-title">
      <h2 id="station-language-title">{t('deviceSound.stationLanguage')}</h2>
      <label htmlFor="station-language">{t('deviceSound.stationLanguageLabel')}</label>
      <select
        id="station-language"
        value={settings.locale}
        onChange={(event) => void changeLocale(event.target.value as Locale, true).then(setError)}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale}>
            {t(`languages.${locale}`)}
          </option>
        ))}
      </select>
      {error && <ErrorAlert error={error} />}
    </section>
  );
}
