import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Where a table's last column ends, and whether the reader can reach it: inside the window, or inside a
 * box of the table's own that scrolls sideways to it.
 */
async function reach(table: Locator) {
  return table.evaluate((element) => {
    const last = element.querySelector('thead th:last-child')?.getBoundingClientRect();
    const box = element.parentElement;
    const scrolls = box ? getComputedStyle(box).overflowX : 'visible';
    return {
      right: last?.right ?? Infinity,
      viewport: document.documentElement.clientWidth,
      pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      boxScrolls: box !== null && ['auto', 'scroll'].includes(scrolls) && box.scrollWidth > box.clientWidth,
      boxRight: box?.getBoundingClientRect().right ?? Infinity,
    };
  });
}

async function openDrawerAndGoToClosing(page: Page, url: string): Promise<Locator> {
  await page.goto(`${url}/reports`);
  const drawer = page.getByRole('region', { name: 'Cash drawer' });
  await drawer.getByLabel('Opening float').fill('100');
  await drawer.getByRole('button', { name: 'Open the drawer' }).click();
  await expect(drawer.getByText(/^Open since/)).toBeVisible();
  const x = page.getByRole('region', { name: 'X report' });
  return x.getByRole('table', { name: 'Cash drawer', exact: true });
}

for (const [width, height] of [
  [1366, 768],
  [1024, 768],
] as const) {
  test(`the X report's drawer table is whole at ${width}×${height}: every column inside the window or in its own scroll box`, async ({
    page,
    station,
  }) => {
    await page.setViewportSize({ width, height });
    const table = await openDrawerAndGoToClosing(page, station.url);
    await expect(table.getByRole('columnheader')).toHaveText([
      'Till',
      'Float',
      'Expected in the drawer',
      'Counted',
      'Difference',
    ]);
    await table.scrollIntoViewIfNeeded();
    const seen = await reach(table);
    expect(seen.pageScrolls, 'the page itself scrolls sideways').toBe(false);
    if (seen.boxScrolls) {
      // Scrolled to its end, the box shows the last column inside the window.
      await table.evaluate((element) => element.parentElement?.scrollTo({ left: 1e6 }));
      const scrolled = await reach(table);
      expect(scrolled.right).toBeLessThanOrEqual(Math.min(scrolled.boxRight, scrolled.viewport) + 1);
    } else {
      expect(seen.right).toBeLessThanOrEqual(seen.viewport);
    }
    await expect(table.getByRole('columnheader', { name: 'Difference' })).toBeInViewport();
  });
}
