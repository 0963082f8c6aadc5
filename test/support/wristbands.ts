import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import { PostgresStore } from '../../electron/core/db/pg/postgres-store';
import { booksNameFor, booksUrl } from '../../electron/core/db/pg/site-databases';
import * as schema from '../../electron/core/db/schema';
import { topupBatches, wristbands } from '../../electron/core/db/schema';
import { TRAINING_TOPUP_PROFILE } from '../../electron/core/simulator';
import { WRISTBAND_ALPHABET, wristbandIdFromData } from '../../shared/domain/wristband-id';
import { queryBooks, testSiteFor } from './postgres-site';
import { MIGRATIONS } from './temp';

/** A fresh, well-formed wristband id (check characters included) that no batch holds. */
export function newWristbandId(): string {
  const data = [...randomBytes(10)].map((b) => WRISTBAND_ALPHABET[b % WRISTBAND_ALPHABET.length]).join('');
  return wristbandIdFromData(data);
}

export interface SeedOptions {
  count?: number;
  profileId?: string;
  eventName?: string;
  /** The mode's database file in the data folder. */
  file?: string;
}

/**
 * Inserts a batch of wristbands straight into the station's database, as the batch service does,
 * and answers their ids. The station may be running: SQLite (WAL) lets both write.
 */
export async function seedWristbands(dataDir: string, options: SeedOptions = {}): Promise<string[]> {
  const db = openBooksOf(dataDir, options.file ?? 'training.sqlite');
  try {
    const batchId = randomBytes(12).toString('hex');
    const count = options.count ?? 3;
    const at = Date.now();
    const ids = Array.from({ length: count }, newWristbandId);
    await db.write(async (tx) => {
      await tx.insert(topupBatches).values({
        id: batchId,
        profileId: options.profileId ?? TRAINING_TOPUP_PROFILE.ppid,
        count,
        amountMode: 'open',
        description: 'Top-up',
        eventName: options.eventName ?? 'Test Fest',
        payloadHost: 'https://pay.bancontact.net',
        createdAt: at,
      });
      await tx
        .insert(wristbands)
        .values(ids.map((id, position) => ({ id, batchId, position, createdAt: at, updatedAt: at })));
    });
    return ids;
  } finally {
    await db.close();
  }
}

/**
 * The books of a test station's data folder: its SQLite file, or under `integration-pg` its site's
 * PostgreSQL database. The station may be running: both engines let another connection write.
 */
function openBooksOf(dataDir: string, file: string): Db {
  const site = testSiteFor(dataDir);
  if (site) return new PostgresStore({ url: booksUrl(site, booksNameFor(file)) }, schema);
  return openDatabase({ file: join(dataDir, file), migrationsFolder: MIGRATIONS });
}

/** Runs one statement on the station's training books, as a manager's tool would. */
export async function writeDb(dataDir: string, sql: string, ...params: unknown[]): Promise<void> {
  const site = testSiteFor(dataDir);
  if (site) return void queryBooks(site, 'training', sql, params, 'statement');
  const db = openDatabase({ file: join(dataDir, 'training.sqlite'), migrationsFolder: MIGRATIONS });
  try {
    await db.write(() => {
      db.client.prepare(sql).run(...params);
    });
  } finally {
    await db.close();
  }
}

/** The printed top-up payload of a wristband on a training top-up profile. */
export const topupPayload = (reference: string | null, ppid: string = TRAINING_TOPUP_PROFILE.ppid): string =>
  `https://pay.bancontact.net/t/1/${ppid}${reference === null ? '' : `?R=${encodeURIComponent(reference)}`}`;
