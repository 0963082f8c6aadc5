import type { Handlers } from '../api/dispatcher';
import type { ModeRuntime } from '../mode-runtime';
import { lastRestoreView } from './restore-record';
import type { RestoreService } from './restore-service';

export interface RestoreHandlerDeps {
  /** The running mode, or null when none is open (a refused start). */
  runtime: () => ModeRuntime | null;
  restore: RestoreService;
}

/** `backups.restore` and `restore.getLast`: restoring a backup and what its gap brought back. */
export function createRestoreHandlers(
  deps: RestoreHandlerDeps,
): Pick<Handlers, 'backups.restore' | 'restore.getLast'> {
  return {
    'backups.restore': ({ fileName }) => deps.restore.restore(fileName),
    'restore.getLast': () => {
      const runtime = deps.runtime();
      return runtime ? lastRestoreView(runtime.db) : null;
    },
  };
}
