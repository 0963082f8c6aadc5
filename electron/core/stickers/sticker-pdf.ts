import QRCode from 'qrcode';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { StickerLanguage } from '../../../shared/domain/sticker-payload';
import { STICKER_TEXTS } from './sticker-texts';

/** A5 portrait, in points: a sticker or a counter sign, printable on any office printer. */
const PAGE = { width: 419.53, height: 595.28 };
const MARGIN = 36;
/** The code's side with its quiet zone: 9 cm, readable from an arm's length. */
const CODE_SIDE = 255;
const QUIET_ZONE = 4;
const BLACK = rgb(0, 0, 0);

export interface FixedStickerPdfInput {
  payload: string;
  shopName: string;
  posId: string;
  language: StickerLanguage;
}

/** Standard fonts speak WinAnsi only: a character outside it prints as `?` instead of failing the PDF. */
function printable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  return Array.from(text.normalize('NFC'), (char) => (known.has(char.codePointAt(0) ?? 0) ? char : '?')).join(
    '',
  );
}

/** One centred line, its size shrunk until it fits between the margins. */
function centred(page: PDFPage, font: PDFFont, text: string, size: number, y: number): void {
  const line = printable(font, text);
  let fitted = size;
  while (fitted > 6 && font.widthOfTextAtSize(line, fitted) > PAGE.width - 2 * MARGIN) fitted -= 0.5;
  const width = font.widthOfTextAtSize(line, fitted);
  page.drawText(line, { x: (PAGE.width - width) / 2, y, size: fitted, font, color: BLACK });
}

/** The code as one filled rectangle per horizontal run of dark modules: vector, sharp on any printer. */
function drawCode(page: PDFPage, payload: string, top: number): void {
  const code = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const { size, data } = code.modules;
  const module = CODE_SIDE / (size + 2 * QUIET_ZONE);
  const left = (PAGE.width - CODE_SIDE) / 2 + QUIET_ZONE * module;
  const codeTop = top - QUIET_ZONE * module;
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      if (data[row * size + column] === 0) continue;
      let end = column + 1;
      while (end < size && data[row * size + end] !== 0) end += 1;
      const y = codeTop - (row + 1) * module;
      page.drawRectangle({
        x: left + column * module,
        y,
        width: (end - column) * module,
        height: module,
        color: BLACK,
      });
      column = end;
    }
  }
}

/** The fixed sticker of one till: title, shop name, the code, the till's POS id and three steps for the payer. */
export async function fixedStickerPdf(input: FixedStickerPdfInput): Promise<Uint8Array> {
  const texts = STICKER_TEXTS[input.language];
  const doc = await PDFDocument.create();
  doc.setTitle(`${input.shopName} - ${texts.title}`);
  doc.setLanguage(input.language);
  doc.setProducer('Kassa');
  doc.setCreator('Kassa');
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  let y = PAGE.height - MARGIN - 22;
  centred(page, bold, texts.title, 22, y);
  y -= 34;
  centred(page, bold, input.shopName, 18, y);
  y -= 16;
  drawCode(page, input.payload, y);
  y -= CODE_SIDE + 16;
  centred(page, regular, `${texts.till} ${input.posId}`, 11, y);
  y -= 34;
  for (const step of texts.steps) {
    centred(page, regular, step, 13, y);
    y -= 22;
  }
  return doc.save();
}
