import { ByteBuilder } from './byte-builder';
import type { CellDesign, TextSlot } from './cell-design';
import { encodeWinAnsi, FONTS, hexString, textWidth, type EncodedText } from './fonts';
import type { PdfImage } from './logo-image';

export interface FittedText {
  text: EncodedText;
  size: number;
  x: number;
}

const ELLIPSIS = '\u2026';

/** The largest size at which `value` fits its slot; at the smallest size it is cut with an ellipsis. */
export function fitText(value: string, slot: TextSlot): FittedText {
  let size = slot.size;
  let text = encodeWinAnsi(value);
  while (size > slot.minSize && textWidth(text, slot.font, size) > slot.width)
    size = Math.max(slot.minSize, size - 0.25);
  let chars = [...value];
  while (chars.length > 1 && textWidth(text, slot.font, size) > slot.width) {
    chars = chars.slice(0, -1);
    text = encodeWinAnsi(chars.join('').trimEnd() + ELLIPSIS);
  }
  const width = textWidth(text, slot.font, size);
  const x = slot.align === 'center' ? slot.x + (slot.width - width) / 2 : slot.x;
  return { text, size, x };
}

function writeText(out: ByteBuilder, slot: TextSlot, fitted: FittedText): void {
  out.text(`BT /${FONTS[slot.font].resource} `).num(fitted.size).text(' Tf ');
  out.op([fitted.x, slot.baseline], 'Td');
  out.text(hexString(fitted.text)).text(' Tj ET\n');
}

/** The logo scaled to fit its box, centred in it, keeping its proportions. */
function writeLogo(out: ByteBuilder, box: NonNullable<CellDesign['logo']>, logo: PdfImage): void {
  const scale = Math.min(box.width / logo.width, box.height / logo.height);
  const width = logo.width * scale;
  const height = logo.height * scale;
  const x = box.x + (box.width - width) / 2;
  const y = box.y + (box.height - height) / 2;
  out.text('q ').op([width, 0, 0, height, x, y], 'cm').text('/Logo Do Q\n');
}

/**
 * The instruction cut into the design's lines at word boundaries (the last line takes the rest and
 * shrinks or ends in an ellipsis if it must).
 */
function hintLines(value: string, slots: readonly TextSlot[]): Array<[TextSlot, FittedText]> {
  const words = value.split(' ');
  return slots.map((slot, at) => {
    if (at === slots.length - 1) return [slot, fitText(words.splice(0).join(' '), slot)];
    let count = 1;
    while (
      count < words.length &&
      textWidth(encodeWinAnsi(words.slice(0, count + 1).join(' ')), slot.font, slot.size) <= slot.width
    )
      count += 1;
    return [slot, fitText(words.splice(0, count).join(' '), slot)];
  });
}

/**
 * What every code of a batch shares: event name, amount and logo, in cell coordinates. Written once
 * and copied into each cell, it leaves only the id and the QR to be made per code.
 */
export function sharedCellBytes(
  design: CellDesign,
  texts: { eventName: string; amountText: string; hintText?: string },
  logo: PdfImage | null,
): Buffer {
  const out = new ByteBuilder(1024);
  writeText(out, design.event, fitText(texts.eventName, design.event));
  writeText(out, design.amount, fitText(texts.amountText, design.amount));
  if (design.logo && logo) writeLogo(out, design.logo, logo);
  if (texts.hintText)
    for (const [slot, fitted] of hintLines(texts.hintText, design.hint)) writeText(out, slot, fitted);
  return Buffer.from(out.view());
}

/** The id's text operator up to the string itself; ids are monospaced and all alike in length. */
export function idTextPrefix(design: CellDesign, sampleId: string): Buffer {
  const fitted = fitText(sampleId, { ...design.id, minSize: Math.min(design.id.minSize, 4) });
  const out = new ByteBuilder(128);
  out.text(`BT /${FONTS[design.id.font].resource} `).num(fitted.size).text(' Tf ');
  out.op([fitted.x, design.id.baseline], 'Td');
  return Buffer.from(out.view());
}
