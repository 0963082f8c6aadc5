import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1024, height: 768 } });

test('Settings → Backups: a chosen folder, Back up now, and the warning when backups fail (also on Closing)', async ({
  page,
  station,
  dataDir,
}) => {
  await page.goto(`${station.url}/settings`);
  const backups = page.getByRole('region', { name: 'Backups' });
  await expect(backups.getByTestId('last-backup')).toHaveText('No backup of this mode’s books yet.');
  await expect(backups.getByTestId('backup-pruning')).toContainText('the newest backup is never removed');

  const usb = join(dataDir, 'usb-stick');
  await backups.getByLabel('Backup folder').fill(usb);
  await backups.getByRole('button', { name: 'Save folder' }).click();
  await expect(backups.getByRole('status')).toHaveText('Saved.');
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(backups.getByText(/^Backed up to training-\d{8}T\d{9}Z-manual\.sqlite\.$/)).toBeVisible();
  await expect(backups.getByRole('table', { name: 'Recent backups' }).getByRole('row')).toHaveCount(2);
  await expect(backups.getByTestId('last-backup')).toContainText('(by hand)');

  // The stick is pulled and something else now sits at that path.
  rmSync(usb, { recursive: true });
  writeFileSync(usb, 'not a folder');
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(backups.getByTestId('backup-failed')).toContainText('The last backup failed (by hand,');

  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Closing' }).click();
  await expect(page.getByTestId('backup-failed')).toContainText('The last backup of the books failed');
});
