import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../shared/domain/money';
import { en } from './locales/en';
import { fr } from './locales/fr';
import { nl } from './locales/nl';

export const catalogues = { en, nl, fr } as const;

const INTL_LOCALE: Record<Locale, string> = { en: 'en-BE', nl: 'nl-BE', fr: 'fr-BE' };

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** Resources are bundled, so initialisation is synchronous and the first render is already translated. */
export function createI18n(locale: Locale = 'en'): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: {
      en: { translation: en },
      nl: { translation: nl },
      fr: { translation: fr },
    },
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    initAsync: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return instance;
}

export function intlLocale(locale: Locale): string {
  return INTL_LOCALE[locale];
}

/** The UI language as a contract Locale, for formatMoney and Intl. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : 'en';
}

/** Keeps <html lang> right for screen readers and hyphenation. */
export function followLanguage(instance: I18n): () => void {
  const apply = (lng: string) => {
    document.documentElement.lang = lng;
  };
  apply(instance.language);
  instance.on('languageChanged', apply);
  return () => instance.off('languageChanged', apply);
}
