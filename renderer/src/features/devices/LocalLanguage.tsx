import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n';

/**
 * NL / FR / EN for a page seen before this device is linked (or after it was unlinked): it changes
 * this page only, since nobody is signed in here to change the station's language for.
 */
export function LocalLanguage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  return (
    <div className="language-switch local-language" role="group" aria-label={t('app.language')}>
      {LOCALES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          title={t(`languages.${lng}`)}
          aria-pressed={lng === locale}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {lng.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
