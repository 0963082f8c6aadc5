import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LogoError, logoBytes, readLogo } from '../../electron/core/topup/pdf/logo-image';
import { PdfFileWriter } from '../../electron/core/topup/pdf/pdf-file-writer';
import { amountText } from '../../electron/core/topup/print-texts';
import { tempDir } from '../support/temp';

let folder: ReturnType<typeof tempDir>;
beforeEach(() => (folder = tempDir()));
afterEach(() => folder.remove());

const pngUrl = (width: number, height: number, alpha: (i: number) => number): string => {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i += 1) png.data.set([10, 20, 30, alpha(i)], i * 4);
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
};

/** The smallest JPEG header that says what a reader needs: SOI, an APP0, and a baseline SOF0. */
function jpegHeader(width: number, height: number, components: number): Buffer {
  const sof = Buffer.from([
    0xff,
    0xc0,
    0,
    8 + 3 * components,
    8,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    components,
  ]);
  const parts = Array.from({ length: components }, (_, i) => Buffer.from([i + 1, 0x11, 0]));
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0]),
    sof,
    ...parts,
    Buffer.from([0xff, 0xd9]),
  ]);
}

describe('logos', () => {
  it('keep a PNG transparency as a soft mask, and leave it out for an opaque PNG', () => {
    const clear = readLogo(pngUrl(4, 2, (i) => (i % 2 ? 0 : 255)));
    expect(clear).toMatchObject({ width: 4, height: 2 });
    expect([...inflateSync(clear.alpha!)]).toEqual([255, 0, 255, 0, 255, 0, 255, 0]);
    expect(inflateSync(clear.data).subarray(0, 3)).toEqual(Buffer.from([10, 20, 30]));
    expect(readLogo(pngUrl(3, 3, () => 255)).alpha).toBeNull();
  });

  it('take a JPEG as it is, reading its size and colour space from the frame header', () => {
    const bytes = jpegHeader(320, 200, 3);
    const image = readLogo(`data:image/jpeg;base64,${bytes.toString('base64')}`);
    expect(image).toMatchObject({ width: 320, height: 200, alpha: null });
    expect(image.dictionary).toContain('/ColorSpace /DeviceRGB');
    expect(image.dictionary).toContain('/Filter /DCTDecode');
    expect(image.data.equals(bytes)).toBe(true);
    expect(
      readLogo(`data:image/jpeg;base64,${jpegHeader(10, 10, 1).toString('base64')}`).dictionary,
    ).toContain('DeviceGray');
  });

  it.each([
    ['data:image/gif;base64,R0lGODlh', /PNG or JPEG/],
    [`data:image/png;base64,${jpegHeader(1, 1, 3).toString('base64')}`, /not a PNG/],
    [
      `data:image/jpeg;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64')}`,
      /not a JPEG/,
    ],
    [
      `data:image/png;base64,${Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(30)]).toString('base64')}`,
      /damaged/,
    ],
  ])('refuse %s with a reason a person can act on', (url, reason) => {
    expect(() => readLogo(url)).toThrow(LogoError);
    expect(() => readLogo(url)).toThrow(reason);
  });

  it('refuse a PNG that would decode to more than 4 million pixels before decoding it', () => {
    const header = Buffer.from(logoBytes(pngUrl(1, 1, () => 255)).bytes);
    header.writeUInt32BE(4000, 16);
    header.writeUInt32BE(2000, 20);
    expect(() => readLogo(`data:image/png;base64,${header.toString('base64')}`)).toThrow(/4 million pixels/);
  });
});

describe('the streaming PDF writer', () => {
  it('writes a cross-reference table whose every offset points at its object', () => {
    const file = join(folder.dir, 'x.pdf');
    const writer = new PdfFileWriter(file);
    const ids = [writer.reserve(), writer.reserve(), writer.reserve()];
    writer.object(ids[2]!, '<< /Type /Pages /Kids [] /Count 0 >>');
    writer.stream(ids[1]!, '', Buffer.from('0 0 1 1 re f'));
    writer.object(ids[0]!, `<< /Type /Catalog /Pages ${ids[2]} 0 R >>`);
    writer.finish(ids[0]!);
    const text = readFileSync(file, 'latin1');
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const entries = text.slice(xrefAt).split('\n').slice(3, 6);
    entries.forEach((entry, i) => {
      expect(entry).toMatch(/^\d{10} 00000 n $/);
      expect(text.slice(Number(entry.slice(0, 10)))).toMatch(new RegExp(`^${i + 1} 0 obj\\n`));
    });
    expect(text).toContain('/Length 12>>\nstream\n0 0 1 1 re f\nendstream');
  });

  it('leaves only a finished file under its name: abandon removes the partial one', () => {
    const file = join(folder.dir, 'y.pdf');
    const writer = new PdfFileWriter(file);
    writer.object(writer.reserve(), '<< >>');
    writer.abandon();
    expect(() => readFileSync(file)).toThrow();
    expect(() => readFileSync(`${file}.part`)).toThrow();
  });
});

describe('the amount line', () => {
  it('prints the amount in the language, or what to do on an open code', () => {
    expect(amountText('fixed', 2000, 'nl').replace(/\u00a0/g, ' ')).toBe('€ 20,00');
    expect(amountText('modifiable', 2000, 'fr').replace(/\s/g, ' ')).toBe('20,00 €');
    expect(amountText('fixed', 2000, 'en')).toBe('€20.00');
    expect([
      amountText('open', null, 'nl'),
      amountText('open', null, 'fr'),
      amountText('open', null, 'en'),
    ]).toEqual(['uw bedrag', 'votre montant', 'your amount']);
  });
});
