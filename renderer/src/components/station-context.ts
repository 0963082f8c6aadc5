import { createContext, useContext } from 'react';
import type { ContractError, Mode, SettingsView } from '../../../shared/contract';
import type { Locale } from '../../../shared/domain/money';

export interface StationState {
  /** Null until the station answered, or when only station.getStatus could be read. */
  settings: SettingsView | null;
  mode: Mode | null;
  loadError: ContractError | null;
  /** Takes a fresh view from a settings call, so screens need not wait for the event. */
  applySettings(settings: SettingsView): void;
  /** Switches this screen's language; `store` also makes it the station's language (administrators only). */
  changeLocale(locale: Locale, store?: boolean): Promise<ContractError | null>;
  /** The signed-in person's own language, shown instead of the station's while set; null: the station's. */
  followPerson(locale: Locale | null): void;
}

export const StationContext = createContext<StationState | null>(null);

export function useStation(): StationState {
  const state = useContext(StationContext);
  if (!state) throw new Error('useStation outside <StationProvider>');
  return state;
}
