import { useCallback, useEffect, useState } from 'react';
import type { ContractError } from '../../../../shared/contract';
import type { BackupStatusView, BackupView } from '../../../../shared/contract/backup-methods';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';

/** How the backups stand: read once, then kept current by `backups.changed` (and re-read after a reconnect). */
export function useBackupStatus() {
  const [status, setStatus] = useState<BackupStatusView | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const reload = useCallback(() => {
    void call('backups.getStatus', {}).then((result) => {
      if (result.ok) setStatus(result.value);
      setError(result.ok ? null : result.error);
    });
  }, []);
  useEffect(reload, [reload]);
  useStationEvents((event) => {
    if (event.name === 'backups.changed') setStatus(event.payload);
    if (event.name === 'settings.changed') reload();
  }, reload);
  return { status, setStatus, error, reload };
}

const SHOWN = 10;

/** The newest backups in the folder; read again whenever a backup has ended or the folder changed. */
export function useRecentBackups(status: BackupStatusView | null) {
  const [backups, setBackups] = useState<BackupView[] | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const key = status
    ? `${status.folder}|${status.lastBackup?.fileName ?? ''}|${String(status.running)}`
    : null;
  useEffect(() => {
    if (key === null) return;
    let live = true;
    void call('backups.list', { limit: SHOWN }).then((result) => {
      if (!live) return;
      setBackups(result.ok ? result.value : null);
      setError(result.ok ? null : result.error);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return { backups, error };
}
