import { join } from 'node:path';
import { z } from 'zod';
import { BACKUP_REASONS } from './backup-names';
import { readJsonFile } from '../settings/validated-file';
import { writePrivateFile } from '../files/durable-file';

/**
 * The last failed backup of each database, kept beside the settings so that the manager's warning
 * survives a restart: a station restarted after a failed backup must not look as if all was well.
 */
export const BACKUP_FAILURES_FILE = 'backup-failures.json';

const failureSchema = z.object({
  at: z.number().int(),
  reason: z.enum(BACKUP_REASONS),
  message: z.string(),
  code: z.string().optional(),
});
const fileSchema = z.record(z.string(), failureSchema);

export type RememberedFailure = z.infer<typeof failureSchema>;

/** What was remembered; a missing or unreadable file remembers nothing (it only ever warns). */
export function loadBackupFailures(dataDir: string): Map<string, RememberedFailure> {
  try {
    return new Map(Object.entries(readJsonFile(join(dataDir, BACKUP_FAILURES_FILE), fileSchema) ?? {}));
  } catch {
    return new Map();
  }
}

/** Best effort: on the full disk that made the backup fail, this write may fail too; the log has it. */
export function saveBackupFailures(dataDir: string, failures: ReadonlyMap<string, RememberedFailure>): void {
  try {
    writePrivateFile(
      join(dataDir, BACKUP_FAILURES_FILE),
      JSON.stringify(Object.fromEntries(failures), null, 2),
    );
  } catch {
    // The warning still shows until the station restarts.
  }
}
