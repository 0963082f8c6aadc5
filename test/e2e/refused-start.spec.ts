import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT, tempDir } from '../support/temp';

const START = join(REPO_ROOT, 'electron/cli/start.ts');

/** A live folder whose marker remembers Z 12 of a kassa.sqlite that is gone. */
function missingBook(dir: string): void {
  writeFileSync(
    join(dir, 'settings.json'),
    JSON.stringify({ mode: 'live', environment: 'production', ppid: 'abc' }),
  );
  writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ 'bancontact.apiKey': 'k-0123456789' }));
  const marker = { bookId: '0123456789abcdef0123456789abcdef', lastZ: 12, updatedAt: 1 };
  writeFileSync(join(dir, 'books.json'), JSON.stringify({ 'kassa.sqlite': marker }));
}

test('npm start on a refused book keeps serving: one line, the refusal screen with both remedies, the till replaced', async ({
  page,
}) => {
  const data = tempDir('kassa-refused-e2e-');
  const noElectron = tempDir('kassa-no-electron-');
  missingBook(data.dir);
  const child = spawn(process.execPath, ['--import', 'tsx', START], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      KASSA_PORT: '0',
      KASSA_DATA_DIR: data.dir,
      ELECTRON_OVERRIDE_DIST_PATH: noElectron.dir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const found = /^Open (http:\/\/\S+) in a browser/m.exec(stdout)?.[1];
        if (found) resolve(found);
      });
      child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${stdout}${stderr}`)));
    });
    expect(stderr.trim().split('\n')).toEqual([
      `Kassa refused to start: ${join(data.dir, 'kassa.sqlite')}: it is missing, but this folder's books say it holds Z 12. Restore a backup (npm run restore -- --from FILE), or start a new book (npm run new-book).`,
    ]);

    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(url);
    await expect(page.getByRole('heading', { name: 'Kassa did not start' })).toBeVisible();
    await expect(page.getByRole('alert').first()).toHaveText(
      'kassa.sqlite is missing, but this computer had been keeping its books in it.',
    );
    await expect(page.getByText(join(data.dir, 'kassa.sqlite'))).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Restore a backup' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Pay with Bancontact' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Start a new book…' }).click();
    await expect(page.getByRole('alertdialog')).toContainText(
      'kassa.sqlite is not deleted: it is renamed to',
    );
    const go = page.getByRole('button', { name: 'Start the new book' });
    await expect(go).toBeDisabled();
    await page.getByLabel('Type kassa.sqlite to confirm').fill('kassa.sqlite');
    await expect(go).toBeEnabled();
    // Not pressed: the new book would go live against the real Bancontact (see refuse-start.test.ts).
    await page.getByRole('button', { name: 'Back' }).click();

    const refused = await fetch(`${url}/api/till.listSales`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('STATION_REFUSED');
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    data.remove();
    noElectron.remove();
  }
});
