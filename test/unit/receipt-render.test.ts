import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { renderEscPos } from '../../electron/core/receipts/escpos-receipt';
import { renderReceiptPdf } from '../../electron/core/receipts/pdf-receipt';
import { decodeEscPos } from '../support/escpos-decode';
import { pdfInfo, pdfText } from '../support/pdf-codes';
import { sampleReceipt } from '../support/receipt-sample';
import { tempDir } from '../support/temp';

// The machine's zone must not matter: the receipt shows Brussels time. New York is 6 hours behind it.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = zone;
});

/** What a customer must find on any receipt of the sample sale, whatever the paper or the PDF. */
function expectSampleContent(text: string): void {
  expect(text).toContain('Café Zoë');
  expect(text).toMatch(/Crème brûlée\s+€ 13,00/);
  expect(text).toContain('2 x € 6,50');
  expect(text).toMatch(/Korting\s+€ -1,95/);
  expect(text).toMatch(/TOTAAL\s+€ 17,55/);
  // The VAT summary: one row per rate with net, VAT and gross.
  expect(text).toMatch(/21 ?%\s+3,35\s+0,70\s+4,05/);
  expect(text).toMatch(/12 ?%\s+9,64\s+1,16\s+10,80/);
  expect(text).toMatch(/6 ?%\s+2,55\s+0,15\s+2,70/);
  expect(text).toMatch(/Polsbandje\s+€ 10,00/);
  expect(text).toContain('ID WB-7741');
  expect(text).toMatch(/Bancontact\s+€ 7,55/);
  expect(text).toContain('ID bc-payment-1234');
  expect(text).toContain('Kasticket 42');
  expect(text).toContain('2026-07-01 14:34');
}

describe('a receipt rendered for the printer and as PDF', () => {
  it('runs in a zone that is not Brussels', () => {
    expect(new Date(Date.UTC(2026, 6, 1, 12)).getHours()).toBe(8);
  });

  for (const [paperMm, columns] of [
    [58, 32],
    [80, 48],
  ] as const) {
    it(`prints every line, the VAT per rate and both tenders at ${columns} columns on cp858`, () => {
      const printed = decodeEscPos(renderEscPos(sampleReceipt(), { paperMm, codePage: 'cp858' }));
      expectSampleContent(printed.text);
      expect(printed.codePages).toEqual(['cp858']);
      expect(Math.max(...printed.lines.map((line) => line.length))).toBe(columns);
      expect(printed.cuts).toBeGreaterThanOrEqual(1);
      expect(printed.drawerPulses).toBe(0);
      expect(printed.rasterImages).toBe(0);
    });
  }

  it('writes "€" as byte 0xD5 of cp858 and pulses the drawer only when asked', () => {
    const bytes = renderEscPos(sampleReceipt(), { paperMm: 80, codePage: 'cp858', openDrawer: true });
    expect(bytes.includes(0xd5)).toBe(true);
    expect(bytes.includes(Buffer.from('€', 'utf8'))).toBe(false);
    expect(decodeEscPos(bytes).drawerPulses).toBe(1);
  });

  it('prints accents on cp1252 too, with that page selected', () => {
    const printed = decodeEscPos(
      renderEscPos(sampleReceipt({ locale: 'fr' }), { paperMm: 80, codePage: 'cp1252' }),
    );
    expect(printed.codePages).toEqual(['cp1252']);
    expect(printed.text).toContain('Crème brûlée');
    expect(printed.text).toMatch(/Espèces|Bracelet/);
    expect(printed.text).toMatch(/TOTAL\s+17,55 €/);
  });

  it('prints the logo as a raster image, the training mark and a reprint as a copy', () => {
    const png = new PNG({ width: 64, height: 16 });
    png.data.fill(0);
    const printed = decodeEscPos(
      renderEscPos(sampleReceipt({ hasLogo: true, training: true, locale: 'en' }), {
        ...{ paperMm: 80, codePage: 'cp858', copy: 2 },
        logoPng: PNG.sync.write(png),
      }),
    );
    expect(printed.rasterImages).toBe(1);
    expect(printed.text).toContain('TRAINING - not a receipt');
    expect(printed.text).toContain('COPY 2');
  });

  it('says the same in the PDF, on an 80 mm page', async () => {
    const folder = tempDir();
    try {
      const file = join(folder.dir, 'receipt.pdf');
      writeFileSync(file, await renderReceiptPdf(sampleReceipt()));
      expectSampleContent(pdfText(file));
      expect(pdfInfo(file).widthMm).toBeCloseTo(80, 0);
    } finally {
      folder.remove();
    }
  });
});
