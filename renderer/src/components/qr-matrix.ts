import QRCode from 'qrcode';

/** Quiet zone: the QR spec asks for four modules of white around the code. */
export const QUIET_ZONE = 4;

export interface QrShape {
  /** Side of the whole image in modules, quiet zone included. */
  side: number;
  /** One SVG path drawing every dark module as a unit square. */
  path: string;
}

/**
 * Builds the code locally from the deeplink (error correction M). Runs of dark modules on a row
 * become one rectangle, which keeps the path short for long payment URLs.
 */
export function qrShape(text: string): QrShape {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return { side: size + 2 * QUIET_ZONE, path: parts.join('') };
}
