import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startHttpShell, type HttpShell } from '../../electron/core/api/http-server';
import { backupFileName } from '../../electron/core/backup/backup-names';
import { silentLogger } from '../../electron/core/logging/logger';
import { createStation, type Station, type StationOptions } from '../../electron/core/station';
import type { MethodName, MethodOutput, SaleView } from '../../shared/contract';
import type { RestoreView } from '../../shared/contract/restore-methods';
import { localCaller } from './station-in-process';
import { MIGRATIONS, waitFor } from './temp';
import { topupPayload } from './wristbands';

/** A station with its HTTP shell on a data folder the test keeps, so it can be stopped and started again. */
export async function openStation(dataDir: string, options: Partial<StationOptions> = {}) {
  const station: Station = createStation({
    dataDir,
    migrationsFolder: MIGRATIONS,
    logger: silentLogger,
    ...options,
  });
  const shell: HttpShell = await startHttpShell(station, { port: 0 });
  station.setLocalUrl(shell.url);
  await station.start();
  const call = <M extends MethodName>(method: M, input: unknown) =>
    station.dispatch(method, input, localCaller);
  const must = async <M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  const sim = async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${station.simulatorUrl()}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as T;
  };
  return {
    station,
    call,
    must,
    sim,
    async stop() {
      await shell.close();
      await station.stop();
    },
  };
}
export type Kassa = Awaited<ReturnType<typeof openStation>>;

let key = 0;
export const nextKey = () => `restore-test-${++key}-${Date.now()}`;

export async function paidSale(kassa: Kassa, amountCents: number): Promise<SaleView> {
  const sale = await kassa.must('till.startPayment', { amountCents, idempotencyKey: nextKey() });
  await kassa.must('training.scan', { saleId: sale.id });
  await kassa.must('training.confirm', { saleId: sale.id });
  return waitFor(async () => {
    const now = await kassa.must('till.getSale', { saleId: sale.id });
    return now.status === 'paid' ? now : undefined;
  });
}

export async function cashDay(kassa: Kassa, amountCents: number): Promise<void> {
  await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
  await kassa.must('till.payCash', { amountCents, tenderedCents: amountCents, idempotencyKey: nextKey() });
  await kassa.must('drawer.close', { tillId: 'till-1', countedCents: amountCents });
}

export async function topUp(kassa: Kassa, wristbandId: string, amount: number): Promise<string> {
  const { paymentId } = await kassa.sim<{ paymentId: string }>('/_sim/payer/scan', {
    payload: topupPayload(wristbandId),
    amount,
  });
  await kassa.sim('/_sim/payer/confirm', { paymentId });
  await waitFor(async () => (await kassa.must('wristbands.get', { wristbandId })).balanceCents >= amount);
  return paymentId;
}

/** What the backup runner makes (a consistent copy, named as Kassa names its backups), without depending on it. */
export function backUp(dataDir: string, databaseFile: string, folder = join(dataDir, 'backups')): string {
  mkdirSync(folder, { recursive: true });
  const name = backupFileName({ databaseFile, takenAt: Date.now(), reason: 'manual' });
  const sqlite = new Database(join(dataDir, databaseFile), { readonly: true });
  try {
    sqlite.prepare('VACUUM INTO ?').run(join(folder, name));
  } finally {
    sqlite.close();
  }
  return name;
}

export const searched = (kassa: Kassa) =>
  waitFor(
    async () => {
      const last = await kassa.must('restore.getLast', {});
      return last?.searchedAt ? last : undefined;
    },
    10_000,
    'the gap searched at Bancontact',
  ) as Promise<RestoreView>;
