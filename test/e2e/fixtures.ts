import { test as base, expect, type Page } from '@playwright/test';
import { spawnStation, type StationProcess } from '../support/station-process';
import { tempDir } from '../support/temp';

interface Fixtures {
  dataDir: string;
  station: StationProcess;
  /** Restarts the station on the same data folder and returns the new one. */
  restartStation: () => Promise<StationProcess>;
  sim: (path: string, body?: unknown) => Promise<unknown>;
}

/** Each test gets a fresh data folder and its own station process with its built-in simulator. */
export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const folder = tempDir('kassa-e2e-');
    await use(folder.dir);
    folder.remove();
  },
  station: async ({ dataDir }, use) => {
    const running = { current: await spawnStation({ dataDir }) };
    await use(running.current);
    await running.current.stop();
  },
  restartStation: async ({ station, dataDir }, use) => {
    let latest = station;
    await use(async () => {
      await latest.stop();
      latest = await spawnStation({ dataDir });
      return latest;
    });
    await latest.stop();
  },
  sim: async ({ station }, use) => {
    await use(async (path, body) => {
      const response = await fetch(station.simulatorUrl + path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return response.json();
    });
  },
});

export { expect };

/** A contract call from the page's own browser context (its cookies: the station window's session). */
export async function api<T>(page: Page, base: string, method: string, input: unknown = {}): Promise<T> {
  const response = await page.request.post(`${base}/api/${method}`, { data: input });
  const body = (await response.json()) as { ok: boolean; value: T; error?: { code: string } };
  if (!body.ok) throw new Error(`${method} failed: ${body.error?.code}`);
  return body.value;
}
