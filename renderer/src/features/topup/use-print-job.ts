import { useCallback, useState } from 'react';
import type { ContractError, PrintJobView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';

/** The print job on screen, kept current from `jobs.progressed` events (and re-read after a reconnect). */
export function usePrintJob() {
  const [job, setJob] = useState<PrintJobView | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  useStationEvents(
    (event) => {
      if (event.name !== 'jobs.progressed') return;
      const next = event.payload;
      setJob((current) => (current && current.jobId === next.jobId ? next : current));
    },
    () => {
      if (!job) return;
      void call('jobs.get', { jobId: job.jobId }).then((result) => result.ok && setJob(result.value));
    },
  );
  const cancel = useCallback(async () => {
    if (!job) return;
    const result = await call('jobs.cancel', { jobId: job.jobId });
    if (result.ok) setJob(result.value);
    else setError(result.error);
  }, [job]);
  return { job, setJob, error, setError, cancel };
}
