import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = 48;
const GREY = rgb(0.45, 0.45, 0.45);

/** Characters beyond Latin-1 that WinAnsi (the standard fonts' encoding) still has. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Intl puts narrow no-break spaces in French amounts; the standard fonts cannot draw them. */
export function winAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (char === '\u202f' || char === '\u2009' || char === '\u2007') out += ' ';
    else if ((char.codePointAt(0) ?? 0) <= 0xff || WIN_ANSI_EXTRA.has(char)) out += char;
    else out += '?';
  }
  return out;
}

/** A top-to-bottom text cursor over A4 pages that starts a new page when one is full. */
export class PageWriter {
  page: PDFPage;
  y: number;

  private constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  static async create(title: string): Promise<PageWriter> {
    const doc = await PDFDocument.create();
    doc.setTitle(winAnsi(title));
    doc.setProducer('Kassa');
    const writer = new PageWriter(
      doc,
      await doc.embedFont(StandardFonts.Helvetica),
      await doc.embedFont(StandardFonts.HelveticaBold),
    );
    return writer;
  }

  /** Makes room for `height` points, on a new page when this one has not got them. */
  ensure(height: number): void {
    if (this.y - height >= MARGIN) return;
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  title(text: string): void {
    this.ensure(28);
    this.text(text, MARGIN, 18, true);
    this.y -= 26;
  }

  heading(text: string): void {
    this.ensure(30);
    this.y -= 8;
    this.text(text, MARGIN, 11, true);
    this.y -= 16;
  }

  /** A label on the left and its values right-aligned in columns ending at the given x positions. */
  row(label: string, values: string[], columnEnds: number[] = [A4.width - MARGIN], grey = false): void {
    this.ensure(14);
    this.text(label, MARGIN + 8, 9.5, false, grey);
    values.forEach((value, i) => {
      const end = columnEnds[i] ?? A4.width - MARGIN;
      const text = winAnsi(value);
      this.text(text, end - this.regular.widthOfTextAtSize(text, 9.5), 9.5, false, grey);
    });
    this.y -= 13;
  }

  note(text: string): void {
    this.ensure(14);
    this.text(text, MARGIN, 8.5, false, true);
    this.y -= 12;
  }

  text(text: string, x: number, size: number, bold = false, grey = false): void {
    this.page.drawText(winAnsi(text), {
      x,
      y: this.y - size,
      size,
      font: bold ? this.bold : this.regular,
      ...(grey ? { color: GREY } : {}),
    });
  }

  save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}
