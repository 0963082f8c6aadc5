import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingsView } from '../../shared/contract';
import { TRAINING_DISPLAY_PROFILE } from '../../electron/core/simulator';
import { startFaultyProxy } from '../support/faulty-proxy';
import { queryBooks } from '../support/postgres-site';
import { startTestSimulator, startTestStation, type TestStation } from '../support/station-in-process';
import { secretsGuardFile } from '../support/station-secrets';

let training: Awaited<ReturnType<typeof startTestSimulator>>;
let bancontact: Awaited<ReturnType<typeof startTestSimulator>>;
let kassa: TestStation;
const KEY = TRAINING_DISPLAY_PROFILE.apiKey;
const PPID = TRAINING_DISPLAY_PROFILE.ppid;

beforeEach(async () => {
  training = await startTestSimulator();
  // A second simulator stands in for Bancontact's preprod environment.
  bancontact = await startTestSimulator();
  kassa = await startTestStation({
    simulatorUrl: training.baseUrl,
    environmentUrls: { preprod: bancontact.baseUrl },
  });
});
afterEach(async () => {
  await kassa.close();
  await training.close();
  await bancontact.close();
});

/** Going live takes a passed test of the same credentials first. */
async function goLive(station: TestStation): Promise<SettingsView> {
  const credentials = { environment: 'preprod', ppid: PPID, apiKey: KEY } as const;
  await station.must('settings.testConnection', credentials);
  return station.must('settings.goLive', credentials);
}

/** The ids of the sales in one mode's books: its SQLite file, or its database on the PostgreSQL site. */
function salesInBooks(station: TestStation, books: 'training' | 'preprod'): string[] {
  const sql = 'select id from sales order by id';
  if (station.database) return queryBooks<{ id: string }>(station.database, books, sql, []).map((r) => r.id);
  const db = new Database(join(station.dataDir, `${books}.sqlite`), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).all() as { id: string }[]).map((r) => r.id);
  } finally {
    db.close();
  }
}

describe('training mode and real credentials', () => {
  it('starts in training mode on a fresh install', async () => {
    expect(await kassa.must('station.getStatus', {})).toMatchObject({ mode: 'training' });
    expect(await kassa.must('settings.get', {})).toMatchObject({
      mode: 'training',
      hasCredentials: false,
      apiKeyLast4: null,
    });
  });

  it('tells a wrong API key apart from a working one', async () => {
    const wrong = await kassa.call('settings.testConnection', {
      environment: 'preprod',
      ppid: PPID,
      apiKey: 'not-the-right-key-123',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'BANCONTACT_UNAUTHORIZED' } });
    const right = await kassa.call('settings.testConnection', {
      environment: 'preprod',
      ppid: PPID,
      apiKey: KEY,
    });
    expect(right).toEqual({ ok: true, value: { environment: 'preprod', ok: true } });
  });

  it('tells a forbidden key (403) and an unreachable Bancontact apart from a working key', async () => {
    const proxy = await startFaultyProxy(bancontact.baseUrl);
    const station = await startTestStation({
      simulatorUrl: training.baseUrl,
      environmentUrls: { production: proxy.url },
    });
    const check = () =>
      station.call('settings.testConnection', { environment: 'production', ppid: PPID, apiKey: KEY });
    try {
      proxy.set({ kind: 'status', status: 403, code: 'ACCESS_DENIED' });
      expect(await check()).toMatchObject({
        ok: false,
        error: { code: 'BANCONTACT_UNAUTHORIZED', apiCode: 'ACCESS_DENIED' },
      });
      proxy.set({ kind: 'status', status: 503, code: 'TRY_AGAIN_LATER' });
      expect(await check()).toMatchObject({ ok: false, error: { code: 'BANCONTACT_UNAVAILABLE' } });
      proxy.set({ kind: 'drop' });
      expect(await check()).toMatchObject({ ok: false, error: { code: 'NETWORK_DOWN' } });
      proxy.set({ kind: 'pass' });
      expect(await check()).toEqual({ ok: true, value: { environment: 'production', ok: true } });
    } finally {
      await station.close();
      await proxy.close();
    }
  });

  it('refuses to go live with a key Bancontact rejects', async () => {
    const wrong = { environment: 'preprod', ppid: PPID, apiKey: 'not-the-right-key-123' };
    expect(await kassa.call('settings.testConnection', wrong)).toMatchObject({
      ok: false,
      error: { code: 'BANCONTACT_UNAUTHORIZED' },
    });
    const result = await kassa.call('settings.goLive', wrong);
    expect(result).toMatchObject({ ok: false, error: { code: 'CONNECTION_NOT_TESTED' } });
    expect(await kassa.must('settings.get', {})).toMatchObject({ mode: 'training', hasCredentials: false });
  });

  it('stores the key readable by its owner only, and never returns more than its last 4 characters', async () => {
    const view = await goLive(kassa);
    expect(view).toMatchObject({
      mode: 'live',
      environment: 'preprod',
      ppid: PPID,
      apiKeyLast4: KEY.slice(-4),
    });
    expect(JSON.stringify(view)).not.toContain(KEY.slice(0, -4));
    expect(JSON.stringify(kassa.events)).not.toContain(KEY.slice(0, -4));
    for (const method of ['settings.get', 'station.getStatus', 'till.listSales'] as const) {
      expect(JSON.stringify(await kassa.call(method, {})), method).not.toContain(KEY.slice(0, -4));
    }
    // The stored key is used for a new check without being sent back.
    expect(await kassa.call('settings.testConnection', { environment: 'preprod', ppid: PPID })).toMatchObject(
      { ok: true },
    );
    // secrets.json, or on a site the site key its keys are sealed with in the site database.
    expect(statSync(secretsGuardFile(kassa.dataDir)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(kassa.dataDir, 'settings.json'), 'utf8')).not.toContain(KEY);
  });

  it('keeps training and real sales apart when switching modes', async () => {
    const trainingSale = await kassa.must('till.startPayment', {
      amountCents: 111,
      idempotencyKey: 'training-sale-1',
    });
    await kassa.must('till.cancelPayment', { saleId: trainingSale.id });
    await goLive(kassa);
    expect(await kassa.must('till.listSales', {})).toEqual([]);
    const liveSale = await kassa.must('till.startPayment', {
      amountCents: 222,
      idempotencyKey: 'live-sale-1',
    });
    expect((await bancontact.control<{ payments: unknown[] }>('/_sim/payments')).body.payments).toHaveLength(
      1,
    );
    await kassa.must('till.cancelPayment', { saleId: liveSale.id });
    expect(await kassa.call('training.scan', { saleId: liveSale.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_IN_TRAINING' },
    });

    await kassa.must('settings.useTraining', {});
    expect((await kassa.must('till.listSales', {})).map((s) => s.id)).toEqual([trainingSale.id]);
    // Each mode keeps its own books: the training sale is in the training ones, the real one apart.
    expect(salesInBooks(kassa, 'training')).toEqual([trainingSale.id]);
    expect(salesInBooks(kassa, 'preprod')).toEqual([liveSale.id]);
  });

  it('does not change mode while a payment is open', async () => {
    await kassa.must('till.startPayment', { amountCents: 333, idempotencyKey: 'open-sale-1' });
    await kassa.must('settings.testConnection', { environment: 'preprod', ppid: PPID, apiKey: KEY });
    const result = await kassa.call('settings.goLive', { environment: 'preprod', ppid: PPID, apiKey: KEY });
    expect(result).toMatchObject({ ok: false, error: { code: 'PAYMENT_OPEN' } });
  });

  it('stays live after a restart', async () => {
    await goLive(kassa);
    await kassa.restart();
    expect(await kassa.must('station.getStatus', {})).toMatchObject({ mode: 'live', environment: 'preprod' });
  });
});
