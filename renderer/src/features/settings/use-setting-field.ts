import { useState } from 'react';
import type { ContractError, Result, SettingsView } from '../../../../shared/contract';
import { useStation } from '../../components/station-context';

export type FieldOutcome =
  { kind: 'saved' } | { kind: 'error'; error: ContractError } | { kind: 'problem'; problem: string } | null;

interface Options {
  settings: SettingsView;
  /** The value the station holds in a view; null (or absent, from an older station) when off. */
  pick: (settings: SettingsView) => string | null | undefined;
  /** The form's own check, run before any call; a translation key under settings. */
  problemOf: (text: string) => string | null;
  /** Sends the trimmed value, or null to remove the setting. */
  send: (value: string | null) => Promise<Result<SettingsView>>;
}

/** One optional setting edited in place: Save checks then sends, Remove sends null. */
export function useSettingField({ settings, pick, problemOf, send }: Options) {
  const { applySettings } = useStation();
  const stored = pick(settings) ?? null;
  const [draft, setDraft] = useState(stored ?? '');
  const [seen, setSeen] = useState(stored);
  const [outcome, setOutcome] = useState<FieldOutcome>(null);
  const [busy, setBusy] = useState(false);

  // The station changed it (another window, an event): show what it holds now.
  if (stored !== seen) {
    setSeen(stored);
    setDraft(stored ?? '');
  }

  const apply = async (value: string | null) => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await send(value);
      if (!result.ok) return setOutcome({ kind: 'error', error: result.error });
      // The station may normalise what it stores (a trailing slash goes): show its version.
      const now = pick(result.value) ?? null;
      setSeen(now);
      setDraft(now ?? '');
      applySettings(result.value);
      setOutcome({ kind: 'saved' });
    } finally {
      setBusy(false);
    }
  };

  const save = () => {
    const problem = problemOf(draft);
    if (problem) return setOutcome({ kind: 'problem', problem });
    void apply(draft.trim());
  };
  const remove = () => void apply(null);

  return { draft, setDraft, outcome, busy, save, remove };
}
