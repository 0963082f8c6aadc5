import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpShell, type HttpShell } from '../../electron/core/api/http-server';
import { silentLogger } from '../../electron/core/logging/logger';
import { createStation, type Station } from '../../electron/core/station';
import type { StationStatus } from '../../shared/contract';
import { snapshot } from '../support/book-folders';
import { callHttp } from '../support/station-process';
import { MIGRATIONS, tempDir } from '../support/temp';

let folder: ReturnType<typeof tempDir>;
let station: Station;
let shell: HttpShell;

beforeEach(async () => {
  folder = tempDir('kassa-refused-shell-');
  writeFileSync(join(folder.dir, 'settings.json'), JSON.stringify({ mode: 'live', environment: 'staging' }));
  station = createStation({ dataDir: folder.dir, migrationsFolder: MIGRATIONS, logger: silentLogger });
  shell = await startHttpShell(station, { port: 0 });
  station.setLocalUrl(shell.url);
  await station.start();
});
afterEach(async () => {
  await shell.close();
  await station.stop();
  folder.remove();
});

describe('the HTTP shell of a refused station', () => {
  it('answers the status with the refusal and every other method 503 STATION_REFUSED, changing no file', async () => {
    const before = snapshot(folder.dir);
    const status = await callHttp<StationStatus>(shell.url, 'station.getStatus');
    expect(status).toMatchObject({
      ok: true,
      value: { refusal: { fileName: 'settings.json', problem: 'bad-field', field: 'environment' } },
    });
    const line = status.ok ? (status.value.refusal?.line ?? '') : '';
    expect(line).toMatch(/^Kassa refused to start: .*settings\.json: the field "environment" is wrong/);

    const response = await fetch(`${shell.url}/api/till.listSales`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, error: { code: 'STATION_REFUSED', message: line } });
    // The settings cannot be read, so a language change is refused rather than written over them.
    expect(await callHttp(shell.url, 'settings.setLocale', { locale: 'nl' })).toMatchObject({
      ok: false,
      error: { code: 'STATION_REFUSED' },
    });
    const callback = await fetch(`${shell.url}/callbacks/abc123`, { method: 'POST', body: '{}' });
    expect(callback.status).toBe(503);
    expect(snapshot(folder.dir)).toEqual(before);
  });
});
