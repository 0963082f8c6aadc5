import { useState } from 'react';
import type { ContractError, SettingsView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useStation } from '../../components/station-context';
import { draftProblem, type CredentialsDraft, type DraftProblem } from './settings-form';

export type Outcome =
  | { kind: 'works' }
  | { kind: 'error'; error: ContractError }
  | { kind: 'draft'; problem: DraftProblem }
  | null;

/** The go-live form's state and its two calls; the key is cleared once the station holds it. */
export function useCredentialsForm(initial: SettingsView) {
  const { applySettings } = useStation();
  const [draft, setDraft] = useState<CredentialsDraft>({
    environment: initial.environment ?? 'preprod',
    ppid: initial.ppid ?? '',
    apiKey: '',
  });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const edit = (patch: Partial<CredentialsDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const send = async (goLive: boolean) => {
    const problem = draftProblem(draft, goLive);
    if (problem) return setOutcome({ kind: 'draft', problem });
    setBusy(true);
    setOutcome(null);
    const base = { environment: draft.environment, ppid: draft.ppid.trim() };
    const apiKey = draft.apiKey.trim();
    try {
      if (!goLive) {
        // Without a new key the station tests the key it already holds.
        const result = await call('settings.testConnection', apiKey ? { ...base, apiKey } : base);
        return setOutcome(result.ok ? { kind: 'works' } : { kind: 'error', error: result.error });
      }
      const result = await call('settings.goLive', { ...base, apiKey });
      if (!result.ok) return setOutcome({ kind: 'error', error: result.error });
      edit({ apiKey: '' });
      applySettings(result.value);
    } finally {
      setBusy(false);
    }
  };

  return { draft, edit, outcome, busy, send };
}
