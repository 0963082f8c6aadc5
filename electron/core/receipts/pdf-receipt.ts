import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { plainSpaces, receiptRows, type ReceiptRow } from '../../../shared/contract/receipt-lines';
import { RECEIPT_TEXTS } from '../../../shared/contract/receipt-texts';
import type { ReceiptView } from '../../../shared/contract/receipt-views';

/*
 * The receipt as a PDF on an 80 mm wide page, as long as the receipt: the same rows as the paper one
 * (shared/contract/receipt-lines.ts). Helvetica's WinAnsi encoding carries "€" and Western accents,
 * as on the report PDFs.
 */

/** Characters beyond Latin-1 that WinAnsi (the standard fonts' encoding) still has. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text the standard fonts can draw: as reports/pdf/page-writer.ts does, kept here because receipts
 * sit below the reports (a folder cycle otherwise).
 */
function winAnsi(text: string): string {
  let out = '';
  for (const char of plainSpaces(text.normalize('NFC')))
    out += (char.codePointAt(0) ?? 0) <= 0xff || WIN_ANSI_EXTRA.has(char) ? char : '?';
  return out;
}

const WIDTH = (80 / 25.4) * 72;
const MARGIN = 12;
const SIZE = 8;
const LEADING = 11;
const TABLE_ENDS = [WIDTH - MARGIN - 108, WIDTH - MARGIN - 54, WIDTH - MARGIN];

export interface PdfLogo {
  bytes: Uint8Array;
  mime: 'image/png' | 'image/jpeg';
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function renderReceiptPdf(
  view: ReceiptView,
  options: { logo?: PdfLogo | null; copy?: number } = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(winAnsi(`${RECEIPT_TEXTS[view.locale].receipt} ${view.tillName} ${view.number}`));
  doc.setProducer('Kassa');
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const logo = options.logo ? await embedLogo(doc, options.logo) : null;
  const rows = receiptRows(view, { copy: options.copy });
  const height = MARGIN * 2 + rows.reduce((sum, row) => sum + rowHeight(row, fonts, logo), 0);
  const page = doc.addPage([WIDTH, height]);
  let y = height - MARGIN;
  for (const row of rows) {
    y -= rowHeight(row, fonts, logo);
    drawRow(page, row, y, fonts, logo);
  }
  return doc.save();
}

function embedLogo(doc: PDFDocument, logo: PdfLogo): Promise<PDFImage> {
  return logo.mime === 'image/png' ? doc.embedPng(logo.bytes) : doc.embedJpg(logo.bytes);
}

function logoSize(logo: PDFImage): { width: number; height: number } {
  return logo.scaleToFit(WIDTH - MARGIN * 2, 60);
}

/** The left text of a row, wrapped to the room beside its right part. */
function wrap(text: string, font: PDFFont, room: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of winAnsi(text).split(' ')) {
    const next = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(next, SIZE) > room) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  return [...lines, current];
}

function leftRoom(row: ReceiptRow, fonts: Fonts): number {
  const right = row.kind === 'pair' ? fonts.bold.widthOfTextAtSize(winAnsi(row.right), SIZE) + 8 : 0;
  return WIDTH - MARGIN * 2 - right;
}

function rowHeight(row: ReceiptRow, fonts: Fonts, logo: PDFImage | null): number {
  if (row.kind === 'logo') return logo ? logoSize(logo).height + 6 : 0;
  if (row.kind === 'title') return 18;
  if (row.kind === 'rule') return 8;
  if (row.kind === 'pair' || row.kind === 'detail' || row.kind === 'center') {
    const text = row.kind === 'pair' ? row.left : row.text;
    return wrap(text, fonts.regular, leftRoom(row, fonts)).length * LEADING;
  }
  return LEADING;
}

/** Text drawing on one page, aligned left, right or centred. */
function pen(page: PDFPage, fonts: Fonts) {
  const text = (value: string, x: number, at: number, font = fonts.regular, size = SIZE) =>
    page.drawText(winAnsi(value), { x, y: at, size, font, color: rgb(0, 0, 0) });
  return {
    text,
    centered: (value: string, font: PDFFont, size: number, at: number) =>
      text(value, (WIDTH - font.widthOfTextAtSize(winAnsi(value), size)) / 2, at, font, size),
    rightAligned: (value: string, end: number, at: number, font = fonts.regular) =>
      text(value, end - font.widthOfTextAtSize(winAnsi(value), SIZE), at, font),
  };
}

function drawRow(page: PDFPage, row: ReceiptRow, y: number, fonts: Fonts, logo: PDFImage | null): void {
  const { text, centered, rightAligned } = pen(page, fonts);
  const lines = (value: string) => wrap(value, fonts.regular, leftRoom(row, fonts));
  const top = (count: number) => y + (count - 1) * LEADING + 3;
  switch (row.kind) {
    case 'logo':
      if (logo) page.drawImage(logo, { ...logoSize(logo), x: (WIDTH - logoSize(logo).width) / 2, y: y + 3 });
      return;
    case 'title':
      return centered(row.text, fonts.bold, 12, y + 4);
    case 'mark':
      return centered(row.text, fonts.bold, SIZE, y + 3);
    case 'center':
      return lines(row.text).forEach((line, i, all) =>
        centered(line, fonts.regular, SIZE, top(all.length) - i * LEADING),
      );
    case 'detail':
      return lines(row.text).forEach((line, i, all) => text(line, MARGIN, top(all.length) - i * LEADING));
    case 'pair': {
      const font = row.strong ? fonts.bold : fonts.regular;
      const all = lines(row.left);
      all.forEach((line, i) => text(line, MARGIN, top(all.length) - i * LEADING, font));
      return rightAligned(row.right, WIDTH - MARGIN, top(all.length), font);
    }
    case 'table': {
      const font = row.header ? fonts.bold : fonts.regular;
      text(row.cells[0], MARGIN, y + 3, font);
      return row.cells.slice(1).forEach((cell, i) => rightAligned(cell, TABLE_ENDS[i]!, y + 3, font));
    }
    case 'rule':
      page.drawLine({ start: { x: MARGIN, y: y + 4 }, end: { x: WIDTH - MARGIN, y: y + 4 }, thickness: 0.5 });
  }
}
