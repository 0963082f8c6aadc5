import { useCallback, useEffect, useState } from 'react';
import type { ContractError, Result } from '../../../../shared/contract';
import { useSession } from './session-context';
import type { StaffView } from './staff-api';
import { call } from '../../api/client';

export interface StaffList {
  people: StaffView[] | null;
  error: ContractError | null;
  busy: boolean;
  /** Runs one staff call, then reads the list again; answers the error, if any, for the form to show. */
  run(action: () => Promise<Result<unknown>>): Promise<ContractError | null>;
}

/** The Staff screen's list, read again after each change this screen makes. */
export function useStaffList(): StaffList {
  const [people, setPeople] = useState<StaffView[] | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const session = useSession();

  const load = useCallback(
    () =>
      call('staff.list', {}).then((result) => {
        if (result.ok) setPeople(result.value);
        setError(result.ok ? null : result.error);
      }),
    [],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const run = useCallback(
    async (action: () => Promise<Result<unknown>>) => {
      setBusy(true);
      try {
        const result = await action();
        // The sign-in tiles and the header's Switch list the same people: keep them current too.
        await Promise.all([load(), session?.refresh()]);
        return result.ok ? null : result.error;
      } finally {
        setBusy(false);
      }
    },
    [load, session],
  );

  return { people, error, busy, run };
}
