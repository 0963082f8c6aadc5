import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, Mode, SettingsView, StationStatus } from '../../../shared/contract';
import type { Locale } from '../../../shared/domain/money';
import { call } from '../api/client';
import { useStationEvents } from '../api/use-station-events';
import { StationContext, type StationState } from './station-context';
import { learnShellUrl } from '../api/downloads';

/** Loads mode and language once, then follows settings.changed and re-reads after a reconnect. */
export function StationProvider({ children }: { children: ReactNode }) {
  // react-i18next hands out a new wrapper on each language change; keep callbacks (and so the
  // initial load) from depending on it, or every switch would re-read the station.
  const { i18n } = useTranslation();
  const i18nRef = useRef(i18n);
  useEffect(() => {
    i18nRef.current = i18n;
  });
  const switchTo = useCallback((locale: Locale) => {
    if (i18nRef.current.language !== locale) void i18nRef.current.changeLanguage(locale);
  }, []);
  // The signed-in person's own language wins over the station's; signing out goes back to the station's.
  const stationLocale = useRef<Locale | null>(null);
  const personLocale = useRef<Locale | null>(null);
  const switchLanguage = useCallback(
    (locale: Locale) => {
      stationLocale.current = locale;
      switchTo(personLocale.current ?? locale);
    },
    [switchTo],
  );
  const followPerson = useCallback(
    (locale: Locale | null) => {
      personLocale.current = locale;
      const shown = locale ?? stationLocale.current;
      if (shown) switchTo(shown);
    },
    [switchTo],
  );
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [mode, setMode] = useState<Mode | null>(null);
  const [loadError, setLoadError] = useState<ContractError | null>(null);

  const applySettings = useCallback(
    (next: SettingsView) => {
      setSettings(next);
      setMode(next.mode);
      setLoadError(null);
      switchLanguage(next.locale);
    },
    [switchLanguage],
  );

  const applyLoaded = useCallback(
    (loaded: Loaded) => {
      if ('settings' in loaded) return applySettings(loaded.settings);
      if ('error' in loaded) return setLoadError(loaded.error);
      setMode(loaded.status.mode);
      setLoadError(null);
      switchLanguage(loaded.status.locale);
    },
    [applySettings, switchLanguage],
  );

  useEffect(() => {
    void readStation().then(applyLoaded);
    void learnShellUrl();
  }, [applyLoaded]);

  useStationEvents(
    (event) => {
      if (event.name === 'settings.changed') applySettings(event.payload.settings);
    },
    () => void readStation().then(applyLoaded),
  );

  const changeLocale = useCallback(
    async (locale: Locale, store = true) => {
      // Switch at once: the cashier should not wait for the station to see the new language.
      if (!store) {
        switchTo(locale);
        return null;
      }
      switchLanguage(locale);
      const result = await call('settings.setLocale', { locale });
      if (!result.ok) return result.error;
      applySettings(result.value);
      return null;
    },
    [applySettings, switchLanguage, switchTo],
  );

  const value = useMemo<StationState>(
    () => ({ settings, mode, loadError, applySettings, changeLocale, followPerson }),
    [settings, mode, loadError, applySettings, changeLocale, followPerson],
  );
  return <StationContext.Provider value={value}>{children}</StationContext.Provider>;
}

type Loaded = { settings: SettingsView } | { status: StationStatus } | { error: ContractError };

async function readStation(): Promise<Loaded> {
  const result = await call('settings.get', {});
  if (result.ok) return { settings: result.value };
  // A device without the right to read settings can still learn the mode and language.
  const status = await call('station.getStatus', {});
  return status.ok ? { status: status.value } : { error: result.error };
}
