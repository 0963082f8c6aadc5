import { useState } from 'react';
import type { ContractError, SettingsView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useStation } from '../../components/station-context';
import { apiKeyProblem, draftProblem, type CredentialsDraft, type DraftProblem } from './settings-form';

export type Outcome =
  | { kind: 'works' }
  | { kind: 'error'; error: ContractError }
  | { kind: 'draft'; problem: DraftProblem }
  | null;

/** Why *Use these credentials* cannot be pressed yet, or null when it can. */
export type GoLiveBlock = 'malformedApiKey' | 'goLiveNeedsKey' | 'goLiveNeedsTest' | null;

/** The values as they are sent: what a passed test is compared against. */
function sent(draft: CredentialsDraft): CredentialsDraft {
  return { environment: draft.environment, ppid: draft.ppid.trim(), apiKey: draft.apiKey.trim() };
}

function sameCredentials(a: CredentialsDraft | null, b: CredentialsDraft): boolean {
  return a !== null && a.environment === b.environment && a.ppid === b.ppid && a.apiKey === b.apiKey;
}

/**
 * The go-live form's state and its two calls; the key is cleared once the station holds it. Going
 * live is offered only once *Test connection* passed for exactly the values on screen: the station
 * refuses anything else (CONNECTION_NOT_TESTED), and the form says so before the button is pressed.
 */
export function useCredentialsForm(initial: SettingsView) {
  const { applySettings } = useStation();
  const [draft, setDraft] = useState<CredentialsDraft>({
    environment: initial.environment ?? 'preprod',
    ppid: initial.ppid ?? '',
    apiKey: '',
  });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [passed, setPassed] = useState<CredentialsDraft | null>(null);
  const edit = (patch: Partial<CredentialsDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    // A result speaks of the values it was given: once they change, it no longer applies.
    setOutcome(null);
  };
  const values = sent(draft);
  const goLiveBlock: GoLiveBlock =
    apiKeyProblem(draft.apiKey) ??
    (values.apiKey === '' ? 'goLiveNeedsKey' : sameCredentials(passed, values) ? null : 'goLiveNeedsTest');

  const test = async () => {
    // Without a new key the station tests the key it already holds.
    const { apiKey, ...base } = values;
    const result = await call('settings.testConnection', apiKey ? values : base);
    setPassed(result.ok ? values : null);
    setOutcome(result.ok ? { kind: 'works' } : { kind: 'error', error: result.error });
  };
  const goLive = async () => {
    const result = await call('settings.goLive', values);
    if (!result.ok) {
      // The test has expired (or the station restarted): the button waits for a new one.
      if (result.error.code === 'CONNECTION_NOT_TESTED') setPassed(null);
      return setOutcome({ kind: 'error', error: result.error });
    }
    edit({ apiKey: '' });
    setPassed(null);
    applySettings(result.value);
  };
  const send = async (live: boolean) => {
    const problem = draftProblem(draft, live);
    // A malformed key is already flagged beside the buttons; saying it twice adds nothing.
    if (problem) return setOutcome(problem === 'malformedApiKey' ? null : { kind: 'draft', problem });
    if (live && goLiveBlock) return;
    setBusy(true);
    setOutcome(null);
    try {
      await (live ? goLive() : test());
    } finally {
      setBusy(false);
    }
  };

  return { draft, edit, outcome, busy, send, goLiveBlock };
}
