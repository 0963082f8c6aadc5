import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startHttpShell, type HttpShell } from '../../electron/core/api/http-server';
import { silentLogger } from '../../electron/core/logging/logger';
import { createStation, type Station, type StationOptions } from '../../electron/core/station';
import type { MethodName, MethodOutput, SaleView } from '../../shared/contract';
import { queryBooks, testSiteFor } from './postgres-site';
import { localCaller } from './station-in-process';
import { MIGRATIONS, tempDir, waitFor } from './temp';

/**
 * A station in this process with its HTTP shell, so a simulator can post callbacks to it; under
 * `integration-pg` on a fresh PostgreSQL site.
 */
export async function startStationWithShell(options: Partial<StationOptions> = {}) {
  const folder = tempDir();
  const database = options.database === undefined ? testSiteFor(folder.dir) : options.database;
  const station: Station = createStation({
    dataDir: folder.dir,
    migrationsFolder: MIGRATIONS,
    logger: silentLogger,
    ...options,
    database,
  });
  const shell: HttpShell = await startHttpShell(station, { port: 0 });
  station.setLocalUrl(shell.url);
  await station.start();
  const must = async <M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> => {
    const result = await station.dispatch(method, input, localCaller);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  const simUrl = (): string => station.simulatorUrl() ?? options.simulatorUrl ?? '';
  return {
    station,
    shell,
    dataDir: folder.dir,
    /** The PostgreSQL site the station runs on, or null on SQLite. */
    database,
    must,
    call: <M extends MethodName>(method: M, input: unknown) => station.dispatch(method, input, localCaller),
    /** The simulator's control API (the embedded one unless a simulatorUrl was given). */
    async sim<T = unknown>(path: string, body?: unknown, method?: string): Promise<T> {
      const response = await fetch(simUrl() + path, {
        method: method ?? (body === undefined ? 'GET' : 'POST'),
        headers: { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return (await response.json().catch(() => ({}))) as T;
    },
    saleUntil: (saleId: string, predicate: (sale: SaleView) => boolean, timeoutMs = 5_000) =>
      waitFor(
        async () => {
          const sale = await must('till.getSale', { saleId });
          return predicate(sale) ? sale : undefined;
        },
        timeoutMs,
        `sale ${saleId}`,
      ),
    /** Reads the training books (the file, or the PostgreSQL database), as a manager's tool would. */
    query<T>(sql: string, ...params: unknown[]): T[] {
      if (database) return queryBooks<T>(database, 'training', sql, params);
      const file = join(folder.dir, 'training.sqlite');
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    async close() {
      await shell.close();
      await station.stop();
      folder.remove();
    },
  };
}

export type StationWithShell = Awaited<ReturnType<typeof startStationWithShell>>;
