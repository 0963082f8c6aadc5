import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, rgb } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';

let kassa: StationWithShell;
beforeEach(async () => {
  kassa = await startStationWithShell();
});
afterEach(async () => {
  await kassa.close();
});

function pngLogo(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  for (let i = 0; i < width * height; i += 1) image.data.set([30, 58, 138, 255], i * 4);
  return PNG.sync.write(image);
}

const refusal = (result: { ok: boolean; error?: { code: string; fields?: string[] } }) =>
  result.ok ? 'OK' : { code: result.error?.code, fields: result.error?.fields };

const served = (path = '/downloads/logo') => fetch(kassa.shell.url + path);

/** A small JPEG: a one-page PDF rendered by pdftoppm (no JPEG encoder is installed for Node). */
async function jpegLogo(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([32, 16]).drawRectangle({ x: 0, y: 0, width: 32, height: 16, color: rgb(0.1, 0.2, 0.5) });
  const file = join(kassa.dataDir, 'logo-source.pdf');
  writeFileSync(file, await doc.save());
  const out = join(kassa.dataDir, 'logo-made');
  execFileSync('pdftoppm', ['-jpeg', '-r', '72', '-singlefile', file, out]);
  return readFileSync(`${out}.jpg`);
}

function pdfOf(bytes: Buffer, tool: 'pdftotext' | 'pdfimages'): string {
  const file = join(kassa.dataDir, 'check.pdf');
  writeFileSync(file, bytes);
  const args = tool === 'pdftotext' ? ['-layout', file, '-'] : ['-list', file];
  return execFileSync(tool, args, { encoding: 'utf8' });
}

describe('the logo', () => {
  it('is set as a data URL, served over HTTP with its type, and removed', async () => {
    expect((await served()).status).toBe(404);
    const png = pngLogo(40, 20);
    const view = await kassa.must('settings.setLogo', {
      image: `data:image/png;base64,${png.toString('base64')}`,
    });
    expect(view).toMatchObject({ mime: 'image/png', bytes: png.length, path: '/downloads/logo' });
    const response = await served(`${view.path}?v=${view.updatedAt}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
    // The desktop window (file://) gets the image in the answer instead.
    const withImage = await kassa.must('settings.getLogo', { withImage: true });
    expect(withImage?.dataUrl).toBe(`data:image/png;base64,${png.toString('base64')}`);

    await kassa.must('settings.removeLogo', {});
    expect(await kassa.must('settings.getLogo', {})).toBeNull();
    expect((await served()).status).toBe(404);
  });

  it('takes a JPEG as bare base64 and serves it as image/jpeg', async () => {
    const jpeg = await jpegLogo();
    await kassa.must('settings.setLogo', { image: jpeg.toString('base64') });
    const response = await served();
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(jpeg);
  });

  it('is refused, naming the image, when it is not a PNG or JPEG, says another type, or is too big', async () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1').toString('base64');
    const png = pngLogo(8, 8).toString('base64');
    // Noise does not compress: a PNG well over 256 KB.
    const big = new PNG({ width: 300, height: 300 });
    big.data.set(randomBytes(big.data.length));
    const tooBig = PNG.sync.write(big);
    expect(tooBig.length).toBeGreaterThan(256 * 1024);
    for (const image of [
      gif,
      `data:image/jpeg;base64,${png}`,
      'not an image at all',
      tooBig.toString('base64'),
    ]) {
      expect(refusal(await kassa.call('settings.setLogo', { image }))).toEqual({
        code: 'INVALID_INPUT',
        fields: ['image'],
      });
    }
    expect(await kassa.must('settings.getLogo', {})).toBeNull();
  });

  it('heads the X report PDF with the business identity and the logo', async () => {
    await kassa.must('settings.setSalesSetup', {
      business: { name: 'Café De Kaai bv', address: 'Kaai 2, 9000 Gent', vatNumber: 'BE0403170701' },
    });
    await kassa.must('settings.setLogo', { image: pngLogo(120, 40).toString('base64') });
    const file = await kassa.must('reports.exportPdf', { kind: 'x' });
    const pdf = Buffer.from(await (await served(file.path)).arrayBuffer());
    const text = pdfOf(pdf, 'pdftotext');
    expect(text).toContain('Café De Kaai bv');
    expect(text).toContain('Kaai 2, 9000 Gent');
    expect(text).toContain('BE 0403.170.701');
    expect(text.indexOf('Café De Kaai bv')).toBeLessThan(text.indexOf('X report'));
    // One image, the logo at its own size (pdfimages -list: page, num, type, width, height).
    const images = pdfOf(pdf, 'pdfimages').split('\n').slice(2).filter(Boolean);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^\s*1\s+0\s+image\s+120\s+40\s/);
  });

  it('is printed on a top-up batch that has no logo of its own', async () => {
    await kassa.must('settings.setLogo', { image: pngLogo(40, 20).toString('base64') });
    const batch = { amountMode: 'fixed', amountCents: 2000, description: 'Top-up', eventName: 'Kaai Fest' };
    const { job } = await kassa.must('topup.createBatch', { ...batch, count: 2, layout: 'a4', locale: 'en' });
    let done = await kassa.must('jobs.get', { jobId: job.jobId });
    while (done.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 25));
      done = await kassa.must('jobs.get', { jobId: job.jobId });
    }
    expect(done.state).toBe('done');
    const images = execFileSync('pdfimages', ['-list', join(kassa.dataDir, 'prints', `${job.jobId}.pdf`)], {
      encoding: 'utf8',
    });
    // Drawn with each of the 2 codes, embedded once (one object) for the whole document.
    const rows = images.split('\n').slice(2).filter(Boolean);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/\bimage\s+40\s+20\b/);
    expect(new Set(rows.map((row) => row.trim().split(/\s+/)[10])).size).toBe(1);
  });
});
