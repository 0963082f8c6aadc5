import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleView, StationEvent } from '../../shared/contract';
import { startTestSite, type TestSite } from '../support/site-coordination';
import { giveSiteFiles } from '../support/site-files';
import { startTestSimulator } from '../support/station-in-process';
import { mustCall, spawnStation, type StationProcess } from '../support/station-process';
import { tempDir, waitFor } from '../support/temp';

/*
 * Two station processes on one PostgreSQL site: the catalogue and the logo live in the site database,
 * and a change made at station A reaches the screens of station B (an SSE client of B hears
 * articles.changed or settings.changed, and reads A's article or A's logo from B), within a second.
 */

let site: TestSite;
let sim: Awaited<ReturnType<typeof startTestSimulator>>;
const folders = [tempDir(), tempDir()];
let a: StationProcess;
let b: StationProcess;

beforeAll(async () => {
  site = await startTestSite();
  sim = await startTestSimulator();
  const common = { database: site.url, simulatorUrl: sim.baseUrl, sweepIntervalMs: 3_600_000 };
  a = await spawnStation({ dataDir: folders[0]!.dir, ...common });
  giveSiteFiles(folders[0]!.dir, folders[1]!.dir);
  b = await spawnStation({ dataDir: folders[1]!.dir, ...common });
}, 90_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await sim?.close();
  site?.remove();
  for (const folder of folders) folder.remove();
});

/** A station's `/api/events` read as a browser would: the names of the events, with when they came. */
async function follow(station: StationProcess) {
  const controller = new AbortController();
  const response = await fetch(`${station.url}/api/events`, { signal: controller.signal });
  const heard: { at: number; event: StationEvent }[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const reading = (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (data && !block.includes('event: ready'))
          heard.push({ at: Date.now(), event: JSON.parse(data.slice(6)) as StationEvent });
      }
    }
  })();
  const when = (name: string) => heard.find(({ event }) => event.name === name)?.at;
  return { heard, when, close: () => (controller.abort(), reading) };
}

function pngLogo(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(0x80);
  return PNG.sync.write(image);
}

describe('the register across the stations of a site', () => {
  it("an article saved at A reaches B's screens within 1 s, and B's catalogue has it", async () => {
    const atB = await follow(b);
    const atA = await follow(a);
    const article = { name: 'Pression Brasserie', priceCents: 350, vatRate: 21, category: 'Bières' };
    const saved = await mustCall<ArticleView>(a.url, 'articles.save', article);
    const heardAt = await waitFor(() => atB.when('articles.changed'), 5_000, 'articles.changed at B');
    const toldA = await waitFor(() => atA.when('articles.changed'), 1_000, 'articles.changed at A');
    expect(heardAt - toldA).toBeLessThan(1_000);
    const atBList = await mustCall<ArticleView[]>(b.url, 'articles.list', {});
    expect(atBList.find((x) => x.id === saved.id)).toMatchObject(article);
    // B told its own screens once and did not send A's change back: A heard it once.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(atA.heard.filter(({ event }) => event.name === 'articles.changed')).toHaveLength(1);
    expect(atB.heard.filter(({ event }) => event.name === 'articles.changed')).toHaveLength(1);
    await Promise.all([atA.close(), atB.close()]);
  }, 30_000);

  it("a logo set at A reaches B's screens within 1 s, and B serves A's image", async () => {
    const atB = await follow(b);
    const png = pngLogo(48, 24);
    const setAt = Date.now();
    await mustCall(a.url, 'settings.setLogo', { image: `data:image/png;base64,${png.toString('base64')}` });
    const heardAt = await waitFor(() => atB.when('settings.changed'), 5_000, 'settings.changed at B');
    expect(heardAt - setAt).toBeLessThan(1_000);
    const served = await fetch(`${b.url}/downloads/logo`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png);

    // Removed at A: B's screens are told again, and B has no logo any more.
    const before = atB.heard.length;
    await mustCall(a.url, 'settings.removeLogo', {});
    await waitFor(
      () => atB.heard.slice(before).some(({ event }) => event.name === 'settings.changed'),
      5_000,
      'settings.changed at B after the removal',
    );
    expect((await fetch(`${b.url}/downloads/logo`)).status).toBe(404);
    await atB.close();
  }, 30_000);
});
