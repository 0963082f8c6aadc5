import type { RestoreView } from '../../../shared/contract/restore-methods';
import type { Handlers } from '../api/dispatcher';
import type { RestoreService } from './restore-service';

export interface RestoreHandlerDeps {
  /** The running mode's last restore and what its gap brought back; null when none, or no mode runs. */
  lastRestore: () => Promise<RestoreView | null>;
  restore: RestoreService;
}

/** `backups.restore` and `restore.getLast`: restoring a backup and what its gap brought back. */
export function createRestoreHandlers(
  deps: RestoreHandlerDeps,
): Pick<Handlers, 'backups.restore' | 'restore.getLast'> {
  return {
    'backups.restore': ({ fileName }) => deps.restore.restore(fileName),
    'restore.getLast': () => deps.lastRestore(),
  };
}
