import { Encodings, Font, FontNames } from '@pdf-lib/standard-fonts';

/**
 * The three standard fonts the codes are printed in. Standard fonts are not embedded (every PDF
 * reader has them), so a 4 000-page PDF carries no font bytes; their metrics come from pdf-lib's own
 * tables. Text is WinAnsi-encoded: Belgian event names (é, è, ç, ë, €) all fit; anything else prints as `?`.
 */
export const FONTS = {
  regular: { resource: 'F1', base: 'Helvetica', metrics: Font.load(FontNames.Helvetica) },
  bold: { resource: 'F2', base: 'Helvetica-Bold', metrics: Font.load(FontNames.HelveticaBold) },
  /** Wristband ids: monospaced, so every id of a batch has the same width and place. */
  mono: { resource: 'F3', base: 'Courier-Bold', metrics: Font.load(FontNames.CourierBold) },
} as const;
export type FontKey = keyof typeof FONTS;

export interface EncodedText {
  /** WinAnsi codes. */
  codes: Uint8Array;
  glyphs: string[];
}

/** Intl writes narrow no-break spaces in French amounts; WinAnsi has only the ordinary no-break space. */
const SUBSTITUTES: Readonly<Record<number, number>> = { 0x202f: 0xa0, 0x2009: 0x20, 0x2007: 0x20 };

export function encodeWinAnsi(text: string): EncodedText {
  const codes: number[] = [];
  const glyphs: string[] = [];
  for (const char of text.normalize('NFC')) {
    const point = char.codePointAt(0) ?? 0x3f;
    const mapped = SUBSTITUTES[point] ?? point;
    const encoded = Encodings.WinAnsi.canEncodeUnicodeCodePoint(mapped)
      ? Encodings.WinAnsi.encodeUnicodeCodePoint(mapped)
      : { code: 0x3f, name: 'question' };
    codes.push(encoded.code);
    glyphs.push(encoded.name);
  }
  return { codes: Uint8Array.from(codes), glyphs };
}

/** Width in points of `text` at `size`. */
export function textWidth(text: EncodedText, font: FontKey, size: number): number {
  const metrics = FONTS[font].metrics;
  let units = 0;
  for (const glyph of text.glyphs) units += metrics.getWidthOfGlyph(glyph) ?? 500;
  return (units * size) / 1000;
}

/** A PDF hex string: safe for any byte, and pdftotext reads it like any other. */
export function hexString(text: EncodedText): string {
  return `<${Buffer.from(text.codes).toString('hex')}>`;
}

/** The font dictionaries, for the shared resources object. */
export function fontDictionary(key: FontKey): string {
  return `<< /Type /Font /Subtype /Type1 /BaseFont /${FONTS[key].base} /Encoding /WinAnsiEncoding >>`;
}
