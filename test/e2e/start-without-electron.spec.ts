import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, tempDir } from '../support/temp';
import { expect, test } from '@playwright/test';

const NOTICE =
  "Electron's desktop binary is not installed on this machine, so Kassa opens in your browser instead.";
const START = join(REPO_ROOT, 'electron/cli/start.ts');

/**
 * What `npm start` runs after building the UI. An empty ELECTRON_OVERRIDE_DIST_PATH makes sure no Electron
 * binary is found, as on the project's machines, even where one happens to be installed.
 */
function env(dataDir: string, noElectron: string, port: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    KASSA_PORT: port,
    KASSA_DATA_DIR: dataDir,
    ELECTRON_OVERRIDE_DIST_PATH: noElectron,
  };
}

async function startKassa(child: ChildProcess): Promise<{ url: string; output: () => string }> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL:\n${output}`)), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /^Open (http:\/\/\S+) in a browser/m.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({ url, output: () => output });
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
}

test('npm start without Electron says so in one line, serves the UI over HTTP and prints the URL', async ({
  page,
}) => {
  const data = tempDir('kassa-start-');
  const noElectron = tempDir('kassa-no-electron-');
  const child = spawn(process.execPath, ['--import', 'tsx', START], {
    cwd: REPO_ROOT,
    env: env(data.dir, noElectron.dir, '0'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const { url, output } = await startKassa(child);
    const lines = output().trim().split('\n');
    expect(lines[0]).toBe(NOTICE);
    expect(lines.filter((line) => line.includes('Electron'))).toEqual([NOTICE]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    await page.goto(url);
    await expect(page.getByText('Training mode — no real money')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Pay with Bancontact' })).toBeVisible();
    await page.goto(`${url}/customer`);
    await expect(page.getByText('Welcome')).toBeVisible();
    // KASSA_DATA_DIR chose the data folder.
    expect(existsSync(join(data.dir, 'training.sqlite'))).toBe(true);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    data.remove();
    noElectron.remove();
  }
});

test('npm start refuses a KASSA_PORT that is not a port, in one line', () => {
  const data = tempDir('kassa-start-');
  try {
    const run = spawnSync(process.execPath, ['--import', 'tsx', START], {
      cwd: REPO_ROOT,
      env: env(data.dir, data.dir, 'eighty'),
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringContaining('KASSA_PORT must be a port number'),
    ]);
  } finally {
    data.remove();
  }
});
