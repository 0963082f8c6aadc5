import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageCodes, pdfInfo, pdfText } from '../support/pdf-codes';
import { decodeQrPng } from '../support/qr-decode';
import { startTestStation, type TestStation } from '../support/station-in-process';

let kassa: TestStation;
const dir = mkdtempSync(join(tmpdir(), 'kassa-stickers-'));
const PPID = '5c18cbd1296e9a26d3278518';

beforeEach(async () => {
  // Stickers never call Bancontact: the training simulator may as well be unreachable.
  kassa = await startTestStation({ simulatorUrl: 'http://127.0.0.1:9' });
});
afterEach(async () => {
  await kassa.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function saved(name: string, base64: string): string {
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}

/** An SVG as a browser draws it: rendered by Chromium (headless, a screenshot), then read by zbarimg. */
function decodeSvg(base64: string, name: string, px: number): string[] {
  const svg = saved(`${name}.svg`, base64);
  const png = join(dir, `${name}.png`);
  const side = String(px + 40);
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars'];
  execFileSync(
    '/usr/bin/chromium',
    [...flags, `--window-size=${side},${side}`, `--screenshot=${png}`, `file://${svg}`],
    {
      stdio: 'ignore',
      timeout: 60_000,
    },
  );
  return decodeQrPng(readFileSync(png));
}

const pngSide = (bytes: Buffer): [number, number] => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

describe('fixed stickers', () => {
  const titles = {
    nl: 'Betaal hier met je bankapp',
    fr: 'Payez ici avec votre app bancaire',
    en: 'Pay here with your banking app',
    de: 'Hier mit Ihrer Banking-App bezahlen',
  } as const;

  it('prints one A5 page per language whose code reads as the till’s static POS payload on the new host', async () => {
    const expected = `https://pay.bancontact.net/l/1/${PPID}/counter2`;
    for (const language of ['nl', 'fr', 'en', 'de'] as const) {
      const sticker = await kassa.must('stickers.fixedPdf', {
        shopName: 'Frituur ’t Hoekske',
        ppid: PPID,
        posId: 'counter2',
        language,
      });
      expect(sticker).toMatchObject({ mime: 'application/pdf', payload: expected });
      expect(sticker.fileName).toBe(`sticker-counter2-${language}.pdf`);
      const file = saved(sticker.fileName, sticker.base64);
      expect(pdfInfo(file)).toMatchObject({ pages: 1 });
      expect(await pageCodes(file, 1)).toEqual([expected]);
      const text = pdfText(file, 1);
      expect(text).toContain(titles[language]);
      expect(text).toContain('Frituur ’t Hoekske');
    }
  });

  it('refuses a POS id Bancontact would not take, naming the field', async () => {
    const result = await kassa.call('stickers.fixedPdf', {
      shopName: 'Shop',
      ppid: PPID,
      posId: 'till 1',
      language: 'nl',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: ['posId'] } });
  });
});

describe('configurable stickers', () => {
  const values = { ppid: PPID, amountCents: 1250, reference: 'Table 12?', description: 'Café drinks & food' };
  const expected = `https://pay.bancontact.net/t/1/${PPID}?D=Caf%C3%A9%20drinks%20%26%20food&A=1250&R=Table%2012%3F`;

  it('makes PNGs of exactly 180, 250, 400 and 800 px and SVGs at each size, all reading as the payload', async () => {
    for (const [size, px] of [
      ['S', 180],
      ['M', 250],
      ['L', 400],
      ['XL', 800],
    ] as const) {
      const png = await kassa.must('stickers.configurable', { ...values, format: 'png', size });
      expect(png).toMatchObject({
        mime: 'image/png',
        payload: expected,
        fileName: `sticker-${PPID}-${size}.png`,
      });
      const bytes = Buffer.from(png.base64, 'base64');
      expect(pngSide(bytes)).toEqual([px, px]);
      expect(decodeQrPng(bytes)).toEqual([expected]);
      const svg = await kassa.must('stickers.configurable', { ...values, format: 'svg', size });
      expect(svg.mime).toBe('image/svg+xml');
      expect(Buffer.from(svg.base64, 'base64').toString('utf8')).toMatch(
        new RegExp(`^<svg[^>]+width="${px}"[^>]+height="${px}"`),
      );
      expect(decodeSvg(svg.base64, `svg-${size}`, px)).toEqual([expected]);
    }
  });

  it('leaves out what is not given: an open code carries only the profile', async () => {
    const png = await kassa.must('stickers.configurable', { ppid: PPID, format: 'png', size: 'S' });
    expect(decodeQrPng(Buffer.from(png.base64, 'base64'))).toEqual([
      `https://pay.bancontact.net/t/1/${PPID}`,
    ]);
  });

  it('refuses values beyond the seed’s limits, naming each field', async () => {
    const tooLong = 'x'.repeat(36);
    const result = await kassa.call('stickers.configurable', {
      ppid: PPID,
      format: 'png',
      amountCents: 1_000_000,
      reference: tooLong,
      description: tooLong,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect([...(result.error.fields ?? [])].sort()).toEqual(['amountCents', 'description', 'reference']);
  });
});

describe('re-issuing a sticker printed with the old host', () => {
  it('makes the same fixed sticker on pay.bancontact.net from the payload read off the old one', async () => {
    const old = await kassa.must('stickers.fixedPdf', {
      shopName: 'Bakkerij Peeters',
      ppid: PPID,
      posId: 'till1',
      language: 'fr',
      legacyHost: true,
    });
    const oldFile = saved('old-fixed.pdf', old.base64);
    const read = await pageCodes(oldFile, 1);
    expect(read).toEqual([`https://payconiq.com/l/1/${PPID}/till1`]);
    const again = await kassa.must('stickers.reissue', {
      oldPayload: read[0] ?? '',
      shopName: 'Bakkerij Peeters',
      language: 'fr',
    });
    expect(again.oldPayload).toBe(`https://payconiq.com/l/1/${PPID}/till1`);
    expect(again.mime).toBe('application/pdf');
    expect(await pageCodes(saved('new-fixed.pdf', again.base64), 1)).toEqual([
      `https://pay.bancontact.net/l/1/${PPID}/till1`,
    ]);
  });

  it('makes the same configurable code on the new host, its values unchanged', async () => {
    const values = { ppid: PPID, amountCents: 500, reference: 'INV-2026-0042', description: 'Invoice 42' };
    const old = await kassa.must('stickers.configurable', {
      ...values,
      format: 'png',
      size: 'L',
      legacyHost: true,
    });
    const [read] = decodeQrPng(Buffer.from(old.base64, 'base64'));
    expect(read).toBe(`https://payconiq.com/t/1/${PPID}?D=Invoice%2042&A=500&R=INV-2026-0042`);
    const again = await kassa.must('stickers.reissue', { oldPayload: read ?? '', format: 'png', size: 'L' });
    const bytes = Buffer.from(again.base64, 'base64');
    expect(pngSide(bytes)).toEqual([400, 400]);
    expect(decodeQrPng(bytes)).toEqual([
      `https://pay.bancontact.net/t/1/${PPID}?D=Invoice%2042&A=500&R=INV-2026-0042`,
    ]);
  });

  it('refuses what is no sticker payload, and a fixed sticker without its shop name', async () => {
    expect(
      await kassa.call('stickers.reissue', { oldPayload: 'https://example.com/l/1/abc/1' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: ['oldPayload'] },
    });
    expect(
      await kassa.call('stickers.reissue', { oldPayload: `https://payconiq.com/l/1/${PPID}/till1` }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: ['shopName'] } });
  });
});
