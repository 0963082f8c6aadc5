import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useStation } from '../../components/station-context';
import type { SessionView } from './staff-api';

/**
 * When another person signs in: what the screens read before (as nobody, or as someone with other
 * rights) is stale, so the settings are read again; and the person works in their own language.
 */
export function usePersonChange(view: SessionView | null): void {
  const { applySettings } = useStation();
  const { i18n } = useTranslation();
  // react-i18next hands out a new wrapper on each language change; the effect must not follow it.
  const i18nRef = useRef(i18n);
  useEffect(() => {
    i18nRef.current = i18n;
  });
  const staffId = view?.staff?.id ?? null;
  const locale = view?.staff?.locale ?? null;
  const answered = view !== null;
  // Undefined until the station first said who is here: that person keeps the station's language, as before.
  const seen = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    if (!answered || staffId === seen.current) return;
    const first = seen.current === undefined;
    seen.current = staffId;
    if (first || staffId === null || locale === null) return;
    let live = true;
    void (async () => {
      const settings = await call('settings.get', {});
      if (live && settings.ok) applySettings(settings.value);
      if (live && i18nRef.current.language !== locale) void i18nRef.current.changeLanguage(locale);
    })();
    return () => {
      live = false;
    };
  }, [answered, staffId, locale, applySettings]);
}
