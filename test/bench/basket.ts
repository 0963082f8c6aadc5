import { chromium, type Page } from 'playwright';
import { existsSync } from 'node:fs';
import { spawnStation } from '../support/station-process';
import { tempDir } from '../support/temp';
import { summary } from './stats';

const LINES = 30;
const RATES = [21, 12, 6] as const;
/** The renderer's budget for a tap: one frame at 60 Hz. */
const TARGET_MS = 16;

/** Thirty articles, ten at each rate, saved through the station's contract in the page's session. */
async function seed(page: Page, url: string): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < LINES; i++) {
    const name = `Article ${String(i + 1).padStart(2, '0')}`;
    const vatRate = RATES[i % RATES.length]!;
    const response = await page.request.post(`${url}/api/articles.save`, {
      data: { name, priceCents: 150 + 10 * i, vatRate, category: 'Bench', position: i },
    });
    if (!((await response.json()) as { ok: boolean }).ok) throw new Error(`articles.save ${name} refused`);
    names.push(name);
  }
  return names;
}

/**
 * One tap measured in the page: from the click's dispatch to the total's new text in the DOM, and to
 * the next animation frame (the frame that paints it).
 */
function tapAndTime(page: Page, name: string): Promise<{ dom: number; frame: number }> {
  return page.evaluate((article) => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('.article-button')].find((b) =>
      b.textContent?.startsWith(article),
    )!;
    const total = document.querySelector('[data-testid="basket-total"]')!;
    return new Promise<{ dom: number; frame: number }>((resolve) => {
      const observer = new MutationObserver(() => {
        const dom = performance.now() - start;
        observer.disconnect();
        requestAnimationFrame(() => resolve({ dom, frame: performance.now() - start }));
      });
      observer.observe(total, { childList: true, characterData: true, subtree: true });
      const start = performance.now();
      button.click();
    });
  }, name);
}

/** From Pay to the QR's "Waiting for customer", measured in the page; then the payment is cancelled. */
async function payAndTime(page: Page): Promise<number> {
  const elapsed = await page.evaluate(() => {
    const pay = [...document.querySelectorAll('button')].find(
      (b) => b.textContent === 'Pay with Bancontact',
    )!;
    return new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('[data-phase="waiting"]')) return;
        observer.disconnect();
        resolve(performance.now() - start);
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
      const start = performance.now();
      pay.click();
    });
  });
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await page.locator('[data-phase="cancelled"]').waitFor();
  return elapsed;
}

const fmt = (value: number) => `${value.toFixed(2)} ms`;

/** `KASSA_BENCH_ONLY=basket`: a 30-line basket at three VAT rates in a real browser against a real station. */
export async function benchBasket(
  samples = Number(process.env.KASSA_BENCH_BASKET_SAMPLES ?? 30),
): Promise<void> {
  const folder = tempDir('kassa-bench-basket-');
  const station = await spawnStation({ dataDir: folder.dir });
  const executablePath =
    process.env.KASSA_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath });
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await page.goto(station.url);
    const names = await seed(page, station.url);
    await page.reload();
    for (const name of names.slice(0, -1)) await page.locator('.article-button', { hasText: name }).click();
    const last = names.at(-1)!;
    const taps: { dom: number; frame: number }[] = [];
    for (let i = 0; i < samples; i++) {
      taps.push(await tapAndTime(page, last));
      await page.getByRole('button', { name: `Remove ${last}` }).click();
    }
    await page.locator('.article-button', { hasText: last }).click();
    const pays: number[] = [];
    for (let i = 0; i < Math.min(samples, 10); i++) pays.push(await payAndTime(page));
    const dom = summary(taps.map((t) => t.dom));
    const frame = summary(taps.map((t) => t.frame));
    const pay = summary(pays);
    console.log(
      `basket: ${LINES} lines at ${RATES.join('/')} % VAT, ${samples} taps of the 30th article, Chromium at 1024x768`,
    );
    console.log(`  last tap → total in the DOM: median ${fmt(dom.median)}, p95 ${fmt(dom.p95)}`);
    console.log(
      `  last tap → next frame (total painted): median ${fmt(frame.median)}, p95 ${fmt(frame.p95)} (target ≤ ${TARGET_MS} ms: ${frame.median <= TARGET_MS ? 'met' : 'MISSED'})`,
    );
    console.log(
      `  Pay → payment created (QR waiting on screen): median ${fmt(pay.median)}, p95 ${fmt(pay.p95)} over ${pays.length}`,
    );
  } finally {
    await browser.close();
    await station.stop();
    folder.remove();
  }
}
