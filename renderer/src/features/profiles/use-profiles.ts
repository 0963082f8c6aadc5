import { useCallback, useEffect, useState } from 'react';
import type { ContractError, MethodName, PaymentProfileView, Result } from '../../../../shared/contract';
import { call } from '../../api/client';

type ListMethod = Extract<
  MethodName,
  | 'profiles.add'
  | 'profiles.update'
  | 'profiles.setApiKey'
  | 'profiles.remove'
  | 'profiles.goLive'
  | 'profiles.verifyIban'
>;

/**
 * The shops' payment profiles as the station answers them: every change answers the whole list,
 * which replaces the one shown; a refusal is kept to be shown, translated, by the screen.
 */
export function useProfiles() {
  const [profiles, setProfiles] = useState<PaymentProfileView[] | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let current = true;
    void call('profiles.list', {}).then((result) => {
      if (!current) return;
      if (result.ok) setProfiles(result.value);
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, []);
  const answer = useCallback(<T>(result: Result<T>): T | null => {
    setBusy(false);
    setError(result.ok ? null : result.error);
    return result.ok ? result.value : null;
  }, []);
  /** Runs a change; true when the station took it. */
  const change = useCallback(
    async (method: ListMethod, input: unknown): Promise<boolean> => {
      setBusy(true);
      const list = answer(await call(method, input as never));
      if (list) setProfiles(list as PaymentProfileView[]);
      return list !== null;
    },
    [answer],
  );
  const test = useCallback(
    async (input: { profileId: string; environment: 'preprod' | 'production' }): Promise<boolean> => {
      setBusy(true);
      return answer(await call('profiles.testConnection', input)) !== null;
    },
    [answer],
  );
  return { profiles, error, busy, change, test, clearError: () => setError(null) };
}

export type Profiles = ReturnType<typeof useProfiles>;
