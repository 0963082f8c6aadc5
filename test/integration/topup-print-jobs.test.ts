import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrintJobView, StationEvent } from '../../shared/contract';
import { TRAINING_TOPUP_FIXED_PROFILE } from '../../electron/core/simulator';
import { batchIds, pageCodes, pdfInfo, pdfText } from '../support/pdf-codes';
import { startTestStation, type TestStation } from '../support/station-in-process';

let kassa: TestStation;

beforeEach(async () => {
  kassa = await startTestStation({ simulatorUrl: 'http://127.0.0.1:9' });
});
afterEach(async () => {
  await kassa.close();
});

const fixed = {
  count: 48,
  amountMode: 'fixed',
  amountCents: 2000,
  description: 'Rock Werchter top-up',
  eventName: 'Rock Werchter 2026',
  layout: 'a4',
  locale: 'nl',
} as const;
const payloadOf = (id: string): string =>
  `https://pay.bancontact.net/t/1/${TRAINING_TOPUP_FIXED_PROFILE.ppid}?D=Rock%20Werchter%20top-up&A=2000&R=${id}`;

async function finished(jobId: string): Promise<PrintJobView> {
  for (;;) {
    const job = await kassa.must('jobs.get', { jobId });
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const progressOf = (jobId: string): PrintJobView[] =>
  kassa.events.flatMap((e: StationEvent) =>
    e.name === 'jobs.progressed' && e.payload.jobId === jobId ? [e.payload] : [],
  );
const printed = (jobId: string): string => join(kassa.dataDir, 'prints', `${jobId}.pdf`);

describe('batch PDFs', () => {
  it('print 48 fixed €20 codes on A4: every code on page 1 decodes to exactly its payload', async () => {
    const { batch, job } = await kassa.must('topup.createBatch', fixed);
    expect(await finished(job.jobId)).toMatchObject({
      state: 'done',
      done: 48,
      total: 48,
      downloadPath: `/downloads/${job.jobId}.pdf`,
      error: null,
    });
    const ids = batchIds(kassa.dataDir, batch.id);
    const codes = await pageCodes(printed(job.jobId), 1);
    expect(codes.sort()).toEqual(ids.slice(0, 24).map(payloadOf).sort());
    expect((await pageCodes(printed(job.jobId), 2)).sort()).toEqual(ids.slice(24).map(payloadOf).sort());
    expect(pdfInfo(printed(job.jobId))).toMatchObject({ pages: 2 });
    const text = pdfText(printed(job.jobId));
    for (const id of ids) expect(text).toContain(id);
    expect(text.match(/€ 20,00/g)).toHaveLength(48);
    expect(text.match(/Rock Werchter 2026/g)).toHaveLength(48);
  });

  it('print "your amount" in the chosen language on open codes, and amounts the way Belgians write them', async () => {
    const cases = [
      [{ amountMode: 'open', locale: 'nl' }, 'uw bedrag'],
      [{ amountMode: 'open', locale: 'fr' }, 'votre montant'],
      [{ amountMode: 'open', locale: 'en' }, 'your amount'],
      [{ amountMode: 'fixed', amountCents: 123456, locale: 'fr' }, '1 234,56 €'],
      [{ amountMode: 'fixed', amountCents: 123456, locale: 'en' }, '€1,234.56'],
    ] as const;
    for (const [change, expected] of cases) {
      const input = { ...fixed, count: 1, layout: 'card', amountCents: undefined, ...change };
      const { job } = await kassa.must('topup.createBatch', input);
      await finished(job.jobId);
      expect(pdfText(printed(job.jobId)).replace(/\u00a0/g, ' ')).toContain(expected);
    }
  });

  it("print the payer's instruction in the batch's language where the layout has room: strips and cards", async () => {
    const cases = [
      ['strip', 'nl', 'Scan met je bankapp om op te laden'],
      ['card', 'fr', 'Scannez avec votre app bancaire pour recharger'],
      ['card', 'en', 'Scan with your banking app to top up'],
      ['label', 'en', null],
      ['a4', 'en', null],
    ] as const;
    for (const [layout, locale, expected] of cases) {
      const { batch, job } = await kassa.must('topup.createBatch', { ...fixed, count: 1, layout, locale });
      await finished(job.jobId);
      const text = pdfText(printed(job.jobId)).replace(/\s+/g, ' ');
      if (expected) expect(text).toContain(expected);
      else expect(text).not.toMatch(/banking app|bankapp|app bancaire/);
      // The code beside it still reads as exactly its payload.
      const [id] = batchIds(kassa.dataDir, batch.id);
      expect(await pageCodes(printed(job.jobId), 1)).toEqual([payloadOf(id ?? '')]);
    }
  });

  it.each([
    ['strip', 250, 25],
    ['card', 85.6, 54],
    ['label', 50, 30],
  ] as const)(
    'print %s layouts one code per page of %s × %s mm, each code readable',
    async (layout, width, height) => {
      const { batch, job } = await kassa.must('topup.createBatch', { ...fixed, count: 3, layout });
      await finished(job.jobId);
      const info = pdfInfo(printed(job.jobId));
      expect(info.pages).toBe(3);
      expect(info.widthMm).toBeCloseTo(width, 1);
      expect(info.heightMm).toBeCloseTo(height, 1);
      const ids = batchIds(kassa.dataDir, batch.id);
      for (const [page, id] of ids.entries())
        expect(await pageCodes(printed(job.jobId), page + 1)).toEqual([payloadOf(id)]);
      expect(pdfText(printed(job.jobId), 3)).toContain(ids[2]);
    },
  );

  it('honour a custom A4 grid and draw cut marks in its margin', async () => {
    const grid = { rows: 4, columns: 3, marginMm: 15 };
    const { batch, job } = await kassa.must('topup.createBatch', { ...fixed, count: 12, grid });
    await finished(job.jobId);
    const ids = batchIds(kassa.dataDir, batch.id);
    expect((await pageCodes(printed(job.jobId), 1)).sort()).toEqual(ids.map(payloadOf).sort());
    // The cut marks are vector strokes in the 15 mm margin: the rendered margin holds dark pixels only there.
    const png = renderPage(printed(job.jobId), 72);
    const darkInTopMargin = darkColumns(png, 5, 35);
    const mmToPx = (mm: number): number => Math.round((mm * 72) / 25.4);
    const expected = [0, 1, 2, 3].map((k) => mmToPx(15 + (k * 180) / 3));
    for (const x of expected) expect(darkInTopMargin.some((dark) => Math.abs(dark - x) <= 1)).toBe(true);
  });

  it('place the logo with every code, as a PNG with its transparency or a JPEG as it is', async () => {
    const logo = new PNG({ width: 40, height: 20 });
    for (let i = 0; i < 40 * 20; i += 1) logo.data.set([200, 0, 120, i % 40 < 20 ? 255 : 0], i * 4);
    const png = `data:image/png;base64,${PNG.sync.write(logo).toString('base64')}`;
    const jpeg = `data:image/jpeg;base64,${(await jpegBytes()).toString('base64')}`;
    for (const [logoDataUrl, kinds] of [
      [png, ['image', 'smask']],
      [jpeg, ['image']],
    ] as const) {
      const { batch, job } = await kassa.must('topup.createBatch', { ...fixed, count: 24, logoDataUrl });
      expect(await finished(job.jobId)).toMatchObject({ state: 'done' });
      const images = execFileSync('pdfimages', ['-list', printed(job.jobId)], { encoding: 'utf8' });
      for (const kind of kinds) expect(images).toContain(kind);
      const ids = batchIds(kassa.dataDir, batch.id);
      expect((await pageCodes(printed(job.jobId), 1)).sort()).toEqual(ids.map(payloadOf).sort());
    }
  });
});

describe('print jobs', () => {
  it('report progress about every 250 ms with codes per second and time left, then done', async () => {
    const { job } = await kassa.must('topup.createBatch', { ...fixed, count: 20_000, layout: 'label' });
    const end = await finished(job.jobId);
    expect(end).toMatchObject({ state: 'done', done: 20_000 });
    const events = progressOf(job.jobId);
    const running = events.filter((e) => e.state === 'running');
    expect(running.length).toBeGreaterThanOrEqual(3);
    const moving = running.filter((e) => e.done > 0 && e.done < 20_000);
    expect(moving.length).toBeGreaterThan(0);
    for (const e of moving) {
      expect(e.codesPerSecond).toBeGreaterThan(0);
      expect(e.secondsLeft).toBeGreaterThanOrEqual(0);
    }
    expect(running.map((e) => e.done)).toEqual([...running.map((e) => e.done)].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({
      state: 'done',
      done: 20_000,
      secondsLeft: null,
      downloadPath: `/downloads/${job.jobId}.pdf`,
    });
  });

  it('keep the station responsive while a 20 000-code batch renders', async () => {
    const { job } = await kassa.must('topup.createBatch', { ...fixed, count: 20_000 });
    let worst = 0;
    let last = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 5);
    const calls: number[] = [];
    while ((await kassa.must('jobs.get', { jobId: job.jobId })).state === 'running') {
      const started = performance.now();
      await kassa.must('station.getStatus', {});
      calls.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    clearInterval(probe);
    expect(calls.length).toBeGreaterThan(5);
    expect(Math.max(...calls)).toBeLessThan(100);
    expect(worst).toBeLessThan(150);
  });

  it('cancel: the job ends as cancelled, leaves no file, and its PDF is never served', async () => {
    const { job } = await kassa.must('topup.createBatch', { ...fixed, count: 100_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const asked = await kassa.must('jobs.cancel', { jobId: job.jobId });
    expect(asked.jobId).toBe(job.jobId);
    const end = await finished(job.jobId);
    expect(end).toMatchObject({ state: 'cancelled', downloadPath: null });
    expect(end.done).toBeLessThan(100_000);
    expect(readdirSync(join(kassa.dataDir, 'prints'))).toEqual([]);
    expect(kassa.station.printFile(job.jobId)).toBeNull();
    expect(await kassa.call('jobs.get', { jobId: 'f'.repeat(24) })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

function renderPage(file: string, dpi: number): { width: number; height: number; data: Buffer } {
  // Without an output name, pdftoppm writes the image to stdout.
  const png = execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-f',
    '1',
    '-l',
    '1',
    '-gray',
    '-png',
    '-singlefile',
    file,
  ]);
  const decoded = PNG.sync.read(png);
  return { width: decoded.width, height: decoded.height, data: decoded.data };
}

/** x positions with a dark pixel between rows `top` and `bottom` (pixels). */
function darkColumns(image: { width: number; data: Buffer }, top: number, bottom: number): number[] {
  const columns: number[] = [];
  for (let x = 0; x < image.width; x += 1)
    for (let y = top; y < bottom; y += 1)
      if ((image.data[(y * image.width + x) * 4] ?? 255) < 128) {
        columns.push(x);
        break;
      }
  return columns;
}

/** A small real JPEG: pdftoppm's JPEG output of a one-code card. */
async function jpegBytes(): Promise<Buffer> {
  const { job } = await kassa.must('topup.createBatch', { ...fixed, count: 1, layout: 'card' });
  await finished(job.jobId);
  return execFileSync('pdftoppm', [
    '-r',
    '30',
    '-f',
    '1',
    '-l',
    '1',
    '-jpeg',
    '-singlefile',
    printed(job.jobId),
  ]);
}
