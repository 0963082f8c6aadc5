import { useCallback, useEffect, useState } from 'react';
import type { ContractError, MethodInput, SalesSetupView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';

export type SetupChange = MethodInput<'settings.setSalesSetup'>;
export type SaveOutcome = { kind: 'saved' } | { kind: 'error'; error: ContractError } | null;

/**
 * The sales setup as the station holds it, read again when the settings change (another station of
 * the site, another screen) or after a reconnect; `save` sends only the part one form changed.
 */
export function useSetup() {
  const [setup, setSetup] = useState<SalesSetupView | null>(null);
  const [loadError, setLoadError] = useState<ContractError | null>(null);
  const load = useCallback(() => {
    void call('settings.getSalesSetup', {}).then((result) => {
      if (result.ok) setSetup(result.value);
      else setLoadError(result.error);
    });
  }, []);
  useEffect(load, [load]);
  useStationEvents((event) => {
    if (event.name === 'settings.changed') load();
  }, load);
  const save = useCallback(async (change: SetupChange): Promise<SaveOutcome> => {
    const result = await call('settings.setSalesSetup', change);
    if (!result.ok) return { kind: 'error', error: result.error };
    setSetup(result.value);
    return { kind: 'saved' };
  }, []);
  return { setup, loadError, save };
}

/** One form's Save: busy while it runs, then what came of it. */
export function useSaving(save: (change: SetupChange) => Promise<SaveOutcome>) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>(null);
  const send = async (change: SetupChange): Promise<boolean> => {
    setBusy(true);
    setOutcome(null);
    const next = await save(change);
    setBusy(false);
    setOutcome(next);
    return next?.kind === 'saved';
  };
  return { busy, outcome, send, clear: () => setOutcome(null) };
}
