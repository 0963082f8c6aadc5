import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { LOCALES, type Locale } from '../../../../shared/domain/money';
import { createI18n, useLocale } from '../../i18n';

/**
 * The customer display speaks its own language: it starts in the station's and follows it, until the
 * customer taps NL, FR or EN. That choice changes this screen only — never the till's language or the
 * station's setting — and lasts until the display is back to its welcome screen after a sale.
 */
export function DisplayLanguage({ idle, children }: { idle: boolean; children: ReactNode }) {
  const stationLocale = useLocale();
  const [own] = useState(() => createI18n(stationLocale));
  const [chosen, setChosen] = useState<Locale | null>(null);
  const [wasIdle, setWasIdle] = useState(idle);

  // The next customer hears the station's language, not the last one's.
  if (wasIdle !== idle) {
    setWasIdle(idle);
    if (idle) setChosen(null);
  }

  const shown = chosen ?? stationLocale;
  useEffect(() => {
    if (own.language !== shown) void own.changeLanguage(shown);
  }, [own, shown]);

  return (
    <I18nextProvider i18n={own}>
      <div className="customer-display" lang={shown}>
        <DisplayLanguageButtons own={own} shown={shown} onChoose={setChosen} />
        {children}
      </div>
    </I18nextProvider>
  );
}

function DisplayLanguageButtons(props: { own: I18n; shown: Locale; onChoose: (locale: Locale) => void }) {
  const { t } = useTranslation(undefined, { i18n: props.own });
  return (
    <div className="customer-languages" role="group" aria-label={t('app.language')}>
      {LOCALES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          title={t(`languages.${lng}`)}
          aria-pressed={lng === props.shown}
          onClick={() => props.onChoose(lng)}
        >
          {lng.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
