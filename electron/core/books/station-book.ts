import { ContractFailure, StartRefusal, type StationStatus } from '../../../shared/contract';
import type { NewBookView } from '../../../shared/contract/station-methods';
import type { Handlers } from '../api/dispatcher';
import type { Db } from '../db/open-database';
import type { Logger } from '../logging/logger';
import type { StoredSettings } from '../settings/settings-file';
import { startNewBook } from './new-book';
import { checkStartFiles, checkWritableFolder, RefusedState, type StartFileReaders } from './refused-state';

/** What the station lends its book keeping: the mode's runtime is driven through these. */
export interface StationBookDeps {
  dataDir: string;
  logger: Logger;
  now: () => number;
  readers: StartFileReaders;
  version: string;
  httpUrl: () => string | null;
  /** The fingerprint of the certificate linked devices are served with, or null. */
  tlsFingerprint: () => string | null;
  /** Opens the mode the settings name; throws a StartRefusal when its database fails the checks. */
  openMode: (stored: StoredSettings) => Promise<void>;
  closeMode: () => Promise<void>;
  isRunning: () => boolean;
  /** The running mode, for the status. */
  running: () => Pick<StationStatus, 'mode' | 'environment'>;
  /** The data folder while its disk is full, else null. */
  diskFull: () => string | null;
  assertNoOpenPayment: () => Promise<void>;
  /** Opens (creates, migrates) a database file, for the new book. */
  openDatabase: (file: string) => Db;
  /** Runs once the folder is known to be writable, before the files are checked (modes, the station lock). */
  prepareFolder: () => void;
  /** Once per station, the first time a mode is running (a start, or a remedy after a refused one). */
  onRunning: () => void;
  /** The refusal began, ended or changed (the screens follow it: `station.changed`). */
  onStatusChanged: (status: StationStatus) => void;
}

export type StationBookHandlers = Pick<Handlers, 'station.getStatus' | 'station.startNewBook'>;

/**
 * The station's start and its refused state: checks the files in order, holds a refusal instead of
 * throwing it, answers the status with it, and offers the new-book remedy.
 */
export function createStationBook(deps: StationBookDeps) {
  const refused = new RefusedState(deps.isRunning);
  let hasRun = false;
  let beforeChecks: () => Promise<void> = () => Promise.resolve();
  /** Every way the mode opens goes through here: the refusal is held, and a change of it is told. */
  const attempt = async (run: () => Promise<void>) => {
    const before = refused.current()?.line ?? null;
    const refusal = await refused.attempt(run);
    if (!hasRun && deps.isRunning()) {
      hasRun = true;
      deps.onRunning();
    }
    if ((refused.current()?.line ?? null) !== before) deps.onStatusChanged(statusOf(deps, refused));
    return refusal;
  };
  const openChecked = async (): Promise<void> => {
    await beforeChecks();
    await deps.openMode(checkStartFiles(deps.dataDir, deps.readers));
  };
  return {
    refused,
    /**
     * A step run at every checked start before the files are read (a site's shared settings open
     * there); a StartRefusal it throws is held like the files' own.
     */
    beforeChecks(step: () => Promise<void>): void {
      beforeChecks = step;
    },
    /** The files in order, then the mode; a refusal is held (`refused.current()`), never thrown. */
    async start(): Promise<void> {
      await attempt(async () => {
        checkWritableFolder(deps.dataDir);
        deps.prepareFolder();
        await openChecked();
      });
    },
    /** A settings change that reopens the mode: a refusal is held, and answered to that call too. */
    async switchMode(next: StoredSettings) {
      const refusal = await attempt(() => deps.openMode(next));
      if (refusal) throw new StartRefusal(refusal);
    },
    handlers: handlers(deps, refused, async () => void (await attempt(openChecked))),
    /** Tells every screen the status again (a full disk began or ended). */
    announce: () => {
      // Before the mode is open there is no status to tell yet; the first read will carry it.
      if (deps.isRunning() || refused.current()) deps.onStatusChanged(statusOf(deps, refused));
    },
  };
}

function handlers(
  deps: StationBookDeps,
  refused: RefusedState,
  reopen: () => Promise<void>,
): StationBookHandlers {
  const status = (): StationStatus => statusOf(deps, refused);
  return {
    'station.getStatus': status,
    'station.startNewBook': async ({ databaseFile }): Promise<NewBookView> => {
      if (deps.isRunning()) await deps.assertNoOpenPayment();
      await deps.closeMode();
      let done;
      try {
        done = await startNewBook({
          dataDir: deps.dataDir,
          databaseFile,
          at: deps.now(),
          open: deps.openDatabase,
        });
      } catch (error) {
        await reopen();
        throw error;
      }
      deps.logger.warn(
        `started a new book in ${databaseFile} (next Z ${done.nextZNumber}); the old one is ${done.movedAside.join(', ') || 'gone'}`,
      );
      await reopen();
      return { databaseFile, movedAside: done.movedAside, nextZNumber: done.nextZNumber, status: status() };
    },
  };
}

/** While refused there is no mode: the settings say which one was asked for, when they can be read. */
function statusOf(deps: StationBookDeps, refused: RefusedState): StationStatus {
  const refusal = refused.current();
  const folder = deps.diskFull();
  const common = {
    ...{ version: deps.version, httpUrl: deps.httpUrl(), tlsFingerprint: deps.tlsFingerprint() },
    diskFull: folder ? { folder } : null,
  };
  if (!refusal)
    return { ...deps.running(), locale: deps.readers.settings().locale, ...common, refusal: null };
  const stored = readableSettings(deps.readers);
  return {
    mode: stored?.mode ?? 'training',
    environment: stored?.environment ?? null,
    locale: stored?.locale ?? 'en',
    ...common,
    refusal,
  };
}

function readableSettings(readers: StartFileReaders): StoredSettings | null {
  try {
    return readers.settings();
  } catch (error) {
    if (error instanceof ContractFailure) return null;
    throw error;
  }
}
