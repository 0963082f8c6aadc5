import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageCodes } from '../support/pdf-codes';
import { decodeQrPng } from '../support/qr-decode';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1024, height: 768 } });

const PPID = '5c18cbd1296e9a26d3278518';

test('QR codes: a fixed sticker PDF and a configurable PNG are downloaded at 1024 × 768 and read as their payloads', async ({
  page,
  station,
  dataDir,
}) => {
  await page.goto(station.url);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'QR codes' }).click();
  const section = page.getByRole('region', { name: 'Sticker QR codes' });
  await section.getByLabel('Payment profile id (PPID)').fill(PPID);
  await section.getByRole('button', { name: 'Download PDF' }).click();
  await expect(section.getByRole('alert')).toContainText('Shop name: required.');

  await section.getByLabel('Shop name').fill('Frituur De Zwaan');
  await section.getByLabel('Till POS id').fill('counter2');
  await section.getByLabel('Sticker language').selectOption('de');
  const make = section.getByRole('button', { name: 'Download PDF' });
  const box = await make.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(1024);
  expect(box!.height).toBeGreaterThanOrEqual(44);
  const [pdf] = await Promise.all([page.waitForEvent('download'), make.click()]);
  expect(pdf.suggestedFilename()).toBe('sticker-counter2-de.pdf');
  const pdfFile = join(dataDir, 'sticker.pdf');
  await pdf.saveAs(pdfFile);
  expect(await pageCodes(pdfFile, 1)).toEqual([`https://pay.bancontact.net/l/1/${PPID}/counter2`]);

  await section.getByRole('button', { name: 'Configurable code' }).click();
  await section.getByLabel('Amount (€)').fill('12,50');
  await section.getByLabel('Reference').fill('Table 4');
  await section.getByLabel('Size').selectOption('XL');
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: 'Make the QR code' }).click(),
  ]);
  const pngFile = join(dataDir, 'sticker.png');
  await png.saveAs(pngFile);
  const bytes = readFileSync(pngFile);
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([800, 800]);
  expect(decodeQrPng(bytes)).toEqual([`https://pay.bancontact.net/t/1/${PPID}?A=1250&R=Table%204`]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
});
