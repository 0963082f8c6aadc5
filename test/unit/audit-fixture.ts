import { join } from 'node:path';
import { createAuditLog, type AuditLog } from '../../electron/core/audit/audit-log';
import type { AuditEntryInput } from '../../electron/core/audit/audit-entry';
import { sql } from 'drizzle-orm';
import {
  openStationDatabase,
  STATION_DATABASE_FILE,
  type SqliteStationDb,
  type StationDb,
} from '../../electron/core/db/open-station-database';
import { rawRows } from '../../electron/core/db/raw';
import { STATION_MIGRATIONS, tempDir } from '../support/temp';

/** A real station database in a temp folder, an audit log over it and a clock the test moves. */
export interface AuditFixture {
  dir: string;
  file: string;
  db: SqliteStationDb;
  log: AuditLog;
  clock: { ms: number };
  mode: { current: string | null };
  /** Another audit log over the same file, as after a restart. */
  reopen(): AuditLog;
  close(): Promise<void>;
}

export const T0 = Date.UTC(2026, 11, 3, 10, 0, 0);

export function auditFixture(): AuditFixture {
  const folder = tempDir('kassa-audit-');
  const file = join(folder.dir, STATION_DATABASE_FILE);
  const db = openStationDatabase(file, STATION_MIGRATIONS);
  const clock = { ms: T0 };
  const mode = { current: 'training' as string | null };
  const make = () => createAuditLog({ db, now: () => clock.ms, mode: () => mode.current });
  return {
    dir: folder.dir,
    file,
    db,
    log: make(),
    clock,
    mode,
    reopen: make,
    async close() {
      await db.close();
      folder.remove();
    },
  };
}

export function entry(overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    action: 'reports.closeDay',
    outcome: 'ok',
    staff: { id: 'staff-an', name: 'An' },
    device: { id: 'device-till-2', name: 'Till 2' },
    subject: 'Z 1',
    detail: {},
    ...overrides,
  };
}

/** The raw rows, oldest first, as any SQLite reader sees them. */
export function rows(db: StationDb): Promise<Array<Record<string, unknown>>> {
  return db.read((q) => rawRows<Record<string, unknown>>(q, sql`SELECT * FROM audit_log ORDER BY seq`));
}
